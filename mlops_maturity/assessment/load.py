"""Read answer files and check every answer against its questionnaire."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mlops_maturity.assessment.model import Answer, Assessment, Response
from mlops_maturity.assessment.values import MAX_TEXT, normalise, show
from mlops_maturity.errors import AnswersError, MaturityError, Problem
from mlops_maturity.questionnaire.load import load_questionnaire, resolve
from mlops_maturity.questionnaire.model import Questionnaire, iter_groups
from mlops_maturity.questionnaire.validation import problems_from_validation
from mlops_maturity.questionnaire.yamlsafe import Document, YamlFileError, read_yaml
from mlops_maturity.resources import builtin_questionnaires

Loc = tuple[str | int, ...]
ENTRY_KEYS = ("value", "note", "responses", "decision")
RESPONSE_KEYS = ("respondent", "value", "note")
SUGGESTIONS = 50  # problems that get a "did you mean …?"


def load_answers(
    path: Path, *, questionnaire: Path | None = None
) -> tuple[Assessment, Questionnaire]:
    """Read an answer file and its questionnaire; every problem is reported at once.

    ``questionnaire`` (``--questionnaire`` on the command line) overrides the one the file
    names. A file named by the answer file itself must be a .yaml file in the answer file's
    folder, the folder above it, or the current folder: an answer file from a pull request
    must not make the tool read, and quote in its errors, a file from elsewhere.
    """
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        raise AnswersError([exc.problem]) from None
    if not isinstance(doc.data, dict):
        raise AnswersError(
            [Problem(doc.file, "expected a mapping with questionnaire: and answers:")]
        )
    entries = doc.data.get("answers")
    try:
        raw = Assessment.model_validate({**doc.data, "answers": {}})
    except ValidationError as exc:
        problems = problems_from_validation(doc, exc)
        if isinstance(entries, dict):
            problems += [doc.problem(loc, msg, at_key=k) for loc, msg, k in _shapes(entries)]
        raise AnswersError(sorted(problems, key=_position)) from None
    if entries is not None and not isinstance(entries, dict):
        raise AnswersError([doc.problem(("answers",), "expected a mapping of question id: answer")])
    source = questionnaire if questionnaire is not None else _named(doc, raw, path)
    q = load_questionnaire(source)
    return check_answers(doc, raw, entries or {}, q), q


def _named(doc: Document, raw: Assessment, path: Path) -> Path:
    """The questionnaire an answer file names, if it is one the file may name."""
    try:
        source = resolve(raw.questionnaire, relative_to=path.parent)
        if source not in builtin_questionnaires().values():
            _check_place(source, path)
        if not source.is_file():
            raise MaturityError(
                f"no questionnaire file at {source}, and no built-in questionnaire "
                f"{raw.questionnaire!r} (see: mlops-maturity questionnaires list)"
            )
    except MaturityError as exc:
        raise AnswersError([doc.problem(("questionnaire",), str(exc))]) from None
    return source


def _check_place(source: Path, path: Path) -> None:
    """A questionnaire named by an answer file: .yaml, near the answer file or here."""
    allowed = [path.parent.resolve(), path.parent.resolve().parent, Path.cwd().resolve()]
    where = source.resolve()
    if source.suffix not in {".yaml", ".yml"} or not any(where.is_relative_to(a) for a in allowed):
        raise MaturityError(
            f"{source} is not a .yaml file in this answer file's folder, the folder above it "
            "or the current folder; to use it, pass --questionnaire PATH"
        )


def _position(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def _shapes(entries: dict[Any, Any]) -> Iterator[tuple[Loc, str, bool]]:
    """Problems with the shape of answer entries, before any questionnaire is known.

    Yields the location, the message, and whether it points at a key rather than a value.
    """
    for qid, entry in entries.items():
        if not isinstance(entry, dict):
            continue
        loc: Loc = ("answers", str(qid))
        for key in entry:
            if key not in ENTRY_KEYS:
                expected = "value and note" if key != "responses" else ", ".join(ENTRY_KEYS)
                yield (*loc, str(key)), f"unknown key {key!r}; expected {expected}", True
        yield from _response_shapes(loc, entry.get("responses"))
        decision = entry.get("decision")
        if decision is not None and not isinstance(decision, str):
            yield (
                (*loc, "decision"),
                f"expected the decision's reason as text, got {show(decision)}",
                False,
            )
        note = entry.get("note")
        if note is not None and not isinstance(note, str):
            yield (*loc, "note"), f"expected text for the note, got {show(note)}", False
        elif isinstance(note, str) and len(note) > MAX_TEXT:
            yield (
                (*loc, "note"),
                f"the note is {len(note)} characters; the limit is {MAX_TEXT}",
                False,
            )
        if entry.get("value") is None and note:
            message = 'a note needs an answer: add value: (an option, n/a or "don\'t know")'
            yield loc, message, True


def _response_shapes(loc: Loc, responses: Any) -> Iterator[tuple[Loc, str, bool]]:
    """A workshop answer's ``responses``: a list of respondent, value and note."""
    if responses is None:
        return
    if not isinstance(responses, list):
        yield (*loc, "responses"), f"expected a list of responses, got {show(responses)}", False
        return
    seen: set[str] = set()
    for i, response in enumerate(responses):
        where: Loc = (*loc, "responses", i)
        if not isinstance(response, dict):
            yield where, "expected a mapping with respondent, value and note", False
            continue
        for key in response:
            if key not in RESPONSE_KEYS:
                yield (
                    (*where, str(key)),
                    f"unknown key {key!r}; expected {', '.join(RESPONSE_KEYS)}",
                    True,
                )
        who = response.get("respondent")
        if not isinstance(who, str) or not who.strip():
            yield where, "a response needs a respondent (a name, or 'Respondent N')", False
        elif who in seen:
            yield (*where, "respondent"), f"{who!r} answers this question twice", False
        else:
            seen.add(who)


