"""Read one value of a record: a time, an outcome, a yes/no, a commit id; ValueError says why."""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Sequence
from typing import Any

from mlops_maturity.metrics.records import Outcome

EXAMPLE_TIME = "2026-07-01T09:30:00Z"
_OUTCOMES: dict[str, Outcome] = {
    "succeeded": "succeeded",
    "success": "succeeded",
    "successful": "succeeded",
    "failed": "failed",
    "failure": "failed",
    "rolled back": "rolled back",
    "rolledback": "rolled back",
    "rollback": "rolled back",
}
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0", ""}
_COMMIT = re.compile(r"^[0-9a-fA-F]{4,64}$")
MAX_TEXT = 200


def text(value: Any) -> str:
    """A short piece of text (a model name, an id, a severity)."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"expected text, got {_show(value)}")
    out = str(value).strip()
    if len(out) > MAX_TEXT:
        raise ValueError(f"is {len(out)} characters long; the limit is {MAX_TEXT}")
    return out


def time(value: Any, zone: dt.tzinfo | None) -> float:
    """A moment as POSIX seconds; a time without a zone needs ``zone`` (from --timezone)."""
    if not isinstance(value, str):
        raise ValueError(f"expected a time such as {EXAMPLE_TIME}, got {_show(value)}")
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            f"cannot read {value!r} as a time; expected ISO 8601 such as {EXAMPLE_TIME}"
        ) from None
    if moment.tzinfo is None:
        if zone is None:
            raise ValueError(
                f"{value!r} has no time zone; add Z or an offset such as +02:00 "
                "(2026-07-01T09:30:00+02:00), or pass --timezone to say which zone it is in"
            )
        moment = moment.replace(tzinfo=zone)
    return moment.timestamp()


def outcome(value: Any) -> Outcome:
    """succeeded, failed or rolled back (also: success, failure, rollback, rolled_back)."""
    key = (
        value.strip().lower().replace("_", " ").replace("-", " ") if isinstance(value, str) else ""
    )
    if key in _OUTCOMES:
        return _OUTCOMES[key]
    raise ValueError(f"expected succeeded, failed or rolled back; got {_show(value)}")


def yes_no(value: Any) -> bool:
    """yes/no, true/false or 1/0; empty means no."""
    if value is None or isinstance(value, bool):
        return bool(value)
    key = str(value).strip().lower()
    if key in _YES | _NO:
        return key in _YES
    raise ValueError(f"expected yes or no (true/false, 1/0), got {_show(value)}")


def commit(value: Any) -> str:
    """A commit id: 4 to 64 hexadecimal digits, as git prints it (abbreviated or full)."""
    out = text(value)
    if out and not _COMMIT.match(out):
        raise ValueError(f"expected a commit id (hexadecimal, as git shows it), got {out!r}")
    return out.lower()


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return "a JSON object" if isinstance(value, dict) else "a JSON list"
    return repr(value)


# NOTE: the fast readers below take a whole column at once and raise on the first value that
# is not plainly right; the caller then reads that column value by value with the readers
# above, which say what is wrong and where. 100,000 records are read in a fraction of a second.
_FLAGS: dict[str, bool] = {key: key in _YES for key in _YES | _NO}
_HEX = set("0123456789abcdef")
_ZONE = operator.attrgetter("tzinfo")


def _stripped(values: Sequence[Any]) -> list[str]:
    """Each value stripped (None, a JSON record without the field, reads as empty)."""
    if None in values:
        values = ["" if v is None else v for v in values]
    return list(map(str.strip, values))


def fast_texts(values: Sequence[Any], needed: bool) -> list[str]:
    """Stripped text; raise if a value is not text, too long, or (when needed) empty."""
    out = _stripped(values)
    if out and (max(map(len, out)) > MAX_TEXT or (needed and not all(out))):
        raise ValueError
    return out


def fast_times(values: Sequence[Any], zone: dt.tzinfo | None, needed: bool) -> list[float | None]:
    """POSIX seconds (None where empty and not needed); raise on anything unusual."""
    if not needed and ("" in values or None in values):
        filled = [i for i, v in enumerate(values) if v]
        out: list[float | None] = [None] * len(values)
        for i, stamp in zip(
            filled, fast_times([values[i] for i in filled], zone, True), strict=True
        ):
            out[i] = stamp
        return out
    moments = list(map(dt.datetime.fromisoformat, values))
    if zone is not None:
        moments = [m if m.tzinfo else m.replace(tzinfo=zone) for m in moments]
    elif None in map(_ZONE, moments):
        raise ValueError
    return list(map(dt.datetime.timestamp, moments))


def fast_outcomes(values: Sequence[Any]) -> list[Outcome]:
    """Outcomes, raising KeyError on any spelling not known as it is."""
    return list(map(_OUTCOMES.__getitem__, map(str.lower, _stripped(values))))


def fast_flags(values: Sequence[Any]) -> list[bool]:
    """yes/no values (JSON true/false as well); raising on anything else."""
    try:
        return list(map(_FLAGS.__getitem__, map(str.lower, _stripped(values))))
    except TypeError:
        return [v if v.__class__ is bool else _FLAGS[(v or "").strip().lower()] for v in values]


def fast_commits(values: Sequence[Any]) -> list[str]:
    """Commit ids in lower case, or empty; raising on anything else."""
    out = list(map(str.lower, _stripped(values)))
    lengths = set(map(len, out)) - {0}
    if set("".join(out)) - _HEX or (lengths and not 4 <= min(lengths) <= max(lengths) <= 64):
        raise ValueError
    return out
