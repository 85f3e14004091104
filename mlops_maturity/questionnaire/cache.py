"""A cache of validated questionnaires, so a large YAML file is parsed once, not every run."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from mlops_maturity import __version__
from mlops_maturity.files import write_atomic

_CODE = [
    Path(__file__).with_name(name)
    for name in ("model.py", "load.py", "validation.py", "yamlsafe.py")
]


def cache_dir() -> Path | None:
    """Where cached questionnaires live; None when caching is turned off."""
    if os.environ.get("MLOPS_MATURITY_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mlops-maturity"


def key(content: bytes) -> str:
    """The file's content plus the code that reads it: a change to either misses the cache."""
    digest = hashlib.sha256(content)
    digest.update(__version__.encode())
    for path in _CODE:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def get(content: bytes) -> str | None:
    """The cached JSON for this content, if any."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / f"{key(content)}.json").read_text(encoding="utf-8")
    except OSError:
        return None


def put(content: bytes, json_text: str) -> None:
    """Remember a validated questionnaire; a cache that cannot be written is simply skipped."""
    folder = cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        write_atomic(folder / f"{key(content)}.json", json_text)
