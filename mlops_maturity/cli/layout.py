"""Text for the terminal: wrapped to its width with every prefix counted, never inside a word."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

# NOTE: the columns questionary puts before a question (``? ``), before each choice of a list
# (`` » `` or three spaces) and of a checkbox (pointer and ``○ ``), and before a description.
QMARK, POINTER, TICKBOX = 2, 3, 5
DESCRIPTION = "  Description: "


@dataclass(frozen=True)
class Item:
    """One line (or a few) of a list to pick from; a separator cannot be picked."""

    title: str
    value: str = ""
    description: str | None = None
    separator: bool = False


def usable(columns: int) -> int:
    """The width to fill: one column short of the edge, where terminals wrap on their own."""
    return max(20, columns - 1)


def wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """Lines of at most ``width`` characters, prefixes included, broken only between words.

    A word longer than the line (a URL) is kept whole on a line of its own.
    """
    lines = textwrap.wrap(
        " ".join(text.split()),
        width,
        initial_indent=first,
        subsequent_indent=" " * len(first) if rest is None else rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [first.rstrip()]


def wrap_parts(parts: list[str], width: int, indent: str = "", lead: str = "") -> list[str]:
    """``lead`` and the parts joined by `` · ``, lines broken only between parts (unless one
    part is longer than a line)."""
    lines: list[str] = []
    line = lead
    for part in parts:
        joined = f"{line}{' · ' if line != lead else ' '}{part}" if line else part
        if line and len(indent) + len(joined) > width:
            lines.append(indent + line)
            joined = part
        line = joined
    lines.append(indent + line)
    return [out for text in lines for out in wrap(text, width, indent, indent + "  ")]


def paragraphs(text: str, width: int, indent: str = "") -> list[str]:
    """Each paragraph (separated by a blank line) wrapped on its own, a blank line between."""
    out: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        if out:
            out.append("")
        out += wrap(paragraph, width, indent)
    return out


def message(text: str, width: int, instruction: str = "") -> str:
    """A prompt's message for questionary, which puts ``? `` before it and the instruction after.

    The instruction goes on a line of its own when it does not fit after the last line.
    """
    lines = wrap(text, width, "? ", "  ")
    last = len(lines[-1]) + 1 + len(instruction)
    lines[0] = lines[0][QMARK:]
    if instruction and last > width:
        return "\n".join(lines) + "\n "
    return "\n".join(lines)


def choice_title(label: str, width: int, indent: int = POINTER) -> str:
    """An option's label over as many lines as it needs, continued with a hanging indent."""
    lines = wrap(label, width - indent, "", "  ")
    return "\n".join([lines[0], *(" " * indent + line for line in lines[1:])])


def entry_title(text: str, answer: str, width: int, indent: int = POINTER) -> str:
    """A question in a list to pick from, with its answer on the lines below."""
    lines = wrap(text, width - indent, "", "  ") + wrap(answer, width - indent, "  → ", "    ")
    return "\n".join([lines[0], *(" " * indent + line for line in lines[1:])])


def description(text: str, width: int) -> str | None:
    """An option's description, for questionary's ``Description:`` line below the list."""
    if not text.strip():
        return None
    lines = wrap(text, width, DESCRIPTION, "  ")
    lines[0] = lines[0][len(DESCRIPTION) :]
    return "\n".join(lines)


def answered(question: str, answer: str, width: int, note: str = "") -> list[str]:
    """What stays on screen once a question is answered: the question, the answer, the note."""
    lines = wrap(question, width, "? ", "  ") + wrap(answer, width, "  → ", "    ")
    return lines + (wrap(note, width, "  ✎ ", "    ") if note else [])
