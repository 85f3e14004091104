"""The report view: everything a reader is told, computed once from a Result.

Every renderer (terminal, Markdown, HTML, PDF, CSV, badge) lays out this one view, so no two
formats can disagree and no renderer derives a fact of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mlops_maturity.render.agenda import AgendaItem, agenda, workshop_line
from mlops_maturity.render.benchmarks import BenchmarkTable, benchmark_tables
from mlops_maturity.render.charts import HeatRow, RadarAxis, heatmap, radar
from mlops_maturity.render.findings import Finding, findings, summary
from mlops_maturity.render.roadmap import DEFAULT_STEPS, Roadmap, Step, build_roadmap
from mlops_maturity.render.sections import Section, capabilities, sections
from mlops_maturity.render.targets import GroupTarget, group_targets, overall_to_target
from mlops_maturity.render.text import (
    fmt_score,
    level_text,
    levels_are_steps,
    staged_text,
    subject_line,
)
from mlops_maturity.render.wording import (
    appendix,
    blockers,
    draft_line,
    draft_note,
    general_meaning,
)
from mlops_maturity.scoring.result import AnswerResult, Result

NEXT_STEPS = 3


@dataclass(frozen=True)
class Logo:
    """A logo the user named on the command line, embedded as a data: URL."""

    media_type: str
    data_url: str


@dataclass(frozen=True)
class ReportOptions:
    """How a consultant wants the report: roadmap length and branding."""

    roadmap_steps: int = DEFAULT_STEPS
    prepared_by: str = ""
    logo: Logo | None = None
    accent: str | None = None


@dataclass(frozen=True)
class ReportView:
    """What a report says, for every renderer to lay out."""

    result: Result
    options: ReportOptions
    numbered: bool
    subject: str
    headline: str
    score: str
    staged: str | None
    second: tuple[str, str] | None  # the other level, labelled, when it differs
    draft: str | None
    draft_note: str | None
    summary: tuple[str, ...]
    general: str
    findings: tuple[Finding, ...]
    sections: tuple[Section, ...]
    capabilities: tuple[Section, ...]
    heatmap: tuple[HeatRow, ...]
    axes: tuple[RadarAxis, ...]
    rings: tuple[tuple[float, str], ...]
    roadmap: Roadmap
    next_steps: tuple[Step, ...]
    targets: dict[str, GroupTarget]
    to_target: float | None
    benchmarks: tuple[BenchmarkTable, ...]
    agenda: tuple[AgendaItem, ...]
    workshop: str | None
    blockers: tuple[AnswerResult, ...]
    to_find_out: tuple[AnswerResult, ...]
    not_answered: tuple[AnswerResult, ...]
    appendix: tuple[tuple[str, str], ...]
    commentary: dict[str, str] = field(default_factory=dict)


def build_view(result: Result, options: ReportOptions | None = None) -> ReportView:
    """Compute the report once: findings, roadmap, targets, benchmarks and the appendix."""
    options = options or ReportOptions()
    numbered = levels_are_steps(result)
    found = sections(result)
    caps = capabilities(found)
    targets = {t.group.id: t for t in group_targets(result)}
    to_target = overall_to_target(result)
    tables = benchmark_tables(result)
    picked = findings(caps, result)
    plan = build_roadmap(
        result, found, result.overall.headline, numbered=numbered, cap=options.roadmap_steps
    )
    axes, rings = radar(result)
    o = result.overall
    sentences = summary(result, picked, to_target)
    sentences += tuple(t.sentence() for t in tables if t.sentence())
    return ReportView(
        result=result,
        options=options,
        numbered=numbered,
        subject=subject_line(result),
        headline=_headline(result),
        score=fmt_score(o.score, o.max_score),
        staged=staged_text(o, result),
        second=_second(result),
        draft=draft_line(result),
        draft_note=draft_note(result),
        summary=sentences,
        general=general_meaning(result),
        findings=picked,
        sections=found,
        capabilities=caps,
        heatmap=heatmap(
            caps,
            result,
            {k: t.level.value for k, t in targets.items() if t.level and t.level.value is not None},
        ),
        axes=axes,
        rings=rings,
        roadmap=plan,
        next_steps=plan.steps()[:NEXT_STEPS],
        targets=targets,
        to_target=to_target,
        benchmarks=tables,
        agenda=agenda(result, found),
        workshop=workshop_line(result),
        blockers=blockers(result),
        to_find_out=tuple(a for a in result.answers if a.status == "unknown"),
        not_answered=tuple(a for a in result.answers if a.status in {"missing", "waiting"}),
        appendix=appendix(result, has_targets=bool(targets), has_benchmarks=bool(tables)),
        commentary=dict(result.commentary.groups),
    )


def _headline(result: Result) -> str:
    o = result.overall
    if o.headline is None and o.staged_status == "not_yet" and result.headline != "score":
        return staged_text(o, result) or "not scored"
    return level_text(o.headline, numbered=levels_are_steps(result))


def _second(result: Result) -> tuple[str, str] | None:
    """The level the headline is not, when it says something else: staged or score level."""
    o, numbered = result.overall, levels_are_steps(result)
    if o.score is None:
        return None
    if result.headline == "score":
        staged = staged_text(o, result)
        same = staged == level_text(o.level, numbered=numbered)
        return None if staged is None or same else ("Staged level", staged)
    if o.level is None or o.score is None or (o.headline and o.headline.value == o.level.value):
        return None
    return ("Score level", level_text(o.level, numbered=numbered))
