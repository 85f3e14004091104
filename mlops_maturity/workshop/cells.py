"""One cell of a forms export: labels matched without guessing, ticked options split, numbers."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from mlops_maturity.assessment.model import NOT_APPLICABLE, AnswerValue
from mlops_maturity.assessment.numbers import example_number, read_number, unit_of
from mlops_maturity.assessment.values import normalise
from mlops_maturity.questionnaire.model import (
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    TextQuestion,
)

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def norm(text: str) -> str:
    """Text as compared: case, spacing, compatibility characters and curly quotes set aside."""
    plain = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(plain.split()).casefold()


@dataclass(frozen=True)
class Labels:
    """The labels one column accepts: each label, normalised, → its value; and as written."""

    values: Mapping[str, str]
    written: Mapping[str, str]

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> Labels:
        """From (label as written, value) pairs; the first of two equal labels wins."""
        values: dict[str, str] = {}
        written: dict[str, str] = {}
        for label, value in pairs:
            key = norm(label)
            if key and key not in values:
                values[key], written[key] = value, label
        return cls(values, written)

    def closest(self, text: str) -> str:
        """The known label nearest to ``text`` (difflib's ratio), as written; "" if none."""
        found = difflib.get_close_matches(norm(text), list(self.values), n=1, cutoff=0.0)
        return self.written[found[0]] if found else ""

    def fit(self, text: str) -> float:
        """How close ``text`` is to its closest label, 0 to 1."""
        closest = self.closest(text)
        return difflib.SequenceMatcher(None, norm(text), norm(closest)).ratio() if closest else 0


class CellError(ValueError):
    """What is wrong with one cell; an unknown label each, or one reason."""

    def __init__(self, messages: Iterable[str]) -> None:
        self.messages = tuple(messages)
        super().__init__("; ".join(self.messages))


def split_choices(cell: str, separator: str, labels: Labels) -> tuple[list[str], list[str]]:
    """The values of the labels ticked in ``cell``, and the pieces that are no known label.

    Labels may contain the separator, so pieces are joined back into the longest known label
    first; a run of unknown pieces is cut where that brings each part nearest a known label.
    """
    pieces = cell.split(separator)
    found: list[str] = []
    unknown: list[str] = []
    run: list[str] = []
    start = 0
    while start < len(pieces):
        end = _longest(pieces, start, separator, labels)
        if end is None:
            run.append(pieces[start])
            start += 1
            continue
        unknown += _segments(run, separator, labels)
        run = []
        found.append(labels.values[norm(separator.join(pieces[start:end]))])
        start = end
    return found, unknown + _segments(run, separator, labels)


def _longest(pieces: list[str], start: int, separator: str, labels: Labels) -> int | None:
    for end in range(len(pieces), start, -1):
        if norm(separator.join(pieces[start:end])) in labels.values:
            return end
    return None


def _segments(run: list[str], separator: str, labels: Labels) -> list[str]:
    """Unknown pieces grouped so that each group is as near a known label as it can be."""
    pieces = [p for p in run if p.strip()]  # Microsoft ends a list with ";"
    best: list[tuple[float, list[str]]] = [(0.0, [])]
    for end in range(1, len(pieces) + 1):
        choices = []
        for start in range(end):
            text = separator.join(pieces[start:end]).strip()
            total, parts = best[start]
            choices.append((total + labels.fit(text) * len(text), [*parts, text]))
        best.append(max(choices, key=lambda choice: choice[0]))
    return best[-1][1]


def unknown_label(text: str, labels: Labels) -> str:
    """The message for a label the mapping does not know, with the closest one it does."""
    closest = labels.closest(text)
    hint = f"; the closest known label is {closest!r}" if closest else ""
    return f"unknown label {text!r}{hint}"


def read_cell(
    q: Questionnaire,
    question: Any,
    cell: str,
    *,
    labels: Labels,
    special: Labels,
    separator: str,
) -> AnswerValue:
    """The answer in one non-empty cell, checked against its question; or CellError."""
    text = cell.strip()
    marked = special.values.get(norm(text))
    if marked is not None and not isinstance(question, TextQuestion):
        if marked == NOT_APPLICABLE and not question.not_applicable:
            said = "n/a" if norm(text) == NOT_APPLICABLE else f"{text!r} (n/a)"
            raise CellError([f"{said} is not an answer this question allows"])
        return marked
    if isinstance(question, NumberQuestion):
        return _number(q, question, text)
    if isinstance(question, TextQuestion):
        return _checked(q, question, text)
    if isinstance(question, ChoiceQuestion) and question.type == "multiple":
        found, unknown = split_choices(text, separator, labels)
        if unknown:
            raise CellError(unknown_label(piece, labels) for piece in unknown)
        return _checked(q, question, list(dict.fromkeys(found)))
    value = labels.values.get(norm(text))
    if value is None:
        raise CellError([unknown_label(text, labels)])
    return _checked(q, question, value)


def _number(q: Questionnaire, question: NumberQuestion, text: str) -> AnswerValue:
    hint = example_number(question.min, question.max)
    try:
        number, _ = read_number(text, unit_of(question.unit), hint)
    except ValueError as exc:
        raise CellError([f"{exc}; got {text!r}"]) from None
    return _checked(q, question, number)


def _checked(q: Questionnaire, question: Any, value: Any) -> AnswerValue:
    try:
        return normalise(q, question, value)
    except ValueError as exc:
        raise CellError([str(exc)]) from None
