"""Lay out a DORA metrics result as aligned text, Markdown or JSON; each returns the text."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from mlops_maturity.metrics.formats import MetricsFormat
from mlops_maturity.metrics.result import DoraMetrics, KeyMetrics, Measure

TITLES = {
    "per month": "Deployment frequency",
    "median": "Lead time, median",
    "90th percentile": "Lead time, 90th percentile",
    "dora.change_failure_rate": "Change failure rate",
    "dora.time_to_restore": "Time to restore, median",
    "dora.rework_rate": "Rework rate",
}
CAVEAT = (
    "A cluster here is the DORA cluster the value resembles on that one metric, in each "
    "report year; DORA's clusters are profiles across all four metrics. DORA published no "
    "clusters for rework rate, nor for the 90th percentile."
)


def title(measure: Measure) -> str:
    """The measure's name in a report."""
    return TITLES.get(measure.metric) or TITLES[measure.statistic]


def hours(value: float) -> str:
    """``22.5 hours``, with days or minutes beside it where that reads more easily."""
    if value >= 48:
        return f"{value:g} hours ({value / 24:.1f} days)"
    if value < 1:
        return f"{value:g} hours ({round(value * 60)} minutes)"
    return f"{value:g} hours"


def value_text(measure: Measure) -> str:
    """The value in words, or why there is none."""
    value = measure.value
    if value is None:
        return "not measurable"
    if measure.statistic == "per month":
        return f"{value:g} a month"
    if measure.statistic == "share":
        return f"{value:g}% ({measure.part} of {measure.count})"
    return hours(value)


def years(result: DoraMetrics) -> list[int]:
    """Every report year a value was placed in, oldest first."""
    found = {
        p.year
        for keys in (result.overall, *result.models)
        for m in keys.measures()
        for p in m.clusters
    }
    return sorted(found)


def _cells(measure: Measure, columns: list[int]) -> list[str]:
    by_year = {p.year: p.cluster or "none" for p in measure.clusters}
    return [by_year.get(year, "–") for year in columns]


def _counts(keys: KeyMetrics) -> str:
    open_ = f" ({keys.open_incidents} still open)" if keys.open_incidents else ""
    return (
        f"{keys.deployments} deployments, {keys.changes} changes, {keys.incidents} incidents{open_}"
    )


def _heading(result: DoraMetrics) -> list[str]:
    p = result.period
    sources = f"Deployments from {result.deployments_from}"
    if result.incidents_from:
        sources += f"; incidents from {result.incidents_from}"
    months = "1 month" if p.months == 1 else f"{p.months:g} months"
    return [
        f"DORA metrics, {p.first.isoformat()} to {p.last.isoformat()} ({months}, {p.timezone})",
        sources,
    ]


def render_text(result: DoraMetrics) -> str:
    """Aligned plain text for the terminal: a table per model, clusters by report year."""
    columns = years(result)
    lines = _heading(result)
    for keys in (result.overall, *result.models):
        name = "All models" if keys.model is None else keys.model
        lines += ["", f"{name}: {_counts(keys)}"]
        rows = [["Metric", "Value", *map(str, columns)]]
        rows += [[title(m), value_text(m), *_cells(m, columns)] for m in keys.measures()]
        lines += _aligned(rows)
        lines += [f"  {name}: {reason}" for name, reason in why_not(keys)]
    lines += ["", *textwrap.wrap(CAVEAT, 96)]
    return "\n".join(lines) + "\n"


def why_not(keys: KeyMetrics) -> list[tuple[str, str]]:
    """Why each metric that has no value cannot be measured (one line for both lead times)."""
    out: list[tuple[str, str]] = []
    for m in keys.measures():
        if m.value is None and not (m.statistic == "90th percentile" and keys.lead_time.reason):
            out.append((title(m).removesuffix(", median"), m.reason))
    return out


def _aligned(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows
    ]


def render_markdown(result: DoraMetrics) -> str:
    """Markdown: a heading, the period and sources, and a table per model."""
    columns = years(result)
    first, sources = _heading(result)
    lines = [f"## {first}", "", f"{sources}."]
    for keys in (result.overall, *result.models):
        name = "All models" if keys.model is None else f"`{keys.model}`"
        lines += ["", f"### {name}", "", f"{_counts(keys)}.", ""]
        lines.append("| Metric | Value | " + " | ".join(map(str, columns)) + " |")
        lines.append("|---|---|" + "---|" * len(columns))
        for m in keys.measures():
            value = value_text(m) + (f": {m.reason}" if m.reason else "")
            cells = [title(m), _md(value), *_cells(m, columns)]
            lines.append("| " + " | ".join(cells) + " |")
    lines += ["", CAVEAT]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def render_json(result: DoraMetrics) -> str:
    """The whole result as indented JSON (its keys are documented in docs/metrics.md)."""
    return result.model_dump_json(indent=2) + "\n"


RENDERERS: dict[MetricsFormat, Callable[[DoraMetrics], str]] = {
    MetricsFormat.terminal: render_text,
    MetricsFormat.json: render_json,
    MetricsFormat.markdown: render_markdown,
}
