"""The formats `compare` writes; kept free of imports so the command line starts fast."""

from __future__ import annotations

from enum import StrEnum


class CompareFormat(StrEnum):
    """The formats of a comparison or a portfolio (every report format but the badge)."""

    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    html = "html"
    pdf = "pdf"
    csv = "csv"
