"""One question at a time, driven with prompt_toolkit pipe input: answers, moves, notes, numbers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from mlops_maturity.assessment.model import DONT_KNOW, Answer, Subject
from mlops_maturity.cli.asking import Asked, Reply, ask_question, ask_subject, current_quarter
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.model import Questionnaire
from tests.conftest import questionnaire

DOWN, UP, ENTER, SPACE, CTRL_C, BACKSPACE = "\x1b[B", "\x1b[A", "\r", " ", "\x03", "\x7f"
NUMBERS = Path(__file__).parent / "data" / "assess" / "numbers.yaml"


class Screen(DummyOutput):
    """An output that keeps the text written to it, at a chosen width."""

    def __init__(self, columns: int = 100) -> None:
        self.columns = columns
        self.parts: list[str] = []

    def write(self, data: str) -> None:
        self.parts.append(data)

    def get_size(self) -> Size:
        return Size(rows=40, columns=self.columns)

    @property
    def text(self) -> str:
        return "".join(self.parts).replace("\r\n", "\n")


@contextmanager
def keys(*typed: str, columns: int = 100) -> Iterator[Screen]:
    """Feed keystrokes to every prompt in the block; closing the pipe turns a hang into EOFError."""
    screen = Screen(columns)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=screen):
        pipe.send_text("".join(typed))
        pipe.close()
        yield screen


def ask(q: Questionnaire, qid: str, *typed: str, columns: int = 100, **asked: Any) -> Reply:
    with keys(*typed, columns=columns):
        return ask_question(q, q.placed[qid].question, Asked("1 / 4 · People", **asked))


TINY = questionnaire("tiny")


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        pytest.param([ENTER], "never", id="first"),
        pytest.param([DOWN, DOWN, ENTER], "always", id="third"),
        pytest.param([DOWN * 3, ENTER], DONT_KNOW, id="dont-know"),
    ],
)
def test_select(typed: list[str], value: str) -> None:
    assert ask(TINY, "q1", *typed) == Answer(value=value)


@pytest.mark.parametrize(
    ("typed", "move"),
    [
        pytest.param([DOWN * 4, ENTER], "skip", id="skip"),
        pytest.param([DOWN * 5, ENTER], "back", id="back"),
    ],
)
def test_moves(typed: list[str], move: str) -> None:
    assert ask(TINY, "q1", *typed, can_go_back=True) == move


def test_back_is_offered_only_where_there_is_a_question_before() -> None:
    with keys(ENTER) as screen:
        ask_question(TINY, TINY.placed["q1"].question, Asked("1 / 4 · People"))
    assert "← Back" not in screen.text
    assert "Skip for now" in screen.text


def test_the_current_answer_is_chosen_when_coming_back() -> None:
    current = Answer(value="always", note="Since March")
    answer = ask(TINY, "q1", ENTER, current=current, note=current.note, can_go_back=True)
    assert answer == Answer(value="always", note="Since March")


def test_an_answered_question_offers_no_skip() -> None:
    with keys(ENTER) as screen:
        ask_question(TINY, TINY.placed["q1"].question, Asked("", current=Answer(value="never")))
    assert "Skip for now" not in screen.text


def test_a_note_is_handed_on_the_moment_it_is_confirmed() -> None:
    notes: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        ask(TINY, "q1", UP, ENTER, "Only the fraud model", ENTER, CTRL_C, on_note=notes.append)
    assert notes == ["Only the fraud model"]


def test_note_then_answer() -> None:
    answer = ask(TINY, "q1", UP, ENTER, "Only the fraud model", ENTER, DOWN, ENTER)
    assert answer == Answer(value="sometimes", note="Only the fraud model")


def test_boolean() -> None:
    assert ask(TINY, "q2", DOWN, ENTER) == Answer(value=False)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        pytest.param([SPACE, DOWN, SPACE, ENTER], ["reg", "ci"], id="two"),
        pytest.param([ENTER, "y"], [], id="none-confirmed"),
        pytest.param([ENTER, "n", SPACE, ENTER], ["reg"], id="none-refused-then-one"),
        pytest.param([DOWN, DOWN, SPACE, ENTER], DONT_KNOW, id="dont-know"),
    ],
)
def test_checkbox(typed: list[str], value: object) -> None:
    assert ask(TINY, "q4", *typed) == Answer(value=value)


def test_an_empty_multiple_choice_asks_before_recording() -> None:
    with keys(ENTER, "y") as screen:
        ask_question(TINY, TINY.placed["q4"].question, Asked(""))
    assert "None of these apply?" in screen.text
    assert "→ none of these" in screen.text


def test_ctrl_c_raises_keyboard_interrupt() -> None:
    with keys(CTRL_C), pytest.raises(KeyboardInterrupt):
        ask_question(TINY, TINY.placed["q1"].question, Asked(""))


NUMBER_Q = load_questionnaire(NUMBERS)


@pytest.mark.parametrize(
    ("qid", "typed", "value"),
    [
        pytest.param("failures", "15%", 15, id="percent"),
        pytest.param("failures", "15 %", 15, id="percent-spaced"),
        pytest.param("models", "1,200", 1200, id="thousands"),
        pytest.param("deploys", "1.5k", 1500, id="k"),
        pytest.param("deploys", "3 per week", 13.04, id="per-week"),
        pytest.param("deploys", "weekly", 4.35, id="weekly"),
        pytest.param("lead-time", "2 weeks", 336, id="weeks-in-hours"),
        pytest.param("lead-time", "3d", 72, id="days-in-hours"),
        pytest.param("review-days", "4h", 0.5, id="hours-in-working-days"),
        pytest.param("review-days", "2 weeks", 10, id="weeks-in-working-days"),
        pytest.param("deploys", "n/a", "n/a", id="not-applicable"),
        pytest.param("deploys", "dk", DONT_KNOW, id="dont-know"),
        pytest.param("notes", "Ask Sam", "Ask Sam", id="text"),
    ],
)
def test_numbers_as_people_type_them(qid: str, typed: str, value: object) -> None:
    assert ask(NUMBER_Q, qid, typed, ENTER) == Answer(value=value)


@pytest.mark.parametrize(
    ("qid", "typed", "message"),
    [
        pytest.param(
            "deploys",
            "lots",
            "Expected a number of deployments per month, for example 12 or 3 per week",
            id="words",
        ),
        pytest.param(
            "lead-time", "nan", "Expected a number of hours, for example 12 or 2 days", id="nan"
        ),
        pytest.param(
            "failures",
            "15 percent of",
            "Expected a percentage of deployments, for example 12%",
            id="percent",
        ),
        pytest.param(
            "models", "2 weeks", "Expected a number, for example 12", id="time-without-a-unit"
        ),
        pytest.param("models", "2.5", "Expected a whole number, got 2.5", id="integer"),
        pytest.param("failures", "120%", "120 is above the maximum 100", id="above"),
        pytest.param("lead-time", "", "Type an answer, or > to skip it for now", id="empty"),
        pytest.param("lead-time", "n/a", "'n/a' is not allowed for this question", id="no-na"),
        pytest.param("notes", "<", "This is the first question.", id="no-way-back"),
    ],
)
def test_a_wrong_number_says_what_was_expected(qid: str, typed: str, message: str) -> None:
    with keys(typed, ENTER) as screen, pytest.raises(EOFError):
        ask_question(NUMBER_Q, NUMBER_Q.placed[qid].question, Asked(""))
    assert message in screen.text


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        pytest.param(["<", ENTER], "back", id="back"),
        pytest.param([">", ENTER], "skip", id="skip"),
        pytest.param(["?", ENTER, "4", ENTER], Answer(value=4), id="help-then-answer"),
        pytest.param(["!", ENTER, "Fridays only", ENTER, "4", ENTER], None, id="note"),
    ],
)
def test_typed_commands(typed: list[str], reply: object) -> None:
    expected = Answer(value=4, note="Fridays only") if reply is None else reply
    assert ask(NUMBER_Q, "deploys", *typed, can_go_back=True) == expected


def test_a_conversion_is_shown_with_the_answer() -> None:
    with keys("2 weeks", ENTER) as screen:
        ask_question(NUMBER_Q, NUMBER_Q.placed["lead-time"].question, Asked(""))
    assert "→ 336 hours (from 2 weeks)" in screen.text


def test_help_and_hints_are_shown() -> None:
    with keys("?", ENTER, "4", ENTER) as screen:
        ask_question(NUMBER_Q, NUMBER_Q.placed["deploys"].question, Asked(""))
    assert "Count every release of a model version, including rollbacks." in screen.text
    assert "? help · ! note · > skip for now · dk don't know · n/a" in screen.text


@pytest.mark.parametrize("columns", [60, 100, 160])
def test_text_fits_the_width_and_keeps_whole_words(columns: int) -> None:
    q = load_questionnaire("quick")
    with keys(UP, UP, ENTER, DOWN, ENTER, columns=columns) as screen:
        ask_question(q, q.placed["ppl-collaboration"].question, Asked("1 / 14 · People"))
    # NOTE: a DummyOutput ignores cursor moves, so later renders of the prompt run together;
    # the first render and the summary left on screen are what the person reads.
    first = screen.text.split("✎ Add a note")[0]
    summary = "? When" + screen.text.rsplit("? When", 1)[1]
    for shown in (first, summary):
        assert max(len(line) for line in shown.split("\n")) < columns
    question = q.placed["ppl-collaboration"].question.text
    assert summary.split("\n  →")[0].split() == ["?", *question.split()]


def test_subject_suggests_the_current_quarter() -> None:
    with keys("Example Corp", ENTER, "Fraud ML", ENTER, ENTER, ENTER):
        subject, respondent = ask_subject(Subject(), "")
    assert (subject.organization, subject.team, subject.period) == (
        "Example Corp",
        "Fraud ML",
        current_quarter(),
    )
    assert respondent == ""
