"""Atomic writes leave a complete file with ordinary permissions."""

from __future__ import annotations

import os
from pathlib import Path

from mlops_maturity.files import write_atomic


def test_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.md", "# Report\n")
    finally:
        os.umask(old)
    assert (tmp_path / "report.md").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "report.md").read_text() == "# Report\n"


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "answers.yaml"
    target.write_text("old")
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["answers.yaml"]
