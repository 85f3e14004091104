"""Numbers as people type them ("15%", "1,200", "1.5k", "2 weeks", "3 per week"), in a unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

# NOTE: every unit of time in hours, and in working days for questions counted in working days
# (a working day of 8 hours, a week of 5, a year of 260).
HOURS = {
    "minute": 1 / 60,
    "hour": 1.0,
    "day": 24.0,
    "week": 168.0,
    "month": 730.5,
    "quarter": 2191.5,
    "year": 8766.0,
}
WORKING_DAYS = {
    "minute": 1 / 480,
    "hour": 1 / 8,
    "day": 1.0,
    "week": 5.0,
    "month": 260 / 12,
    "quarter": 65.0,
    "year": 260.0,
}
TIME_WORDS = {
    **dict.fromkeys(["m", "min", "mins", "minute", "minutes"], "minute"),
    **dict.fromkeys(["h", "hr", "hrs", "hour", "hours"], "hour"),
    **dict.fromkeys(["d", "day", "days", "working day", "working days", "workday"], "day"),
    **dict.fromkeys(["workdays", "business day", "business days"], "day"),
    **dict.fromkeys(["w", "wk", "wks", "week", "weeks"], "week"),
    **dict.fromkeys(["mo", "mos", "month", "months"], "month"),
    **dict.fromkeys(["q", "quarter", "quarters"], "quarter"),
    **dict.fromkeys(["y", "yr", "yrs", "year", "years"], "year"),
}
EVERY = {
    "hourly": "hour",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "yearly": "year",
    "annually": "year",
}
# NOTE: the example after "for example 12 or …", in another unit than the question's own.
OTHER_TIME = {"minute": "2 hours", "hour": "2 days", "day": "2 weeks", "week": "2 months"}
OTHER_RATE = {
    "day": "2 per hour",
    "week": "2 per day",
    "quarter": "2 per month",
    "year": "2 per month",
}
_NUMBER = re.compile(r"^([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+)\s*(k\b)?\s*(.*)$")
_RATE = re.compile(r"^(?:(?:per|an|a|each)\s+|/\s*)(.+)$")
_EVERY = re.compile(r"^every\s+(?:(\d+(?:\.\d+)?)\s*)?(.+)$")


@dataclass(frozen=True)
class Unit:
    """What a question's unit is: a percentage, a span of time, a count per span, or other."""

    text: str
    kind: str  # "percent", "time", "rate" or "plain"
    per: str = ""  # the unit of time: "hour" for hours, "month" for deployments per month
    working: bool = False


def unit_of(text: str) -> Unit:
    """Read a question's ``unit:`` ("percent of deployments", "hours", "deployments per month")."""
    words = " ".join(text.lower().split())
    if words.startswith("percent") or words == "%":
        return Unit(text, "percent")
    if " per " in f" {words}":
        last = words.rsplit("per ", 1)[1]
        if last in TIME_WORDS:
            return Unit(text, "rate", TIME_WORDS[last])
    for phrase in sorted(TIME_WORDS, key=len, reverse=True):
        if words == phrase or words.startswith(f"{phrase} "):
            working = words.startswith(("working day", "workday", "business day"))
            return Unit(text, "time", TIME_WORDS[phrase], working)
    return Unit(text, "plain")


def expected(unit: Unit, example: str = "12") -> str:
    """``expected a number of deployments per month, for example 12 or 3 per week``."""
    if unit.kind == "percent":
        rest = " ".join(unit.text.split()[1:])
        return f"expected a percentage{' ' + rest if rest else ''}, for example {example}%"
    if not unit.text:
        return f"expected a number, for example {example}"
    other = OTHER_TIME if unit.kind == "time" else OTHER_RATE if unit.kind == "rate" else {}
    alternative = other.get(unit.per, "2 weeks" if unit.kind == "time" else "3 per week")
    tail = f" or {alternative}" if unit.kind in {"time", "rate"} else ""
    of = "" if unit.text.lower().startswith("per ") else "of "
    return f"expected a number {of}{unit.text}, for example {example}{tail}"


def example_number(low: float | None, high: float | None) -> str:
    """A number to show in a message: 12, unless the question's range leaves it out."""
    if (low is None or low <= 12) and (high is None or high >= 12):
        return "12"
    if low is not None and high is not None:
        return f"{(low + high) / 2:g}"
    return f"{low if low is not None else high:g}"


def read_number(text: str, unit: Unit, hint: str = "12") -> tuple[int | float, bool]:
    """The number typed, in the question's unit, and whether it was converted from another unit.

    ValueError says what was expected in the question's own words.
    """
    words = " ".join(text.lower().split())
    if unit.kind == "rate" and words in EVERY:
        return _convert(1.0, EVERY[words], unit), True
    match = _NUMBER.match(words)
    if match is None:
        return _every(words, unit, hint)
    literal, thousands, rest = match.groups()
    number = float(literal.replace(",", "")) * (1000 if thousands else 1)
    if rest in {"", unit.text.lower(), unit.text.lower().split(" ")[0]} or (
        rest in {"%", "percent"} and unit.kind == "percent"
    ):
        plain = thousands is None and "." not in literal
        return (int(number) if plain else _tidy(number)), False
    if unit.kind == "time" and rest in TIME_WORDS:
        return _tidy(number * _scale(unit)[TIME_WORDS[rest]] / _scale(unit)[unit.per]), True
    rate = _RATE.match(rest)
    if unit.kind == "rate" and rate is not None and rate.group(1) in TIME_WORDS:
        return _convert(number, TIME_WORDS[rate.group(1)], unit), True
    raise ValueError(expected(unit, hint))


def _every(words: str, unit: Unit, hint: str) -> tuple[int | float, bool]:
    """``every 2 weeks`` on a question counted per month: once per two weeks."""
    match = _EVERY.match(words)
    if unit.kind != "rate" or match is None or match.group(2) not in TIME_WORDS:
        raise ValueError(expected(unit, hint))
    count = float(match.group(1) or 1)
    if count <= 0:
        raise ValueError(expected(unit, hint))
    return _convert(1 / count, TIME_WORDS[match.group(2)], unit), True


def _scale(unit: Unit) -> dict[str, float]:
    return WORKING_DAYS if unit.working else HOURS


def _convert(count: float, per: str, unit: Unit) -> int | float:
    """``count`` per ``per`` as a count per the question's unit of time."""
    return _tidy(count * HOURS[unit.per] / HOURS[per])


def _tidy(number: float) -> int | float:
    """Two decimals at most, and a whole number shown as one (336.0 → 336)."""
    rounded = round(number, 2)
    return int(rounded) if rounded.is_integer() else rounded
