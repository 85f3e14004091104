"""Placing results in time, and checking that a set is one subject of one questionnaire."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mlops_maturity.errors import MaturityError
from mlops_maturity.history.model import Difference, DifferenceKind
from mlops_maturity.scoring.result import Result

QUARTER = re.compile(r"^(\d{4})\s*-?\s*([QH])([1-4])$|^([QH])([1-4])\s*-?\s*(\d{4})$", re.I)
MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
YEAR = re.compile(r"^(\d{4})$")
PERIOD_FORMS = "2026-Q3, 2026-H2, 2026-09, 2026 or 2026-09-30"


class ComparisonError(MaturityError):
    """A set of results that cannot be compared as given."""


@dataclass(frozen=True)
class Entry:
    """A result and the file it came from."""

    source: str
    result: Result


def period_start(period: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a period written as 2026-Q3, Q3 2026, 2026-H1, 2026-07 or 2026."""
    text = " ".join(period.split())
    if m := QUARTER.match(text):
        year, kind, n = (m[1], m[2], m[3]) if m[1] else (m[6], m[4], m[5])
        months = 3 if kind.upper() == "Q" else 6
        if kind.upper() == "H" and int(n) > 2:
            return None
        first = (int(n) - 1) * months + 1
        return dt.date(int(year), first, 1), _month_end(int(year), first + months - 1)
    if (m := MONTH.match(text)) and 1 <= int(m[2]) <= 12:
        return dt.date(int(m[1]), int(m[2]), 1), _month_end(int(m[1]), int(m[2]))
    if m := YEAR.match(text):
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day, day


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def label_of(result: Result) -> str:
    """What a period is called in reports: the period, else the date."""
    s = result.subject
    return s.period or (s.date.isoformat() if s.date else "")


def same_period(a: Result, b: Result) -> bool:
    """Whether two results claim the same period (or, without one, the same date)."""
    return label_of(a).casefold() == label_of(b).casefold()


def in_time_order(entries: Sequence[Entry]) -> list[Entry]:
    """Ordered by period (then date); by date when some period is not in a form we read."""
    spans = [period_start(e.result.subject.period) for e in entries]
    undated = [e.source for e, span in zip(entries, spans, strict=True) if span is None]
    if not undated:
        keys = {
            id(e): (span, e.result.subject.date or dt.date.min, e.source)
            for e, span in zip(entries, spans, strict=True)
        }
        return sorted(entries, key=lambda e: keys[id(e)])
    no_date = [e.source for e in entries if e.result.subject.date is None]
    if no_date:
        named = [e for e in entries if e.source in undated and e.source in no_date]
        shown = ", ".join(f"{e.source} ({_period_words(e.result)})" for e in named[:3])
        raise ComparisonError(
            f"cannot place {shown} in time: give each file a subject.period "
            f"({PERIOD_FORMS}) or a subject.date"
        )
    return sorted(entries, key=lambda e: (e.result.subject.date, e.source))


def _period_words(result: Result) -> str:
    period = result.subject.period
    return f"period {period!r} is not one of {PERIOD_FORMS}" if period else "no period or date"


def check_order(ordered: Sequence[Entry], *, allow_mixed: bool) -> tuple[Difference, ...]:
    """Refuse two results of one period, and periods whose dates run backwards."""
    found: list[Difference] = []
    for before, after in itertools.pairwise(ordered):
        a, b = before.result.subject, after.result.subject
        if same_period(before.result, after.result):
            found.append(_difference("same_period", [before, after], [label_of(before.result)]))
            message = (
                f"{before.source} and {after.source} are both for {label_of(before.result)}; "
                "compare one result per period (or pass --allow-mixed to keep both)"
            )
        elif a.date is not None and b.date is not None and b.date < a.date:
            found.append(_difference("order", [before, after], [a.period, b.period]))
            message = (
                f"out of order: {after.source} is for {b.period}, after {a.period} of "
                f"{before.source}, but is dated {b.date}, before {a.date}; correct the period "
                "or the date (or pass --allow-mixed to order by period)"
            )
        else:
            continue
        if not allow_mixed:
            raise ComparisonError(message)
    return tuple(found)


def check_one_subject(
    entries: Sequence[Entry], *, allow_mixed: bool, across: bool = False
) -> tuple[Difference, ...]:
    """Refuse results of different subjects (over time) or organisations (across teams), and
    of different questionnaires, unless ``allow_mixed``; then each difference is returned."""
    checks: list[tuple[DifferenceKind, Callable[[Result], str], str]] = [
        ("questionnaire", lambda r: r.questionnaire.id, "questionnaires"),
        ("organization", lambda r: r.subject.organization, "organisations")
        if across
        else ("subject", _subject_words, "subjects"),
    ]
    found, problems = [], []
    for kind, key, noun in checks:
        groups = _distinct(entries, key)
        if len(groups) > 1:
            found.append(_mixed(kind, groups))
            pairs = "; ".join(
                f"{g[0].source}: {v or '(none)'}" for v, g in list(groups.items())[:3]
            )
            problems.append(f"of different {noun} ({pairs})")
    if problems and not allow_mixed:
        raise ComparisonError(
            f"these results are {' and '.join(problems)}; compare one at a time, "
            "or pass --allow-mixed to compare them anyway"
        )
    return tuple(found)


def subject_key(result: Result) -> tuple[str, str]:
    """Organisation and team, compared without case or extra spaces."""
    s = result.subject
    return (" ".join(s.organization.split()).casefold(), " ".join(s.team.split()).casefold())


def _subject_words(result: Result) -> str:
    s = result.subject
    return " · ".join(p for p in (s.organization, s.team) if p) or "no organisation or team"


def _distinct(entries: Sequence[Entry], key: Callable[[Result], str]) -> dict[str, list[Entry]]:
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(key(entry.result), []).append(entry)
    return groups


def _mixed(kind: DifferenceKind, groups: dict[str, list[Entry]]) -> Difference:
    sources = tuple(group[0].source for group in groups.values())
    return Difference(kind=kind, sources=sources, values=tuple(groups))


def _difference(
    kind: DifferenceKind, entries: Sequence[Entry], values: Sequence[str]
) -> Difference:
    return Difference(kind=kind, sources=tuple(e.source for e in entries), values=tuple(values))
