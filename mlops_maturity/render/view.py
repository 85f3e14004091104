"""What the document reports show, built from a Result: pure functions, values in and out."""

from __future__ import annotations

import math
from dataclasses import dataclass

from mlops_maturity.questionnaire.model import RATING_VALUE
from mlops_maturity.render.text import (
    flatten_groups,
    fmt_percent,
    fmt_score,
    fraction,
    levels_are_steps,
)
from mlops_maturity.scoring.result import (
    AnswerResult,
    GroupResult,
    LevelRef,
    RecommendationResult,
    Result,
)


@dataclass(frozen=True)
class Section:
    """A group as a numbered section of the detail chapter, with its own questions."""

    number: str
    anchor: str
    depth: int
    path: tuple[str, ...]
    group: GroupResult
    answers: tuple[AnswerResult, ...]
    parent: str = ""


@dataclass(frozen=True)
class Cell:
    """One level of one capability in the heat map."""

    level: int
    state: str  # reached, current, gap (short of the target), open
    is_target: bool


@dataclass(frozen=True)
class Capability:
    """A heat-map row: a second-level group, or a top-level group without sub-groups."""

    section: Section
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class RadarAxis:
    """One spoke of the radar: a top-level group placed between its lowest and highest score."""

    label: str
    value: float | None
    target: float | None
    dx: float
    dy: float
    score: str


@dataclass(frozen=True)
class Step:
    """A recommendation on the roadmap."""

    rec: RecommendationResult
    area: str
    ratio: float


@dataclass(frozen=True)
class Phase:
    """Roadmap steps that help reach the same level."""

    title: str
    level: int | None
    steps: tuple[Step, ...]


def level_phrase(level: LevelRef | None, numbered: bool = True) -> str:
    """``level 2 (Automated training)``, ``“Elite”``, ``the band “…”`` or ``not scored``."""
    if level is None:
        return "not scored"
    if level.value is None:
        return f"the band “{level.name}”"
    return f"level {level.value} ({level.name})" if numbered else f"“{level.name}”"


def target_text(value: int, levels: tuple[LevelRef, ...], numbered: bool = True) -> str:
    """A target level in words: ``level 3``, or the level's name when levels are not steps."""
    name = next((lv.name for lv in levels if lv.value == value), None)
    return f"level {value}" if numbered or name is None else name


def sections(result: Result) -> tuple[Section, ...]:
    """Every group, depth first, numbered 1, 1.1, 1.1.1 with anchors made from the numbers."""
    by_path: dict[tuple[str, ...], list[AnswerResult]] = {}
    for answer in result.answers:
        by_path.setdefault(answer.group, []).append(answer)
    out: list[Section] = []

    def walk(groups: tuple[GroupResult, ...], trail: tuple[str, ...], parent: str, at: str) -> None:
        for i, group in enumerate(groups, 1):
            number, path = f"{at}{i}", (*trail, group.id)
            # NOTE: anchors come from positions, never from ids: no user text in a URL.
            anchor = "g-" + number.replace(".", "-")
            answers = tuple(by_path.get(path, ()))
            out.append(Section(number, anchor, len(trail), path, group, answers, parent))
            walk(group.groups, path, group.title, number + ".")

    walk(result.groups, (), "", "")
    return tuple(out)


def capabilities(result: Result) -> tuple[Section, ...]:
    """Second-level groups, or the top-level group itself where it has none."""
    return tuple(
        s for s in sections(result) if (s.depth == 1) or (s.depth == 0 and not s.group.groups)
    )


def heatmap(result: Result) -> tuple[Capability, ...]:
    """Capabilities by level: reached up to the level of their score, short of any target."""
    values = [lv.value for lv in result.levels if lv.value is not None]
    rows = []
    for section in capabilities(result):
        level, target = section.group.level, section.group.target
        current = level.value if level is not None else None
        cells = tuple(
            Cell(value, _state(value, current, target), value == target) for value in values
        )
        rows.append(Capability(section, cells))
    return tuple(rows)


def _state(value: int, current: int | None, target: int | None) -> str:
    if current is not None and value <= current:
        return "current" if value == current else "reached"
    return "gap" if target is not None and value <= target else "open"


def radar(result: Result) -> tuple[tuple[RadarAxis, ...], tuple[tuple[float, str], ...]]:
    """Spokes for the top-level groups, and rings labelled by level when the scales agree."""
    scale = level_scale(result)
    axes = []
    for i, group in enumerate(result.groups):
        angle = -math.pi / 2 + 2 * math.pi * i / len(result.groups)
        target = None
        if scale is not None and group.target is not None:
            target = max(0.0, min(1.0, (group.target - scale[0]) / (scale[1] - scale[0])))
        axes.append(
            RadarAxis(
                label=group.title,
                value=None
                if group.score is None
                else fraction(group.score, group.min_score, group.max_score),
                target=target,
                dx=round(math.cos(angle), 4),
                dy=round(math.sin(angle), 4),
                score=fmt_score(group.score),
            )
        )
    if scale is None:
        return tuple(axes), tuple((f, fmt_percent(f)) for f in (0.25, 0.5, 0.75, 1.0))
    low, high = scale
    values = [lv.value for lv in result.levels if lv.value is not None and lv.value > low]
    return tuple(axes), tuple(((v - low) / (high - low), str(v)) for v in values)


