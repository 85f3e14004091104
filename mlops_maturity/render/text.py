"""Wording shared by the text renderers: numbers, levels and summaries in plain words."""

from __future__ import annotations

from mlops_maturity.scoring.result import GroupResult, LevelRef, Overall, Result


def fmt_score(score: float | None, high: float | None = None) -> str:
    """``2.4 / 4`` style, or an em dash when there is no score."""
    if score is None:
        return "—"
    text = f"{score:.2f}".rstrip("0").rstrip(".")
    if high is None:
        return text
    return f"{text} / {high:.2f}".rstrip("0").rstrip(".")


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


def staged_text(item: Overall | GroupResult, result: Result) -> str | None:
    """The staged level in words: ``Level 2 · Managed``, ``Not yet at level 0 · None``, or None."""
    numbered = levels_are_steps(result)
    if item.staged_status == "reached":
        return level_text(item.staged_level, numbered=numbered)
    if item.staged_status == "not_yet" and result.levels:
        lowest = level_text(result.levels[0], numbered=numbered)
        return f"Not yet at {lowest[0].lower()}{lowest[1:]}" if numbered else f"Not yet at {lowest}"
    return None


def levels_are_steps(result: Result) -> bool:
    """Whether levels are numbered steps (0, 1, 2, ...) worth showing as "Level N"."""
    values = [lv.value for lv in result.levels if lv.value is not None]
    return values == list(range(values[0], values[0] + len(values))) if values else False


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
