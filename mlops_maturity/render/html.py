"""The HTML report: one self-contained file (inline CSS and SVG) from the Jinja2 templates."""

from __future__ import annotations

import functools
import textwrap
from typing import TYPE_CHECKING

from mlops_maturity.render import view, wording
from mlops_maturity.render.document import document
from mlops_maturity.render.text import fmt_percent, fmt_score, fraction, level_text, staged_text
from mlops_maturity.resources import data_dir
from mlops_maturity.scoring.result import LevelRef

if TYPE_CHECKING:
    from jinja2 import Environment

    from mlops_maturity.scoring.result import Result

TEMPLATE = "report.html.j2"
STYLESHEET = "report.css"
# NOTE: sequential YlGnBu: lightness falls steadily, so levels stay ordered for colour-blind
# readers and in greyscale print.
PALETTE = ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84")
NO_LEVEL = "#d9d9d9"


def level_colour(value: int | None, levels: tuple[LevelRef, ...]) -> str:
    """The colour of a level, spread evenly over the palette whatever the number of levels."""
    values = [lv.value for lv in levels if lv.value is not None]
    if value is None or value not in values:
        return NO_LEVEL
    if len(values) == 1:
        return PALETTE[0]
    position = values.index(value) / (len(values) - 1)
    return PALETTE[round(position * (len(PALETTE) - 1))]


def ink(colour: str) -> str:
    """Black or white text, whichever reads better on ``colour``."""
    return "#ffffff" if colour in PALETTE[4:] else "#1a1a1a"


def wrap(text: str, width: int, lines: int = 2) -> tuple[str, ...]:
    """Split a chart label into at most ``lines`` lines, ending in an ellipsis if cut."""
    wrapped = textwrap.wrap(text, width, max_lines=lines, placeholder="…") or [""]
    return tuple(wrapped)


def percent(share: float | None) -> str:
    """A share as a whole percentage, or an em dash."""
    return "—" if share is None else fmt_percent(share)


FILTERS = {
    "score": fmt_score,
    "percent": percent,
    "level_short": lambda level, numbered=True: level_text(level, numbered=numbered),
    "wrap_label": wrap,
    "share": fraction,
    "ink": ink,
    "gap": view.gap,
    "to_target": lambda group, levels: view.percent_to_target((group,), levels),
    "target_text": view.target_text,
    "answer_text": wording.answer_text,
    "staged": staged_text,
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
    env.globals["level_colour"] = level_colour
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
    return template.render(css=Markup(stylesheet()), **document(result))
