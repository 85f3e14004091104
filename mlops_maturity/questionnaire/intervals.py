"""Interval notation for score bands and benchmark ranges: ``[0, 1)``, ``(3, 5]``, ``[30, inf)``."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

# NOTE: an end may be a fraction such as 1/6 (once every six months, in deployments a month),
# so that an edge is exact rather than a rounded decimal.
_END = r"-?(inf|\d+(\.\d+)?(/[1-9]\d*)?)"
RANGE_PATTERN = rf"^\s*[\[(]\s*{_END}\s*,\s*{_END}\s*[\])]\s*$"


@dataclass(frozen=True)
class Interval:
    """A range of numbers written as ``[0, 1)``, ``(3, 5]`` or ``[30, inf)``."""

    low: float
    high: float
    low_closed: bool
    high_closed: bool

    def __contains__(self, x: float) -> bool:
        above = x >= self.low if self.low_closed else x > self.low
        below = x <= self.high if self.high_closed else x < self.high
        return above and below

    def __str__(self) -> str:
        return (
            f"{'[' if self.low_closed else '('}{_num(self.low)}, "
            f"{_num(self.high)}{']' if self.high_closed else ')'}"
        )


def _num(x: float) -> str:
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return f"{x:g}"


@lru_cache(maxsize=4096)
def parse_interval(text: str) -> Interval:
    """Parse interval notation; the pattern on every ``range`` field guarantees the shape."""
    text = text.strip()
    low, high = (_end(part) for part in re.split(r"\s*,\s*", text[1:-1].strip()))
    return Interval(low, high, text[0] == "[", text[-1] == "]")


def _end(part: str) -> float:
    numerator, _, denominator = part.partition("/")
    return float(numerator) / float(denominator) if denominator else float(numerator)
