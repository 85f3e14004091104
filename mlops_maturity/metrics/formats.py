"""The output formats of ``metrics dora`` (kept light: the command line imports it at start-up)."""

from __future__ import annotations

from enum import StrEnum


class MetricsFormat(StrEnum):
    """terminal (aligned text), json (the full result), markdown (tables for wikis)."""

    terminal = "terminal"
    json = "json"
    markdown = "markdown"
