"""What differs between the questionnaires of two results, matched by question and group id.

A result names its questionnaire by hash and records each question's type, maximum score,
level gates and group, and each group's weight and aggregation; that much is always compared.
When both questionnaires are at hand (answer files, or a JSON result whose questionnaire is
built in with the same hash), options, weights, bands and conditions are compared as well.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping

from mlops_maturity.history.model import GroupChange, QuestionChange, VersionChange
from mlops_maturity.questionnaire.model import (
    BooleanQuestion,
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    iter_groups,
)
from mlops_maturity.scoring.result import AnswerResult, GroupResult, Result

RENAMED = 0.75  # how alike two question texts must be to call an id change a rename
Signature = dict[str, object]


def version_change(
    between: tuple[int, int],
    before: Result,
    after: Result,
    definitions: Mapping[str, Questionnaire],
) -> VersionChange | None:
    """The changes from ``before``'s questionnaire to ``after``'s; None when they are the same."""
    if before.questionnaire.hash == after.questionnaire.hash:
        return None
    old = definitions.get(before.questionnaire.hash)
    new = definitions.get(after.questionnaire.hash)
    both = old is not None and new is not None
    questions = question_changes(before, after, old if both else None, new if both else None)
    groups = group_changes(before, after, old if both else None, new if both else None)
    return VersionChange(
        between=between,
        before=before.questionnaire,
        after=after.questionnaire,
        questions=questions,
        groups=groups,
        affected=affected(questions, groups, before, after),
        options_compared=both,
    )


def question_changes(
    before: Result, after: Result, old: Questionnaire | None, new: Questionnaire | None
) -> tuple[QuestionChange, ...]:
    """Questions added, removed, changed in scoring, or only reworded."""
    was = {a.question: a for a in before.answers}
    now = {a.question: a for a in after.answers}
    gates = _records_gates(before) == _records_gates(after)
    found: list[QuestionChange] = []
    for qid, answer in now.items():
        if qid not in was:
            found.append(_change(answer, "added"))
            continue
        what = _differences(_answer_signature(was[qid], gates), _answer_signature(answer, gates))
        if old is not None and new is not None:
            what += _differences(_definition(old, qid), _definition(new, qid))
        if what:
            found.append(_change(answer, "changed", tuple(dict.fromkeys(what))))
        elif _words(was[qid], old) != _words(answer, new):
            found.append(_change(answer, "reworded", ("wording",)))
    found += [_change(a, "removed") for qid, a in was.items() if qid not in now]
    return _with_renames(found)


def _change(answer: AnswerResult, kind: str, what: tuple[str, ...] = ()) -> QuestionChange:
    return QuestionChange.model_validate(
        {
            "question": answer.question,
            "text": answer.text,
            "group": answer.group,
            "kind": kind,
            "what": what,
        }
    )


def _answer_signature(answer: AnswerResult, gates: bool) -> Signature:
    found: Signature = {
        "type": answer.type,
        "maximum score": answer.max_score,
        "level": answer.level,
        "group": answer.group,
    }
    if gates:
        found["level gates"] = tuple((g.level, g.met_score) for g in answer.gates)
    return found


def _records_gates(result: Result) -> bool:
    """Whether a result records level gates (results of schema 1 did not)."""
    return any(a.gates for a in result.answers)


def _definition(q: Questionnaire, qid: str) -> Signature:
    question = q.placed[qid].question
    found: Signature = {
        "weight": question.weight,
        "not applicable": question.not_applicable,
        "condition": None if question.when is None else question.when.model_dump(),
    }
    if isinstance(question, ChoiceQuestion):
        found["options"] = tuple((o.id, o.score) for o in q.options_of(question))
    elif isinstance(question, BooleanQuestion):
        found["yes/no scores"] = (question.yes_score, question.no_score)
    elif isinstance(question, NumberQuestion):
        found["bands"] = tuple((b.range, b.score) for b in question.bands)
        found["limits"] = (question.min, question.max, question.integer)
    return found


def _words(answer: AnswerResult, q: Questionnaire | None) -> tuple[str, ...]:
    if q is None or answer.question not in q.placed:
        return (answer.text,)
    question = q.placed[answer.question].question
    labels = (
        tuple(o.label for o in q.options_of(question))
        if isinstance(question, ChoiceQuestion)
        else ()
    )
    return (question.text, *labels)


def _differences(before: Signature, after: Signature) -> tuple[str, ...]:
    return tuple(key for key in after if before.get(key) != after[key])


def _with_renames(found: list[QuestionChange]) -> tuple[QuestionChange, ...]:
    """Pair a removed and an added question of the same type and nearly the same text."""
    added = [c for c in found if c.kind == "added"]
    pairs: dict[str, str] = {}
    for gone in (c for c in found if c.kind == "removed"):
        ratios = [
            (difflib.SequenceMatcher(None, gone.text, new.text).ratio(), new.question)
            for new in added
            if new.question not in pairs.values() and new.group[:1] == gone.group[:1]
        ]
        best = max(ratios, default=(0.0, ""))
        if best[0] >= RENAMED:
            pairs[gone.question] = best[1]
    partner = pairs | {new: old for old, new in pairs.items()}
    return tuple(c.model_copy(update={"renamed": partner.get(c.question)}) for c in found)


def group_changes(
    before: Result, after: Result, old: Questionnaire | None, new: Questionnaire | None
) -> tuple[GroupChange, ...]:
    """Groups added, removed or combined differently; "" is the questionnaire as a whole."""
    was, now = dict(_groups(before.groups)), dict(_groups(after.groups))
    found: list[GroupChange] = []
    whole = _differences(_whole(before, old), _whole(after, new))
    if whole:
        found.append(GroupChange(group="", title="", kind="changed", what=whole))
    for gid, (path, group) in now.items():
        if gid not in was:
            found.append(GroupChange(group=gid, title=group.title, kind="added"))
            continue
        what = _differences(_group_signature(*was[gid], old), _group_signature(path, group, new))
        if what:
            found.append(GroupChange(group=gid, title=group.title, kind="changed", what=what))
    found += [
        GroupChange(group=gid, title=group.title, kind="removed")
        for gid, (_, group) in was.items()
        if gid not in now
    ]
    return tuple(found)


def _groups(
    groups: tuple[GroupResult, ...], trail: tuple[str, ...] = ()
) -> Iterator[tuple[str, tuple[tuple[str, ...], GroupResult]]]:
    for group in groups:
        path = (*trail, group.id)
        yield group.id, (path, group)
        yield from _groups(group.groups, path)


def _group_signature(
    path: tuple[str, ...], group: GroupResult, q: Questionnaire | None
) -> Signature:
    found: Signature = {
        "weight": group.weight,
        "aggregation": group.aggregation,
        "unanswered": group.unanswered,
        "parent group": path[:-1],
    }
    if q is not None:
        defined = {g.id: g for g in iter_groups(q.groups)}.get(group.id)
        found["bands"] = None if defined is None else defined.bands
    return found


def _whole(result: Result, q: Questionnaire | None) -> Signature:
    found: Signature = {
        "levels": tuple((lv.value, lv.id) for lv in result.levels),
        "bands": tuple((b.range, b.level.id) for b in result.bands),
        "aggregation": result.aggregation,
        "unanswered": result.unanswered,
        "headline": result.headline,
    }
    if q is not None:
        found["scale"] = (q.scale.min, q.scale.max)
    return found


def affected(
    questions: tuple[QuestionChange, ...],
    groups: tuple[GroupChange, ...],
    before: Result,
    after: Result,
) -> tuple[str, ...]:
    """Every group whose score a change can move, and "" for the whole; reworded ones move none."""
    if any(g.group == "" for g in groups):
        return ("", *(gid for gid, _ in _groups(after.groups)))
    paths = {gid: path for result in (before, after) for gid, (path, _) in _groups(result.groups)}
    where: dict[str, list[str]] = {}
    for answer in (*before.answers, *after.answers):
        where.setdefault(answer.question, []).extend(answer.group)
    hit: dict[str, None] = {}
    for change in questions:
        if change.kind != "reworded":
            hit |= dict.fromkeys(["", *where[change.question]])
    for g in groups:
        hit |= dict.fromkeys(["", *paths.get(g.group, (g.group,))])
    return tuple(hit)
