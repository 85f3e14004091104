"""The names of the output formats; kept free of imports so the command line starts fast."""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    """The report formats a user can ask for."""

    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    html = "html"
    pdf = "pdf"


class ListFormat(StrEnum):
    """Formats for listings such as ``questionnaires list``."""

    terminal = "terminal"
    json = "json"
