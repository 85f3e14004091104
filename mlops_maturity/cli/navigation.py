"""Which question comes next, before, or is still open: pure rules over the answers' statuses."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence

from mlops_maturity.errors import MaturityError
from mlops_maturity.questionnaire.model import Questionnaire, iter_groups
from mlops_maturity.scoring.result import AnswerResult

Statuses = Mapping[str, AnswerResult]
# NOTE: a question "waiting" on an unanswered one cannot be asked yet (it may not apply), and
# one "skipped" by its condition does not apply at all.
HIDDEN = {"skipped", "waiting"}
OPEN = {"missing", "unknown"}


def scope_of(q: Questionnaire, only: Sequence[str] = ()) -> tuple[str, ...]:
    """The questions to ask: all, or those of the ``--only`` groups and what their conditions read.

    Raises MaturityError naming an unknown group and the groups there are.
    """
    if not only:
        return tuple(q.placed)
    known = [g.id for g in iter_groups(q.groups)]
    for group in only:
        if group not in known:
            close = difflib.get_close_matches(group, known, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise MaturityError(
                f"--only {group}: no such group in {q.id!r}; {hint}groups: {', '.join(known)}"
            )
    wanted = {qid for qid, placed in q.placed.items() if set(placed.path) & set(only)}
    todo = list(wanted)
    while todo:
        when = q.placed[todo.pop()].question.when
        if when is not None and when.question in q.placed and when.question not in wanted:
            wanted.add(when.question)
            todo.append(when.question)
    return tuple(qid for qid in q.placed if qid in wanted)


def shown(scope: Sequence[str], statuses: Statuses) -> list[str]:
    """The questions of the scope that can be asked now, in order."""
    return [qid for qid in scope if statuses[qid].status not in HIDDEN]


def is_due(qid: str, statuses: Statuses, passed: Iterable[str]) -> bool:
    """Not answered yet, and not skipped for now in this session."""
    return statuses[qid].status == "missing" and qid not in set(passed)


def first_due(scope: Sequence[str], statuses: Statuses, passed: Iterable[str] = ()) -> str | None:
    """The first question still to answer."""
    kept = set(passed)
    return next((qid for qid in shown(scope, statuses) if is_due(qid, statuses, kept)), None)


def following(
    scope: Sequence[str], statuses: Statuses, current: str, reached: int, passed: Iterable[str]
) -> str | None:
    """The question after ``current``: every one up to the furthest reached, then the due ones.

    ``reached`` is the furthest position in ``scope`` shown so far, so going back and then
    forward again walks through the answers given on the way, each with its answer chosen.
    """
    kept = set(passed)
    start = scope.index(current)
    for index in range(start + 1, len(scope)):
        qid = scope[index]
        if statuses[qid].status in HIDDEN:
            continue
        if index <= reached or is_due(qid, statuses, kept):
            return qid
    return None


def previous(scope: Sequence[str], statuses: Statuses, current: str) -> str | None:
    """The question before ``current`` that can be shown."""
    before = shown(scope[: scope.index(current)], statuses)
    return before[-1] if before else None


def open_questions(scope: Sequence[str], statuses: Statuses) -> list[str]:
    """Unanswered and don't-know questions that can be answered now, in order."""
    return [qid for qid in shown(scope, statuses) if statuses[qid].status in OPEN]


def by_group(q: Questionnaire, qids: Iterable[str]) -> list[tuple[str, list[str]]]:
    """Questions under the titles of their groups (``Process › Release``), in order."""
    groups: dict[str, list[str]] = {}
    for qid in qids:
        title = " › ".join(g.title for g in q.placed[qid].groups)
        groups.setdefault(title, []).append(qid)
    return list(groups.items())


def remaining(scope: Sequence[str], statuses: Statuses, passed: Iterable[str]) -> int:
    """How many questions are still to answer in this pass (waiting ones included)."""
    kept = set(passed)
    return sum(
        1 for qid in scope if statuses[qid].status == "waiting" or is_due(qid, statuses, kept)
    )
