"""Standard output that is closed, full or gone: the user's situation, told as such."""

from __future__ import annotations

import errno
import io
import os
import sys


class ClosedStream(io.TextIOBase):
    """Stands in for a standard stream that was closed before the tool started (``>&-``).

    Writing to it fails as writing to a closed descriptor does, so the command stops with a
    message instead of losing its output silently.
    """

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed")

    def read(self, size: int | None = -1) -> str:
        raise OSError(errno.EBADF, "it is closed")

    @property
    def buffer(self) -> ClosedStream:
        return self

    def isatty(self) -> bool:
        return False


def guard_streams() -> None:
    """Give a closed stdin, stdout or stderr a stand-in; diagnostics to a closed stderr vanish."""
    if sys.stdout is None:
        sys.stdout = ClosedStream()
    if sys.stdin is None:
        sys.stdin = ClosedStream()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (kept open for the whole run)


# NOTE: what writing to a stream can fail with; an error about a named file (opening one)
# carries its name, a failed write to standard output none.
WRITE_ERRORS = {errno.EBADF, errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EDQUOT, errno.ENXIO}


def stdout_failed(exc: OSError) -> bool:
    """Whether ``exc`` is standard output refusing what was written (closed, full, gone)."""
    if isinstance(sys.stdout, ClosedStream):
        return True
    if exc.filename is None and exc.errno in WRITE_ERRORS:
        return True
    try:
        sys.stdout.flush()
    except OSError:
        return True
    return False


def silence_stdout() -> None:
    """Drop what is still buffered for stdout, so that the exit does not fail on it again."""
    if isinstance(sys.stdout, ClosedStream):
        return
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        sys.stdout = ClosedStream()
