"""Renderers: each lays out the one report view; the registry maps --format to one."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from mlops_maturity.render.formats import OutputFormat

if TYPE_CHECKING:
    from mlops_maturity.render.view import ReportOptions, ReportView
    from mlops_maturity.scoring.result import Result

__all__ = ["RENDERERS", "OutputFormat", "render"]


def _terminal(view: ReportView) -> str:
    from rich.console import Console

    from mlops_maturity.render.terminal import render_terminal

    buffer = io.StringIO()
    render_terminal(view, Console(file=buffer, width=100, color_system=None, emoji=False))
    return buffer.getvalue()


def _json(view: ReportView) -> str:
    from mlops_maturity.render.json import render_json

    return render_json(view.result)


def _markdown(view: ReportView) -> str:
    from mlops_maturity.render.markdown import render_markdown

    return render_markdown(view)


def _html(view: ReportView) -> str:
    from mlops_maturity.render.html import render_html

    return render_html(view)


def _pdf(view: ReportView) -> bytes:
    from mlops_maturity.render.pdf import render_pdf

    return render_pdf(view)


def _csv(view: ReportView) -> str:
    from mlops_maturity.render.csv import render_csv

    return render_csv(view)


def _badge(view: ReportView) -> str:
    from mlops_maturity.render.badge import render_badge

    return render_badge(view)


RENDERERS: dict[OutputFormat, Callable[[ReportView], str | bytes]] = {
    OutputFormat.terminal: _terminal,
    OutputFormat.json: _json,
    OutputFormat.markdown: _markdown,
    OutputFormat.html: _html,
    OutputFormat.pdf: _pdf,
    OutputFormat.csv: _csv,
    OutputFormat.badge: _badge,
}


def render(result: Result, fmt: OutputFormat, options: ReportOptions | None = None) -> str | bytes:
    """Build the report view of ``result`` once and lay it out in ``fmt``."""
    from mlops_maturity.render.view import build_view

    return RENDERERS[fmt](build_view(result, options))