def level_scale(result: Result) -> tuple[int, int] | None:
    """The lowest and highest level, when every top-level score runs over them and maps to one."""
    values = [lv.value for lv in result.levels if lv.value is not None]
    low, high = values[0], values[-1]
    aligned = all(
        (g.min_score, g.max_score) == (low, high)
        and g.level is not None
        and g.level.value is not None
        for g in result.groups
        if g.score is not None
    )
    return (low, high) if aligned and high > low else None


def position(value: int, levels: tuple[LevelRef, ...]) -> int:
    """How many steps of the scale lie below ``value`` (0 for the lowest level)."""
    return sum(1 for lv in levels if lv.value is not None and lv.value <= value) - 1


def gap(group: GroupResult, levels: tuple[LevelRef, ...]) -> int | None:
    """Levels still to climb to the target, clipped at zero; None without a target or level."""
    if group.target is None or group.level is None or group.level.value is None:
        return None
    return max(0, position(group.target, levels) - position(group.level.value, levels))


def targeted(groups: tuple[GroupResult, ...], levels: tuple[LevelRef, ...]) -> list[GroupResult]:
    """In each branch, the innermost groups that have a target and a level to measure it by."""
    found: list[GroupResult] = []
    for group in groups:
        inner = targeted(group.groups, levels)
        found.extend(inner or ([group] if gap(group, levels) is not None else []))
    return found


def percent_to_target(
    groups: tuple[GroupResult, ...], levels: tuple[LevelRef, ...]
) -> float | None:
    """SAMM's measure, 1 − Σgap ÷ Σtarget, over the innermost groups with a target."""
    found = targeted(groups, levels)
    if not found:
        return None
    total = sum(max(0, position(g.target or 0, levels)) for g in found)
    return 1.0 if total == 0 else 1 - sum(gap(g, levels) or 0 for g in found) / total


def has_targets(result: Result) -> bool:
    """Whether any group carries a target level."""
    return any(g.target is not None for _, g in flatten_groups(result.groups))


def roadmap(result: Result) -> tuple[Phase, ...]:
    """Steps in phases by the level they help reach (up to each area's target, if one is set)."""
    found = {s.path: s.group for s in sections(result)}
    named = {lv.value: lv for lv in result.levels}
    buckets: dict[tuple[int, int], list[Step]] = {}
    for rec in result.recommendations:
        trail = [
            found[rec.group[:k]] for k in range(1, len(rec.group) + 1) if rec.group[:k] in found
        ]
        target = next((g.target for g in reversed(trail) if g.target is not None), None)
        beyond = target is not None and rec.level is not None and rec.level > target
        # NOTE: phases sort as: levels on the way (lowest first), then unlevelled, then beyond.
        key = (2, 0) if beyond else (1, 0) if rec.level is None else (0, rec.level)
        ratio = round(RATING_VALUE[rec.impact] / RATING_VALUE[rec.effort], 4)
        buckets.setdefault(key, []).append(Step(rec, " › ".join(g.title for g in trail), ratio))
    phases = []
    for number, (kind, value) in enumerate(sorted(buckets), 1):
        # NOTE: steps that keep the staged level where it is lead their phase.
        steps = sorted(
            buckets[kind, value],
            key=lambda s: (not s.rec.blocks_next_level, -s.ratio, -s.rec.priority),
        )
        name = (
            "Reach " + level_phrase(named.get(value), levels_are_steps(result)),
            "Further improvements",
            "Beyond the target",
        )[kind]
        phases.append(Phase(f"Phase {number}: {name}", value if kind == 0 else None, tuple(steps)))
    return tuple(phases)


def extremes(result: Result) -> tuple[tuple[Section, ...], tuple[Section, ...]]:
    """The strongest and weakest scored capabilities (two each when there are five or more)."""
    scored = [s for s in capabilities(result) if s.group.score is not None]
    ranked = sorted(
        scored, key=lambda s: -fraction(s.group.score, s.group.min_score, s.group.max_score)
    )
    if len(ranked) < 2 or _share(ranked[0]) == _share(ranked[-1]):
        return (), ()
    n = 2 if len(ranked) >= 5 else 1
    return tuple(ranked[:n]), tuple(reversed(ranked[-n:]))


def _share(section: Section) -> float:
    g = section.group
    return fraction(g.score, g.min_score, g.max_score)


def next_steps(result: Result, phases: tuple[Phase, ...], count: int = 3) -> tuple[Step, ...]:
    """The most important steps, in the engine's order (what blocks the next level first)."""
    steps = {(step.rec.question, step.rec.title): step for phase in phases for step in phase.steps}
    keys = ((rec.question, rec.title) for rec in result.recommendations)
    ranked = (steps[key] for key in keys if key in steps)
    return tuple(ranked)[:count]
