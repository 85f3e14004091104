"""Levels: a score through the bands, the staged level from the gates, and the headline."""

from __future__ import annotations

from collections.abc import Iterable

from mlops_maturity.questionnaire.intervals import parse_interval
from mlops_maturity.questionnaire.model import Band, Questionnaire
from mlops_maturity.scoring.result import (
    UNANSWERED,
    AnswerResult,
    BandRef,
    LevelRef,
    StagedStatus,
)


def level_ref(q: Questionnaire, value: int | None) -> LevelRef | None:
    """The level with this number, as the result names it."""
    level = None if value is None else q.level_by_value(value)
    if level is None:
        return None
    return LevelRef(id=level.id, name=level.name, value=level.value, description=level.description)


def level_for(
    q: Questionnaire, score: float | None, bands: tuple[Band, ...] = ()
) -> LevelRef | None:
    """Map a score to a level (or band label); without bands, level L covers [L, next L)."""
    if score is None:
        return None
    for band in bands or q.scale.bands:
        if score in parse_interval(band.range):
            if band.level is not None:
                return level_ref(q, band.level)
            return LevelRef(id=band.id or "", name=band.label or "", description=band.description)
    if bands or q.scale.bands:
        return None
    reached = [lv for lv in q.scale.levels if score >= lv.value] or [q.scale.levels[0]]
    return level_ref(q, reached[-1].value)


def score_bands(q: Questionnaire) -> tuple[BandRef, ...]:
    """The questionnaire's bands, or the ranges its levels cover when it has none."""
    if q.scale.bands:
        found = []
        for band in q.scale.bands:
            level = level_ref(q, band.level) or LevelRef(
                id=band.id or "", name=band.label or "", description=band.description
            )
            found.append(BandRef(range=str(parse_interval(band.range)), level=level))
        return tuple(found)
    levels = q.scale.levels
    out = []
    for i, lv in enumerate(levels):
        low = "(-inf" if i == 0 else f"[{lv.value:g}"
        high = f"{levels[i + 1].value:g})" if i + 1 < len(levels) else "inf)"
        ref = level_ref(q, lv.value)
        assert ref is not None
        out.append(BandRef(range=f"{low}, {high}", level=ref))
    return tuple(out)


def staged(
    q: Questionnaire, answers: Iterable[AnswerResult]
) -> tuple[LevelRef | None, StagedStatus]:
    """The highest level L such that every gate at L or below is met.

    An unanswered question blocks its levels; an unmet gate at the lowest level means the team
    is not yet at the lowest level. Nothing is claimed above the highest level that any
    question gates: with no practice of level 3 asked, level 3 cannot be shown to be reached.
    Without any gate there is no staged level.
    """
    blocked: list[int] = []
    gated: list[int] = []
    for answer in answers:
        if answer.status in {"skipped", "not_applicable"}:
            continue
        for gate in answer.gates:
            gated.append(gate.level)
            if answer.status in UNANSWERED or not gate.met:
                blocked.append(gate.level)
    if not gated:
        return None, "untagged"
    ceiling = min(blocked) if blocked else max(gated) + 1
    reached = [lv.value for lv in q.scale.levels if lv.value < ceiling and lv.value <= max(gated)]
    if not reached:
        return None, "not_yet"
    return level_ref(q, reached[-1]), "reached"


def next_stage(q: Questionnaire, level: LevelRef | None, status: StagedStatus) -> int | None:
    """The level above the staged level: the one its blockers keep the team from."""
    if status == "untagged":
        return None
    values = [lv.value for lv in q.scale.levels]
    if status == "not_yet" or level is None or level.value is None:
        return values[0]
    return next((v for v in values if v > level.value), None)


def headline(
    rule: str, score_level: LevelRef | None, staged_level: LevelRef | None, status: StagedStatus
) -> LevelRef | None:
    """The level reports lead with: the score level, the staged level, or the lower of the two."""
    if rule == "score" or status == "untagged":
        return score_level
    if rule == "staged" or status == "not_yet":
        return staged_level
    if score_level is None or score_level.value is None or staged_level is None:
        return staged_level
    return staged_level if (staged_level.value or 0) < score_level.value else score_level
