"""Where the comparison charts draw: trend lines per group, and a radar of two periods."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from mlops_maturity.history.model import Cell, Comparison, Row
from mlops_maturity.render.html import wrap
from mlops_maturity.render.text import fmt_score, fraction

LABEL_WIDTH = 64  # room a period label needs under a trend, so that labels never overlap


@dataclass(frozen=True)
class TrendPoint:
    """A period on a trend line; ``y`` is None when the group has no score then."""

    x: float
    y: float | None
    label: str
    value: str
    draft: bool


@dataclass(frozen=True)
class Segment:
    """A piece of the line between two scored periods; dashed when it leads to a draft."""

    x1: float
    y1: float
    x2: float
    y2: float
    dashed: bool


@dataclass(frozen=True)
class TrendChart:
    """One trend: a line of scores over the periods, on the group's own score axis."""

    title: str
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    grid: tuple[tuple[float, str], ...]
    points: tuple[TrendPoint, ...]
    segments: tuple[Segment, ...]
    versions: tuple[tuple[float, str], ...]  # x of a questionnaire change, and the new version


def trend(row: Row, comparison: Comparison, *, width: int = 660, height: int = 220) -> TrendChart:
    """The trend of one row (the whole or a group) over every period."""
    left, right, top, bottom = 40.0, width - 14.0, 14.0, height - 30.0
    low, high = _axis(row.cells)
    points = _points(row, comparison, (left, right, top, bottom), (low, high))
    return TrendChart(
        title=row.title,
        width=width,
        height=height,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        grid=_grid(low, high, top, bottom),
        points=points,
        segments=_segments(points),
        versions=_version_marks(row, comparison, points),
    )


def _points(
    row: Row,
    comparison: Comparison,
    box: tuple[float, float, float, float],
    axis: tuple[float, float],
) -> tuple[TrendPoint, ...]:
    """Each period along the x axis, its score up the y axis; every few periods labelled."""
    (left, right, top, bottom), (low, high) = box, axis
    count = len(row.cells)
    step = (right - left) / max(1, count - 1)
    every = math.ceil(count / max(2, int((right - left) / LABEL_WIDTH)))
    points = []
    for i, (cell, period) in enumerate(zip(row.cells, comparison.periods, strict=True)):
        y = None
        if cell is not None and cell.score is not None:
            y = round(bottom - (bottom - top) * (cell.score - low) / ((high - low) or 1), 1)
        # NOTE: the last period is always named; a label too close before it is dropped.
        shown = i == count - 1 or (i % every == 0 and count - 1 - i >= every)
        points.append(
            TrendPoint(
                x=round(left + step * i if count > 1 else (left + right) / 2, 1),
                y=y,
                label=(wrap(period.label, 12, 1)[0] if shown else ""),
                value="" if cell is None else fmt_score(cell.score),
                draft=period.provisional,
            )
        )
    return tuple(points)


def _axis(cells: Sequence[Cell | None]) -> tuple[float, float]:
    lows = [c.min_score for c in cells if c is not None and c.min_score is not None]
    highs = [c.max_score for c in cells if c is not None and c.max_score is not None]
    return (min(lows, default=0.0), max(highs, default=1.0))


def _grid(low: float, high: float, top: float, bottom: float) -> tuple[tuple[float, str], ...]:
    span = (high - low) or 1
    whole = span <= 10 and float(low).is_integer() and float(high).is_integer()
    ticks = (
        [low + k for k in range(int(span) + 1)] if whole else [low + span * k / 4 for k in range(5)]
    )
    return tuple(
        (round(bottom - (bottom - top) * (t - low) / span, 1), f"{t:g}" if whole else fmt_score(t))
        for t in ticks
    )


def _segments(points: Sequence[TrendPoint]) -> tuple[Segment, ...]:
    scored = [(p.x, p.y, p.draft) for p in points if p.y is not None]
    return tuple(
        Segment(x1, y1, x2, y2, d1 or d2)
        for (x1, y1, d1), (x2, y2, d2) in itertools.pairwise(scored)
    )


