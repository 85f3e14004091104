"""Write files so that an interruption never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` so that an interruption never leaves half a file behind.

    A regular file is written beside its final place and renamed over it: readers see the old
    or the new file, never half. What is at ``path`` keeps being what it was:

    - a device or a pipe (``/dev/null``, ``/dev/stdout``, a FIFO) is written to, not replaced;
    - a symbolic link is followed: the file it points to is written, the link stays;
    - a file with other hard links, or one whose owner this process cannot give a new file,
      is overwritten in place, so that its links and owner are kept;
    - a replaced file keeps its permissions; a new one gets those of a normal write.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    info = _stat(path)
    if info is not None and not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        with path.open("wb") as handle:
            handle.write(data)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if info is not None and (info.st_nlink > 1 or not _can_own(info)):
        _write_in_place(target, data)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_and_rename(target, data, info)


def _write_and_rename(target: Path, data: bytes, info: os.stat_result | None) -> None:
    # NOTE: the process id in the name tells a temporary file that a killed process left
    # behind (see remove_stale_temporaries) from one being written right now.
    fd, tmp = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp"
    )
    try:
        # NOTE: mkstemp makes the file private (0600); give it the mode a normal write would.
        os.chmod(tmp, _new_mode() if info is None else stat.S_IMODE(info.st_mode))
        if info is not None and (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
            os.chown(tmp, info.st_uid, info.st_gid)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_in_place(target: Path, data: bytes) -> None:
    with target.open("r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _stat(path: Path) -> os.stat_result | None:
    """What ``path`` is, following links; None when nothing is there (or a link is dangling)."""
    try:
        return path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None


def _can_own(info: os.stat_result) -> bool:
    """Whether a new file can be given this file's owner and group (ours, or we are root)."""
    if os.geteuid() == 0:
        return True
    return info.st_uid == os.geteuid() and info.st_gid in {os.getegid(), *os.getgroups()}


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove temporary files that writes to ``path`` left behind when their process was killed.

    A name with the id of a process that is gone is stale; so is a name from before process ids
    were put in names, once it is a minute old (no write takes that long).
    """
    name = re.escape(path.name)
    ours = re.compile(rf"^\.{name}\.(\d+)\.[a-z0-9_]+\.tmp$")
    older = re.compile(rf"^\.{name}\.[a-z0-9_]{{8}}\.tmp$")
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return []
    removed = []
    for entry in entries:
        match = ours.match(entry.name)
        if match is not None:
            stale = not _alive(int(match.group(1)))
        else:
            stale = bool(older.match(entry.name)) and _age(entry) > 60
        if stale:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _age(entry: os.DirEntry[str]) -> float:
    try:
        return time.time() - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return 0.0


def _alive(pid: int) -> bool:
    """Whether a process with this id runs (this one, and one of another user, count as alive)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True
    return True


def _new_mode() -> int:
    """The mode of a new file: 0666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
