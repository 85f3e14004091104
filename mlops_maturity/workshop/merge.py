"""Merge the answer files of a workshop's respondents into one: who answered what, and an
agreed value per question by a strategy, unless the facilitator decided it."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from mlops_maturity.assessment.model import (
    DONT_KNOW,
    NOT_APPLICABLE,
    Answer,
    AnswerValue,
    Assessment,
    Response,
    Strategy,
    Workshop,
)
from mlops_maturity.errors import MaturityError
from mlops_maturity.questionnaire.model import (
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    TextQuestion,
)
from mlops_maturity.scoring.question import question_score


@dataclass(frozen=True)
class Respondent:
    """One respondent's answers, and the file they came from (for messages)."""

    name: str
    answers: dict[str, Answer]
    source: str


@dataclass(frozen=True)
class Decision:
    """A facilitator's settled value for a question, with the reason."""

    value: AnswerValue
    reason: str


def respondents_of(assessment: Assessment, source: str) -> list[Respondent]:
    """The respondents in one input: the person who answered it, or a workshop file's many."""
    if assessment.workshop is None:
        name = " ".join(assessment.respondent.split())
        return [Respondent(name, dict(assessment.answers), source)]
    found: dict[str, dict[str, Answer]] = {name: {} for name in assessment.workshop.respondents}
    for qid, answer in assessment.answers.items():
        for r in answer.responses:
            found.setdefault(r.respondent, {})[qid] = Answer(value=r.value, note=r.note)
    return [Respondent(name, answers, source) for name, answers in found.items()]


def check_respondents(people: Sequence[Respondent]) -> None:
    """Each respondent once, each with a name and at least one answer."""
    seen: dict[str, str] = {}
    for person in people:
        if not person.name:
            raise MaturityError(f"{person.source} names no respondent; add respondent: NAME")
        key = person.name.casefold()
        if key in seen:
            raise MaturityError(
                f"{person.name} answers twice: in {seen[key]} and in {person.source}"
            )
        seen[key] = person.source
        if not any(a.value is not None for a in person.answers.values()):
            raise MaturityError(f"{person.source}: {person.name} answered no question")


def merge(
    q: Questionnaire,
    base: Assessment,
    people: Sequence[Respondent],
    *,
    strategy: Strategy = "median",
    decisions: dict[str, Decision] | None = None,
    anonymous: bool = False,
) -> Assessment:
    """One workshop file: per question each response, and the agreed or decided value.

    ``base`` gives the questionnaire reference, subject and version of the result. With
    ``anonymous``, respondents become "Respondent 1", "Respondent 2"… in the order given.
    """
    check_respondents(people)
    decisions = decisions or {}
    names = [f"Respondent {i}" if anonymous else p.name for i, p in enumerate(people, 1)]
    answers: dict[str, Answer] = {}
    for qid, placed in q.placed.items():
        responses = tuple(
            Response(respondent=name, value=p.answers[qid].value, note=p.answers[qid].note)
            for name, p in zip(names, people, strict=True)
            if qid in p.answers and p.answers[qid].value is not None
        )
        decided = decisions.get(qid)
        if not responses and decided is None:
            continue
        value = (
            decided.value
            if decided is not None
            else agreed(q, placed.question, [r.value for r in responses], strategy)
        )
        reason = "" if decided is None else decided.reason
        answers[qid] = Answer(value=value, responses=responses, decision=reason)
    workshop = Workshop(strategy=strategy, anonymous=anonymous, respondents=tuple(names))
    return base.model_copy(update={"workshop": workshop, "respondent": "", "answers": answers})


def agreed(
    q: Questionnaire, question: object, values: Sequence[AnswerValue], strategy: Strategy
) -> AnswerValue:
    """The value a group agrees on by ``strategy``, always one someone gave unless it is a mean.

    At least half answering "n/a" makes it n/a; "don't know" and "n/a" take no part otherwise.
    """
    skipped = sum(1 for v in values if v == NOT_APPLICABLE)
    if skipped and skipped * 2 >= len(values):
        return NOT_APPLICABLE
    real = [v for v in values if v not in (NOT_APPLICABLE, DONT_KNOW)]
    if not real:
        return DONT_KNOW if DONT_KNOW in values else None
    if isinstance(question, TextQuestion):
        return "; ".join(str(v) for v in real)
    if isinstance(question, ChoiceQuestion) and question.type == "multiple":
        return _ticked(q, question, real, strategy)
    if isinstance(question, NumberQuestion):
        return _number(question, real, strategy)
    return _ordered(q, question, real, strategy)


def _ordered(
    q: Questionnaire, question: object, values: list[AnswerValue], strategy: Strategy
) -> AnswerValue:
    """A single choice or yes/no: the median (lower middle), the nearest to the mean, or the min."""
    scored = sorted(values, key=lambda v: question_score(q, question, v) or 0.0)
    if strategy == "min":
        return scored[0]
    if strategy == "median":
        return scored[(len(scored) - 1) // 2]
    mean = statistics.fmean(question_score(q, question, v) or 0.0 for v in values)
    return min(scored, key=lambda v: abs((question_score(q, question, v) or 0.0) - mean))


def _ticked(
    q: Questionnaire, question: ChoiceQuestion, values: list[AnswerValue], strategy: Strategy
) -> list[str]:
    """A checklist: the options ticked by at least half (by everyone, for ``min``)."""
    need = len(values) if strategy == "min" else len(values) / 2
    ticked = [v if isinstance(v, list) else [v] for v in values]
    return [
        o.id
        for o in q.options_of(question)
        if sum(1 for chosen in ticked if o.id in chosen) >= need
    ]


def _number(question: NumberQuestion, values: list[AnswerValue], strategy: Strategy) -> int | float:
    numbers = sorted(float(v) for v in values if isinstance(v, int | float))
    if strategy == "min":
        found = numbers[0]
    elif strategy == "median":
        found = numbers[(len(numbers) - 1) // 2]
    else:
        found = round(statistics.fmean(numbers), 6)
    if question.integer or (found.is_integer() and all(isinstance(v, int) for v in values)):
        return round(found)
    return found
