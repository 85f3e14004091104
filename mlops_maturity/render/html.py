"""The HTML report: one self-contained file (inline CSS and SVG) from the Jinja2 templates."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from mlops_maturity.render import view
from mlops_maturity.render.text import fmt_percent, fmt_score, fraction, level_text
from mlops_maturity.resources import data_dir

if TYPE_CHECKING:
    from jinja2 import Environment

    from mlops_maturity.result import Result

TEMPLATE = "report.html.j2"
STYLESHEET = "report.css"


def percent(share: float | None) -> str:
    """A share as a whole percentage, or an em dash."""
    return "—" if share is None else fmt_percent(share)


FILTERS = {
    "score": fmt_score,
    "percent": percent,
    "level_short": level_text,
    "wrap_label": view.wrap,
    "share": fraction,
    "ink": view.ink,
    "gap": view.gap,
    "to_target": lambda group: view.percent_to_target((group,)),
    "answer_text": view.answer_text,
}


@functools.cache
def environment() -> Environment:
    """The template environment: autoescaped, strict about undefined names, built once."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(data_dir("report_templates")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
    )
    env.filters.update(FILTERS)
    env.globals["level_colour"] = view.level_colour
    return env


@functools.cache
def stylesheet() -> str:
    """The report's CSS, read once from the template folder (a constant: no user data)."""
    return (data_dir("report_templates") / STYLESHEET).read_text(encoding="utf-8")


def render_html(result: Result) -> str:
    """The report as one HTML document."""
    from markupsafe import Markup

    template = environment().get_template(TEMPLATE)
    # NOTE: Markup only for our own stylesheet; everything from the result stays escaped.
    return template.render(css=Markup(stylesheet()), **view.document(result))
