"""Pick and rank the recommendations for an assessment's gaps: pure."""

from __future__ import annotations

from collections.abc import Iterator

from mlops_maturity.questionnaire.model import (
    RATING_VALUE,
    ChoiceQuestion,
    Group,
    Questionnaire,
    Recommendation,
    TextQuestion,
)
from mlops_maturity.scoring.question import question_range
from mlops_maturity.scoring.result import AnswerResult, RecommendationResult


def question_shares(
    q: Questionnaire, scores: dict[str, float | None] | None = None
) -> dict[str, float]:
    """Each question's share of the overall score, from the weights along its path.

    Under ``min`` the score moves only when its weakest part improves, so with ``scores``
    (group and question id → score) the weakest part(s) take the whole share.
    """
    shares: dict[str, float] = {}

    def split(how: str, kids: list[tuple[str, float]], share: float) -> list[float]:
        total = sum(w for _, w in kids)
        known = [scores[k] for k, _ in kids if scores and scores.get(k) is not None]
        if how == "min" and known:
            weakest = [k for k, _ in kids if scores and scores.get(k) == min(known)]  # type: ignore[type-var]
            return [share / len(weakest) if k in weakest else 0.0 for k, _ in kids]
        if how in {"mean", "min", "max"} or total == 0:
            return [share / len(kids)] * len(kids)
        return [share * w / total for _, w in kids]

    def walk(group: Group, share: float) -> None:
        questions = [x for x in group.questions if not isinstance(x, TextQuestion)]
        kids = [(x.id, x.weight) for x in questions] + [(g.id, g.weight) for g in group.groups]
        parts = split(group.aggregation, kids, share)
        for question, part in zip(questions, parts, strict=False):
            shares[question.id] = part
        for sub, part in zip(group.groups, parts[len(questions) :], strict=True):
            walk(sub, part)

    top = split(q.aggregation, [(g.id, g.weight) for g in q.groups], 1.0)
    for group, part in zip(q.groups, top, strict=True):
        walk(group, part)
    return shares


def _fired(
    q: Questionnaire, question: object, answer: AnswerResult
) -> Iterator[tuple[Recommendation, str, float]]:
    """The recommendations an answer triggers, with the answer in words and the gap (0-1)."""
    low, high = answer_range = question_range(q, question)
    span = high - low
    score = answer.score if answer.score is not None else low
    gap = (high - score) / span if span > 0 else 0.0
    if isinstance(question, ChoiceQuestion):
        options = q.options_of(question)
        if question.type == "single":
            chosen = next(o for o in options if o.id == answer.value)
            if chosen.recommendation is not None:
                yield chosen.recommendation, answer.label, gap
        else:
            picked = answer.value if isinstance(answer.value, list) else []
            for option in options:
                if option.id not in picked and option.recommendation is not None:
                    weight = option.score / span if span > 0 else 0.0
                    yield option.recommendation, f"not selected: {option.label}", weight
    for rec in question.recommendations:  # type: ignore[attr-defined]
        below = answer_range[1] if rec.below is None else rec.below
        if score < below:
            yield rec, answer.label, gap


def recommend(
    q: Questionnaire,
    answers: dict[str, AnswerResult],
    group_scores: dict[str, float | None] | None = None,
    next_stage: int | None = None,
    scores: dict[str, float | None] | None = None,
) -> tuple[RecommendationResult, ...]:
    """Recommendations for every gap: those blocking the next staged level first, then by priority.

    ``group_scores`` (top-level group id → score) lets a step point at the next level of its
    area when a question's own score does not read as a level (sums, 0-10 metrics).
    ``next_stage`` is the level above the staged level; unmet gates of that level block it.
    ``scores`` (every group and question id → score) lets ``min`` groups rank their weakest part.
    """
    group_scores = group_scores or {}
    shares = question_shares(q, scores)
    found: list[tuple[bool, float, int, int, RecommendationResult]] = []
    for position, (qid, answer) in enumerate(answers.items()):
        if answer.status != "answered" or answer.score is None:
            continue
        question = q.placed[qid].question
        for rec, answered_as, gap in _fired(q, question, answer):
            priority = (
                shares.get(qid, 0.0) * gap * RATING_VALUE[rec.impact] / RATING_VALUE[rec.effort]
            )
            level = _target_level(q, question, rec, answer, group_scores.get(answer.group[0]))
            blocks = any(g.level == next_stage and not g.met for g in answer.gates)
            found.append(
                (
                    not blocks,
                    -priority,
                    level if level is not None else 99,
                    position,
                    RecommendationResult(
                        question=qid,
                        answer=answered_as,
                        group=answer.group,
                        title=rec.title,
                        why=rec.why,
                        how=rec.how,
                        effort=rec.effort,
                        impact=rec.impact,
                        priority=round(priority, 6),
                        level=level,
                        blocks_next_level=blocks,
                        owner=rec.owner,
                        after=rec.after,
                    ),
                )
            )
    found.sort(key=lambda item: item[:4])
    return tuple(item[4] for item in found)


def _next_level(q: Questionnaire, score: float | None) -> int | None:
    if score is None:
        return None
    return next((lv.value for lv in q.scale.levels if lv.value > score), None)


def _target_level(
    q: Questionnaire,
    question: object,
    rec: Recommendation,
    answer: AnswerResult,
    area_score: float | None,
) -> int | None:
    """The level a step helps reach: said explicitly, or the next level above the answer
    (when scores are levels), or the question's level, or the next level of its area."""
    if rec.level is not None:
        return rec.level
    if q.scores_are_levels and isinstance(question, ChoiceQuestion) and question.type == "single":
        return _next_level(q, answer.score)
    unmet = [g.level for g in answer.gates if not g.met]
    if unmet:
        return min(unmet)
    if q.scores_are_levels:
        return _next_level(q, answer.score)
    return _next_level(q, area_score)
