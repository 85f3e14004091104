"""Atomic writes leave a complete file, and whatever was at the path stays what it was."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

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


def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_text("old")
    (tmp_path / "link.md").symlink_to("real.md")
    (tmp_path / "dangling.md").symlink_to("missing.md")
    write_atomic(tmp_path / "link.md", "new")
    write_atomic(tmp_path / "dangling.md", "created")
    assert (tmp_path / "link.md").is_symlink() and (tmp_path / "dangling.md").is_symlink()
    assert (tmp_path / "real.md").read_text() == "new"
    assert (tmp_path / "missing.md").read_text() == "created"


def test_hard_links_of_a_replaced_file_are_kept(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("old")
    os.link(tmp_path / "a.md", tmp_path / "b.md")
    write_atomic(tmp_path / "a.md", "new, and longer than before")
    assert (tmp_path / "a.md").stat().st_nlink == 2
    assert (tmp_path / "b.md").read_text() == "new, and longer than before"
    write_atomic(tmp_path / "a.md", "short")
    assert (tmp_path / "b.md").read_text() == "short"


def test_a_pipe_is_written_to_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_device_is_written_to_never_replaced(tmp_path: Path) -> None:
    device = Path(os.devnull)
    if os.geteuid() == 0:
        # NOTE: as root a broken write could replace the machine's own /dev/null; use a twin.
        device = tmp_path / "null"
        try:
            os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
            device.write_text("")
        except OSError:
            pytest.skip("cannot make or use a device node here")
    write_atomic(device, "discarded")
    assert stat.S_ISCHR(device.stat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file another owner needs root")
def test_a_replaced_file_keeps_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "owned.md"
    target.write_text("old")
    os.chown(target, 65534, 65534)
    write_atomic(target, "new")
    assert (target.stat().st_uid, target.stat().st_gid, target.read_text()) == (65534, 65534, "new")


def test_a_file_whose_owner_cannot_be_kept_is_written_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "theirs.md"
    target.write_text("old")
    inode = target.stat().st_ino
    # NOTE: as if another user owned the file and this process were not root.
    monkeypatch.setattr(os, "geteuid", lambda: target.stat().st_uid + 1)
    write_atomic(target, "new")
    assert (target.stat().st_ino, target.read_text()) == (inode, "new")
