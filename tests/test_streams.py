"""Standard streams that are closed, full or gone: one message, exit 1, never a bug report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "quick-contoso-2026-q3.yaml"
TOOL = f"{sys.executable} -m mlops_maturity"
FULL = Path("/dev/full")

COMMANDS = {
    "terminal report": f"report {EXAMPLE}",
    "json report": f"report {EXAMPLE} -f json",
    "template": "template -q quick",
    "list": "questionnaires list",
    "help": "--help",
    "version": "--version",
}


def shell(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, timeout=60, check=False, cwd=ROOT
    )


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_closed_stdout_is_told_not_lost(args: str) -> None:
    done = shell(f"{TOOL} {args} >&-")
    assert (done.returncode, done.stderr.splitlines()[-1]) == (
        1,
        "error: cannot write to standard output: it is closed",
    )


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_full_stdout_is_the_users_situation_not_a_bug(args: str) -> None:
    done = shell(f"{TOOL} {args} > /dev/full")
    assert (done.returncode, done.stderr.splitlines()[-1]) == (
        1,
        "error: cannot write to standard output: No space left on device",
    )


def test_a_closed_stdin_is_told() -> None:
    done = shell(f"{TOOL} report - <&-")
    assert (done.returncode, done.stderr) == (
        1,
        "error: <stdin>: cannot read standard input: it is closed\n",
    )


def test_a_closed_stderr_still_gives_the_exit_code() -> None:
    assert shell(f"{TOOL} report missing.yaml 2>&-").returncode == 1
    assert shell(f"{TOOL} report {EXAMPLE} 2>&- >/dev/null").returncode == 0
