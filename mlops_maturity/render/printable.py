"""The printable questionnaire: a blank form to fill in by hand in a workshop, as HTML or PDF."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from mlops_maturity.questionnaire.model import (
    BooleanQuestion,
    ChoiceQuestion,
    Condition,
    Group,
    NumberQuestion,
    Questionnaire,
    TextQuestion,
)
from mlops_maturity.resources import data_dir

TEMPLATE = "questionnaire.html.j2"
STYLESHEET = "questionnaire.css"
INSTRUCTIONS = {
    "single": "Tick one box.",
    "multiple": "Tick every box that applies.",
    "boolean": "Tick one box.",
    "number": "Write a number.",
    "text": "Write your answer.",
}


@dataclass(frozen=True)
class Printed:
    """One question as printed: its number, words, boxes, and the extra boxes that apply."""

    number: int
    id: str
    text: str
    help: str
    kind: str
    instruction: str
    boxes: tuple[str, ...]
    extras: tuple[str, ...]  # "n/a", "Don't know"
    unit: str
    condition: str


@dataclass(frozen=True)
class Heading:
    """A group as printed: a numbered heading at its depth, with the questions right inside."""

    depth: int
    number: str
    title: str
    description: str
    questions: tuple[Printed, ...]


@dataclass(frozen=True)
class Form:
    """The whole printable questionnaire."""

    q: Questionnaire
    headings: tuple[Heading, ...]
    count: int
    description: str


def build_form(q: Questionnaire) -> Form:
    """The printable view of a questionnaire: questions numbered 1, 2, 3… in document order."""
    numbers = {qid: n for n, qid in enumerate(q.placed, start=1)}
    headings: list[Heading] = []

    def walk(groups: tuple[Group, ...], prefix: str, depth: int) -> None:
        for index, group in enumerate(groups, start=1):
            number = f"{prefix}{index}"
            printed = tuple(_printed(q, question, numbers) for question in group.questions)
            description = plain(group.description)
            headings.append(Heading(depth, number, group.title, description, printed))
            walk(group.groups, f"{number}.", depth + 1)

    walk(q.groups, "", 0)
    return Form(q, tuple(headings), len(numbers), plain(q.description))


def plain(text: str) -> str:
    """Text for paper: one paragraph, without the backticks that mark code such as `mlops`."""
    return " ".join(text.replace("`", "").split())


def _printed(q: Questionnaire, question: Any, numbers: dict[str, int]) -> Printed:
    kind = question.type
    boxes: tuple[str, ...] = ()
    if isinstance(question, ChoiceQuestion):
        boxes = tuple(" ".join(o.label.split()) for o in q.options_of(question))
    elif isinstance(question, BooleanQuestion):
        boxes = ("Yes", "No")
    extras: tuple[str, ...] = ("n/a (does not apply)",) if question.not_applicable else ()
    if not isinstance(question, TextQuestion):
        extras += ("Don't know",)
    unit = question.unit if isinstance(question, NumberQuestion) else ""
    condition = "" if question.when is None else _condition(q, question.when, numbers)
    return Printed(
        numbers[question.id],
        question.id,
        " ".join(question.text.split()),
        " ".join(question.help.split()),
        kind,
        INSTRUCTIONS[kind],
        boxes,
        extras,
        unit,
        condition,
    )


def _condition(q: Questionnaire, when: Condition, numbers: dict[str, int]) -> str:
    """``Answer only if your answer to question 3 is “Weekly”.``"""
    asked = q.placed.get(when.question)
    if asked is None:
        return ""
    show = functools.partial(_answer_label, q, asked.question)
    if when.equals is not None:
        rule = f"is {show(when.equals)}"
    elif when.in_ is not None:
        rule = "is " + " or ".join(show(v) for v in when.in_)
    elif when.not_in is not None:
        rule = "is not " + " or ".join(show(v) for v in when.not_in)
    elif when.min is not None and when.max is not None:
        rule = f"is between {when.min:g} and {when.max:g}"
    else:
        rule = f"is at least {when.min:g}" if when.min is not None else f"is at most {when.max:g}"
    return f"Answer only if your answer to question {numbers[when.question]} {rule}."


def _answer_label(q: Questionnaire, question: Any, value: str | bool | float) -> str:
    if isinstance(question, BooleanQuestion) and str(value).lower() in {"true", "yes"}:
        return "“Yes”"
    if isinstance(question, BooleanQuestion) and str(value).lower() in {"false", "no"}:
        return "“No”"
    if isinstance(question, ChoiceQuestion):
        for option in q.options_of(question):
            if option.id == str(value):
                return f"“{' '.join(option.label.split())}”"
    return f"“{value:g}”" if isinstance(value, float) else f"“{value}”"


@functools.cache
def stylesheet() -> str:
    """The printable questionnaire's CSS (a constant: no user data)."""
    return (data_dir("report_templates") / STYLESHEET).read_text(encoding="utf-8")


def render_questionnaire_html(q: Questionnaire) -> str:
    """The printable questionnaire as one HTML document (for a browser's print, or for PDF)."""
    from markupsafe import Markup

    from mlops_maturity.render.html import environment

    template = environment().get_template(TEMPLATE)
    # NOTE: Markup only for our own stylesheet; every text from the questionnaire stays escaped.
    return template.render(css=Markup(stylesheet()), form=build_form(q), q=q)


def render_questionnaire_pdf(q: Questionnaire) -> tuple[bytes, int]:
    """The printable questionnaire as an A4 PDF, and its number of pages."""
    from mlops_maturity.render.pdf import html_to_pdf

    return html_to_pdf(render_questionnaire_html(q))
