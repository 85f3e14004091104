"""What the charts draw: the radar of areas, the heat map of capabilities, bars."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from mlops_maturity.render.sections import Section
from mlops_maturity.render.text import fmt_percent, fmt_score, fraction
from mlops_maturity.scoring.result import GroupResult, Result


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
class Cell:
    """One level of one capability in the heat map, filled as far as the score reaches."""

    level: int
    fill: float  # 0 to 1: how much of the step up to this level the score covers
    is_target: bool


@dataclass(frozen=True)
class HeatRow:
    """A heat-map row: a capability, its score and one cell per level above the lowest."""

    section: Section
    score: str
    cells: tuple[Cell, ...]


def level_scale(result: Result) -> tuple[int, int] | None:
    """The lowest and highest level, when every top-level score runs over them and maps to one."""
    values = [lv.value for lv in result.levels if lv.value is not None]
    if not values:
        return None
    low, high = values[0], values[-1]
    aligned = all(
        (g.min_score, g.max_score) == (low, high)
        and g.level is not None
        and g.level.value is not None
        for g in result.groups
        if g.score is not None
    )
    return (low, high) if aligned and high > low else None


def on_levels(group: GroupResult, scale: tuple[int, int]) -> float | None:
    """A group's score placed on the level axis, from its lowest to its highest possible score."""
    if group.score is None:
        return None
    low, high = scale
    return low + fraction(group.score, group.min_score, group.max_score) * (high - low)


def heatmap(
    capabilities: tuple[Section, ...], result: Result, targets: dict[str, int] | None = None
) -> tuple[HeatRow, ...]:
    """Capabilities by level; each cell fills as far as the score reaches, not to a rounded level.

    ``targets`` gives each capability's target level (its own or its area's), framed in the map.
    Empty when the scores do not run over the levels (e.g. scores that map to band labels).
    """
    targets = targets or {}
    scale = level_scale(result)
    if scale is None:
        return ()
    values = [lv.value for lv in result.levels if lv.value is not None]
    rows = []
    for section in capabilities:
        position = on_levels(section.group, scale)
        cells = tuple(
            Cell(value, _fill(position, below, value), value == targets.get(section.group.id))
            for below, value in itertools.pairwise(values)
        )
        rows.append(HeatRow(section, fmt_score(section.group.score), cells))
    return tuple(rows)


def _fill(position: float | None, below: int, value: int) -> float:
    if position is None:
        return 0.0
    return round(max(0.0, min(1.0, (position - below) / (value - below))), 4)


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
