"""The consultant's logo: the one local file a report may show, read and checked here."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import TYPE_CHECKING

from mlops_maturity.errors import MaturityError

if TYPE_CHECKING:
    from mlops_maturity.render.view import Logo

MAX_LOGO = 2 * 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n"


def read_logo(path: Path) -> Logo:
    """A PNG or SVG file as a data: URL; anything else is refused with a clear message."""
    from mlops_maturity.render.view import Logo

    if not path.is_file():
        raise MaturityError(f"--logo {path}: no such file")
    size = path.stat().st_size
    if size > MAX_LOGO:
        raise MaturityError(f"--logo {path}: the file is {size} bytes; the limit is {MAX_LOGO}")
    data = path.read_bytes()
    if data.startswith(PNG):
        kind = "image/png"
    elif _looks_like_svg(data):
        kind = "image/svg+xml"
    else:
        raise MaturityError(f"--logo {path}: expected a PNG or SVG image")
    return Logo(kind, f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}")


def _looks_like_svg(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return b"<svg" in head and (head.startswith((b"<svg", b"<?xml", b"<!--", b"<!doctype svg")))
