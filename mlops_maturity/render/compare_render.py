"""Renderers of comparisons and portfolios; the registries map each --format to one."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mlops_maturity.render.compare_formats import CompareFormat
from mlops_maturity.resources import data_dir

if TYPE_CHECKING:
    from rich.console import Console

    from mlops_maturity.history.model import Comparison, Portfolio
    from mlops_maturity.render.comparison import ComparisonView
    from mlops_maturity.render.portfolio import PortfolioView
    from mlops_maturity.render.view import ReportOptions

    View = ComparisonView | PortfolioView

TEMPLATES = {"comparison": "compare", "portfolio": "portfolio"}
STYLESHEET = "compare.css"


def build(value: Comparison | Portfolio, options: ReportOptions | None = None) -> View:
    """The view of a comparison or a portfolio."""
    if value.kind == "comparison":
        from mlops_maturity.render.comparison import build_comparison_view

        return build_comparison_view(value, options)
    from mlops_maturity.render.portfolio import build_portfolio_view

    return build_portfolio_view(value, options)


def render_terminal(view: View, console: Console) -> None:
    """Print a comparison or a portfolio to ``console``, its texts shown, never acted on."""
    from mlops_maturity.render.comparison import ComparisonView
    from mlops_maturity.render.text import visible_all

    view = visible_all(view)
    if isinstance(view, ComparisonView):
        from mlops_maturity.render.compare_terminal import print_comparison

        print_comparison(view, console)
    else:
        from mlops_maturity.render.portfolio_terminal import print_portfolio

        print_portfolio(view, console)


def _terminal(view: View) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    render_terminal(view, Console(file=buffer, width=100, color_system=None, emoji=False))
    return buffer.getvalue()


def _json(view: View) -> str:
    return view.value.model_dump_json(indent=2) + "\n"


def _csv(view: View) -> str:
    from mlops_maturity.render.compare_csv import comparison_csv, portfolio_csv

    value = view.value
    return comparison_csv(value) if value.kind == "comparison" else portfolio_csv(value)


@functools.cache
def _own_css() -> str:
    return (data_dir("report_templates") / STYLESHEET).read_text(encoding="utf-8")


def render_html(view: View) -> str:
    """A comparison or portfolio as one self-contained HTML document."""
    from markupsafe import Markup

    from mlops_maturity.render.colours import check_accent
    from mlops_maturity.render.html import environment, stylesheet

    css = stylesheet() + "\n" + _own_css()
    if view.options.accent is not None:
        # NOTE: the only value from the command line that reaches CSS, checked as #rrggbb.
        css += f"\n:root {{ --accent: {check_accent(view.options.accent)}; }}\n"
    name = TEMPLATES[view.value.kind]
    # NOTE: Markup only for our own stylesheets; everything from the results stays escaped.
    return environment().get_template(f"{name}.html.j2").render(css=Markup(css), view=view)


def render_markdown(view: View) -> str:
    """A comparison or portfolio as one Markdown document."""
    import re

    from mlops_maturity.render.markdown import environment

    name = TEMPLATES[view.value.kind]
    text = environment().get_template(f"{name}.md.j2").render(view=view)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_pdf_pages(view: View) -> tuple[bytes, int]:
    """A comparison or portfolio as an A4 PDF, and its number of pages."""
    from mlops_maturity.render.pdf import html_to_pdf

    return html_to_pdf(render_html(view))


def _pdf(view: View) -> bytes:
    return render_pdf_pages(view)[0]


RENDERERS: dict[CompareFormat, Callable[[Any], str | bytes]] = {
    CompareFormat.terminal: _terminal,
    CompareFormat.json: _json,
    CompareFormat.markdown: render_markdown,
    CompareFormat.html: render_html,
    CompareFormat.pdf: _pdf,
    CompareFormat.csv: _csv,
}


def render(
    value: Comparison | Portfolio, fmt: CompareFormat, options: ReportOptions | None = None
) -> str | bytes:
    """Build the view of ``value`` once and lay it out in ``fmt``."""
    return RENDERERS[fmt](build(value, options))
