"""Renderers: each turns a finished Result into output; the registry maps --format to one."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from mlops_maturity.render.formats import OutputFormat

if TYPE_CHECKING:
    from mlops_maturity.scoring.result import Result

__all__ = ["RENDERERS", "OutputFormat", "render"]


def _terminal(result: Result) -> str:
    from rich.console import Console

    from mlops_maturity.render.terminal import render_terminal

    buffer = io.StringIO()
    render_terminal(result, Console(file=buffer, width=100, color_system=None, emoji=False))
    return buffer.getvalue()


def _json(result: Result) -> str:
    from mlops_maturity.render.json import render_json

    return render_json(result)


def _markdown(result: Result) -> str:
    from mlops_maturity.render.markdown import render_markdown

    return render_markdown(result)


def _html(result: Result) -> str:
    from mlops_maturity.render.html import render_html

    return render_html(result)


def _pdf(result: Result) -> bytes:
    from mlops_maturity.render.pdf import render_pdf

    return render_pdf(result)


RENDERERS: dict[OutputFormat, Callable[[Result], str | bytes]] = {
    OutputFormat.terminal: _terminal,
    OutputFormat.json: _json,
    OutputFormat.markdown: _markdown,
    OutputFormat.html: _html,
    OutputFormat.pdf: _pdf,
}


def render(result: Result, fmt: OutputFormat) -> str | bytes:
    """Render ``result`` in ``fmt``."""
    return RENDERERS[fmt](result)
