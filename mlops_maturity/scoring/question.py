"""Score one answer to one question, and say it in words."""

from __future__ import annotations

from mlops_maturity.assessment.model import NOT_APPLICABLE, AnswerValue
from mlops_maturity.questionnaire.intervals import parse_interval
from mlops_maturity.questionnaire.model import (
    BooleanQuestion,
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
)


def question_range(q: Questionnaire, question: object) -> tuple[float, float]:
    """The lowest and highest score a question can give."""
    if isinstance(question, ChoiceQuestion):
        scores = [o.score for o in q.options_of(question)]
        if question.type == "multiple":
            top = sum(s for s in scores if s > 0)
            return (max(q.scale.min, min(0.0, *scores)), min(top, q.scale.max))
        return min(scores), max(scores)
    if isinstance(question, BooleanQuestion):
        yes, no = _boolean_scores(q, question)
        return min(yes, no), max(yes, no)
    if isinstance(question, NumberQuestion):
        scores = [b.score for b in question.bands]
        return min(scores), max(scores)
    return q.scale.min, q.scale.max


def _boolean_scores(q: Questionnaire, question: BooleanQuestion) -> tuple[float, float]:
    yes = q.scale.max if question.yes_score is None else question.yes_score
    no = q.scale.min if question.no_score is None else question.no_score
    return yes, no


def question_score(q: Questionnaire, question: object, value: AnswerValue) -> float | None:
    """The score of one (valid, normalised) answer; None for unscored questions."""
    if isinstance(question, ChoiceQuestion):
        options = {o.id: o.score for o in q.options_of(question)}
        if question.type == "multiple":
            chosen = value if isinstance(value, list) else []
            total = round(sum(options[c] for c in chosen), 9)
            return max(q.scale.min, min(q.scale.max, total))
        return options[str(value)]
    if isinstance(question, BooleanQuestion):
        yes, no = _boolean_scores(q, question)
        return yes if value is True else no
    if isinstance(question, NumberQuestion) and isinstance(value, int | float):
        for band in question.bands:
            if value in parse_interval(band.range):
                return band.score
    return None


def answer_label(q: Questionnaire, question: object, value: AnswerValue) -> str:
    """The answer in words."""
    if value == NOT_APPLICABLE:
        return "not applicable"
    if isinstance(question, ChoiceQuestion):
        labels = {o.id: o.label for o in q.options_of(question)}
        chosen = value if isinstance(value, list) else [str(value)]
        return "; ".join(labels.get(c, c) for c in chosen) or "none"
    if isinstance(question, BooleanQuestion):
        return "yes" if value is True else "no"
    if isinstance(question, NumberQuestion):
        number = f"{value:g}" if isinstance(value, int | float) else str(value)
        band = next(
            (
                b.label
                for b in question.bands
                if isinstance(value, int | float) and value in parse_interval(b.range)
            ),
            "",
        )
        text = f"{number} {question.unit}".strip()
        return f"{text} ({band})" if band else text
    return "" if value is None else str(value)


def better_answer(q: Questionnaire, question: object, value: AnswerValue) -> str:
    """The next better answer in words: what moving one step up would look like ("" at the top)."""
    score = question_score(q, question, value)
    if score is None:
        return ""
    if isinstance(question, ChoiceQuestion) and question.type == "single":
        above = [o for o in q.options_of(question) if o.score > score]
        return min(above, key=lambda o: o.score).label if above else ""
    if isinstance(question, ChoiceQuestion):
        chosen = value if isinstance(value, list) else []
        missing = [o.label for o in q.options_of(question) if o.id not in chosen and o.score > 0]
        return "; ".join(missing)
    if isinstance(question, BooleanQuestion):
        yes, no = _boolean_scores(q, question)
        return ("yes" if yes > no else "no") if score < max(yes, no) else ""
    if isinstance(question, NumberQuestion):
        bands = [b for b in question.bands if b.score > score]
        band = min(bands, key=lambda b: b.score) if bands else None
        return (band.label or str(parse_interval(band.range))) if band is not None else ""
    return ""
