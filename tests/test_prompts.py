"""Interactive prompts, driven with prompt_toolkit pipe input."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.assessment.model import Subject
from mlops_maturity.cli.prompts import ask_question, ask_subject, current_quarter
from tests.conftest import VALID, Run, questionnaire

DOWN, ENTER, SPACE, CTRL_C, BACKSPACE = "\x1b[B", "\r", " ", "\x03", "\x7f"
TINY = str(VALID / "tiny.yaml")


@contextmanager
def keys(*typed: str) -> Iterator[None]:
    """Feed keystrokes to every prompt in the block; closing the pipe turns a hang into EOFError."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("".join(typed))
        pipe.close()
        yield


def question(qid: str) -> object:
    return questionnaire("tiny").placed[qid].question


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        pytest.param([ENTER], "never", id="first"),
        pytest.param([DOWN, DOWN, ENTER], "always", id="third"),
    ],
)
def test_select(typed: list[str], value: str) -> None:
    with keys(*typed):
        answer = ask_question(questionnaire("tiny"), question("q1"), "1 / 4 · People")
    assert (answer.value, answer.note) == (value, "")


def test_note_then_answer() -> None:
    with keys(DOWN * 3, ENTER, "Only the fraud model", ENTER, DOWN, ENTER):
        answer = ask_question(questionnaire("tiny"), question("q1"), "1 / 4 · People")
    assert (answer.value, answer.note) == ("sometimes", "Only the fraud model")


def test_boolean() -> None:
    with keys(DOWN, ENTER):
        answer = ask_question(questionnaire("tiny"), question("q2"), "2 / 4 · People")
    assert answer.value is False


def test_checkbox() -> None:
    with keys(SPACE, DOWN, SPACE, ENTER):
        answer = ask_question(questionnaire("tiny"), question("q4"), "4 / 4 · Tech")
    assert answer.value == ["reg", "ci"]


def test_number_is_validated_until_it_is_right() -> None:
    with keys("-3", ENTER, BACKSPACE * 2, "12", ENTER):
        answer = ask_question(questionnaire("tiny"), question("q3"), "3 / 4 · Tech")
    assert answer.value == 12


def test_ctrl_c_raises_keyboard_interrupt() -> None:
    with keys(CTRL_C), pytest.raises(KeyboardInterrupt):
        ask_question(questionnaire("tiny"), question("q1"), "1 / 4 · People")


def test_subject_suggests_the_current_quarter() -> None:
    with keys("Example Corp", ENTER, "Fraud ML", ENTER, ENTER, ENTER):
        subject, respondent = ask_subject(Subject(), "")
    assert (subject.organization, subject.team, subject.period) == (
        "Example Corp",
        "Fraud ML",
        current_quarter(),
    )
    assert respondent == ""


SUBJECT = ["Example Corp", ENTER, "Fraud ML", ENTER, "2026-Q3", ENTER, "Team lead", ENTER]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mlops_maturity.cli.assess.stdin_is_terminal", lambda: True)


@pytest.mark.usefixtures("terminal")
def test_whole_assessment_saves_and_reports(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    with keys(*SUBJECT, DOWN, DOWN, ENTER, ENTER, "5", ENTER, SPACE, ENTER):
        result = run(["assess", "-q", TINY, "--save", str(saved)])
    assert f"4 answer(s) saved to {saved}." in result.stderr
    assert "Overall  Level 3 · Defined" in result.stdout
    assessment, _ = load_answers(saved)
    assert {k: a.value for k, a in assessment.answers.items()} == {
        "q1": "always",
        "q2": True,
        "q3": 5,
        "q4": ["reg"],
    }
    assert assessment.subject.team == "Fraud ML"
    assert assessment.respondent == "Team lead"


@pytest.mark.usefixtures("terminal")
def test_interrupt_then_resume_loses_nothing(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    with keys(*SUBJECT, DOWN, ENTER, ENTER, CTRL_C):
        result = run(["assess", "-q", TINY, "--save", str(saved)], code=130)
    assert f"2 answer(s) saved to {saved}." in result.stderr
    assert f"Continue with: mlops-maturity assess --resume {saved}" in result.stderr
    with keys("7", ENTER, ENTER):  # only q3 and q4 are asked
        result = run(["assess", "--resume", str(saved)])
    assessment, _ = load_answers(saved)
    assert {k: a.value for k, a in assessment.answers.items()} == {
        "q1": "sometimes",
        "q2": True,
        "q3": 7,
        "q4": [],
    }
    assert assessment.subject.organization == "Example Corp"


@pytest.mark.usefixtures("terminal")
def test_an_existing_answer_file_is_not_started_over(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    saved.write_text("keep me")
    result = run(["assess", "-q", TINY, "--save", str(saved)], code=1)
    assert f"continue it with --resume {saved}" in result.stderr
    assert saved.read_text() == "keep me"


def test_welcome_says_how_much_is_left(tmp_path: Path) -> None:
    from mlops_maturity.cli.session import start

    session = start(TINY, resume=None, save=tmp_path / "a.yaml", force=False)
    assert session.welcome().startswith("Tiny 1: 4 questions.\nAnswers are saved to")
    session.save()
    resumed = start(TINY, resume=tmp_path / "a.yaml", save=None, force=False)
    assert resumed.welcome().startswith("Tiny 1: 4 of 4 questions left.\n")
