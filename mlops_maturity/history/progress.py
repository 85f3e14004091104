"""Progress to date toward the targets (OWASP SAMM): how much of the gap since the baseline closed.

Each question under a group with a target gets the target level's number as its target score
(or its best score, if lower), as in single reports. Percent to target is 1 − Σgap ÷ Σtarget,
gaps clipped at zero; with C, B and T the clipped sums now, at the baseline and at the target,
progress to date is (C − B) ÷ (T − B), and 100 % when the target equals the baseline. Only the
questions scored in both periods count, so a question added or left unanswered moves nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlops_maturity.history.model import Progress
from mlops_maturity.scoring.result import GroupResult, Result
from mlops_maturity.scoring.targets import goals, scored

EQUAL = 1e-9  # the baseline already at the target: progress is complete by definition


def progress(first: Result, last: Result) -> tuple[Progress, ...]:
    """Progress to date for the whole and for every group with a target in the last result."""
    goal = goals(last)
    base = {a.question: scored(a) for a in first.answers}
    now = {a.question: scored(a) for a in last.answers}
    usable = {q for q in goal if base.get(q) is not None and now.get(q) is not None}
    found = []
    whole = _progress("", "Overall", None, sorted(usable), goal, base, now)
    if whole is not None:
        found.append(whole)
    for path, group, target in _with_targets(last.groups, (), None):
        inside = [a.question for a in last.answers if a.group[: len(path)] == path]
        used = [q for q in inside if q in usable]
        item = _progress(group.id, group.title, target, used, goal, base, now)
        if item is not None:
            found.append(item)
    return tuple(found)


def _with_targets(
    groups: tuple[GroupResult, ...], trail: tuple[str, ...], inherited: int | None
) -> Iterator[tuple[tuple[str, ...], GroupResult, int]]:
    for group in groups:
        path = (*trail, group.id)
        target = group.target if group.target is not None else inherited
        if target is not None:
            yield path, group, target
        yield from _with_targets(group.groups, path, target)


def _progress(
    gid: str,
    title: str,
    target: int | None,
    questions: list[str],
    goal: dict[str, float],
    base: dict[str, float | None],
    now: dict[str, float | None],
) -> Progress | None:
    if not questions:
        return None
    total = sum(goal[q] for q in questions)
    before = sum(min(base[q] or 0.0, goal[q]) for q in questions)
    current = sum(min(now[q] or 0.0, goal[q]) for q in questions)
    return Progress(
        id=gid,
        title=title,
        target=target,
        questions=len(questions),
        baseline=_share(before, total),
        current=_share(current, total),
        progress=1.0 if total - before < EQUAL else round((current - before) / (total - before), 9),
    )


def _share(part: float, total: float) -> float:
    return 1.0 if total == 0 else round(part / total, 9)
