"""Whole ``assess`` sessions through the command line, fed with prompt_toolkit pipe input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mlops_maturity.assessment.dump import dump_answers
from mlops_maturity.assessment.load import load_answers
from mlops_maturity.assessment.pending import read_pending
from mlops_maturity.cli.lock import SessionLock, lock_path
from mlops_maturity.cli.opening import start
from mlops_maturity.files import remove_stale_temporaries
from tests.conftest import VALID, Run, assessment, questionnaire
from tests.test_prompts import CTRL_C, DOWN, ENTER, SPACE, UP, keys

TINY = str(VALID / "tiny.yaml")
SUBJECT = ["Example Corp", ENTER, "Fraud ML", ENTER, "2026-Q3", ENTER, "Team lead", ENTER]
BACK_FROM_YES = DOWN * 4  # Yes, No, (line), Don't know, Skip for now, ← Back
FINISH = ENTER  # with nothing open, the review points at "Finish"


@pytest.fixture(autouse=True)
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mlops_maturity.cli.assess.stdin_is_terminal", lambda: True)


def values(path: Path) -> dict[str, object]:
    answers, _ = load_answers(path)
    return {qid: a.value for qid, a in answers.answers.items()}


def answer_file(path: Path, **answers: object) -> Path:
    """An answer file of the tiny questionnaire, as a session writes it."""
    contents = assessment(TINY, answers, subject={"organization": "Example Corp"})
    path.write_text(dump_answers(contents, questionnaire("tiny")))
    return path


def test_whole_assessment_saves_and_reports(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    with keys(*SUBJECT, DOWN, DOWN, ENTER, ENTER, "5", ENTER, SPACE, ENTER, FINISH):
        result = run(["assess", "-q", TINY, "--save", str(saved)])
    assert f"4 answers saved to {saved}." in result.stderr
    assert "Overall  Level 3 · Defined" in result.stdout
    assert values(saved) == {"q1": "always", "q2": True, "q3": 5, "q4": ["reg"]}
    answers, _ = load_answers(saved)
    assert (answers.subject.team, answers.respondent) == ("Fraud ML", "Team lead")
    assert not lock_path(saved).exists()


def test_back_skip_dont_know_and_the_review(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    typed = [
        *SUBJECT,
        ENTER,  # q1: never
        BACK_FROM_YES,
        ENTER,  # q2: back to q1, where "never" is chosen
        DOWN,
        ENTER,  # q1: sometimes
        ENTER,  # q2 again: yes
        ">",
        ENTER,  # q3: skip for now
        DOWN,
        DOWN,
        SPACE,
        ENTER,  # q4: don't know
        ENTER,  # review: answer the 2 open questions
        "7",
        ENTER,  # q3
        SPACE,
        ENTER,  # q4: registry
        FINISH,
    ]
    with keys(*typed) as screen:
        run(["assess", "-q", TINY, "--save", str(saved)])
    assert values(saved) == {"q1": "sometimes", "q2": True, "q3": 7, "q4": ["reg"]}
    assert "Review: 2 of 4 questions answered. Still open:" in screen.text
    assert "• Deploys per month (not answered)" in screen.text
    assert "• Which tools? (don't know)" in screen.text


def test_a_note_survives_an_interrupt_before_its_answer(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    with keys(*SUBJECT, ENTER, UP, ENTER, "Only on Fridays", ENTER, CTRL_C):
        result = run(["assess", "-q", TINY, "--save", str(saved)], code=130)
    said = " ".join(result.stderr.split())
    assert f"1 answer and 1 note saved to {saved}. Continue with: mlops-maturity assess" in said
    assert f"\n  mlops-maturity assess --resume {saved}" in result.stderr
    assert read_pending(saved.read_text()) == {"q2": "Only on Fridays"}
    with keys(ENTER, "5", ENTER, SPACE, ENTER, FINISH) as screen:
        run(["assess", "--resume", str(saved)])
    assert "✎ Edit the note" in screen.text
    answers, _ = load_answers(saved)
    assert (answers.answers["q2"].value, answers.answers["q2"].note) == (True, "Only on Fridays")
    assert read_pending(saved.read_text()) == {}


def test_a_note_on_an_answered_question_is_saved_at_once(run: Run, tmp_path: Path) -> None:
    saved = answer_file(tmp_path / "answers.yaml", q1="never")
    with keys(DOWN, ENTER, ENTER, ENTER, UP, ENTER, "Since March", ENTER, CTRL_C):
        run(["assess", "--resume", str(saved), "--review"], code=130)
    answers, _ = load_answers(saved)
    assert answers.answers["q1"].note == "Since March"


def test_nothing_saved_means_no_resume_hint(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    with keys("Example Corp", ENTER, CTRL_C):
        result = run(["assess", "-q", TINY, "--save", str(saved)], code=130)
    assert "Interrupted. Nothing was saved." in result.stderr
    assert "Continue with" not in result.stderr
    assert not saved.exists()


def test_input_that_ends_is_a_clean_stop(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    with keys(*SUBJECT, ENTER):
        result = run(["assess", "-q", TINY, "--save", str(saved)], code=1)
    assert "The input ended. 1 answer saved to" in result.stderr
    assert "Traceback" not in result.stderr


def test_review_opens_at_once_and_two_answers_change(run: Run, tmp_path: Path) -> None:
    saved = answer_file(tmp_path / "answers.yaml", q1="never", q2=True, q3=5)
    typed = [
        DOWN,
        ENTER,
        ENTER,
        ENTER,  # change an answer › People › q1
        DOWN,
        DOWN,
        ENTER,  # q1: always
        DOWN,
        ENTER,
        ENTER,
        DOWN,
        ENTER,  # change an answer › People › q2
        DOWN,
        ENTER,  # q2: no, so q4 no longer applies
        FINISH,
    ]
    with keys(*typed) as screen:
        run(["assess", "--resume", str(saved), "--review"])
    assert screen.text.index("Review: 3 of 4 questions answered.") < screen.text.index("1 / 4")
    assert values(saved) == {"q1": "always", "q2": False, "q3": 5}
    assert "Review: all 3 questions answered." in screen.text


def test_only_asks_the_groups_named_and_what_they_depend_on(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    with keys(*SUBJECT, ENTER, "5", ENTER, CTRL_C) as screen:
        result = run(["assess", "-q", TINY, "--save", str(saved), "--only", "tech"], code=130)
    assert "1 / 3 · People" in screen.text  # q4 of Tech asks only if q2 says yes
    assert "2 / 3 · Tech" in screen.text
    assert values(saved) == {"q2": True, "q3": 5}
    assert f"--resume {saved} -q {TINY} --only tech" in result.stderr


def test_only_an_unknown_group_is_refused(run: Run, tmp_path: Path) -> None:
    result = run(
        ["assess", "-q", TINY, "--save", str(tmp_path / "a.yaml"), "--only", "tec"], code=1
    )
    assert "--only tec: no such group in 'tiny'; did you mean 'tech'? groups: people, tech" in (
        result.stderr
    )


def test_without_q_a_terminal_offers_the_builtin_questionnaires(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with keys(ENTER, CTRL_C) as screen:
        run(["assess"], code=130)
    assert "quick · 14 questions · about 15 min: Quick MLOps maturity check" in screen.text
    assert "Questionnaire: quick" in screen.text
    assert "Quick MLOps maturity check 1.1: 14 questions, about 15 min." in screen.text


def test_ctrl_c_at_the_list_of_questionnaires_saves_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with keys(CTRL_C):
        result = run(["assess"], code=130)
    assert "Interrupted. Nothing was saved." in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_q_names_the_questionnaire_of_an_answer_file_that_names_another(
    run: Run, tmp_path: Path
) -> None:
    saved = answer_file(tmp_path / "answers.yaml", q1="always", q2=False, q3=5)
    saved.write_text(saved.read_text().replace(TINY, "/elsewhere/tiny.yaml"))
    assert "/elsewhere/tiny.yaml" in run(["assess", "--resume", str(saved)], code=1).stderr
    with keys(FINISH):
        run(["assess", "--resume", str(saved), "-q", TINY, "--review"])
    result = run(["assess", "--answers", str(saved), "-q", TINY, "-f", "json"])
    assert json.loads(result.stdout)["questionnaire"]["id"] == "tiny"


def test_a_session_in_progress_locks_its_file(run: Run, tmp_path: Path) -> None:
    saved = answer_file(tmp_path / "answers.yaml", q1="never")
    other = SessionLock(saved)
    other.acquire()
    try:
        result = run(["assess", "--resume", str(saved)], code=1)
    finally:
        other.release()
    assert f"{saved} is open in another assess session (process {os.getpid()})" in result.stderr


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return process.pid


def test_a_lock_left_by_a_dead_process_is_taken_over(run: Run, tmp_path: Path) -> None:
    saved = answer_file(tmp_path / "answers.yaml", q1="never", q2=False, q3=5)
    lock_path(saved).write_text(f"{dead_pid()}\n")
    with keys(FINISH):
        run(["assess", "--resume", str(saved), "--review"])
    assert not lock_path(saved).exists()


def test_stale_temporary_files_are_removed_at_the_next_save(tmp_path: Path) -> None:
    saved = answer_file(tmp_path / "answers.yaml", q1="never")
    stale = tmp_path / f".answers.yaml.{dead_pid()}.abcd_123.tmp"
    live = tmp_path / f".answers.yaml.{os.getpid()}.efgh_456.tmp"
    other = tmp_path / f".other.yaml.{dead_pid()}.abcd_123.tmp"
    for path in (stale, live, other):
        path.write_text("half")
    session = start(None, resume=saved, save=None, force=False)
    try:
        session.save()
    finally:
        session.close()
    assert (stale.exists(), live.exists(), other.exists()) == (False, True, True)
    assert remove_stale_temporaries(saved) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--review"], "it opens the review of an answer file: add --resume FILE"),
        (
            ["--resume", "a.yaml", "--save", "b.yaml"],
            "FILE is saved to as you go; leave out --save",
        ),
        (["--answers", "a.yaml", "--only", "people"], "are for answering in the terminal"),
    ],
)
def test_options_that_do_not_go_together(run: Run, args: list[str], message: str) -> None:
    result = run(["assess", *args], code=2)
    assert message in " ".join(result.stderr.split())


def closed(tmp_path: Path, redirect: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = " ".join([sys.executable, "-m", "mlops_maturity", "assess", *args, redirect])
    return subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, cwd=tmp_path, check=False
    )


@pytest.mark.slow
def test_closed_stdin_and_stdout_end_cleanly(tmp_path: Path) -> None:
    saved = answer_file(tmp_path / "answers.yaml", q1="never")
    no_input = closed(tmp_path, "<&-", "-q", TINY)
    no_output = closed(tmp_path, ">&-", "--answers", str(saved))
    assert (no_input.returncode, no_output.returncode) == (1, 1)
    assert "error: no terminal to ask questions in; pass --answers FILE" in no_input.stderr
    assert "error: standard output is closed; write the report to a file with -o" in (
        no_output.stderr
    )


def test_welcome_says_how_much_is_left(tmp_path: Path) -> None:
    session = start(TINY, resume=None, save=tmp_path / "a.yaml", force=False)
    try:
        assert session.welcome().startswith("Tiny 1: 4 questions, about 5 min.\nAnswers are")
        session.save()
    finally:
        session.close()
    resumed = start(None, resume=tmp_path / "a.yaml", save=None, force=False)
    try:
        assert resumed.welcome().startswith("Tiny 1: 4 of 4 questions left.\n")
    finally:
        resumed.close()


def test_an_existing_answer_file_is_not_started_over(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    saved.write_text("keep me")
    result = run(["assess", "-q", TINY, "--save", str(saved)], code=1)
    assert f"continue it with --resume {saved}" in result.stderr
    assert saved.read_text() == "keep me"
    assert not lock_path(saved).exists()
