"""An SVG badge for a README or a dashboard: ``MLOps maturity | level 2 · Automated training``."""

from __future__ import annotations

from html import escape

from mlops_maturity.render.colours import NO_LEVEL, ink, level_colour
from mlops_maturity.render.text import fit
from mlops_maturity.render.view import ReportView

CHAR = 6.6  # average advance of an 11 px DejaVu Sans character, in px
PAD = 7


def _width(text: str) -> int:
    return round(len(text) * CHAR + 2 * PAD)


def render_badge(view: ReportView, label: str = "MLOps maturity") -> str:
    """A flat badge drawn by the tool: no fonts or images fetched, colour by the level."""
    level = view.result.overall.headline
    value = fit(view.headline if level is not None else "not scored", 48)
    if view.draft:
        value += " (draft)"
    fill = level_colour(level.value, view.result.levels) if level is not None else NO_LEVEL
    if level is not None and level.value is None:
        fill = NO_LEVEL
    left, right = _width(label), _width(value)
    total = left + right
    text = ink(fill)
    said = escape(f"{label}: {value}")
    size = f'width="{total}" height="20"'
    return f"""<svg xmlns="http://www.w3.org/2000/svg" {size} role="img" aria-label="{said}">
<title>{said}</title>
<rect width="{left}" height="20" fill="#3b4652"/>
<rect x="{left}" width="{right}" height="20" fill="{fill}"/>
<g font-family="DejaVu Sans,Verdana,Geneva,sans-serif" font-size="11">
<text x="{left / 2:.1f}" y="14" text-anchor="middle" fill="#ffffff">{escape(label)}</text>
<text x="{left + right / 2:.1f}" y="14" text-anchor="middle" fill="{text}">{escape(value)}</text>
</g>
</svg>
"""
