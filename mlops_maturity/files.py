"""Write files so that an interruption never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write via a temporary file and a rename: readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    # NOTE: the process id in the name tells a temporary file that a killed process left
    # behind (see remove_stale_temporaries) from one being written right now.
    fd, tmp = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
    )
    try:
        # NOTE: mkstemp makes the file private (0600); give it the mode a normal write would.
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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


def _mode_for(path: Path) -> int:
    """The existing file's mode, or 0666 less the umask for a new file."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
