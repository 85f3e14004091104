"""The records the metrics are computed from: deployments, incidents and the changes shipped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Outcome = Literal["succeeded", "failed", "rolled back"]
HOUR = 3600.0


# NOTE: named tuples rather than frozen dataclasses: a hundred thousand of them are made in a
# twentieth of the time.
class Deployment(NamedTuple):
    """One deployment to production; times are POSIX seconds (UTC)."""

    row: int
    time: float
    model: str
    outcome: Outcome = "succeeded"
    id: str = ""
    first_commit: float | None = None
    commit: str = ""
    unplanned: bool = False

    @property
    def failed(self) -> bool:
        """Whether the deployment failed or was rolled back."""
        return self.outcome != "succeeded"


class Incident(NamedTuple):
    """A degradation of service, from its start until service was restored (None: still open)."""

    row: int
    start: float
    restored: float | None
    deployment: str = ""
    model: str = ""
    severity: str = ""
    id: str = ""


@dataclass(frozen=True)
class Records:
    """Everything read from the user's files, checked, before any period is applied.

    ``changes[i]`` holds the commit times of the changes deployment ``i`` shipped first.
    ``lead_time_gap`` says why lead time cannot be measured (empty when it can).
    ``rework_marked`` says whether deployments are marked as planned or unplanned at all.
    """

    deployments: tuple[Deployment, ...]
    incidents: tuple[Incident, ...] = ()
    changes: tuple[tuple[float, ...], ...] = ()
    lead_time_gap: str = ""
    rework_marked: bool = False
    deployment_source: str = ""
    incident_source: str = ""
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Period:
    """The reporting period: whole days from ``first`` to ``last`` in one time zone."""

    first: dt.date
    last: dt.date
    start: float
    end: float
    months: float
    zone: str

    def holds(self, time: float) -> bool:
        """Whether a moment falls inside the period."""
        return self.start <= time < self.end

    @property
    def label(self) -> str:
        """``2026-07-01 to 2026-09-30``."""
        return f"{self.first.isoformat()} to {self.last.isoformat()}"
