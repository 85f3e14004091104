"""What moved from one period to the next: capabilities, the answers behind them, and steps."""

from __future__ import annotations

from collections.abc import Sequence

from mlops_maturity.history.model import (
    AnswerChange,
    Movement,
    Reason,
    RecommendationChange,
    RecommendationKind,
    Step,
)
from mlops_maturity.scoring.result import AnswerResult, GroupResult, RecommendationResult, Result

SHOWN = 5  # gains and regressions kept, each
VISIBLE = 0.005  # a change that rounds to 0.00 is no change
SET_ASIDE: dict[str, Reason] = {"not_applicable": "not_applicable", "skipped": "skipped"}


def movements(
    results: Sequence[Result], changed: Sequence[set[str]]
) -> tuple[tuple[Movement, ...], tuple[Movement, ...]]:
    """The biggest gains and regressions of capabilities (groups that hold questions) over
    every step from one period to the next, each with the answers that changed in it."""
    found: list[tuple[float, int, int, GroupResult]] = []
    for i in range(1, len(results)):
        found += _deltas(results[i - 1], results[i], i)
    gains = sorted((m for m in found if m[0] > 0), key=lambda m: (-m[0], m[1], m[2]))
    falls = sorted((m for m in found if m[0] < 0), key=lambda m: (m[0], m[1], m[2]))
    return (
        tuple(_movement(results, changed, *m) for m in gains[:SHOWN]),
        tuple(_movement(results, changed, *m) for m in falls[:SHOWN]),
    )


def _deltas(
    before: Result, after: Result, period: int
) -> list[tuple[float, int, int, GroupResult]]:
    """Each capability's visible change of score in one step: (change, period, order, group)."""
    was = {g.id: g.score for g in _flat(before.groups)}
    holders = {a.group[-1] for a in after.answers}
    found = []
    for position, group in enumerate(_flat(after.groups)):
        earlier = was.get(group.id)
        if group.id not in holders or group.score is None or earlier is None:
            continue
        change = round(group.score - earlier, 9)
        if abs(change) >= VISIBLE:
            found.append((change, period, position, group))
    return found


def _movement(
    results: Sequence[Result],
    changed: Sequence[set[str]],
    change: float,
    period: int,
    _: int,
    group: GroupResult,
) -> Movement:
    after = results[period]
    old = {a.question: a for a in results[period - 1].answers}
    inside = [a for a in after.answers if a.group[-1] == group.id]
    areas = {g.id: g.title for g in after.groups}
    return Movement(
        group=group.id,
        title=group.title,
        area=areas.get(inside[0].group[0], ""),
        period=period,
        change=change,
        changed_questions=group.id in changed[period],
        answers=answer_changes(old, inside),
    )


def _flat(groups: tuple[GroupResult, ...]) -> list[GroupResult]:
    out: list[GroupResult] = []
    for group in groups:
        out += [group, *_flat(group.groups)]
    return out


def answer_changes(
    before: dict[str, AnswerResult], after: Sequence[AnswerResult]
) -> tuple[AnswerChange, ...]:
    """Questions answered differently (in value or status), the biggest score change first."""
    found = []
    for new in after:
        old = before.get(new.question)
        if old is None or (old.status, old.value) == (new.status, new.value):
            continue
        found.append(
            AnswerChange(
                question=new.question,
                text=new.text,
                before_status=old.status,
                after_status=new.status,
                before=old.label,
                after=new.label,
                before_score=old.score,
                after_score=new.score,
                before_note=old.note,
                after_note=new.note,
            )
        )
    return tuple(sorted(found, key=lambda c: -abs((c.after_score or 0) - (c.before_score or 0))))


def steps(results: Sequence[Result]) -> tuple[Step, ...]:
    """For each period after the first: the recommendations closed, new and set aside."""
    return tuple(_step(results[i - 1], results[i], i) for i in range(1, len(results)))


def _step(before: Result, after: Result, index: int) -> Step:
    was = {(r.question, r.title): r for r in before.recommendations}
    now = {(r.question, r.title): r for r in after.recommendations}
    old = {a.question: a for a in before.answers}
    new = {a.question: a for a in after.answers}
    gone = [
        _gone(r, old.get(r.question), new.get(r.question)) for k, r in was.items() if k not in now
    ]
    came = [_came(r, old.get(r.question), new[r.question]) for k, r in now.items() if k not in was]
    return Step(
        before=index - 1,
        after=index,
        closed=tuple(c for c in gone if c.kind == "closed"),
        new=tuple(came),
        replaced=tuple(c for c in gone if c.kind == "replaced"),
        set_aside=tuple(c for c in gone if c.kind == "set_aside"),
    )


def _gone(
    rec: RecommendationResult, old: AnswerResult | None, new: AnswerResult | None
) -> RecommendationChange:
    if new is None:
        return _rec(rec, "set_aside", "question_removed", old, new)
    if new.status != "answered":
        return _rec(rec, "set_aside", SET_ASIDE.get(new.status, "unanswered"), old, new)
    if old is None or (new.score or 0) > (old.score or 0):
        return _rec(rec, "closed", "improved", old, new)
    return _rec(rec, "replaced", _how(old, new), old, new)


def _came(
    rec: RecommendationResult, old: AnswerResult | None, new: AnswerResult
) -> RecommendationChange:
    if old is None:
        return _rec(rec, "new", "new_question", old, new)
    if old.status != "answered":
        return _rec(rec, "new", "first_answer", old, new)
    return _rec(rec, "new", _how(old, new), old, new)


def _how(old: AnswerResult, new: AnswerResult) -> Reason:
    """How an answered question's answer moved: better, worse, sideways, or not at all."""
    if (old.value, old.score) == (new.value, new.score):
        return "same_answer"
    before, after = old.score or 0, new.score or 0
    return "improved" if after > before else "worse" if after < before else "answer_changed"


def _rec(
    rec: RecommendationResult,
    kind: RecommendationKind,
    reason: Reason,
    old: AnswerResult | None,
    new: AnswerResult | None,
) -> RecommendationChange:
    return RecommendationChange(
        question=rec.question,
        title=rec.title,
        group=rec.group,
        kind=kind,
        reason=reason,
        before="" if old is None else old.label,
        after="" if new is None else new.label,
        impact=rec.impact,
        effort=rec.effort,
    )
