"""The gaps many teams share: recommendations that recur across a portfolio, ranked.

A gap holds a team back when its step is for the team's next level or a level below it (or it
blocks the next staged level); steps for levels further up are the team's later work. Gaps are
ranked by how many teams they hold back, then how many they block, then how many teams have them
at all, then by the steps' summed priority: the first ones are organisation-level initiatives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from mlops_maturity.history.model import GapAnswer, SharedGap
from mlops_maturity.scoring.result import RecommendationResult, Result


def shared_gaps(results: Sequence[Result], reference: Result) -> tuple[SharedGap, ...]:
    """Questions two or more teams have a step for, those holding most teams back first."""
    found: dict[str, list[tuple[int, RecommendationResult, bool]]] = {}
    for team, result in enumerate(results):
        nearest = next_level(result)
        for rec in first_per_question(result.recommendations):
            found.setdefault(rec.question, []).append((team, rec, holds_back(rec, nearest)))
    order = {a.question: i for i, a in enumerate(reference.answers)}
    texts = {a.question: (a.text, a.group) for a in reference.answers}
    for result in results:  # NOTE: only for questions the newest version no longer has
        if all(qid in texts for qid in found):
            break
        texts = {a.question: (a.text, a.group) for a in result.answers} | texts
    shared = {qid: items for qid, items in found.items() if len(items) > 1}
    ranked = [_gap(qid, items, texts[qid]) for qid, items in shared.items()]
    ranked.sort(
        key=lambda g: (
            -len(g[0].held_back),
            -len(g[0].blocking),
            -len(g[0].teams),
            -g[1],
            order.get(g[0].question, len(order)),
        )
    )
    return tuple(g for g, _ in ranked)


def next_level(result: Result) -> int | None:
    """The level a team works toward: the one above the level it is told it has.

    None when levels are band labels or the team is at the top: then every gap counts.
    """
    values = [lv.value for lv in result.levels if lv.value is not None]
    o = result.overall
    if not values:
        return None
    if o.staged_status == "not_yet" and result.headline != "score":
        return values[0]
    level = o.headline or o.level
    if level is None or level.value is None:
        return values[0]
    return next((v for v in values if v > level.value), None)


def holds_back(rec: RecommendationResult, nearest: int | None) -> bool:
    """Whether a step is for the team's next level or below it, or blocks that level."""
    return rec.blocks_next_level or nearest is None or rec.level is None or rec.level <= nearest


def first_per_question(recs: Sequence[RecommendationResult]) -> list[RecommendationResult]:
    """A team's most urgent step per question (a checklist can give one per missing item),
    marked as blocking when any of them blocks, and at the lowest level any of them is for."""
    found: dict[str, RecommendationResult] = {}
    for rec in recs:
        kept = found.get(rec.question)
        if kept is None:
            found[rec.question] = rec
            continue
        levels = [lv for lv in (kept.level, rec.level) if lv is not None]
        found[rec.question] = kept.model_copy(
            update={
                "blocks_next_level": kept.blocks_next_level or rec.blocks_next_level,
                "level": min(levels) if levels else None,
            }
        )
    return list(found.values())


def _gap(
    qid: str,
    items: list[tuple[int, RecommendationResult, bool]],
    text: tuple[str, tuple[str, ...]],
) -> tuple[SharedGap, float]:
    title = Counter(rec.title for _, rec, _ in items).most_common(1)[0][0]
    gap = SharedGap(
        question=qid,
        text=text[0],
        group=text[1],
        title=title,
        teams=tuple(t for t, _, _ in items),
        held_back=tuple(t for t, _, back in items if back),
        blocking=tuple(t for t, rec, _ in items if rec.blocks_next_level),
        answers=tuple(
            GapAnswer(
                team=t, answer=rec.answer, title=rec.title, blocks_next_level=rec.blocks_next_level
            )
            for t, rec, _ in items
        ),
    )
    return gap, sum(rec.priority for _, rec, _ in items)
