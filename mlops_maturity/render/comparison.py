"""The comparison view: everything a reader of `compare` is told, computed once.

Every renderer (terminal, Markdown, HTML, PDF, CSV) lays out this view, so the formats agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from mlops_maturity.history.model import (
    Cell,
    Comparison,
    Movement,
    RecommendationChange,
    Row,
    Step,
    VersionChange,
)
from mlops_maturity.render.compare_charts import RadarPair, TrendChart, radar_pair, trend
from mlops_maturity.render.compare_text import (
    FLAG,
    answer_words,
    change_lines,
    change_text,
    direction,
    is_numbered,
    mark_short,
    mark_text,
    moved,
    options_note,
    percent_change,
    share,
    staged_short,
    version_words,
)
from mlops_maturity.render.compare_words import differences, summary
from mlops_maturity.render.text import fmt_score
from mlops_maturity.render.view import ReportOptions

SHOWN_PERIODS = 6  # period columns in tables: the first and the latest ones


@dataclass(frozen=True)
class Change:
    """A change of score in words, its direction, and whether a questionnaire change affects it."""

    text: str
    direction: str
    flagged: bool


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
class AnswerLine:
    """A question whose answer changed, in words."""

    question: str
    text: str
    before: str
    after: str
    change: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class MoveLine:
    """A capability that gained or fell, with the answers behind it."""

    title: str
    area: str
    step: str
    change: Change
    answers: tuple[AnswerLine, ...]


@dataclass(frozen=True)
class StepLine:
    """The recommendations closed, new, replaced and set aside from one period to the next."""

    label: str
    closed: tuple[tuple[str, str, str], ...]  # title, why, the answer now
    new: tuple[tuple[str, str, str], ...]
    replaced: tuple[tuple[str, str, str], ...]
    set_aside: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class VersionLine:
    """What changed between two questionnaire versions, and which scores it affects."""

    label: str
    lines: tuple[str, ...]
    affected: str
    note: str


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
    steps: tuple[StepLine, ...]  # newest first
    progress: tuple[tuple[str, str, str, str, str], ...]  # title, target, baseline, now, progress
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
        drafts=tuple(f"{p.label} is a draft: {p.draft}" for p in periods if p.draft),
        lines=lines,
        flag_note=_flag_note(c),
        gains=tuple(_move(c, m) for m in c.gains),
        regressions=tuple(_move(c, m) for m in c.regressions),
        steps=tuple(_step(c, step) for step in reversed(c.steps)),
        progress=_progress(c, numbered),
        progress_note=f"Baseline {c.periods[0].label}, now {c.periods[-1].label}.",
        versions=tuple(_version(c, v) for v in c.versions),
        differences=differences(c.differences),
        overall_trend=trend(c.overall, c),
        trends=tuple(trend(r, c, width=330, height=180) for r in c.groups if len(r.path) == 1),
        radar=radar_pair(c),
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


def _move(c: Comparison, m: Movement) -> MoveLine:
    step = f"{c.periods[m.period - 1].label} → {c.periods[m.period].label}"
    answers = tuple(
        AnswerLine(
            question=a.question,
            text=a.text,
            before=answer_words(a.before_status, a.before),
            after=answer_words(a.after_status, a.after),
            change=change_text(_difference(a.before_score, a.after_score)),
            notes=(a.after_note,) if a.after_note else (),
        )
        for a in m.answers
    )
    text = change_text(m.change) + (FLAG if m.changed_questions else "")
    return MoveLine(
        m.title, m.area, step, Change(text, direction(m.change), m.changed_questions), answers
    )


def _difference(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


REASONS = {
    "improved": "the answer improved",
    "answer_changed": "the answer changed",
    "worse": "the answer fell",
    "same_answer": "the questionnaire's step changed",
    "first_answer": "answered for the first time",
    "new_question": "a new question",
    "question_removed": "the question was removed",
    "not_applicable": "now not applicable",
    "skipped": "its condition no longer holds",
    "unanswered": "not answered this time",
}


def _step(c: Comparison, step: Step) -> StepLine:
    label = f"{c.periods[step.before].label} → {c.periods[step.after].label}"
    return StepLine(
        label,
        _recs(step.closed),
        _recs(step.new),
        _recs(step.replaced),
        _recs(step.set_aside),
    )


NEXT = {"improved": "the next step after an improvement"}


def _recs(items: tuple[RecommendationChange, ...]) -> tuple[tuple[str, str, str], ...]:
    """Each recommendation's title, why it came or went, and the answer now."""
    return tuple(
        (r.title, (NEXT if r.kind == "new" else {}).get(r.reason, REASONS[r.reason]), r.after)
        for r in items
    )


def _progress(c: Comparison, numbered: bool) -> tuple[tuple[str, str, str, str, str], ...]:
    names = {lv.value: lv for lv in c.levels}
    out = []
    for p in c.progress:
        level = names.get(p.target) if p.target is not None else None
        target = "—" if level is None else (f"Level {level.value}" if numbered else level.name)
        out.append(
            (p.title, target, share(p.baseline), share(p.current), percent_change(p.progress))
        )
    return tuple(out)


def _version(c: Comparison, v: VersionChange) -> VersionLine:
    before, after = v.between
    label = (
        f"{c.periods[before].label} ({version_words(v.before)}) → "
        f"{c.periods[after].label} ({version_words(v.after)})"
    )
    return VersionLine(label, change_lines(v), affected_words(v, c.groups), options_note(v))


def affected_words(v: VersionChange, rows: tuple[Row, ...]) -> str:
    """Which scores the changes affect, by title."""
    if not v.affected:
        return "No score is affected: only wording changed."
    titles = {r.id: r.title for r in rows}
    hit = [titles.get(g, g) for g in v.affected if g]
    return "Scores affected: the overall score" + (f", {', '.join(hit)}" if hit else "") + "."
