"""``assess`` in a real pseudo-terminal, stopped by SIGKILL, SIGTERM and SIGHUP: nothing is lost."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.assessment.pending import read_pending
from mlops_maturity.cli.lock import lock_path
from tests.conftest import VALID

pytestmark = pytest.mark.slow

TINY = str(VALID / "tiny.yaml")
DOWN, UP, ENTER, SPACE, CLEAR = "\x1b[B", "\x1b[A", "\r", " ", "\x15"
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
# NOTE: a save that stops in the middle (before its fsync) until it is killed, so that a kill
# "during a save" is certain rather than lucky.
SLOW_SAVE = """
import os, sys, time
real, count = os.fsync, [0]
def fsync(fd):
    count[0] += 1
    if count[0] == int(os.environ["SLOW_SAVE_AT"]):
        open(os.environ["SLOW_SAVE_MARKER"], "w").close()
        time.sleep(float(os.environ["SLOW_SAVE_SECONDS"]))
    real(fd)
os.fsync = fsync
from mlops_maturity.cli import main
sys.argv = ["mlops-maturity", *sys.argv[1:]]
main()
"""


def _controlling_terminal() -> None:
    """In the child: a session of its own, with the pseudo-terminal as its terminal."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """A program in a pseudo-terminal: keys in, the text it shows out (escapes removed)."""

    def __init__(
        self,
        args: list[str],
        cwd: Path,
        *,
        env: dict[str, str] | None = None,
        stdout: IO[bytes] | None = None,
        columns: int = 100,
    ) -> None:
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
        self.modes = termios.tcgetattr(self.slave)
        self.process = subprocess.Popen(
            [sys.executable, "-c", SLOW_SAVE, *args],
            stdin=self.slave,
            stdout=self.slave if stdout is None else stdout,
            stderr=self.slave,
            cwd=cwd,
            env={**os.environ, "TERM": "xterm", "SLOW_SAVE_AT": "0", **(env or {})},
            preexec_fn=_controlling_terminal,  # noqa: PLW1509 (no threads in the tests)
        )
        self.raw = b""
        self.seen = 0

    @property
    def text(self) -> str:
        return ESCAPES.sub("", self.raw.decode("utf-8", "replace")).replace("\r", "")

    def _pump(self, timeout: float) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return
        try:
            data = os.read(self.master, 65536)
        except OSError:
            return
        # NOTE: answer prompt_toolkit's cursor position requests, as a terminal does.
        os.write(self.master, b"\x1b[1;1R" * data.count(b"\x1b[6n"))
        self.raw += data

    def expect(self, wanted: str, timeout: float = 15) -> None:
        """Wait until ``wanted`` is shown (after what was expected before)."""
        end = time.monotonic() + timeout
        while wanted not in self.text[self.seen :]:
            if time.monotonic() > end:
                raise AssertionError(f"{wanted!r} never shown; the screen:\n{self.text[-3000:]}")
            self._pump(0.05)
        self.seen = self.text.index(wanted, self.seen) + len(wanted)

    def send(self, *keys: str) -> None:
        os.write(self.master, "".join(keys).encode())

    def answer(self, progress: str, *keys: str) -> None:
        """Wait for the question with this progress line, then type."""
        self.expect(progress)
        time.sleep(0.05)
        self.send(*keys)

    def wait(self, timeout: float = 15) -> int:
        end = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < end:
            self._pump(0.05)
        for _ in range(5):
            self._pump(0.02)
        return self.process.wait(timeout=1)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)


@pytest.fixture
def terminals(tmp_path: Path) -> Iterator[list[Terminal]]:
    opened: list[Terminal] = []
    yield opened
    for terminal in opened:
        terminal.close()


def start(terminals: list[Terminal], cwd: Path, *args: str, **options: object) -> Terminal:
    terminal = Terminal(["assess", *args], cwd, **options)  # type: ignore[arg-type]
    terminals.append(terminal)
    return terminal


def subject(terminal: Terminal) -> None:
    for label, text in [
        ("Organisation", "Example Corp"),
        ("Team", "Fraud ML"),
        ("Period", "2026-Q3"),
        ("Your name or role (optional)", "Team lead"),
    ]:
        terminal.expect(f"? {label}")
        terminal.send(CLEAR, text, ENTER)
        terminal.expect(f"{label}: {text}")


def contents(path: Path) -> tuple[dict[str, object], dict[str, str]]:
    answers, _ = load_answers(path)
    notes = {qid: a.note for qid, a in answers.answers.items() if a.note}
    values: dict[str, object] = {qid: a.value for qid, a in answers.answers.items()}
    return values, {**notes, **read_pending(path.read_text())}


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_sigkill_at_a_question_loses_no_answer_and_no_note(
    terminals: list[Terminal], tmp_path: Path
) -> None:
    saved = tmp_path / "answers.yaml"
    first = start(terminals, tmp_path, "-q", TINY, "--save", str(saved))
    subject(first)
    first.answer("1 / 4 · People", DOWN, ENTER)
    first.answer("2 / 4 · People", UP, ENTER)
    first.expect("Note")
    first.send("Only on Fridays", ENTER)
    first.expect("Note saved: Only on Fridays")
    first.process.send_signal(signal.SIGKILL)
    assert first.wait() == -signal.SIGKILL
    assert contents(saved) == ({"q1": "sometimes"}, {"q2": "Only on Fridays"})
    assert lock_path(saved).exists()  # left behind by the dead process, and taken over:

    second = start(terminals, tmp_path, "--resume", str(saved), "-q", TINY)
    second.answer("2 / 4 · People", ENTER)
    second.answer("3 / 4 · Tech", "5", ENTER)
    second.answer("4 / 4 · Tech", SPACE, ENTER)
    second.expect("Review: all 4 questions answered.")
    second.send(ENTER)
    assert second.wait() == 0
    assert contents(saved) == (
        {"q1": "sometimes", "q2": True, "q3": 5, "q4": ["reg"]},
        {"q2": "Only on Fridays"},
    )
    assert not lock_path(saved).exists()


def test_sigkill_before_the_first_answer_keeps_who_is_assessed(
    terminals: list[Terminal], tmp_path: Path
) -> None:
    saved = tmp_path / "answers.yaml"
    first = start(terminals, tmp_path, "-q", TINY, "--save", str(saved))
    subject(first)
    first.expect("1 / 4 · People")
    first.process.send_signal(signal.SIGKILL)
    assert first.wait() == -signal.SIGKILL
    answers, _ = load_answers(saved, questionnaire=Path(TINY))
    assert (answers.subject.team, answers.respondent, answers.answers) == (
        "Fraud ML",
        "Team lead",
        {},
    )
    second = start(terminals, tmp_path, "--resume", str(saved), "-q", TINY)
    second.expect("Tiny 1: 4 of 4 questions left.")
    second.expect("1 / 4 · People")


def test_sigkill_at_the_review_keeps_everything(terminals: list[Terminal], tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    first = start(terminals, tmp_path, "-q", TINY, "--save", str(saved))
    subject(first)
    first.answer("1 / 4 · People", ENTER)
    first.answer("2 / 4 · People", UP, ENTER)
    first.expect("Note")
    first.send("Since March", ENTER)
    first.expect("Note saved")
    first.send(ENTER)
    first.answer("3 / 4 · Tech", "weekly", ENTER)
    first.answer("4 / 4 · Tech", SPACE, DOWN, SPACE, ENTER)
    first.expect("Review: all 4 questions answered.")
    first.process.send_signal(signal.SIGKILL)
    assert first.wait() == -signal.SIGKILL
    assert contents(saved) == (
        {"q1": "never", "q2": True, "q3": 4.35, "q4": ["reg", "ci"]},
        {"q2": "Since March"},
    )


def test_sigkill_during_a_save_keeps_the_last_save_and_cleans_up_after(
    terminals: list[Terminal], tmp_path: Path
) -> None:
    saved, marker = tmp_path / "answers.yaml", tmp_path / "saving"
    env = {"SLOW_SAVE_AT": "3", "SLOW_SAVE_MARKER": str(marker), "SLOW_SAVE_SECONDS": "30"}
    first = start(terminals, tmp_path, "-q", TINY, "--save", str(saved), env=env)
    subject(first)  # save 1
    first.answer("1 / 4 · People", ENTER)  # save 2
    first.answer("2 / 4 · People", ENTER)  # save 3: held up before its fsync
    deadline = time.monotonic() + 10
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    first.process.send_signal(signal.SIGKILL)
    assert first.wait() == -signal.SIGKILL
    assert contents(saved) == ({"q1": "never"}, {})
    assert len(temporaries(tmp_path)) == 1

    second = start(terminals, tmp_path, "--resume", str(saved), "-q", TINY)
    second.answer("2 / 4 · People", ENTER)  # the first save removes the stale file
    second.expect("3 / 4 · Tech")
    assert temporaries(tmp_path) == []
    assert contents(saved) == ({"q1": "never", "q2": True}, {})


@pytest.mark.parametrize(
    ("signum", "code", "said"),
    [
        pytest.param(signal.SIGTERM, 143, "Stopped (SIGTERM).", id="sigterm"),
        pytest.param(signal.SIGHUP, 129, "Stopped: the terminal closed.", id="sighup"),
    ],
)
def test_a_stop_signal_saves_restores_the_terminal_and_says_how_to_go_on(
    terminals: list[Terminal], tmp_path: Path, signum: int, code: int, said: str
) -> None:
    saved = tmp_path / "answers.yaml"
    terminal = start(terminals, tmp_path, "-q", TINY, "--save", str(saved))
    subject(terminal)
    terminal.answer("1 / 4 · People", DOWN, DOWN, ENTER)
    terminal.answer("2 / 4 · People", UP, ENTER)
    terminal.expect("Note")
    terminal.send("Ask the platform team", ENTER)
    terminal.expect("Note saved")
    time.sleep(0.2)  # the next prompt is up: raw mode, cursor hidden
    assert termios.tcgetattr(terminal.slave) != terminal.modes
    terminal.process.send_signal(signum)
    assert terminal.wait() == code
    terminal.expect(f"{said} 1 answer and 1 note saved to")
    # NOTE: tiny.yaml is not beside the answer file, so the way back names it.
    terminal.expect(f"  mlops-maturity assess --resume {saved} -q {TINY}")
    assert termios.tcgetattr(terminal.slave) == terminal.modes
    assert terminal.raw.rfind(b"\x1b[?25l") < terminal.raw.rfind(b"\x1b[?25h")
    assert contents(saved) == ({"q1": "always"}, {"q2": "Ask the platform team"})
    assert not lock_path(saved).exists()


def test_sigterm_during_a_save_waits_for_the_save(
    terminals: list[Terminal], tmp_path: Path
) -> None:
    saved, marker = tmp_path / "answers.yaml", tmp_path / "saving"
    env = {"SLOW_SAVE_AT": "3", "SLOW_SAVE_MARKER": str(marker), "SLOW_SAVE_SECONDS": "0.5"}
    terminal = start(terminals, tmp_path, "-q", TINY, "--save", str(saved), env=env)
    subject(terminal)
    terminal.answer("1 / 4 · People", ENTER)
    terminal.answer("2 / 4 · People", ENTER)
    deadline = time.monotonic() + 10
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    terminal.process.send_signal(signal.SIGTERM)
    assert terminal.wait() == 143
    assert contents(saved) == ({"q1": "never", "q2": True}, {})
    assert temporaries(tmp_path) == []


def test_a_closed_terminal_keeps_the_answers(terminals: list[Terminal], tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    terminal = start(terminals, tmp_path, "-q", TINY, "--save", str(saved))
    subject(terminal)
    terminal.answer("1 / 4 · People", ENTER)
    terminal.expect("2 / 4 · People")
    time.sleep(0.2)
    os.close(terminal.slave)
    os.close(terminal.master)  # the terminal window is closed: the kernel sends SIGHUP
    terminal.master = terminal.slave = -1
    assert terminal.process.wait(timeout=15) == 129
    assert contents(saved) == ({"q1": "never"}, {})
    assert not lock_path(saved).exists()


def test_prompts_stay_on_the_terminal_when_stdout_is_a_file(
    terminals: list[Terminal], tmp_path: Path
) -> None:
    saved, report = tmp_path / "answers.yaml", tmp_path / "out.md"
    with report.open("wb") as out:
        terminal = start(
            terminals, tmp_path, "-q", TINY, "--save", str(saved), "-f", "markdown", stdout=out
        )
        subject(terminal)
        terminal.answer("1 / 4 · People", ENTER)
        terminal.answer("2 / 4 · People", ENTER)
        terminal.answer("3 / 4 · Tech", "2 per week", ENTER)
        terminal.answer("4 / 4 · Tech", SPACE, ENTER)
        terminal.expect("Review: all 4 questions answered.")
        terminal.send(ENTER)
        assert terminal.wait() == 0
    text = report.read_text()
    assert text.startswith("# ")
    assert "Who is being assessed" not in text
    assert "? Deploys per month (per month)" in terminal.text
    assert "→ 8.7 per month (from 2 per week)" in terminal.text
