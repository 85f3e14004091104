"""Ask questions in the terminal with questionary; the only module that prompts."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from typing import Any

import questionary
from questionary import Choice

from mlops_maturity.assessment.model import NOT_APPLICABLE, Answer, Subject
from mlops_maturity.assessment.values import normalise
from mlops_maturity.questionnaire.model import (
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    TextQuestion,
)
from mlops_maturity.render.text import fit

HELP, NOTE = "__help__", "__note__"
STYLE = questionary.Style(
    [("progress", "fg:ansicyan bold"), ("help", "italic"), ("note", "fg:ansiyellow")]
)


def say(text: str) -> None:
    """Print a line to the person answering (through the prompt session, so tests can read it)."""
    questionary.print(text, style="bold")


def current_quarter(today: dt.date | None = None) -> str:
    """``2026-Q4`` for a date in October to December 2026."""
    day = today or dt.date.today()
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def ask_subject(subject: Subject, respondent: str) -> tuple[Subject, str]:
    """Ask who is being assessed (Enter keeps what is shown)."""
    questionary.print("Who is being assessed? (Enter keeps the suggestion)", style="bold")
    org = questionary.text("Organisation:", default=subject.organization).unsafe_ask()
    team = questionary.text("Team:", default=subject.team).unsafe_ask()
    period = questionary.text("Period:", default=subject.period or current_quarter()).unsafe_ask()
    who = questionary.text("Your name or role (optional):", default=respondent).unsafe_ask()
    updated = Subject(
        organization=org.strip(),
        team=team.strip(),
        period=period.strip(),
        date=subject.date or dt.date.today(),
    )
    return updated, who.strip()


def _wrapped(text: str, width: int) -> str:
    return "\n  ".join(textwrap.wrap(" ".join(text.split()), width))


def _choices(q: Questionnaire, question: Any) -> list[Choice]:
    if isinstance(question, ChoiceQuestion):
        # NOTE: questionary cuts long titles at the terminal edge; the full text of the
        # highlighted option is shown below the list instead.
        width = max(40, shutil.get_terminal_size().columns - 8)
        choices = [
            Choice(
                fit(" ".join(o.label.split()), width),
                value=o.id,
                description=_wrapped(f"{o.label}. {o.description}".rstrip(". "), width)
                if len(o.label) > width or o.description
                else None,
            )
            for o in q.options_of(question)
        ]
    else:
        choices = [Choice("Yes", value="yes"), Choice("No", value="no")]
    if question.not_applicable:
        choices.append(Choice("Not applicable to us", value=NOT_APPLICABLE))
    if question.help:
        choices.append(Choice("? Show help", value=HELP))
    choices.append(Choice("✎ Add a note", value=NOTE))
    return choices


def _show_help(question: Any) -> None:
    width = max(40, shutil.get_terminal_size().columns - 4)
    text = question.help.strip() or "No help for this question."
    paragraphs = [textwrap.fill(" ".join(p.split()), width) for p in text.split("\n\n")]
    questionary.print("\n\n".join(paragraphs), style="italic")


def _ask_note(note: str) -> str:
    text: str = questionary.text("Note:", default=note).unsafe_ask()
    if text.strip():
        questionary.print(f"Note kept: {text.strip()}", style="fg:ansiyellow")
    return text.strip()


def ask_question(q: Questionnaire, question: Any, progress: str, note: str = "") -> Answer:
    """Ask one question until it is answered; help and notes are offered along the way."""
    questionary.print(progress, style="fg:ansicyan bold")
    if isinstance(question, NumberQuestion | TextQuestion):
        return _ask_typed(q, question, note)
    multiple = isinstance(question, ChoiceQuestion) and question.type == "multiple"
    picked: list[str] = []
    while True:
        choices = _choices(q, question)
        if multiple:
            for choice in choices:
                choice.checked = choice.value in picked
            picked = questionary.checkbox(
                question.text,
                choices=choices,
                style=STYLE,
                instruction="(space to tick, enter when done)",
            ).unsafe_ask()
            specials = [p for p in picked if p in {HELP, NOTE}]
            picked = [p for p in picked if p not in {HELP, NOTE}]
            value: Any = [NOT_APPLICABLE] if NOT_APPLICABLE in picked else picked
            action = specials[0] if specials else None
        else:
            value = questionary.select(question.text, choices=choices, style=STYLE).unsafe_ask()
            action = value if value in {HELP, NOTE} else None
        if action == HELP:
            _show_help(question)
        elif action == NOTE:
            note = _ask_note(note)
        else:
            if value == [NOT_APPLICABLE]:
                value = NOT_APPLICABLE
            return Answer(value=normalise(q, question, value), note=note)


def _ask_typed(q: Questionnaire, question: Any, note: str) -> Answer:
    unit = f" ({question.unit})" if isinstance(question, NumberQuestion) and question.unit else ""
    hints = ["? for help", "! for a note"] + (["n/a"] if question.not_applicable else [])
    while True:
        raw: str = questionary.text(
            f"{question.text}{unit}",
            validate=lambda t: _validate(q, question, t),
            instruction=f"({', '.join(hints)})",
            style=STYLE,
        ).unsafe_ask()
        raw = raw.strip()
        if raw == "?":
            _show_help(question)
        elif raw == "!":
            note = _ask_note(note)
        else:
            return Answer(value=normalise(q, question, _parse(question, raw)), note=note)


def _parse(question: Any, raw: str) -> Any:
    if raw.lower() in {"n/a", "na"} or not isinstance(question, NumberQuestion):
        return raw
    number = float(raw.replace(",", ""))
    return int(number) if number.is_integer() else number


def _validate(q: Questionnaire, question: Any, text: str) -> bool | str:
    text = text.strip()
    if text in {"?", "!"}:
        return True
    if not text:
        return "Type an answer (or ? for help)"
    try:
        normalise(q, question, _parse(question, text))
    except ValueError as exc:
        return str(exc)
    return True
