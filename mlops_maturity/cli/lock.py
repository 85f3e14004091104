"""One session per answer file: a lock file beside it, holding the process id of its session."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from mlops_maturity.errors import MaturityError

# NOTE: the lock is an advisory flock on .NAME.lock, which the system releases when the process
# ends however it ends (even by SIGKILL); so a lock file left by a dead process is taken over,
# and one held by a live session is refused with the id of the process that holds it.


def lock_path(path: Path) -> Path:
    """``.answers.yaml.lock`` beside ``answers.yaml``."""
    return path.with_name(f".{path.name}.lock")


class SessionLock:
    """Held from :meth:`acquire` to :meth:`release`; refused while another session holds it."""

    def __init__(self, path: Path) -> None:
        self.path = lock_path(path)
        self.answers = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise MaturityError naming the process that holds it."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            while self._fd is None:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
                if not self._locked(fd):
                    holder = _holder(fd)
                    os.close(fd)
                    raise MaturityError(
                        f"{self.answers} is open in another assess session (process {holder}); "
                        f"finish that one first (its lock: {self.path})"
                    )
                # NOTE: the file may have been removed and created anew by a session that
                # finished meanwhile; then the lock held is on a file nobody else will see.
                if _same_file(fd, self.path):
                    self._fd = fd
                else:
                    os.close(fd)
            os.ftruncate(self._fd, 0)
            os.write(self._fd, f"{os.getpid()}\n".encode())
        except OSError as exc:
            raise MaturityError(f"cannot lock {self.answers}: {exc.strerror}") from None

    @staticmethod
    def _locked(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def release(self) -> None:
        """Remove the lock file and let go of the lock."""
        if self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self._fd)
            self._fd = None


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return "unknown"
    return text if text.isdigit() else "unknown"


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), path.stat()
    except FileNotFoundError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)