def _version_marks(
    row: Row, comparison: Comparison, points: Sequence[TrendPoint]
) -> tuple[tuple[float, str], ...]:
    marks = []
    for change in comparison.versions:
        before, after = change.between
        if row.id in change.affected:
            x = (points[before].x + points[after].x) / 2
            marks.append((round(x, 1), change.after.version))
    return tuple(marks)


@dataclass(frozen=True)
class Spoke:
    """One top-level group on the radar: its line, its label, and its two scores."""

    x: float
    y: float
    lines: tuple[str, ...]
    lx: float
    ly: float
    anchor: str
    first: str
    last: str


@dataclass(frozen=True)
class RadarPair:
    """The radar of the first and the last period, overlaid."""

    width: int
    height: int
    cx: float
    cy: float
    rings: tuple[tuple[str, str, float], ...]  # polygon points, label, label y
    spokes: tuple[Spoke, ...]
    first: str  # polygon points
    last: str
    first_label: str
    last_label: str


def radar_pair(
    comparison: Comparison, *, width: int = 600, radius: float = 120
) -> RadarPair | None:
    """The top-level groups of the last period as spokes; None with fewer than three."""
    rows = [r for r in comparison.groups if len(r.path) == 1 and r.cells[-1] is not None]
    if len(rows) < 3:
        return None
    cx, cy = width / 2, radius + 48
    angles = [-math.pi / 2 + 2 * math.pi * i / len(rows) for i in range(len(rows))]
    centre = (cx, cy, radius)
    rings = tuple(
        (_polygon([f] * len(rows), angles, centre), label, round(cy - radius * f - 3, 1))
        for f, label in _rings(comparison)
    )
    spokes = tuple(_spoke(r, a, cx, cy, radius) for r, a in zip(rows, angles, strict=True))
    periods = comparison.periods
    return RadarPair(
        width=width,
        height=round(2 * radius + 96),
        cx=cx,
        cy=cy,
        rings=rings,
        spokes=spokes,
        first=_polygon([_share(r.cells[0]) for r in rows], angles, centre),
        last=_polygon([_share(r.cells[-1]) for r in rows], angles, centre),
        first_label=periods[0].label,
        last_label=periods[-1].label,
    )


def _polygon(
    shares: Sequence[float], angles: Sequence[float], centre: tuple[float, float, float]
) -> str:
    """SVG polygon points: each share (0 to 1) along its spoke."""
    cx, cy, radius = centre
    return " ".join(
        f"{cx + radius * s * math.cos(a):.1f},{cy + radius * s * math.sin(a):.1f}"
        for s, a in zip(shares, angles, strict=True)
    )


def _share(cell: Cell | None) -> float:
    return 0.0 if cell is None else fraction(cell.score, cell.min_score, cell.max_score)


def _rings(comparison: Comparison) -> tuple[tuple[float, str], ...]:
    values = [lv.value for lv in comparison.levels if lv.value is not None]
    tops = {
        (c.min_score, c.max_score)
        for r in comparison.groups
        if len(r.path) == 1
        for c in r.cells[-1:]
        if c
    }
    if values and tops == {(float(values[0]), float(values[-1]))} and values[-1] > values[0]:
        low, high = values[0], values[-1]
        return tuple(((v - low) / (high - low), str(v)) for v in values if v > low)
    return tuple((f, f"{round(f * 100)}%") for f in (0.25, 0.5, 0.75, 1.0))


def _spoke(row: Row, angle: float, cx: float, cy: float, radius: float) -> Spoke:
    dx, dy = math.cos(angle), math.sin(angle)
    lines = wrap(row.title, 18)
    lx, ly = cx + (radius + 12) * dx, cy + (radius + 12) * dy
    anchor = "start" if dx > 0.25 else "end" if dx < -0.25 else "middle"
    top = ly - len(lines) * 12 - 16 if dy < -0.5 else ly + 10 if dy > 0.5 else ly - len(lines) * 6
    first, last = row.cells[0], row.cells[-1]
    return Spoke(
        x=round(cx + radius * dx, 1),
        y=round(cy + radius * dy, 1),
        lines=lines,
        lx=round(lx, 1),
        ly=round(top, 1),
        anchor=anchor,
        first="—" if first is None else fmt_score(first.score),
        last="—" if last is None else fmt_score(last.score),
    )
