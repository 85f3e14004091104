"""One question in the terminal: an answer or a move (back, skip), help and notes on the way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from mlops_maturity.assessment.model import DONT_KNOW, NOT_APPLICABLE, Answer, AnswerValue, Subject
from mlops_maturity.assessment.numbers import Unit, example_number, read_number, unit_of
from mlops_maturity.assessment.values import normalise
from mlops_maturity.cli import prompts
from mlops_maturity.cli.layout import (
    POINTER,
    TICKBOX,
    Item,
    answered,
    choice_title,
    description,
    message,
    paragraphs,
    usable,
    wrap,
    wrap_parts,
)
from mlops_maturity.questionnaire.model import (
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    TextQuestion,
)
from mlops_maturity.scoring.question import answer_label

Move = Literal["back", "skip"]
Reply = Answer | Move
# NOTE: option ids start with a letter or digit, so these values never clash with an option.
HELP, NOTE, BACK, SKIP = "__help__", "__note__", "__back__", "__skip__"
MOVES: dict[str, Move] = {BACK: "back", SKIP: "skip"}
ACTIONS = {HELP, NOTE, BACK, SKIP, DONT_KNOW}
DONT_KNOW_WORDS = {"dk", "don't know", "dont know", "don’t know"}


@dataclass
class Asked:
    """What the session tells a question's prompt: where we are and what is known already."""

    progress: str
    current: Answer | None = None
    note: str = ""
    can_go_back: bool = False
    on_note: Callable[[str], None] = lambda note: None


def columns() -> int:
    """The width to lay text out in, read again each time (a terminal may have been resized)."""
    return usable(prompts.width())


def ask_question(q: Questionnaire, question: Any, asked: Asked) -> Reply:
    """Ask until the person answers, goes back or skips; a confirmed note is handed on at once."""
    prompts.say(wrap(asked.progress, columns(), "", "  "), "progress")
    if isinstance(question, NumberQuestion | TextQuestion):
        return _typed(q, question, asked)
    if isinstance(question, ChoiceQuestion) and question.type == "multiple":
        return _ticked(q, question, asked)
    return _picked(q, question, asked)


def _picked(q: Questionnaire, question: Any, asked: Asked) -> Reply:
    note, default = asked.note, _pointer(asked.current)
    while True:
        width = columns()
        items = _options(q, question, width, POINTER) + _extras(question, asked, note)
        picked = prompts.pick(message(question.text, width, prompts.PICK_HINT), items, default)
        if picked in {HELP, NOTE}:
            note = _aside(picked, question, note, asked)
        elif picked in MOVES:
            return _moved(question, MOVES[picked])
        else:
            return _answer(q, question, picked, note)


def _ticked(q: Questionnaire, question: ChoiceQuestion, asked: Asked) -> Reply:
    note, ticked = asked.note, _ticks(asked.current)
    while True:
        width = columns()
        items = _options(q, question, width, TICKBOX) + _extras(question, asked, note)
        picked = prompts.tick(message(question.text, width, prompts.TICK_HINT), items, ticked)
        ticked = [p for p in picked if p not in ACTIONS]
        # NOTE: help and notes come first, then moves; ticked options outweigh "Don't know".
        wanted = [a for a in (HELP, NOTE, BACK, SKIP) if a in picked]
        wanted += [DONT_KNOW] if DONT_KNOW in picked and not ticked else []
        action = wanted[0] if wanted else None
        if action in {HELP, NOTE}:
            note = _aside(str(action), question, note, asked)
        elif action in MOVES:
            return _moved(question, MOVES[str(action)])
        elif action == DONT_KNOW:
            return _answer(q, question, DONT_KNOW, note)
        elif ticked or _none_apply():
            return _answer(
                q, question, NOT_APPLICABLE if NOT_APPLICABLE in ticked else ticked, note
            )


def _none_apply() -> bool:
    """Asked when nothing is ticked: Enter alone should not record the lowest score."""
    items = [Item("No, back to the list", "no"), Item("Yes, none of these apply", "yes")]
    ask = message("None of these apply? (y/N)", columns())
    return prompts.pick(ask, items, "no", keys={"y": "yes", "n": "no"}) == "yes"


def _typed(q: Questionnaire, question: Any, asked: Asked) -> Reply:
    note, text = asked.note, _typed_default(asked.current)
    unit = unit_of(question.unit) if isinstance(question, NumberQuestion) else None
    lead = f"Type {'a number' if unit else 'your answer'}, or:"
    prompts.say(wrap_parts(_hints(question, asked), columns(), "  ", lead), "hint")
    title = f"{question.text} ({question.unit})" if unit and question.unit else question.text
    while True:
        raw = prompts.typed(message(title, columns()), text).strip()
        command = raw.lower()
        if command in {"?", "!"}:
            note = _aside(HELP if command == "?" else NOTE, question, note, asked)
        elif command in {"<", ">"}:
            if command == ">" or asked.can_go_back:
                return _moved(question, "back" if command == "<" else "skip")
            prompts.say(wrap("This is the first question.", columns(), "  "), "problem")
        else:
            try:
                return _typed_answer(q, question, raw, note, unit)
            except ValueError as exc:
                problem = str(exc)
                prompts.say(wrap(problem[0].upper() + problem[1:], columns(), "  "), "problem")
                text = raw


