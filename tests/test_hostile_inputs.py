"""Every kind of broken input: one clear message naming the file, exit 1, no traceback,
done in seconds, and nothing written or changed."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from tests.conftest import DATA, Run

ANSWERS = sorted((DATA / "hostile" / "answers").glob("*.yaml"))
QUESTIONNAIRES = sorted((DATA / "questionnaires" / "invalid").glob("*.yaml"))
SECONDS = 10  # generous: CI machines are slower than a laptop


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def refused(run: Run, args: list[str], name: str) -> str:
    before = snapshot(DATA)
    start = time.perf_counter()
    result = run(args, code=1)
    assert time.perf_counter() - start < SECONDS
    assert snapshot(DATA) == before, "an input file was changed"
    assert result.stdout == "" or args[:2] == ["questionnaires", "validate"]
    text = result.stderr
    assert text.startswith("error: ") and name in text.splitlines()[0]
    assert "Traceback" not in text and "internal error" not in text
    return text


def test_the_corpus_is_large() -> None:
    assert len(ANSWERS) + len(QUESTIONNAIRES) >= 80


@pytest.mark.parametrize("path", ANSWERS, ids=lambda p: p.stem)
def test_a_broken_answer_file_is_refused_clearly(run: Run, path: Path) -> None:
    refused(run, ["report", str(path), "-f", "json"], path.name)


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=lambda p: p.stem)
def test_a_broken_questionnaire_is_refused_clearly(run: Run, path: Path) -> None:
    refused(run, ["questionnaires", "validate", str(path)], path.name)


def generated(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.yaml"
    if kind == "huge":
        path.write_text("answers:\n" + "  # padding\n" * 300_000)
    elif kind == "deep":
        path.write_text("questionnaire: quick\nanswers: " + "[" * 5000 + "]" * 5000 + "\n")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "loop":
        path.symlink_to(path)
    elif kind == "many-answers":
        lines = "".join(f"  q{i}: x\n" for i in range(100_000))
        path.write_text(f"questionnaire: {DATA / 'questionnaires' / 'valid' / 'types.yaml'}\n"
                        f"answers:\n{lines}")  # fmt: skip
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("huge", "bytes; the limit is 2097152"),
        ("deep", "invalid YAML"),
        ("fifo", "is not a regular file"),
        ("folder", "is a directory"),
        ("loop", "cannot read"),
        ("missing", "no such file"),
        ("many-answers", "… and 99,950 more."),
    ],
)
def test_files_that_are_not_answer_files(run: Run, tmp_path: Path, kind: str, message: str) -> None:
    path = generated(tmp_path, kind)
    assert message in refused(run, ["report", str(path)], path.name)


def test_dev_zero_is_not_read_for_ever(run: Run) -> None:
    assert "is not a regular file" in refused(run, ["report", "/dev/zero"], "/dev/zero")
