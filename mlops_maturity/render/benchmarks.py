"""Benchmark placements as a table: each metric, the answer, and the cluster of every year."""

from __future__ import annotations

from dataclasses import dataclass

from mlops_maturity.scoring.result import Result


def metric_name(metric: str) -> str:
    """``change-fail-rate`` → ``Change fail rate``."""
    words = metric.replace("_", "-").split("-")
    return " ".join(words).capitalize()


@dataclass(frozen=True)
class BenchmarkRow:
    """One number answer placed in a benchmark's clusters for every report year."""

    question: str
    metric: str
    text: str
    answer: str
    measured: bool
    source: str
    clusters: tuple[str, ...]  # by year, in the table's order of years; "—" where none


@dataclass(frozen=True)
class BenchmarkTable:
    """The placements of one source, years as columns, the chosen year marked."""

    source: str
    years: tuple[int, ...]
    chosen: int
    rows: tuple[BenchmarkRow, ...]

    def sentence(self) -> str:
        """The placements of the chosen year in a sentence, as profiles and not verdicts."""
        at = self.years.index(self.chosen)
        parts = [
            f"{row.metric} resembles the {row.clusters[at]} cluster"
            for row in self.rows
            if row.clusters[at] != "—"
        ]
        if not parts:
            return ""
        return (
            f"Against the {self.source} clusters of {self.chosen}, metric by metric: "
            + "; ".join(parts)
            + " (a cluster is a profile across all its metrics, so each placement compares one "
            "metric only)."
        )


def benchmark_tables(result: Result) -> tuple[BenchmarkTable, ...]:
    """One table per benchmark source, with every year the answers were placed in."""
    by_source: dict[str, list[BenchmarkRow]] = {}
    years: dict[str, set[int]] = {}
    chosen: dict[str, int] = {}
    placed = [a for a in result.answers if a.benchmarks]
    for answer in placed:
        source = answer.benchmarks[0].source
        years.setdefault(source, set()).update(p.year for p in answer.benchmarks)
        if answer.benchmark is not None:
            chosen[source] = answer.benchmark.year
    tables = []
    for source, found in years.items():
        ordered = tuple(sorted(found))
        for answer in placed:
            if answer.benchmarks[0].source != source:
                continue
            cluster = {p.year: p.cluster or "—" for p in answer.benchmarks}
            by_source.setdefault(source, []).append(
                BenchmarkRow(
                    answer.question,
                    metric_name(answer.benchmarks[0].metric),
                    answer.text,
                    answer.label,
                    answer.measured,
                    source,
                    tuple(cluster.get(year, "—") for year in ordered),
                )
            )
        tables.append(
            BenchmarkTable(
                source, ordered, chosen.get(source, ordered[-1]), tuple(by_source[source])
            )
        )
    return tuple(tables)