def check_answers(
    doc: Document, raw: Assessment, entries: dict[Any, Any], q: Questionnaire
) -> Assessment:
    """Normalise every answer against the questionnaire, or raise listing every problem."""
    shapes = list(_shapes(entries))
    problems = [doc.problem(loc, msg, at_key=k) for loc, msg, k in shapes]
    bad_entries = {loc[1] for loc, _, _ in shapes}
    answers: dict[str, Answer] = {}
    placed = q.placed  # NOTE: looked up once; a pydantic private attribute is slow to reach
    for key, entry in entries.items():
        qid = str(key)
        loc: Loc = ("answers", qid)
        if qid not in placed:
            # NOTE: a close match is looked for only while problems are still listed in full;
            # looking for one among 100,000 unknown ids would take longer than all the rest.
            suggest = len(problems) < SUGGESTIONS
            message = _unknown_question(qid, q, suggest=suggest)
            problems.append(doc.problem(loc, message, at_key=True))
            continue
        long_form = isinstance(entry, dict)
        value = entry.get("value") if long_form else entry
        if value is None or qid in bad_entries:
            continue  # an empty answer is no answer
        try:
            checked = normalise(q, placed[qid].question, value)
        except ValueError as exc:
            problems.append(doc.problem((*loc, "value") if long_form else loc, str(exc)))
            continue
        responses = _responses(doc, q, qid, entry.get("responses") if long_form else None, problems)
        answers[qid] = Answer(
            value=checked,
            note=(entry.get("note") or "") if long_form else "",
            responses=responses,
            decision=(entry.get("decision") or "") if long_form else "",
        )
    problems += [doc.problem(loc, msg) for loc, msg in _check_targets(raw, q)]
    problems += [doc.problem(loc, msg) for loc, msg in _check_commentary(raw, q)]
    problems += [doc.problem(loc, msg) for loc, msg in _check_respondents(raw, answers)]
    problems += [doc.problem(loc, msg) for loc, msg in _check_benchmark_year(raw, q)]
    if problems:
        raise AnswersError(sorted(problems, key=_position))
    return raw.model_copy(update={"answers": answers})


def _responses(
    doc: Document, q: Questionnaire, qid: str, raw: Any, problems: list[Problem]
) -> tuple[Response, ...]:
    """Each respondent's answer of a workshop file, checked like any answer."""
    found: list[Response] = []
    for i, item in enumerate(raw or ()):
        loc: Loc = ("answers", qid, "responses", i, "value")
        value = item.get("value")
        try:
            checked = None if value is None else normalise(q, q.placed[qid].question, value)
        except ValueError as exc:
            problems.append(doc.problem(loc, str(exc)))
            continue
        found.append(
            Response(respondent=item["respondent"], value=checked, note=item.get("note") or "")
        )
    return tuple(found)


def _unknown_question(qid: str, q: Questionnaire, *, suggest: bool = True) -> str:
    close = difflib.get_close_matches(qid, list(q.placed), n=1) if suggest else []
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown question {qid!r} in questionnaire {q.id!r}{hint}"


def _check_commentary(raw: Assessment, q: Questionnaire) -> Iterator[tuple[Loc, str]]:
    group_ids = {g.id for g in iter_groups(q.groups)}
    for group_id in raw.commentary.groups:
        if group_id not in group_ids:
            close = difflib.get_close_matches(group_id, list(group_ids), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            yield ("commentary", "groups", group_id), f"unknown group {group_id!r}{hint}"


def _check_respondents(raw: Assessment, answers: dict[str, Answer]) -> Iterator[tuple[Loc, str]]:
    """Every response of a workshop file comes from a respondent the workshop lists."""
    known = set(raw.workshop.respondents) if raw.workshop is not None else None
    for qid, answer in answers.items():
        if answer.responses and known is None:
            yield ("answers", qid, "responses"), "responses belong in a workshop file (workshop:)"
            return
        for i, response in enumerate(answer.responses):
            if known is not None and response.respondent not in known:
                message = f"{response.respondent!r} is not among the workshop's respondents"
                yield ("answers", qid, "responses", i, "respondent"), message


def _check_targets(raw: Assessment, q: Questionnaire) -> Iterator[tuple[Loc, str]]:
    group_ids = {g.id for g in iter_groups(q.groups)}
    for group_id, level in raw.targets.items():
        if group_id not in group_ids:
            yield ("targets", group_id), f"unknown group {group_id!r}"
        elif q.level_by_value(level) is None:
            yield ("targets", group_id), f"unknown level {level}"


def _check_benchmark_year(raw: Assessment, q: Questionnaire) -> Iterator[tuple[Loc, str]]:
    years = sorted({b.year for b in q.benchmarks})
    if raw.benchmark_year is None or raw.benchmark_year in years:
        return
    if not years:
        yield ("benchmark_year",), f"questionnaire {q.id!r} has no benchmarks"
    else:
        known = ", ".join(map(str, years))
        yield ("benchmark_year",), f"no benchmarks for {raw.benchmark_year}; available: {known}"
