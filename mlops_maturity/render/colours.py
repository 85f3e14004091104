"""Colours of levels, and text that stays readable on them (WCAG AA contrast)."""

from __future__ import annotations

import re

from mlops_maturity.scoring.result import LevelRef

# NOTE: sequential YlGnBu: lightness falls steadily, so levels stay ordered for colour-blind
# readers and in greyscale print.
PALETTE = ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84")
NO_LEVEL = "#d9d9d9"
DARK, LIGHT = "#1a1a1a", "#ffffff"
AA = 4.5
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def luminance(colour: str) -> float:
    """Relative luminance of an ``#rrggbb`` colour (WCAG 2.x)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def ink(colour: str) -> str:
    """Black or white text, whichever contrasts more with ``colour``."""
    return DARK if contrast(colour, DARK) >= contrast(colour, LIGHT) else LIGHT


def level_colour(value: int | None, levels: tuple[LevelRef, ...]) -> str:
    """The colour of a level, spread evenly over the palette whatever the number of levels."""
    values = [lv.value for lv in levels if lv.value is not None]
    if value is None or value not in values:
        return NO_LEVEL
    if len(values) == 1:
        return PALETTE[0]
    position = values.index(value) / (len(values) - 1)
    return PALETTE[round(position * (len(PALETTE) - 1))]


def check_accent(colour: str) -> str:
    """An accent colour fit for headings on white, or ValueError saying why not."""
    if not HEX.match(colour):
        raise ValueError(f"expected a colour as #rrggbb, e.g. #225ea8; got {colour!r}")
    ratio = contrast(colour, LIGHT)
    if ratio < AA:
        raise ValueError(
            f"{colour} is too light for text on white (contrast {ratio:.1f}:1; WCAG AA needs "
            f"{AA:g}:1); choose a darker colour"
        )
    return colour.lower()
