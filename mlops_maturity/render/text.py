"""Numbers and levels in words, shared by every renderer."""

from __future__ import annotations

import dataclasses
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar

from mlops_maturity.scoring.result import GroupResult, LevelRef, Overall, Result

CENT = Decimal("0.01")
T = TypeVar("T")


def fmt_score(score: float | None, high: float | None = None) -> str:
    """A score with two decimals (``2.40``), with its maximum (``2.40 / 4``); an em dash if none.

    Halves round up, as people do (1.125 is 1.13), not to the nearest even digit.
    """
    if score is None:
        return "—"
    text = str(Decimal(repr(score)).quantize(CENT, rounding=ROUND_HALF_UP))
    return text if high is None else f"{text} / {high:g}"


def fmt_percent(fraction: float) -> str:
    """A fraction as a whole percentage."""
    return f"{round(fraction * 100)}%"


def level_text(level: LevelRef | None, *, numbered: bool = True) -> str:
    """``Level 2 · Automated training``, a band label, or ``not scored``."""
    if level is None:
        return "not scored"
    if level.value is None or not numbered:
        return level.name
    return f"Level {level.value} · {level.name}"


def levels_are_steps(result: Result) -> bool:
    """Whether levels are numbered steps (0, 1, 2, ...) worth showing as "Level N"."""
    values = [lv.value for lv in result.levels if lv.value is not None]
    return values == list(range(values[0], values[0] + len(values))) if values else False


def top_level(result: Result) -> int | None:
    """The highest level number of the scale."""
    values = [lv.value for lv in result.levels if lv.value is not None]
    return max(values) if values else None


def group_level(group: GroupResult, result: Result) -> str:
    """A group's level in its own words: ``Level 2 of 4: releases are scripted …``.

    The overall model's level names describe the whole practice, so a capability reads
    "Level 2 of 4", followed by what that level means for the capability when the
    questionnaire says so. Band labels (such as the ML Test Score's) are shown as they are.
    """
    level = group.level
    if level is None:
        return "not scored"
    if level.value is None:
        return level.name
    if not levels_are_steps(result):
        return level.name
    text = f"Level {level.value} of {top_level(result)}"
    meaning = group.level_descriptions.get(level.value)
    return f"{text}: {meaning}" if meaning else text


def short_group_level(group: GroupResult, result: Result) -> str:
    """``Level 2 of 4`` (or the band label, or the level's name when levels are not steps)."""
    level = group.level
    if level is None:
        return "not scored"
    if level.value is None or not levels_are_steps(result):
        return level.name
    return f"Level {level.value} of {top_level(result)}"


def staged_text(item: Overall | GroupResult, result: Result) -> str | None:
    """The staged level in words: ``Level 2 · Managed``, ``Not yet at level 0 · None``, or None."""
    numbered = levels_are_steps(result)
    if item.staged_status == "reached":
        return level_text(item.staged_level, numbered=numbered)
    if item.staged_status == "not_yet" and result.levels:
        lowest = level_text(result.levels[0], numbered=numbered)
        return f"Not yet at {lowest[0].lower()}{lowest[1:]}" if numbered else f"Not yet at {lowest}"
    return None


def group_staged(group: GroupResult, result: Result) -> str | None:
    """A group's staged level as ``Level 2 of 4``, ``Not yet at level 1``, or None."""
    if group.score is None:
        return None  # nothing answered: nothing to say
    if group.staged_status == "untagged" or not levels_are_steps(result):
        return staged_text(group, result)
    if group.staged_status == "not_yet":
        return f"Not yet at level {result.levels[0].value}"
    assert group.staged_level is not None
    return f"Level {group.staged_level.value} of {top_level(result)}"


# NOTE: control characters (ESC starts the sequences that clear a screen, set a window title or
# hide a link) and the bidirectional overrides that reorder what a reader sees.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_HIDDEN = {
    **{c: f"\\x{c:02x}" for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F]},
    **{c: f"\\x{c:02x}" for c in range(0x80, 0xA0)},
    **{ord(c): f"\\u{ord(c):04x}" for c in _BIDI},
}


_ACTED_ON = re.compile("[" + re.escape("".join(map(chr, _HIDDEN))) + "]")


def visible(text: str) -> str:
    """User text safe for a terminal: control characters and direction overrides shown as
    escapes (``\\x1b``, ``\\u202e``) instead of acted on; line breaks and tabs kept."""
    return text.translate(_HIDDEN)


def visible_all(value: T) -> T:
    """A view with every text in it made safe for a terminal (see ``visible``).

    Strings inside dataclasses and tuples are replaced; any other value is kept as it is, and
    so is every part with nothing to show differently (nearly all of a view).
    """
    found: Any = value
    if isinstance(value, str):
        found = visible(value) if _ACTED_ON.search(value) else value
    elif isinstance(value, tuple):
        items = [visible_all(item) for item in value]
        if any(a is not b for a, b in zip(items, value, strict=True)):
            found = tuple(items) if type(value) is tuple else type(value)(*items)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [f.name for f in dataclasses.fields(value) if f.init]
        changes = {name: visible_all(getattr(value, name)) for name in fields}
        changed = {k: v for k, v in changes.items() if v is not getattr(value, k)}
        if changed:
            found = dataclasses.replace(value, **changed)
    return found  # type: ignore[no-any-return]


def fit(text: str, width: int) -> str:
    """At most ``width`` characters, with an ellipsis when cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def fraction(score: float | None, low: float | None, high: float | None) -> float:
    """Where a score lies between its lowest and highest possible value, 0 to 1."""
    if score is None or low is None or high is None or high <= low:
        return 0.0
    return max(0.0, min(1.0, (score - low) / (high - low)))


def completeness_text(item: Overall | GroupResult) -> str:
    """``45 of 48 (94%)``."""
    return f"{item.answered} of {item.applicable} ({fmt_percent(item.completeness)})"


def subject_line(result: Result) -> str:
    """Organisation, team and period joined for a heading."""
    s = result.subject
    parts = [s.organization, s.team, s.period]
    return " · ".join(p for p in parts if p) or "Unnamed subject"


def flatten_groups(
    groups: tuple[GroupResult, ...], depth: int = 0
) -> list[tuple[int, GroupResult]]:
    """Every group with its depth, depth first."""
    out: list[tuple[int, GroupResult]] = []
    for group in groups:
        out.append((depth, group))
        out.extend(flatten_groups(group.groups, depth + 1))
    return out
