"""``assess`` as a terminal shows it (tmux), at 60, 100 and 160 columns: the expected screens."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

# NOTE: MLOPS_MATURITY_UPDATE_SCREENS=1 writes the screens anew after a change of layout; read
# the diff before keeping them.
SCREENS = Path(__file__).parent / "data" / "assess" / "screens"
UPDATE = os.environ.get("MLOPS_MATURITY_UPDATE_SCREENS") == "1"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
]


class Tmux:
    """One tmux server of its own, with one window running a command."""

    def __init__(self, width: int, cwd: Path, command: list[str]) -> None:
        self.socket = f"mlops-maturity-test-{os.getpid()}-{width}"
        self(
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            str(width),
            "-y",
            "60",
            "-c",
            str(cwd),
            "--",
            *command,
        )

    def __call__(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return done.stdout

    def type(self, *keys: str) -> None:
        for key in keys:
            self("send-keys", "-t", "t", key)

    def wait(self, *texts: str, timeout: float = 15) -> list[str]:
        """The screen's lines, once every text is on it (in this order)."""
        end = time.monotonic() + timeout
        while True:
            screen = self("capture-pane", "-p", "-t", "t")
            at = 0
            for text in texts:
                at = screen.find(text, at)
                if at < 0:
                    break
            if at >= 0:
                return screen.split("\n")
            if time.monotonic() > end:
                raise AssertionError(f"{texts} never shown; the screen:\n{screen}")
            time.sleep(0.05)

    def close(self) -> None:
        self("kill-server")


def between(lines: list[str], first: str, last: str) -> list[str]:
    """From the last line that starts with ``first`` to the next line that holds ``last``."""
    start = max(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i in range(start, len(lines)) if last in lines[i])
    return [line.rstrip() for line in lines[start : end + 1]]


def compare(name: str, shown: list[str]) -> None:
    path = SCREENS / f"{name}.txt"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(shown) + "\n")
    assert shown == path.read_text().splitlines(), f"{name} differs from {path}"


@pytest.mark.parametrize("width", [60, 100, 160])
def test_quick_as_the_terminal_shows_it(tmp_path: Path, width: int) -> None:
    command = [sys.executable, "-m", "mlops_maturity", "assess", "-q", "quick", "--save", "a.yaml"]
    tmux = Tmux(width, tmp_path, command)
    try:
        for label, text in [
            ("Organisation", "Northwind Labs"),
            ("Team", "Fraud ML"),
            ("Period", "2026-Q3"),
            ("Your name or role", "Dana Example"),
        ]:
            tmux.wait(f"? {label}")
            tmux.type("C-u")
            tmux("send-keys", "-t", "t", "-l", text)
            tmux.type("Enter")
            tmux.wait(f"{label}")
        first = between(tmux.wait("1 / 14", "✎ Add a note"), "1 / 14", "✎ Add a note")
        tmux.type("Down", "Enter")
        lines = tmux.wait("2 / 14", "✎ Add a note")
        answered = between(lines, "? When a model goes", "✎ Add a note")
    finally:
        tmux.close()
    for shown in (first, answered):
        assert max(len(line) for line in shown) < width
    compare(f"quick-first-{width}", first)
    compare(f"quick-answered-{width}", answered)
