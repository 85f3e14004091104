"""Combine question scores into group scores, by each group's aggregation rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mlops_maturity.questionnaire.model import Aggregation, Group, Questionnaire, TextQuestion
from mlops_maturity.scoring.levels import level_for, staged
from mlops_maturity.scoring.question import question_range
from mlops_maturity.scoring.result import AnswerResult, GroupResult


@dataclass(frozen=True)
class Part:
    """A scored child of a group: its score, the range it could take, and its weight."""

    score: float
    low: float
    high: float
    weight: float


def aggregate(how: Aggregation, parts: Sequence[Part]) -> Part | None:
    """Combine children by the group's rule; the range is combined the same way."""
    if not parts:
        return None
    weights = [p.weight for p in parts]

    def combine(values: list[float]) -> float:
        if how == "min":
            return min(values)
        if how == "max":
            return max(values)
        if how == "sum":
            return sum(w * v for w, v in zip(weights, values, strict=True))
        if how == "mean" or sum(weights) == 0:
            return sum(values) / len(values)
        return sum(w * v for w, v in zip(weights, values, strict=True)) / sum(weights)

    # NOTE: rounding keeps float noise (2.4000000000000004) out of reports and JSON.
    return Part(
        round(combine([p.score for p in parts]), 9),
        round(combine([p.low for p in parts]), 9),
        round(combine([p.high for p in parts]), 9),
        1.0,
    )


def question_part(q: Questionnaire, question: Any, answer: AnswerResult) -> Part | None:
    """A question's part in its group: its score, or what an unanswered one counts as."""
    low, high = question_range(q, question)
    if answer.status == "answered" and answer.score is not None:
        return Part(answer.score, low, high, question.weight)
    if answer.counted_as is not None:
        return Part(answer.counted_as, min(low, answer.counted_as), high, question.weight)
    return None


def score_group(
    q: Questionnaire,
    group: Group,
    answers: dict[str, AnswerResult],
    targets: dict[str, int],
    unanswered: str,
) -> tuple[GroupResult, Part | None]:
    """A group's result (with its sub-groups) and its part in the group above."""
    policy = group.unanswered or unanswered
    parts: list[Part] = []
    answered = applicable = 0
    inside: list[AnswerResult] = []
    for question in group.questions:
        answer = answers[question.id]
        inside.append(answer)
        if answer.status == "skipped" or isinstance(question, TextQuestion):
            continue
        applicable += 1
        answered += answer.status in {"answered", "not_applicable"}
        if (part := question_part(q, question, answer)) is not None:
            parts.append(part)
    children, left_out = [], []
    for sub in group.groups:
        sub_result, sub_part = score_group(q, sub, answers, targets, policy)
        children.append(sub_result)
        answered += sub_result.answered
        applicable += sub_result.applicable
        if sub_part is None:
            left_out.append(sub.id)
        else:
            parts.append(Part(sub_part.score, sub_part.low, sub_part.high, sub.weight))
    total = aggregate(group.aggregation, parts)
    stage, status = staged(q, _within(group, answers))
    result = GroupResult(
        id=group.id,
        title=group.title,
        description=group.description,
        weight=group.weight,
        score=None if total is None else total.score,
        min_score=None if total is None else total.low,
        max_score=None if total is None else total.high,
        level=level_for(q, None if total is None else total.score, group.bands),
        staged_level=stage,
        staged_status=status,
        completeness=answered / applicable if applicable else 1.0,
        answered=answered,
        applicable=applicable,
        target=targets.get(group.id),
        aggregation=group.aggregation,
        unanswered=policy,
        left_out=tuple(left_out),
        level_descriptions=dict(group.level_descriptions),
        groups=tuple(children),
    )
    return result, total


def _within(group: Group, answers: dict[str, AnswerResult]) -> list[AnswerResult]:
    found = [answers[question.id] for question in group.questions]
    for sub in group.groups:
        found += _within(sub, answers)
    return found
