"""The HTML report: one self-contained file (inline CSS and SVG) from the Jinja2 templates."""

from __future__ import annotations

import functools
import textwrap
from typing import TYPE_CHECKING, Any

from mlops_maturity.assessment.model import MEASURED
from mlops_maturity.render import wording
from mlops_maturity.render.agenda import spread_text, tally
from mlops_maturity.render.colours import check_accent, ink, level_colour
from mlops_maturity.render.text import (
    fmt_percent,
    fmt_score,
    fraction,
    group_level,
    group_staged,
    level_text,
    short_group_level,
    staged_text,
)
from mlops_maturity.resources import data_dir

if TYPE_CHECKING:
    from jinja2 import Environment

    from mlops_maturity.render.view import ReportView

TEMPLATE = "report.html.j2"
STYLESHEET = "report.css"


def wrap(text: str, width: int, lines: int = 2) -> tuple[str, ...]:
    """Split a chart label into at most ``lines`` lines, ending in an ellipsis if cut."""
    wrapped = textwrap.wrap(text, width, max_lines=lines, placeholder="…") or [""]
    return tuple(wrapped)


def percent(share: float | None) -> str:
    """A share as a whole percentage, or an em dash."""
    return "—" if share is None else fmt_percent(share)


def _with_result(fn: Any) -> Any:
    """A filter that also needs the result, read from the template's ``view``."""
    from jinja2 import pass_context

    @pass_context
    def filtered(context: Any, item: Any) -> Any:
        return fn(item, context["view"].result)

    return filtered


FILTERS: dict[str, Any] = {
    "score": fmt_score,
    "percent": percent,
    "level_short": lambda level, numbered=True: level_text(level, numbered=numbered),
    "wrap_label": wrap,
    "share": fraction,
    "ink": ink,
    "answer_text": wording.answer_text,
    "spread": spread_text,
    "tally": tally,
    "evidence": lambda note: note.removeprefix(MEASURED),
}
RESULT_FILTERS: dict[str, Any] = {
    "glevel": short_group_level,
    "glevel_long": group_level,
    "staged": staged_text,
    "gstaged": group_staged,
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
    env.filters.update({name: _with_result(fn) for name, fn in RESULT_FILTERS.items()})
    env.globals["level_colour"] = level_colour
    return env


@functools.cache
def stylesheet() -> str:
    """The report's CSS, read once from the template folder (a constant: no user data)."""
    return (data_dir("report_templates") / STYLESHEET).read_text(encoding="utf-8")


def render_html(view: ReportView) -> str:
    """The report as one HTML document."""
    from markupsafe import Markup

    template = environment().get_template(TEMPLATE)
    css = stylesheet()
    if view.options.accent is not None:
        # NOTE: the only value from the command line that reaches CSS, checked as #rrggbb.
        css += f"\n:root {{ --accent: {check_accent(view.options.accent)}; }}\n"
    # NOTE: Markup only for our own stylesheet; everything from the result stays escaped.
    return template.render(css=Markup(css), view=view, result=view.result)