def _typed_answer(
    q: Questionnaire, question: Any, raw: str, note: str, unit: Unit | None
) -> Answer:
    if not raw:
        raise ValueError("type an answer, or > to skip it for now")
    value: AnswerValue = raw
    converted = False
    if raw.lower() in DONT_KNOW_WORDS:
        value = DONT_KNOW
    elif unit is not None and raw.lower() not in {"n/a", "na"}:
        hint = example_number(question.min, question.max)
        value, converted = read_number(raw, unit, hint)
    return _answer(q, question, value, note, f" (from {raw})" if converted else "")


def _answer(q: Questionnaire, question: Any, value: Any, note: str, how: str = "") -> Answer:
    answer = Answer(value=normalise(q, question, value), note=note)
    label = label_of(q, question, answer.value) + how
    prompts.say(answered(question.text, label, columns(), note))
    return answer


def _moved(question: Any, move: Move) -> Move:
    shown = "skipped for now" if move == "skip" else "back to the question before"
    prompts.say(answered(question.text, shown, columns()))
    return move


def label_of(q: Questionnaire, question: Any, value: AnswerValue) -> str:
    """An answer in words, as the summary line and the review show it."""
    if value == DONT_KNOW:
        return "don't know"
    if value == []:
        return "none of these"
    return answer_label(q, question, value)


def _options(q: Questionnaire, question: Any, width: int, indent: int) -> list[Item]:
    if isinstance(question, ChoiceQuestion):
        items = [
            Item(choice_title(o.label, width, indent), o.id, description(o.description, width))
            for o in q.options_of(question)
        ]
    else:
        items = [Item("Yes", "yes"), Item("No", "no")]
    if question.not_applicable:
        items.append(Item("Not applicable to us", NOT_APPLICABLE))
    return items


def _extras(question: Any, asked: Asked, note: str) -> list[Item]:
    items = [Item("─" * 12, separator=True), Item("Don't know", DONT_KNOW)]
    if asked.current is None:
        items.append(Item("Skip for now", SKIP))
    if asked.can_go_back:
        items.append(Item("← Back", BACK))
    if question.help:
        items.append(Item("? Show help", HELP))
    items.append(Item("✎ Edit the note" if note else "✎ Add a note", NOTE))
    return items


def _hints(question: Any, asked: Asked) -> list[str]:
    parts = ["? help"] if question.help else []
    parts += ["! note", *(["< back"] if asked.can_go_back else [])]
    parts += ["> skip for now" if asked.current is None else "> keep and go on", "dk don't know"]
    return parts + (["n/a"] if question.not_applicable else [])


def _aside(action: str, question: Any, note: str, asked: Asked) -> str:
    """Show the help, or take a note (handed to the session at once); return the note."""
    if action == HELP:
        text = question.help or "There is no help for this question."
        prompts.say(paragraphs(text, columns(), "  "), "help")
        return note
    text = prompts.typed(message("Note (empty removes it):", columns()), note).strip()
    if text != note:
        asked.on_note(text)  # saved before it is said to be
    shown = f"Note saved: {text}" if text else "Note removed."
    prompts.say(wrap(shown, columns(), "  ✎ ", "    "), "note")
    return text


def _pointer(current: Answer | None) -> str | None:
    value = None if current is None else current.value
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value if isinstance(value, str) else None


def _ticks(current: Answer | None) -> list[str]:
    value = None if current is None else current.value
    if value == NOT_APPLICABLE:
        return [NOT_APPLICABLE]
    return list(value) if isinstance(value, list) else []


def _typed_default(current: Answer | None) -> str:
    value = None if current is None else current.value
    if value is None or value == DONT_KNOW:
        return ""
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def current_quarter(today: dt.date | None = None) -> str:
    """``2026-Q4`` for a date in October to December 2026."""
    day = today or dt.date.today()
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def ask_subject(subject: Subject, respondent: str) -> tuple[Subject, str]:
    """Ask who is being assessed (Enter keeps what is shown)."""
    prompts.say("Who is being assessed? (Enter keeps the suggestion)", "bold")
    asked = [
        ("Organisation:", subject.organization),
        ("Team:", subject.team),
        ("Period:", subject.period or current_quarter()),
        ("Your name or role (optional):", respondent),
    ]
    org, team, period, who = (_line(label, default) for label, default in asked)
    updated = Subject(
        organization=org, team=team, period=period, date=subject.date or dt.date.today()
    )
    return updated, who


def _line(label: str, default: str) -> str:
    text = prompts.typed(message(label, columns()), default).strip()
    prompts.say(wrap(f"{label} {text}", columns(), "  ", "    "))
    return text
