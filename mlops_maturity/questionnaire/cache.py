"""A cache of validated questionnaires, so a large YAML file is parsed once, not every run.

Entries live in ``$XDG_CACHE_HOME/mlops-maturity`` (``~/.cache/mlops-maturity``), one file per
questionnaire content, at most ``MAX_ENTRIES`` of them; ``MLOPS_MATURITY_NO_CACHE=1`` turns the
cache off, and deleting the folder clears it. The cache can only ever save time: an entry that
cannot be read, or that no longer matches a file it was built from, is ignored and the
questionnaire is loaded afresh.

An entry holds the validated questionnaire as a pickle: reading it back needs no validation,
which is most of the time a report takes. The folder is the user's own, like their shell
start-up files, so an entry is trusted as much as those are.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from mlops_maturity import __version__
from mlops_maturity.files import write_atomic

_READERS = ("model.py", "load.py", "checks.py", "level_checks.py", "validation.py", "yamlsafe.py")
_CODE = [Path(__file__).with_name(name) for name in _READERS]
MAX_ENTRIES = 64


def cache_dir() -> Path | None:
    """Where cached questionnaires live; None when caching is turned off."""
    if os.environ.get("MLOPS_MATURITY_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mlops-maturity"


def digest(content: bytes) -> str:
    """The sha256 of some bytes, as hex."""
    return hashlib.sha256(content).hexdigest()


def key(content: bytes) -> str:
    """The file's content plus the code that reads it: a change to either misses the cache."""
    hasher = hashlib.sha256(content)
    hasher.update(__version__.encode())
    for path in _CODE:
        stat = path.stat()
        hasher.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return hasher.hexdigest()


def get(content: bytes) -> object | None:
    """The cached questionnaire for this content, if any and still current."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = (folder / f"{key(content)}.pickle").read_bytes()
        # NOTE: trusted as the user's own files are; see the module's docstring.
        entry: tuple[dict[str, str], object] = pickle.loads(data)
        includes, questionnaire = entry
        for name, expected in includes.items():
            if digest(Path(name).read_bytes()) != expected:
                return None
    except Exception:  # a broken entry of any kind only costs a reload
        return None
    return questionnaire


def put(content: bytes, questionnaire: object, includes: dict[str, str] | None = None) -> None:
    """Remember a validated questionnaire and the digests of the files it included.

    A cache that cannot be written is simply skipped; the oldest entries go beyond the limit.
    """
    folder = cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError, pickle.PicklingError, RecursionError):
        data = pickle.dumps((includes or {}, questionnaire), protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(folder / f"{key(content)}.pickle", data)
        _trim(folder)


def _trim(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-MAX_ENTRIES]:
        old.unlink(missing_ok=True)
