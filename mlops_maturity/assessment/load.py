"""Read answer files and check every answer against its questionnaire."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mlops_maturity.assessment.model import NOT_APPLICABLE, Answer, AnswerValue, Assessment
from mlops_maturity.errors import AnswersError, MaturityError, Problem
from mlops_maturity.questionnaire.load import load_questionnaire, resolve
from mlops_maturity.questionnaire.model import (
    BooleanQuestion,
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    TextQuestion,
    iter_groups,
)
from mlops_maturity.questionnaire.validation import problems_from_validation
from mlops_maturity.questionnaire.yamlsafe import Document, YamlFileError, read_yaml

_YES = {"yes", "y", "true"}
_NO = {"no", "n", "false"}


def load_answers(path: Path) -> tuple[Assessment, Questionnaire]:
    """Read an answer file and its questionnaire; every problem is reported at once."""
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
        if isinstance(entries, dict) and "questionnaire" in doc.data:
            problems += _entry_problems(doc, entries)
        raise AnswersError(sorted(problems, key=_position)) from None
    if entries is not None and not isinstance(entries, dict):
        raise AnswersError([doc.problem(("answers",), "expected a mapping of question id: answer")])
    try:
        source = resolve(raw.questionnaire, relative_to=path.parent)
        if not source.is_file():
            raise MaturityError(
                f"no questionnaire file at {source}, and no built-in questionnaire "
                f"{raw.questionnaire!r} (see: mlops-maturity questionnaires list)"
            )
    except MaturityError as exc:
        raise AnswersError([doc.problem(("questionnaire",), str(exc))]) from None
    questionnaire = load_questionnaire(source)
    return check_answers(doc, raw, entries or {}, questionnaire), questionnaire


def _position(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def _entry_problems(doc: Document, entries: dict[Any, Any]) -> list[Problem]:
    """Problems with the shape of answer entries (long form keys), before any questionnaire."""
    problems = []
    for qid, entry in entries.items():
        if isinstance(entry, dict):
            for key in entry:
                if key not in {"value", "note"}:
                    problems.append(
                        doc.problem(
                            ("answers", qid, key),
                            f"unknown key {key!r}; expected value and note",
                            at_key=True,
                        )
                    )
            if "note" in entry and not isinstance(entry["note"], str | None):
                problems.append(doc.problem(("answers", qid, "note"), "expected text for the note"))
    return problems


def check_answers(
    doc: Document, raw: Assessment, entries: dict[Any, Any], q: Questionnaire
) -> Assessment:
    """Normalise every answer against the questionnaire, or raise listing every problem."""
    problems = _entry_problems(doc, entries)
    answers: dict[str, Answer] = {}
    for key, entry in entries.items():
        qid = str(key)
        loc: tuple[str | int, ...] = ("answers", qid)
        if qid not in q.placed:
            problems.append(doc.problem(loc, _unknown_question(qid, q), at_key=True))
            continue
        long_form = isinstance(entry, dict)
        answer = Answer(
            value=entry.get("value") if long_form else entry,
            note=str(entry.get("note") or "") if long_form else "",
        )
        if answer.value is None:
            continue  # an empty answer is no answer
        try:
            value = normalise(q, q.placed[qid].question, answer.value)
        except ValueError as exc:
            value_loc = (*loc, "value") if long_form else loc
            problems.append(doc.problem(value_loc, str(exc)))
            continue
        answers[qid] = Answer(value=value, note=answer.note)
    problems += [doc.problem(loc, msg) for loc, msg in _check_targets(raw, q)]
    problems += [doc.problem(loc, msg) for loc, msg in _check_benchmark_year(raw, q)]
    if problems:
        raise AnswersError(sorted(problems, key=_position))
    return raw.model_copy(update={"answers": answers})


def _unknown_question(qid: str, q: Questionnaire) -> str:
    close = difflib.get_close_matches(qid, list(q.placed), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown question {qid!r} in questionnaire {q.id!r}{hint}"


def _check_targets(raw: Assessment, q: Questionnaire) -> Iterator[tuple[tuple[str, ...], str]]:
    group_ids = {g.id for g in iter_groups(q.groups)}
    for group_id, level in raw.targets.items():
        if group_id not in group_ids:
            yield ("targets", group_id), f"unknown group {group_id!r}"
        elif q.level_by_value(level) is None:
            yield ("targets", group_id), f"unknown level {level}"


def _check_benchmark_year(
    raw: Assessment, q: Questionnaire
) -> Iterator[tuple[tuple[str, ...], str]]:
    years = sorted({b.year for b in q.benchmarks})
    if raw.benchmark_year is None or raw.benchmark_year in years:
        return
    if not years:
        yield ("benchmark_year",), f"questionnaire {q.id!r} has no benchmarks"
    else:
        known = ", ".join(map(str, years))
        yield ("benchmark_year",), f"no benchmarks for {raw.benchmark_year}; available: {known}"


def normalise(q: Questionnaire, question: Any, value: AnswerValue) -> AnswerValue:
    """Check one answer value and return it in canonical form; ValueError says what was expected."""
    if isinstance(value, str) and value.strip().lower() in {"n/a", "na"}:
        if not question.not_applicable:
            raise ValueError("'n/a' is not allowed for this question")
        return NOT_APPLICABLE
    if isinstance(question, ChoiceQuestion):
        return _choice(q, question, value)
    if isinstance(question, BooleanQuestion):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _YES | _NO:
            return value.strip().lower() in _YES
        raise ValueError(f"expected yes or no, got {value!r}")
    if isinstance(question, NumberQuestion):
        return _number(question, value)
    if isinstance(question, TextQuestion) and not isinstance(value, list):
        return str(value)
    raise ValueError(f"expected text, got {value!r}")


def _choice(q: Questionnaire, question: ChoiceQuestion, value: AnswerValue) -> AnswerValue:
    allowed = [o.id for o in q.options_of(question)]
    expected = "one of: " + ", ".join(allowed)
    if question.type == "single":
        if isinstance(value, list | bool) or str(value) not in allowed:
            raise ValueError(f"expected {expected}; got {value!r}")
        return str(value)
    chosen = value if isinstance(value, list) else [value]
    if any(isinstance(c, list | bool | type(None)) for c in chosen):
        raise ValueError(f"expected a list of option ids ({expected}); got {value!r}")
    unknown = [str(c) for c in chosen if str(c) not in allowed]
    if unknown:
        raise ValueError(f"unknown option {unknown[0]!r}; expected a list of {expected}")
    if len(set(map(str, chosen))) != len(chosen):
        raise ValueError("an option is listed twice")
    return [str(c) for c in chosen]


def _number(question: NumberQuestion, value: AnswerValue) -> AnswerValue:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number{_unit(question)}, got {value!r}")
    if question.integer and value != int(value):
        raise ValueError(f"expected a whole number{_unit(question)}, got {value!r}")
    if question.min is not None and value < question.min:
        raise ValueError(f"{value:g} is below the minimum {question.min:g}{_unit(question)}")
    if question.max is not None and value > question.max:
        raise ValueError(f"{value:g} is above the maximum {question.max:g}{_unit(question)}")
    return int(value) if question.integer else value


def _unit(question: NumberQuestion) -> str:
    return f" ({question.unit})" if question.unit else ""
