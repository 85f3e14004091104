"""The discussion agenda of a workshop: where respondents disagree, widest spread first."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from mlops_maturity.render.sections import Section, area_of
from mlops_maturity.render.text import fmt_score
from mlops_maturity.render.wording import answer_text
from mlops_maturity.scoring.result import AnswerResult, GroupResult, Result


@dataclass(frozen=True)
class AgendaItem:
    """One question to discuss: what each respondent said, and what was agreed or decided."""

    answer: AnswerResult
    area: str
    said: tuple[str, ...]
    notes: tuple[str, ...]
    agreed: str


def agenda(result: Result, found: tuple[Section, ...]) -> tuple[AgendaItem, ...]:
    """The disagreements, widest spread first, then in questionnaire order."""
    if result.workshop is None:
        return ()
    anonymous = result.workshop.anonymous
    order = {a.question: i for i, a in enumerate(result.answers)}
    split = [a for a in result.answers if a.disagreement]
    split.sort(key=lambda a: (-(a.spread or 0), order[a.question]))
    return tuple(
        AgendaItem(
            answer=a,
            area=area_of(found, a.group),
            said=_counts(a)
            if anonymous
            else tuple(f"{r.respondent}: {r.label}" for r in a.responses),
            notes=tuple(
                r.note if anonymous else f"{r.respondent}: {r.note}" for r in a.responses if r.note
            ),
            agreed=answer_text(a),
        )
        for a in split
    )


def _counts(answer: AnswerResult) -> tuple[str, ...]:
    """How many respondents gave each answer, most first (for an anonymous workshop)."""
    counted = Counter(r.label for r in answer.responses)
    return tuple(f"{n} × {label}" for label, n in counted.most_common())


def tally(answer: AnswerResult) -> str:
    """How a workshop answered one question: ``2 × In a tracker · 1 × Nothing is recorded``."""
    return " · ".join(_counts(answer))


def spread_text(group: GroupResult) -> str | None:
    """``respondents 0.50 – 2.00 – 4.00 (lowest – median – highest, 3 respondents)``."""
    s = group.spread
    if s is None:
        return None
    return (
        f"respondents {fmt_score(s.low)} – {fmt_score(s.median)} – {fmt_score(s.high)} "
        f"(lowest – median – highest of {s.respondents})"
    )


def workshop_line(result: Result) -> str | None:
    """Who took part in a workshop, and how its answers were agreed."""
    w = result.workshop
    if w is None:
        return None
    count = len(w.respondents)
    who = (
        f"{count} respondents"
        if w.anonymous
        else f"{count} respondents: {', '.join(w.respondents)}"
    )
    rule = {
        "median": "the median answer",
        "mean": "the answer nearest the mean",
        "min": "the lowest answer",
    }[w.strategy]
    return f"A workshop of {who}. Each agreed answer is {rule}, unless the facilitator decided it."
