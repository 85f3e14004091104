"""The Markdown report for wikis and pull requests: the view's content, charts as tables."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from mlops_maturity.resources import data_dir

if TYPE_CHECKING:
    from jinja2 import Environment

    from mlops_maturity.render.view import ReportView

TEMPLATE = "report.md.j2"
# NOTE: backslash-escaping any ASCII punctuation is valid CommonMark, so this turns markup,
# raw HTML and table pipes in user text into plain characters.
SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
LINE_START = re.compile(r"^([#>+=-])|^(\d+)([.)])(?=\s|$)")


def md_escape(value: object) -> str:
    """Text that Markdown shows as written: one line, markup escaped, no autolinks."""
    text = " ".join(str(value).split())
    text = SPECIAL.sub(r"\\\1", text)
    text = LINE_START.sub(lambda m: "\\" + m[1] if m[1] else m[2] + "\\" + m[3], text)
    # NOTE: GitHub turns bare http://… and www.… into links; user text must never become one.
    return text.replace("://", r":\/\/").replace("www.", r"www\.")


@functools.cache
def environment() -> Environment:
    """The Markdown template environment: every expression goes through ``md_escape``."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from mlops_maturity.render.html import FILTERS, RESULT_FILTERS, _with_result

    env = Environment(
        loader=FileSystemLoader(data_dir("report_templates")),
        autoescape=False,
        finalize=md_escape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.filters.update({name: _with_result(fn) for name, fn in RESULT_FILTERS.items()})
    return env


def render_markdown(view: ReportView) -> str:
    """The report as one Markdown document."""
    text = environment().get_template(TEMPLATE).render(view=view, result=view.result)
    # NOTE: conditional blocks leave runs of blank lines; one blank line is all Markdown needs.
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
