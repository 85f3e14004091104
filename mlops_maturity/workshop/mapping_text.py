"""A starting mapping file, written from the questionnaire's own wording, to adapt to a form."""

from __future__ import annotations

from typing import Any

import yaml

from mlops_maturity.questionnaire.model import (
    BooleanQuestion,
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    TextQuestion,
)
from mlops_maturity.workshop.mapping import RESPONDENT_COLUMNS, TIMESTAMP_COLUMNS, Words

HEAD = """\
# Mapping of a Google Forms or Microsoft Forms export (CSV) to the questionnaire
# {title} ({id} {version}), written by `mlops-maturity workshop mapping`.
#
# Each question below expects a column headed by the question's text, and each option the
# questionnaire's label. Where your form words a question or an option differently, change the
# text here (the header after `column:`, the label before the colon) and keep the ids.
# Headers and labels are matched ignoring case and spacing. A label the mapping does not know is
# reported with its row and column, never guessed. Columns not listed here are skipped with a
# warning. Give a question `note: HEADER` to read a column as its note.
# Then: mlops-maturity workshop import-forms EXPORT.csv --mapping THIS_FILE -o answers/
# The format is described in docs/workshops.md.
"""
GRIDS = """
# A grid question (Google's "multiple choice grid", one column per row headed
# "Title [Row]") is mapped once for all its rows, for example:
# grids:
#   - title: How far do you agree with each statement?
#     rows:
#       We can deploy on demand: question-id
#       We can roll back in minutes: other-question-id
#     options: {Strongly disagree: option-id, Strongly agree: other-option-id}
#     # options may be left out: each row's question then uses its own labels.
grids: []
"""


def scalar(value: Any) -> str:
    """One value as a YAML flow scalar on one line, quoted only where YAML needs it."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=100_000)
    return text.removesuffix("\n...\n").rstrip("\n")


def _texts(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def _settings(q: Questionnaire, reference: str) -> list[str]:
    words = Words()
    return [
        f"questionnaire: {scalar(reference)}",
        f"version: {scalar(q.version)}",
        "layout: auto        # google (', ' between ticked options), microsoft (';'), or auto",
        "subject:            # who is assessed; --subject-organization, --subject-team and",
        "  organization:     # --period on the command line win over these",
        "  team:",
        "  period:           # e.g. 2026-Q3",
        "  date:             # YYYY-MM-DD; left empty, the date of the last answer",
        "# the columns that name the respondent; the first one filled in wins",
        f"respondent: {_texts(RESPONDENT_COLUMNS)}",
        f"timestamp: {_texts(TIMESTAMP_COLUMNS)}",
        "date_order: auto    # how to read 10/6/2026: day-first, month-first, or auto",
        "labels:             # the words of every question's yes/no, n/a and don't know",
        f'  "yes": {_texts(words.yes)}',
        f'  "no": {_texts(words.no)}',
        f"  not_applicable: {_texts(words.not_applicable)}",
        f"  dont_know: {_texts(words.dont_know)}",
        "ignore: []          # further columns to skip without a warning",
    ]


def _question(q: Questionnaire, question: Any) -> list[str]:
    lines = [f"  {question.id}:", f"    column: {scalar(' '.join(question.text.split()))}"]
    if question.not_applicable:
        lines.append("    # n/a is allowed")
    if isinstance(question, ChoiceQuestion):
        kind = "tick any" if question.type == "multiple" else "one of"
        lines.append(f"    options:          # {kind}: label in the form → option id")
        lines += [
            f"      {scalar(o.label.strip())}: {scalar(o.id)}" for o in q.options_of(question)
        ]
    elif isinstance(question, BooleanQuestion):
        lines.append("    # yes or no, in the words of labels: above")
    elif isinstance(question, NumberQuestion):
        unit = f" ({question.unit})" if question.unit else ""
        lines.append(f"    # a number{unit} as typed, such as 12, 1,200 or 15%")
    elif isinstance(question, TextQuestion):
        lines.append("    # free text, kept as typed")
    return lines


def build_mapping(q: Questionnaire, reference: str) -> str:
    """The text of a mapping file for ``q``; ``reference`` is what ``questionnaire:`` says."""
    lines = HEAD.format(title=q.title, id=q.id, version=q.version).splitlines()
    lines += _settings(q, reference)
    lines.append("questions:")
    current: tuple[str, ...] = ()
    for placed in q.placed.values():
        if placed.path != current:
            current = placed.path
            lines += ["", f"  # ── {' › '.join(g.title for g in placed.groups)}"]
        lines += _question(q, placed.question)
    return "\n".join(lines) + "\n" + GRIDS
