"""Turn the text of deployment and incident files into checked records, or every problem."""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, cast

from mlops_maturity.metrics import fields
from mlops_maturity.metrics.records import Deployment, Incident
from mlops_maturity.metrics.tabular import Columns, Grid, Kind, Table, read_grid

DEPLOYMENT_COLUMNS = Columns(
    known=("time", "model", "outcome", "id", "first_commit", "commit", "unplanned"),
    required=("time", "model", "outcome"),
    aliases={"service": "model"},
)
INCIDENT_COLUMNS = Columns(
    known=("start", "restored", "deployment", "model", "severity", "id"),
    required=("start",),
    aliases={"service": "model"},
)
_ERRORS = (ValueError, TypeError, KeyError, AttributeError)


@dataclasses.dataclass
class _Reader:
    """Reads a grid column by column; a bad value is noted where it is and its row left out."""

    table: Table
    grid: Grid
    zone: dt.tzinfo | None
    bad: set[int] = dataclasses.field(default_factory=set)

    def column(
        self,
        name: str,
        fast: Callable[[Sequence[Any]], list[Any]],
        slow: Callable[[Any], Any],
        needed: str = "",
    ) -> list[Any]:
        """The column's values (None where empty): all at once, or one by one on a problem."""
        raw = self.grid.columns.get(name)
        if raw is None:
            raw = [None] * len(self.grid.numbers)
        try:
            return fast(raw)
        except _ERRORS:
            return [
                self._one(number, name, value, slow, needed)
                for number, value in zip(self.grid.numbers, raw, strict=True)
            ]

    def _one(
        self, number: int, name: str, value: Any, slow: Callable[[Any], Any], needed: str
    ) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            if needed:
                self.fail(number, name, f"is empty; {needed}")
            return None
        try:
            return slow(value)
        except ValueError as exc:
            self.fail(number, name, str(exc))
            return None

    def times(self, name: str, needed: str = "") -> list[float | None]:
        """A column of times."""
        fast = partial(fields.fast_times, zone=self.zone, needed=bool(needed))
        return self.column(name, fast, partial(fields.time, zone=self.zone), needed)

    def texts(self, name: str, needed: str = "") -> list[str]:
        """A column of short texts ("" where empty)."""
        values = self.column(
            name, partial(fields.fast_texts, needed=bool(needed)), fields.text, needed
        )
        return [v or "" for v in values]

    def fail(self, number: int, name: str, message: str) -> None:
        self.bad.add(number)
        self.table.add(number, name, message)


def parse_deployments(
    text: str, name: str, kind: Kind, zone: dt.tzinfo | None
) -> tuple[tuple[Deployment, ...], frozenset[str]]:
    """The deployments in a file, and the columns it has; raise InputFileError on any problem."""
    table = Table(name, kind)
    grid = read_grid(table, text, DEPLOYMENT_COLUMNS)
    r = _Reader(table, grid, zone)
    times = r.times("time", "every deployment needs the time it reached production")
    models = r.texts("model", "every deployment needs its model or service")
    outcomes = r.column(
        "outcome", fields.fast_outcomes, fields.outcome, "expected succeeded, failed or rolled back"
    )
    firsts = r.times("first_commit")
    _in_order(r, times, firsts, "first_commit", "is after the deployment's time")
    ids = r.texts("id")
    commits = _or(r.column("commit", fields.fast_commits, fields.commit), "")
    flags = _or(r.column("unplanned", fields.fast_flags, fields.yes_no), False)
    keys: list[Any] = ids
    if r.bad or not all(ids):
        # NOTE: a row already found bad is not also reported as a duplicate.
        rows = zip(grid.numbers, ids, models, times, strict=True)
        keys = [-n if n in r.bad else i or (m, t) for n, i, m, t in rows]
    _duplicates(table, grid.numbers, keys, "deployment", "model and time")
    table.fail_if_any()
    found = map(Deployment, grid.numbers, times, models, outcomes, ids, firsts, commits, flags)
    return tuple(found), frozenset(grid.columns)


def _in_order(
    r: _Reader, later: list[float | None], earlier: list[float | None], name: str, what: str
) -> None:
    """Note every row where a time that should come later comes first."""
    if None not in later and None not in earlier:
        pairs = map(operator.lt, cast(list[float], later), cast(list[float], earlier))
        if not any(pairs):
            return
    for number, late, early in zip(r.grid.numbers, later, earlier, strict=True):
        if late is not None and early is not None and late < early:
            r.fail(number, name, f"{what}; check both times")


def _or(values: list[Any], default: Any) -> list[Any]:
    """The values with ``default`` for None (left by an empty or a bad value)."""
    return [default if v is None else v for v in values] if None in values else values


def parse_incidents(
    text: str,
    name: str,
    kind: Kind,
    zone: dt.tzinfo | None,
    deployments: dict[str, Deployment],
    deployments_name: str,
) -> tuple[Incident, ...]:
    """The incidents in a file, each linked to the deployment it names (by id)."""
    table = Table(name, kind)
    grid = read_grid(table, text, INCIDENT_COLUMNS)
    r = _Reader(table, grid, zone)
    starts = r.times("start", "every incident needs the time service degraded")
    restored = r.times("restored")
    _in_order(r, restored, starts, "restored", "is before the incident started")
    columns = zip(
        grid.numbers,
        starts,
        restored,
        r.texts("deployment"),
        r.texts("model"),
        r.texts("severity"),
        r.texts("id"),
        strict=True,
    )
    found = [_link(r, Incident(*values), deployments, deployments_name) for values in columns]
    keys = [-i.row if i.row in r.bad else i.id or i[1:5] for i in found]
    _duplicates(table, grid.numbers, keys, "incident", "times and deployment")
    table.fail_if_any()
    return tuple(found)


def _link(
    r: _Reader, incident: Incident, deployments: dict[str, Deployment], source: str
) -> Incident:
    """Take the model from the deployment the incident names; it must exist and agree."""
    if not incident.deployment:
        return incident
    found = deployments.get(incident.deployment)
    if found is None:
        hint = "" if deployments else f"; {source} gives its deployments no id"
        r.fail(
            incident.row, "deployment", f"no deployment {incident.deployment!r} in {source}{hint}"
        )
        return incident
    if incident.model and incident.model != found.model:
        r.fail(
            incident.row,
            "model",
            f"is {incident.model!r}, but deployment {incident.deployment!r} is of {found.model!r}",
        )
    return incident._replace(model=found.model)


def _duplicates(table: Table, numbers: list[int], keys: list[Any], noun: str, same: str) -> None:
    """Note every record that repeats an earlier one: the same id, or the same values."""
    if len(set(keys)) == len(keys):
        return
    first: dict[Any, int] = {}
    for key, number in zip(keys, numbers, strict=True):
        if key not in first:
            first[key] = number
            continue
        what = f"the same id {key!r}" if isinstance(key, str) else f"the same {same}"
        table.add(
            number,
            "",
            f"a duplicate of {table.where(first[key])} ({what}); remove one, or give each "
            f"{noun} its own id",
        )
