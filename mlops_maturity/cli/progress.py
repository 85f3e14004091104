"""Where the person is and how long is left: the progress line, the pace, questionnaire sizes."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from mlops_maturity.questionnaire.model import Questionnaire

SECONDS_PER_QUESTION = 60.0
# NOTE: the questionnaire's own estimate counts as this many answers, so that the first quick
# answers do not promise the whole hour in five minutes; a long pause (a meeting, lunch)
# counts as five minutes at most.
PRIOR_WEIGHT = 3
SLOWEST, FASTEST = 300.0, 3.0


def minutes_of(q: Questionnaire) -> int:
    """About how long the questionnaire takes: its ``minutes:``, or a minute per question."""
    if q.minutes is not None:
        return q.minutes
    return max(5, 5 * round(len(q.placed) * SECONDS_PER_QUESTION / 60 / 5))


def menu_title(q: Questionnaire) -> str:
    """``quick · 14 questions · about 15 min``."""
    return f"{q.id} · {len(q.placed)} questions · about {minutes_of(q)} min"


@dataclass
class Pace:
    """Seconds per question so far, starting from the questionnaire's own estimate."""

    prior: float = SECONDS_PER_QUESTION
    taken: list[float] = field(default_factory=list)

    @classmethod
    def of(cls, q: Questionnaire) -> Pace:
        """The pace a questionnaire promises (``minutes:`` spread over its questions)."""
        if q.minutes is None or not q.placed:
            return cls()
        return cls(prior=q.minutes * 60 / len(q.placed))

    def add(self, seconds: float) -> None:
        """One more answer, given in ``seconds``."""
        self.taken.append(min(SLOWEST, max(FASTEST, seconds)))

    def per_question(self) -> float:
        """The expected seconds for each question still to come."""
        total = self.prior * PRIOR_WEIGHT + sum(self.taken)
        return total / (PRIOR_WEIGHT + len(self.taken))


def time_left(seconds: float) -> str:
    """``about 35 min left``, ``about 1 h 20 min left``, ``less than a minute left``."""
    if seconds < 60:
        return "less than a minute left"
    minutes = math.ceil(seconds / 60) if seconds < 600 else 5 * round(seconds / 300)
    if minutes < 60:
        return f"about {minutes} min left"
    hours, rest = divmod(minutes, 60)
    return f"about {hours} h {rest} min left" if rest else f"about {hours} h left"


def progress_line(position: int, total: int, titles: list[str], left: str = "") -> str:
    """``23 / 79 · Process › Release · about 35 min left``."""
    parts = [f"{position} / {total}", " › ".join(titles), left]
    return " · ".join(part for part in parts if part)
