"""The reporting period: whole days in one time zone, and its length in calendar months."""

from __future__ import annotations

import calendar
import datetime as dt

from mlops_maturity.errors import MaturityError
from mlops_maturity.metrics.records import Period

DAY = dt.timedelta(days=1)


def months_between(first: dt.date, last: dt.date) -> float:
    """Calendar months from ``first`` to ``last``, both days included; a part month counts
    the share of its days (2026-07-01 to 2026-09-30 is exactly 3, 2026-02-01 to 2026-02-14 is 0.5).
    """
    total = 0.0
    day = first
    while day <= last:
        length = calendar.monthrange(day.year, day.month)[1]
        stop = min(day.replace(day=length), last)
        total += ((stop - day).days + 1) / length
        day = stop + DAY
    return total


def make_period(
    first: dt.date | None,
    last: dt.date | None,
    times: list[float],
    zone: dt.tzinfo,
    zone_name: str,
) -> Period:
    """The period asked for; a missing end defaults to the day of the first or last deployment."""
    if first is None or last is None:
        if not times:
            raise MaturityError(
                "there are no deployments, so the period cannot be guessed; give --from and --to "
                "to report on a period without deployments"
            )
        first = first or _day(min(times), zone)
        last = last or _day(max(times), zone)
    if first > last:
        raise MaturityError(
            f"the period starts ({first.isoformat()}) after it ends ({last.isoformat()}); "
            "check --from and --to"
        )
    return Period(
        first=first,
        last=last,
        start=_midnight(first, zone),
        end=_midnight(last + DAY, zone),
        months=months_between(first, last),
        zone=zone_name,
    )


def _day(time: float, zone: dt.tzinfo) -> dt.date:
    return dt.datetime.fromtimestamp(time, zone).date()


def _midnight(day: dt.date, zone: dt.tzinfo) -> float:
    return dt.datetime.combine(day, dt.time(0), tzinfo=zone).timestamp()
