"""The comparison view: everything a reader of `compare` is told, computed once.

Every renderer (terminal, Markdown, HTML, PDF, CSV) lays out this view, so the formats agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from mlops_maturity.history.model import Cell, Comparison, Row
from mlops_maturity.render.compare_charts import RadarPair, TrendChart, radar_pair, trend
from mlops_maturity.render.compare_details import (
    Change,
    MoveLine,
    ProgressLine,
    StepLine,
    VersionLine,
    move_line,
    progress_lines,
    step_line,
    version_line,
)
from mlops_maturity.render.compare_text import (
    FLAG,
    change_text,
    direction,
    is_numbered,
    mark_short,
    mark_text,
    moved,
    staged_short,
    version_words,
)
from mlops_maturity.render.compare_words import differences, summary
from mlops_maturity.render.text import fmt_score
from mlops_maturity.render.view import ReportOptions

SHOWN_PERIODS = 6  # period columns in tables: the first and the latest ones
SHOWN_STEPS = 4  # steps whose recommendations are listed; earlier ones are counted
DRAFTS = 2  # draft periods named one by one; more are summed up in one line


@dataclass(frozen=True)
class ScoreLine:
    """The whole or a group: scores of the periods shown, the two changes, levels."""

    depth: int  # -1 for the whole
    title: str
    scores: tuple[str, ...]
    arrows: tuple[str, ...]  # direction from the period before, per period shown
    previous: Change
    first: Change
    level: str
    staged: str
    staged_moved: bool


@dataclass(frozen=True)
class Period:
    """A period as a column heading."""

    label: str
    heading: str  # the label, with "(draft)" when provisional
    source: str
    version: str
    draft: str  # "" or "82 of 84 questions answered" for a draft


@dataclass(frozen=True)
class ComparisonView:
    """What a comparison report says, for every renderer to lay out."""

    comparison: Comparison
    options: ReportOptions
    numbered: bool
    subject: str
    questionnaire: str
    span: str
    periods: tuple[Period, ...]
    shown: tuple[int, ...]
    headline: str
    summary: tuple[str, ...]
    drafts: tuple[str, ...]
    lines: tuple[ScoreLine, ...]
    flag_note: str
    gains: tuple[MoveLine, ...]
    regressions: tuple[MoveLine, ...]
    steps: tuple[StepLine, ...]  # the latest few, newest first
    earlier: tuple[tuple[str, int, int], ...]  # the steps before those: label, closed, new
    progress: tuple[ProgressLine, ...]
    progress_note: str
    versions: tuple[VersionLine, ...]
    differences: tuple[str, ...]
    overall_trend: TrendChart
    trends: tuple[TrendChart, ...]
    radar: RadarPair | None

    @property
    def value(self) -> Comparison:
        """The comparison this view lays out."""
        return self.comparison


def build_comparison_view(
    comparison: Comparison, options: ReportOptions | None = None
) -> ComparisonView:
    """Compute the comparison report once."""
    c = comparison
    numbered = is_numbered(c.levels)
    periods = tuple(_period(c, i) for i in range(len(c.periods)))
    shown = shown_periods(len(c.periods))
    lines = tuple(_line(row, shown, numbered) for row in (c.overall, *c.groups))
    s = c.subject
    return ComparisonView(
        comparison=c,
        options=options or ReportOptions(),
        numbered=numbered,
        subject=" · ".join(p for p in (s.organization, s.team) if p) or "Unnamed subject",
        questionnaire=f"{c.questionnaire.title} {c.questionnaire.version}",
        span=f"{c.periods[0].label} → {c.periods[-1].label} ({len(c.periods)} periods)",
        periods=periods,
        shown=shown,
        headline=mark_text(c.overall.cells[-1].level if c.overall.cells[-1] else None, numbered),
        summary=summary(c, numbered),
        drafts=_drafts(periods),
        lines=lines,
        flag_note=_flag_note(c),
        gains=tuple(move_line(c, m) for m in c.gains),
        regressions=tuple(move_line(c, m) for m in c.regressions),
        steps=tuple(step_line(c, step) for step in reversed(c.steps[-SHOWN_STEPS:])),
        earlier=tuple(
            (f"{c.periods[s.before].label} → {c.periods[s.after].label}", len(s.closed), len(s.new))
            for s in reversed(c.steps[:-SHOWN_STEPS])
        ),
        progress=progress_lines(c, numbered),
        progress_note=f"Baseline {c.periods[0].label}, now {c.periods[-1].label}.",
        versions=tuple(version_line(c, v) for v in c.versions),
        differences=differences(c.differences),
        overall_trend=trend(c.overall, c),
        trends=tuple(trend(r, c, width=330, height=180) for r in c.groups if len(r.path) == 1),
        radar=radar_pair(c),
    )


def _drafts(periods: tuple[Period, ...]) -> tuple[str, ...]:
    """Each draft period in a line, or one line naming them all when there are many."""
    drafts = [p for p in periods if p.draft]
    if len(drafts) <= DRAFTS:
        return tuple(f"{p.label} is a draft: {p.draft}" for p in drafts)
    names = ", ".join(p.label for p in drafts[:-1]) + f" and {drafts[-1].label}"
    return (
        f"{len(drafts)} of {len(periods)} periods are drafts (not every question answered): "
        f"{names}",
    )


def shown_periods(count: int) -> tuple[int, ...]:
    """The periods with a column in tables: all of them, or the first and the latest ones."""
    if count <= SHOWN_PERIODS:
        return tuple(range(count))
    return (0, *range(count - SHOWN_PERIODS + 1, count))


def _period(c: Comparison, i: int) -> Period:
    p = c.periods[i]
    draft = f"{p.answered} of {p.applicable} questions answered" if p.provisional else ""
    return Period(
        label=p.label,
        heading=p.label + (" (draft)" if p.provisional else ""),
        source=p.source,
        version=version_words(p.questionnaire),
        draft=draft,
    )


def _line(row: Row, shown: tuple[int, ...], numbered: bool) -> ScoreLine:
    cells = row.cells
    last = cells[-1]
    before = next((c for c in reversed(cells[:-1]) if c is not None), None)
    level_now = mark_short(last.level, numbered) if last else "—"
    level_then = mark_short(before.level, numbered) if before else level_now
    staged_now = staged_short(last.staged, last.staged_status, numbered) if last else "—"
    staged_then = (
        staged_short(before.staged, before.staged_status, numbered) if before else staged_now
    )
    return ScoreLine(
        depth=len(row.path) - 1,
        title=row.title,
        scores=tuple(_score(cells[i]) for i in shown),
        arrows=tuple(_arrow(cells[i]) for i in shown),
        previous=_change(last, first=False),
        first=_change(last, first=True),
        level=moved(level_then, level_now),
        staged=moved(staged_then, staged_now),
        staged_moved=staged_then != staged_now,
    )


def _arrow(cell: Cell | None) -> str:
    return "none" if cell is None else direction(cell.change_previous)


def _score(cell: Cell | None) -> str:
    if cell is None:
        return "n/a"
    return fmt_score(cell.score) + (FLAG if cell.changed_previous else "")


def _change(cell: Cell | None, *, first: bool) -> Change:
    if cell is None:
        return Change("—", "none", False)
    delta = cell.change_first if first else cell.change_previous
    flagged = cell.changed_first if first else cell.changed_previous
    text = change_text(delta) + (FLAG if flagged and delta is not None else "")
    return Change(text, direction(delta), flagged)


def _flag_note(c: Comparison) -> str:
    if not c.versions:
        return ""
    return (
        f"{FLAG} The questions or scoring of this part changed between questionnaire versions, so "
        "the number does not compare like with like; “Questionnaire versions” lists the changes."
    )
