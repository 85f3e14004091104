"""A cache of validated questionnaires, so a large YAML file is parsed once, not every run.

Entries live in ``$XDG_CACHE_HOME/mlops-maturity`` (``~/.cache/mlops-maturity``), one JSON file
per questionnaire content; ``MLOPS_MATURITY_NO_CACHE=1`` turns the cache off, and deleting the
folder clears it. The cache can only ever save time: an entry that cannot be read, or that no
longer matches a file it was built from, is ignored and the questionnaire is loaded afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
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


def get(content: bytes) -> str | None:
    """The cached questionnaire JSON for this content, if any and still current."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        entry = json.loads((folder / f"{key(content)}.json").read_text(encoding="utf-8"))
        for name, expected in entry["includes"].items():
            if digest(Path(name).read_bytes()) != expected:
                return None
        text = entry["questionnaire"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return text if isinstance(text, str) else None


def put(content: bytes, json_text: str, includes: dict[str, str] | None = None) -> None:
    """Remember a validated questionnaire and the digests of the files it included.

    A cache that cannot be written is simply skipped; the oldest entries go beyond the limit.
    """
    folder = cache_dir()
    if folder is None:
        return
    entry = {"includes": includes or {}, "questionnaire": json_text}
    with contextlib.suppress(OSError):
        write_atomic(folder / f"{key(content)}.json", json.dumps(entry))
        _trim(folder)


def _trim(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-MAX_ENTRIES]:
        old.unlink(missing_ok=True)
