"""Timestamps as forms exports write them: ISO, or 10/6/2026 9:00 with the day or month first."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

DateOrder = Literal["auto", "day-first", "month-first"]
_YEAR_FIRST = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:[T ]|,\s*)(.*))?$")
_YEAR_LAST = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s+(.*))?$")
_TIME = re.compile(
    r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?\s?m\.?)?"
    r"\s*(?:(?:gmt|utc|z)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?|[a-z]{2,5})$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Stamp:
    """A timestamp's date as written: the year, and two parts in an order that may be unknown."""

    year: int
    first: int
    second: int
    order: Literal["year-first", "day-first", ""]  # "" until the other timestamps tell

    def date(self, order: DateOrder) -> dt.date:
        """The date, reading an unknown order as ``order``; ValueError if there is none."""
        if self.order == "year-first":
            return dt.date(self.year, self.first, self.second)
        if self.order == "day-first" or order == "day-first":
            return dt.date(self.year, self.second, self.first)
        return dt.date(self.year, self.first, self.second)


def read_stamp(text: str) -> Stamp:
    """Read ``2026-10-06 09:00:00``, ``10/6/2026 9:00``, ``6.10.26 09:00``; ValueError if not."""
    words = text.strip()
    match = _YEAR_FIRST.match(words)
    if match is not None:
        year, _, first, second, time = match.groups()
        stamp = Stamp(int(year), int(first), int(second), "year-first")
    else:
        match = _YEAR_LAST.match(words)
        if match is None:
            raise ValueError(f"expected a date and time such as 2026-10-06 09:00, got {text!r}")
        first, separator, second, year, time = match.groups()
        full = int(year) + 2000 if len(year) == 2 else int(year)
        # NOTE: dots are how day-first locales (de, fr, nl, ru…) write dates; nobody writes 10.6.
        # for October the 6th.
        stamp = Stamp(full, int(first), int(second), "day-first" if separator == "." else "")
    _check_time(time or "", text)
    _check_parts(stamp, text)
    return stamp


def _check_time(time: str, text: str) -> None:
    if not time:
        return
    match = _TIME.match(time.strip())
    if match is None:
        raise ValueError(f"cannot read the time in {text!r}")
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(match.group(3) or 0)
    top = 12 if match.group(4) else 23
    if hour > top or minute > 59 or second > 59:
        raise ValueError(f"no such time of day in {text!r}")


def _check_parts(stamp: Stamp, text: str) -> None:
    orders: list[DateOrder] = ["month-first", "day-first"] if not stamp.order else ["auto"]
    for order in orders:
        try:
            stamp.date(order)
            return
        except ValueError:
            continue
    raise ValueError(f"no such date: {text!r}")


def infer_order(stamps: Sequence[tuple[int, Stamp]]) -> tuple[DateOrder, str]:
    """How the export writes dates, from the timestamps that show it (a part above 12).

    Returns the order (``auto`` when nothing tells) and, for timestamps that contradict each
    other, a message naming a row of each kind.
    """
    day = next((row for row, s in stamps if not s.order and s.first > 12), None)
    month = next((row for row, s in stamps if not s.order and s.second > 12), None)
    if day is not None and month is not None:
        return (
            "auto",
            f"timestamps put the day first in row {day} and the month first in row {month}",
        )
    if day is not None:
        return "day-first", ""
    if month is not None:
        return "month-first", ""
    ambiguous = any(not s.order and s.first != s.second for _, s in stamps)
    return ("auto" if ambiguous else "month-first"), ""
