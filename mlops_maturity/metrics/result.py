"""What ``metrics dora`` reports: each metric's value, what it was computed from, its clusters."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from mlops_maturity.questionnaire.model import Model

SCHEMA_VERSION = 1


class Placement(Model):
    """The DORA cluster a value resembles in one report year (None: no cluster fits)."""

    year: int
    cluster: str | None


class Measure(Model):
    """One metric: its value (None when it cannot be measured), and what it was computed from."""

    metric: str = Field(description="The metric id, e.g. dora.lead_time.")
    statistic: str = Field(description="per month, median, 90th percentile or share.")
    value: float | None = Field(description="Rounded to two decimals; null: not measurable.")
    unit: str
    count: int = Field(description="How many records it was computed from.")
    of: str = Field(description="What they are: deployments, changes or incidents.")
    part: int | None = Field(None, description="For a share: how many of them counted.")
    reason: str = Field("", description="Why it cannot be measured.")
    clusters: tuple[Placement, ...] = Field((), description="Every report year, oldest first.")


class KeyMetrics(Model):
    """The four keys and the rework rate, for all deployments or for one model."""

    model: str | None = Field(None, description="null for all models together.")
    deployments: int
    changes: int
    incidents: int
    open_incidents: int = Field(0, description="Incidents of the period not restored yet.")
    deployment_frequency: Measure
    lead_time: Measure
    lead_time_p90: Measure
    change_failure_rate: Measure
    time_to_restore: Measure
    rework_rate: Measure

    def measures(self) -> tuple[Measure, ...]:
        """The measures in report order."""
        return (
            self.deployment_frequency,
            self.lead_time,
            self.lead_time_p90,
            self.change_failure_rate,
            self.time_to_restore,
            self.rework_rate,
        )


class PeriodRef(Model):
    """The period reported on."""

    first: dt.date
    last: dt.date
    months: float
    timezone: str


class DoraMetrics(Model):
    """The result of ``metrics dora``, as its JSON output."""

    schema_version: int = SCHEMA_VERSION
    period: PeriodRef
    deployments_from: str = Field(description="The deployment records: a file, or git tags.")
    incidents_from: str = Field("", description="The incident records, if any.")
    overall: KeyMetrics
    models: tuple[KeyMetrics, ...] = ()
    warnings: tuple[str, ...] = ()
