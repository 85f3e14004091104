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
    csv = "csv"
    badge = "badge"


# NOTE: with no --format, the format follows the extension of -o.
BY_EXTENSION = {
    ".json": OutputFormat.json,
    ".md": OutputFormat.markdown,
    ".markdown": OutputFormat.markdown,
    ".html": OutputFormat.html,
    ".htm": OutputFormat.html,
    ".pdf": OutputFormat.pdf,
    ".csv": OutputFormat.csv,
    ".svg": OutputFormat.badge,
    ".txt": OutputFormat.terminal,
}


class ListFormat(StrEnum):
    """Formats for listings such as ``questionnaires list``."""

    terminal = "terminal"
    json = "json"
