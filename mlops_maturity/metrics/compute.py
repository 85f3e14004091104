"""The four keys and the rework rate over a period, overall and per model, placed in clusters."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, groupby

from mlops_maturity.metrics.records import HOUR, Incident, Period, Records
from mlops_maturity.metrics.result import DoraMetrics, KeyMetrics, Measure, PeriodRef, Placement
from mlops_maturity.questionnaire.intervals import parse_interval
from mlops_maturity.questionnaire.model import Benchmark

# NOTE: the benchmark tables each metric is placed in (questionnaires/benchmarks/dora.yaml);
# DORA published no clusters for rework rate, and the clusters compare typical values, so the
# 90th percentile of lead time is not placed either.
BENCHMARK_OF = {
    "dora.deployment_frequency": "deployment-frequency",
    "dora.lead_time": "lead-time",
    "dora.change_failure_rate": "change-fail-rate",
    "dora.time_to_restore": "recovery-time",
}
NO_DEPLOYMENTS = "no deployments in the period"


@dataclass(frozen=True)
class Slice:
    """The records of one model (or of all) that fall in the period, counted."""

    deployments: int
    failed: int
    unplanned: int
    lead_times: list[float]
    incidents: list[Incident]
    late: int = 0


@dataclass(frozen=True)
class Tally:
    """Each deployment's facts, worked out once: the hours from each of its changes' commits,
    whether it failed or was an unplanned fix. A slice then only picks from these lists, which
    stays fast for a hundred thousand deployments."""

    leads: list[tuple[float, ...]]
    failed: list[bool]
    unplanned: list[bool]
    models: list[str]

    def of(self, chosen: list[int], incidents: list[Incident]) -> Slice:
        """The slice of the chosen deployments (by index) and incidents."""
        leads = sorted(chain.from_iterable(map(self.leads.__getitem__, chosen)))
        return Slice(
            deployments=len(chosen),
            failed=sum(map(self.failed.__getitem__, chosen)),
            unplanned=sum(map(self.unplanned.__getitem__, chosen)),
            # NOTE: a commit made after the deployment that shipped it (clocks out of step)
            # counts as 0 hours; compute() warns about them.
            lead_times=[x if x > 0 else 0.0 for x in leads],
            incidents=incidents,
            late=bisect_left(leads, 0.0) if leads and leads[0] < 0 else 0,
        )


def tally(records: Records) -> Tally:
    """Work out each deployment's lead times and whether it failed, was rolled back or caused
    an incident."""
    caused = {i.deployment for i in records.incidents if i.deployment}
    deployments = records.deployments
    changes = records.changes or ((),) * len(deployments)
    times = [d.time for d in deployments]
    pairs = zip(times, changes, strict=True)
    leads: list[tuple[float, ...]]
    if max(map(len, changes), default=0) <= 1:
        leads = [((t - c[0]) / HOUR,) if c else () for t, c in pairs]
    else:
        leads = [tuple((t - x) / HOUR for x in c) for t, c in pairs]
    return Tally(
        leads=leads,
        failed=[d.outcome != "succeeded" or d.id in caused for d in deployments],
        unplanned=[d.unplanned for d in deployments],
        models=[d.model for d in deployments],
    )


def compute(
    records: Records, period: Period, benchmarks: Sequence[Benchmark], *, by_model: bool = False
) -> DoraMetrics:
    """Every metric over the period, for all deployments and (``by_model``) for each model."""
    facts = tally(records)
    start, end = period.start, period.end
    chosen = [i for i, d in enumerate(records.deployments) if start <= d.time < end]
    incidents = [i for i in records.incidents if start <= i.start < end]
    overall = facts.of(chosen, incidents)
    models = [
        _keys(name, part, records, period, benchmarks)
        for name, part in (_by_model(facts, chosen, incidents) if by_model else [])
    ]
    return DoraMetrics(
        period=PeriodRef(
            first=period.first,
            last=period.last,
            months=round(period.months, 2),
            timezone=period.zone,
        ),
        deployments_from=records.deployment_source,
        incidents_from=records.incident_source,
        overall=_keys(None, overall, records, period, benchmarks),
        models=tuple(models),
        warnings=records.warnings + _late(overall) + _unassigned(incidents, by_model),
    )


def _by_model(
    facts: Tally, chosen: list[int], incidents: list[Incident]
) -> list[tuple[str, Slice]]:
    model_of = facts.models.__getitem__
    mine = {name: list(group) for name, group in groupby(sorted(chosen, key=model_of), model_of)}
    theirs: dict[str, list[Incident]] = {}
    for incident in incidents:
        theirs.setdefault(incident.model, []).append(incident)
    names = sorted((mine.keys() | theirs.keys()) - {""})
    return [(name, facts.of(mine.get(name, []), theirs.get(name, []))) for name in names]


def _late(overall: Slice) -> tuple[str, ...]:
    if not overall.late:
        return ()
    return (
        f"{overall.late} change(s) were committed after the deployment that shipped them "
        "(clocks out of step?); their lead time counts as 0 hours",
    )


def _unassigned(incidents: list[Incident], by_model: bool) -> tuple[str, ...]:
    loose = sum(1 for i in incidents if not i.model)
    if not by_model or not loose:
        return ()
    return (f"{loose} incident(s) name no deployment or model; they count only for all models",)


def _keys(
    model: str | None, part: Slice, records: Records, period: Period, tables: Sequence[Benchmark]
) -> KeyMetrics:
    restored = [(i.restored - i.start) / HOUR for i in part.incidents if i.restored is not None]
    n = part.deployments
    measures = (
        _measure("dora.deployment_frequency", "per month", n / period.months, n, "deployments"),
        _lead_time(part, records, "median"),
        _lead_time(part, records, "90th percentile"),
        _share("dora.change_failure_rate", part.failed, n, ""),
        _restore(restored, part, records),
        _share("dora.rework_rate", part.unplanned, n, _rework_gap(records)),
    )
    placed = tuple(_place(m, tables) for m in measures)
    return KeyMetrics(
        model=model,
        deployments=n,
        changes=len(part.lead_times),
        incidents=len(part.incidents),
        open_incidents=len(part.incidents) - len(restored),
        deployment_frequency=placed[0],
        lead_time=placed[1],
        lead_time_p90=placed[2],
        change_failure_rate=placed[3],
        time_to_restore=placed[4],
        rework_rate=placed[5],
    )


def _measure(
    metric: str, statistic: str, value: float | None, count: int, of: str, **extra: object
) -> Measure:
    unit = {"per month": "deployments per month", "share": "percent"}.get(statistic, "hours")
    rounded = None if value is None else round(value, 2)
    return Measure.model_validate(
        {
            "metric": metric,
            "statistic": statistic,
            "value": rounded,
            "unit": unit,
            "count": count,
            "of": of,
            **extra,
        }
    )


def _lead_time(part: Slice, records: Records, statistic: str) -> Measure:
    times = part.lead_times
    reason = records.lead_time_gap or (
        "" if times else "no changes were shipped" if part.deployments else NO_DEPLOYMENTS
    )
    value = None if reason else _median(times) if statistic == "median" else _p90(times)
    return _measure("dora.lead_time", statistic, value, len(times), "changes", reason=reason)


def _share(metric: str, count: int, total: int, gap: str) -> Measure:
    reason = gap or ("" if total else NO_DEPLOYMENTS)
    value = None if reason else 100 * count / total
    return _measure(metric, "share", value, total, "deployments", part=count, reason=reason)


def _restore(restored: list[float], part: Slice, records: Records) -> Measure:
    if not records.incident_source:
        reason = "no incident records (give --incidents FILE)"
    elif not part.incidents:
        reason = "no incidents in the period"
    elif not restored:
        reason = "no incident of the period has been restored yet"
    else:
        reason = ""
    value = None if reason else _median(sorted(restored))
    return _measure(
        "dora.time_to_restore", "median", value, len(restored), "incidents", reason=reason
    )


def _rework_gap(records: Records) -> str:
    if records.rework_marked:
        return ""
    return "the deployments are not marked as planned or unplanned (column unplanned)"


def _median(values: list[float]) -> float:
    """The median of values sorted already (the slices keep their lead times sorted)."""
    n = len(values)
    return (values[(n - 1) // 2] + values[n // 2]) / 2


def _p90(values: list[float]) -> float:
    """The 90th percentile of sorted values, interpolating between the closest ranks (as
    numpy's default and ``statistics.quantiles(method="inclusive")`` do)."""
    position = 0.9 * (len(values) - 1)
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def _place(measure: Measure, tables: Sequence[Benchmark]) -> Measure:
    key = BENCHMARK_OF.get(measure.metric)
    if key is None or measure.value is None or measure.statistic == "90th percentile":
        return measure
    value = measure.value
    placements = tuple(
        Placement(
            year=table.year,
            cluster=next(
                (c.name for c in table.clusters if value in parse_interval(c.range)), None
            ),
        )
        for table in sorted((t for t in tables if t.metric == key), key=lambda t: t.year)
    )
    return measure.model_copy(update={"clusters": placements})
