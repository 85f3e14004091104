"""Changes, levels and answers of comparisons in words, shared by their views."""

from __future__ import annotations

from collections.abc import Sequence

from mlops_maturity.history.model import Mark, VersionChange
from mlops_maturity.render.text import fmt_percent, fmt_score
from mlops_maturity.render.wording import STATUS_WORDS
from mlops_maturity.scoring.result import LevelRef, QuestionnaireRef

VISIBLE = 0.005  # a change that rounds to 0.00 is shown as no change
MINUS = "\u2212"
FLAG = "†"


def direction(delta: float | None) -> str:
    """``up``, ``down``, ``same`` or ``none`` (nothing to compare)."""
    if delta is None:
        return "none"
    if abs(delta) < VISIBLE:
        return "same"
    return "up" if delta > 0 else "down"


def signed(delta: float) -> str:
    """A change with its sign and two decimals: ``+0.42``, ``−0.30``, ``0.00``."""
    text = fmt_score(abs(delta))
    if abs(delta) < VISIBLE:
        return "0.00"
    return ("+" if delta > 0 else MINUS) + text


def change_text(delta: float | None) -> str:
    """A change with an arrow: ``▲ +0.42``, ``▼ −0.30``, ``= 0.00``, or an em dash."""
    arrow = {"up": "▲ ", "down": "▼ ", "same": "= ", "none": ""}[direction(delta)]
    return "—" if delta is None else arrow + signed(delta)


def percent_change(value: float) -> str:
    """A share that may be negative, as a whole percentage with a proper minus sign."""
    return fmt_percent(value).replace("-", MINUS)


def is_numbered(levels: Sequence[LevelRef]) -> bool:
    """Whether levels are numbered steps (0, 1, 2, …) worth calling "Level N"."""
    values = [lv.value for lv in levels if lv.value is not None]
    return bool(values) and values == list(range(values[0], values[0] + len(values)))


def mark_text(mark: Mark | None, numbered: bool = True) -> str:
    """``Level 2 · Automated training``, a band label, or ``not scored``."""
    if mark is None:
        return "not scored"
    if mark.value is None or not numbered:
        return mark.name
    return f"Level {mark.value} · {mark.name}"


def mark_short(mark: Mark | None, numbered: bool = True) -> str:
    """``2`` (or the band label), or an em dash."""
    if mark is None:
        return "—"
    return str(mark.value) if mark.value is not None and numbered else mark.name


def staged_short(mark: Mark | None, status: str, numbered: bool = True) -> str:
    """A staged level in short: ``2``, ``not yet`` or an em dash when nothing is staged."""
    if status == "not_yet":
        return "not yet"
    return mark_short(mark, numbered) if status == "reached" else "—"


def moved(before: str, after: str) -> str:
    """``1 → 2`` when a level changed, else the level."""
    return after if before == after else f"{before} → {after}"


def answer_words(status: str, label: str) -> str:
    """An answer in words, or why there is none."""
    return label if status == "answered" else STATUS_WORDS[status]


def version_words(ref: QuestionnaireRef) -> str:
    """``mlops 2.0``."""
    return f"{ref.id} {ref.version}"


def change_lines(change: VersionChange) -> tuple[str, ...]:
    """Each added, removed, changed or reworded question and group, in a line."""
    lines = []
    for q in change.questions:
        if q.kind == "added":
            since = f" (looks renamed from {q.renamed})" if q.renamed else ""
            lines.append(f"Added {q.question}{since}: {q.text}")
        elif q.kind == "removed":
            into = f" (looks renamed to {q.renamed})" if q.renamed else ""
            lines.append(f"Removed {q.question}{into}: {q.text}")
        elif q.kind == "changed":
            lines.append(f"Changed {q.question} ({', '.join(q.what)}): {q.text}")
        else:
            lines.append(f"Reworded {q.question} (scores unaffected): {q.text}")
    for g in change.groups:
        name = "The questionnaire as a whole" if g.group == "" else f"Group {g.title} ({g.group})"
        detail = f": {', '.join(g.what)}" if g.what else ""
        lines.append(f"{name} {g.kind}{detail}")
    return tuple(lines)


def options_note(change: VersionChange) -> str:
    """What could not be compared, when a questionnaire was not at hand."""
    if change.options_compared:
        return ""
    return (
        "Options and scoring could not be compared: a JSON result does not hold its "
        "questionnaire, and no questionnaire with the same fingerprint was at hand. Question ids, "
        "types, maximum scores, level gates and groups were compared."
    )


def share(value: float) -> str:
    """A share 0-1 as a whole percentage."""
    return fmt_percent(value)
