"""A workshop's answers question by question: each respondent's answer, its step, the spread."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from mlops_maturity.assessment.model import (
    DONT_KNOW,
    NOT_APPLICABLE,
    Answer,
    AnswerValue,
    Assessment,
    Response,
)
from mlops_maturity.questionnaire.model import (
    BooleanQuestion,
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
)
from mlops_maturity.scoring.question import answer_label, question_score
from mlops_maturity.scoring.result import GroupResult, ResponseResult, Spread

SPECIAL = {NOT_APPLICABLE: "not applicable", DONT_KNOW: "don't know"}


def special(value: AnswerValue) -> str | None:
    """ "not applicable" or "don't know" in words, for those two answers; else None."""
    return SPECIAL.get(value) if isinstance(value, str) else None


def step(q: Questionnaire, question: object, value: AnswerValue) -> float | None:
    """Where an answer stands among the question's answers, in levels (steps) from the lowest.

    Where a questionnaire's scores are its levels, a score is the level. Otherwise options
    count one step each, in order of score; number bands always do, so two numbers are two
    levels apart when a band lies between them. A checklist counts its score.
    """
    if value is None or special(value) is not None:
        return None
    score = question_score(q, question, value)
    if score is None:
        return None
    if isinstance(question, ChoiceQuestion) and question.type == "single":
        if q.scores_are_levels:
            return score
        scores = sorted({o.score for o in q.options_of(question)})
        return float(scores.index(score))
    if isinstance(question, NumberQuestion) and isinstance(value, int | float):
        scores = sorted({b.score for b in question.bands})
        return float(scores.index(score))
    if isinstance(question, BooleanQuestion):
        return 0.0 if value is False else 1.0
    return score


def response_results(
    q: Questionnaire, question: object, responses: Sequence[Response]
) -> tuple[ResponseResult, ...]:
    """Each respondent's answer in words, with its score and step."""
    return tuple(
        ResponseResult(
            respondent=r.respondent,
            value=r.value,
            label=_label(q, question, r.value),
            score=None if special(r.value) else question_score(q, question, r.value),
            step=step(q, question, r.value),
            note=r.note,
        )
        for r in responses
    )


def _label(q: Questionnaire, question: object, value: AnswerValue) -> str:
    if value is None:
        return ""
    return special(value) or answer_label(q, question, value)


def disagreement(question: object, found: Sequence[float | None]) -> tuple[float | None, bool]:
    """How far apart the answers' steps lie, and whether that is a disagreement to discuss.

    Answers two or more levels apart disagree; on yes/no, any split does.
    """
    steps = [s for s in found if s is not None]
    if len(steps) < 2:
        return None, False
    spread = max(steps) - min(steps)
    if isinstance(question, BooleanQuestion):
        return spread, spread > 0
    return spread, spread >= 2


def spread_of(scores: Sequence[float | None]) -> Spread | None:
    """The lowest, median and highest of the respondents' scores of one group."""
    known = sorted(s for s in scores if s is not None)
    if not known:
        return None
    return Spread(
        low=known[0],
        median=round(statistics.median(known), 9),
        high=known[-1],
        respondents=len(known),
    )


def respondent_answers(assessment: Assessment) -> dict[str, dict[str, Answer]]:
    """What each respondent of a workshop answered, by respondent and question."""
    found: dict[str, dict[str, Answer]] = {}
    for qid, answer in assessment.answers.items():
        for response in answer.responses:
            if response.value is not None:
                found.setdefault(response.respondent, {})[qid] = Answer(value=response.value)
    return found


def group_spreads(q: Questionnaire, assessment: Assessment) -> dict[str, Spread]:
    """Each group's lowest, median and highest score over the respondents of a workshop."""
    from mlops_maturity.scoring.answers import score_answers
    from mlops_maturity.scoring.groups import score_group

    scores: dict[str, list[float | None]] = {}
    for answers in respondent_answers(assessment).values():
        alone = assessment.model_copy(update={"answers": answers, "targets": {}})
        scored = score_answers(q, alone)
        for group in q.groups:
            result, _ = score_group(q, group, scored, {}, q.unanswered)
            for item in _flatten(result):
                scores.setdefault(item.id, []).append(item.score)
    return {gid: found for gid, values in scores.items() if (found := spread_of(values))}


def _flatten(group: GroupResult) -> list[GroupResult]:
    out = [group]
    for sub in group.groups:
        out += _flatten(sub)
    return out
