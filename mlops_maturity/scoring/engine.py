"""Score an assessment against its questionnaire: pure, values in and values out."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from mlops_maturity import __version__
from mlops_maturity.assessment.model import Assessment
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.scoring.answers import score_answers
from mlops_maturity.scoring.groups import Part, aggregate, score_group
from mlops_maturity.scoring.levels import (
    headline,
    level_for,
    level_ref,
    next_stage,
    score_bands,
    staged,
)
from mlops_maturity.scoring.recommend import recommend
from mlops_maturity.scoring.responses import group_spreads
from mlops_maturity.scoring.result import (
    UNANSWERED,
    AnswerResult,
    GroupResult,
    Overall,
    QuestionnaireRef,
    Result,
    Spread,
)

__all__ = ["Part", "aggregate", "questionnaire_hash", "score", "with_target_level"]


def questionnaire_hash(q: Questionnaire) -> str:
    """A fingerprint of the validated questionnaire (comments and layout do not change it)."""
    return q.fingerprint(lambda text: "sha256:" + hashlib.sha256(text.encode()).hexdigest())


def score(q: Questionnaire, assessment: Assessment) -> Result:
    """Score an assessment whose answers were validated against ``q``."""
    answers = score_answers(q, assessment)
    groups, parts, left_out = [], [], []
    for group in q.groups:
        result, part = score_group(q, group, answers, assessment.targets, q.unanswered)
        groups.append(result)
        if part is None:
            left_out.append(group.id)
        else:
            parts.append(Part(part.score, part.low, part.high, group.weight))
    if assessment.workshop is not None:
        groups = _with_spreads(groups, group_spreads(q, assessment))
    overall = _overall(q, aggregate(q.aggregation, parts), groups, answers, tuple(left_out))
    missing = tuple(
        a.question for a in answers.values() if a.status in UNANSWERED and a.type != "text"
    )
    return Result(
        tool_version=__version__,
        questionnaire=QuestionnaireRef(
            id=q.id, title=q.title, version=q.version, hash=questionnaire_hash(q)
        ),
        subject=assessment.subject,
        respondent=assessment.respondent,
        commentary=assessment.commentary,
        workshop=assessment.workshop,
        levels=tuple(r for lv in q.scale.levels if (r := level_ref(q, lv.value)) is not None),
        bands=score_bands(q),
        aggregation=q.aggregation,
        unanswered=q.unanswered,
        headline=q.headline,
        overall=overall,
        groups=tuple(groups),
        answers=tuple(answers.values()),
        missing=missing,
        provisional=bool(missing),
        recommendations=recommend(
            q,
            answers,
            {g.id: g.score for g in groups},
            # NOTE: the level a team is told it has is the one whose blockers come first.
            next_stage(
                q,
                overall.staged_level if q.headline == "score" else overall.headline,
                overall.staged_status,
            ),
            scores=_all_scores(groups, answers),
        ),
    )


def _overall(
    q: Questionnaire,
    total: Part | None,
    groups: Sequence[GroupResult],
    answers: dict[str, AnswerResult],
    left_out: tuple[str, ...],
) -> Overall:
    applicable = sum(g.applicable for g in groups)
    answered = sum(g.answered for g in groups)
    level = level_for(q, None if total is None else total.score)
    stage, status = staged(q, answers.values())
    return Overall(
        score=None if total is None else total.score,
        min_score=None if total is None else total.low,
        max_score=None if total is None else total.high,
        level=level,
        staged_level=stage,
        staged_status=status,
        headline=headline(q.headline, level, stage, status),
        completeness=answered / applicable if applicable else 1.0,
        answered=answered,
        applicable=applicable,
        left_out=left_out,
    )


def _all_scores(
    groups: Sequence[GroupResult], answers: dict[str, AnswerResult]
) -> dict[str, float | None]:
    """Every group's and question's score by id."""
    found: dict[str, float | None] = {qid: a.score for qid, a in answers.items()}
    stack = list(groups)
    while stack:
        group = stack.pop()
        found[group.id] = group.score
        stack.extend(group.groups)
    return found


def _with_spreads(groups: list[GroupResult], spreads: dict[str, Spread]) -> list[GroupResult]:
    """Groups with the lowest, median and highest score of a workshop's respondents."""
    return [
        g.model_copy(
            update={
                "spread": spreads.get(g.id),
                "groups": tuple(_with_spreads(list(g.groups), spreads)),
            }
        )
        for g in groups
    ]


def with_target_level(result: Result, level: int) -> Result:
    """Give every group without a target of its own the target ``level`` (``--target-level``)."""

    def apply(groups: tuple[GroupResult, ...]) -> tuple[GroupResult, ...]:
        return tuple(
            g.model_copy(
                update={
                    "target": level if g.target is None else g.target,
                    "groups": apply(g.groups),
                }
            )
            for g in groups
        )

    return result.model_copy(update={"groups": apply(result.groups)})
