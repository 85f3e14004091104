"""Score an assessment against its questionnaire: pure, values in and values out."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from mlops_maturity import __version__
from mlops_maturity.assessment.model import NOT_APPLICABLE, AnswerValue, Assessment
from mlops_maturity.questionnaire.model import (
    Aggregation,
    Band,
    Group,
    NumberQuestion,
    Placed,
    Questionnaire,
    TextQuestion,
    parse_interval,
)
from mlops_maturity.scoring.question import answer_label, question_range, question_score
from mlops_maturity.scoring.recommend import recommend
from mlops_maturity.scoring.result import (
    AnswerResult,
    BandRef,
    BenchmarkPlacement,
    GroupResult,
    LevelRef,
    Overall,
    QuestionnaireRef,
    Result,
)


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


def _condition_holds(
    q: Questionnaire, placed: Placed, answers: dict[str, AnswerResult]
) -> bool | None:
    """True/False once the earlier answer is known; None while it is missing."""
    when = placed.question.when
    if when is None:
        return True
    target = answers[when.question]
    if target.status == "missing":
        return None
    if target.status != "answered":
        return False
    value = target.value
    chosen = value if isinstance(value, list) else [value]
    norm = [{"yes": True, "no": False}.get(v, v) if isinstance(v, str) else v for v in chosen]

    def matches(wanted: object) -> bool:
        return {"yes": True, "no": False}.get(wanted, wanted) in norm  # type: ignore[call-overload]

    if when.equals is not None:
        return matches(when.equals)
    if when.in_ is not None:
        return any(matches(w) for w in when.in_)
    if when.not_in is not None:
        return not any(matches(w) for w in when.not_in)
    measure = (
        value if isinstance(value, int | float) and not isinstance(value, bool) else target.score
    )
    if measure is None:
        return False
    return (when.min is None or measure >= when.min) and (when.max is None or measure <= when.max)


def effective_level(placed: Placed) -> int | None:
    """The question's level, or that of the nearest group that sets one."""
    if placed.question.level is not None:
        return int(placed.question.level)
    return next((g.level for g in reversed(placed.groups) if g.level is not None), None)


def score_answers(q: Questionnaire, assessment: Assessment) -> dict[str, AnswerResult]:
    """Score every question in document order, applying conditions."""
    out: dict[str, AnswerResult] = {}
    for qid, placed in q.placed.items():
        question = placed.question
        answer = assessment.answers.get(qid)
        value = None if answer is None else answer.value
        holds = _condition_holds(q, placed, out)
        high = question_range(q, question)[1]
        base = AnswerResult(
            question=qid,
            text=question.text,
            type=question.type,
            group=placed.path,
            status="missing",
            note="" if answer is None else answer.note,
            level=effective_level(placed),
            max_score=None if isinstance(question, TextQuestion) else high,
        )
        if holds is False:
            out[qid] = base.model_copy(update={"status": "skipped"})
        elif value is None or holds is None:
            out[qid] = base
        elif value == NOT_APPLICABLE:
            out[qid] = base.model_copy(
                update={"status": "not_applicable", "value": value, "label": "not applicable"}
            )
        else:
            score = question_score(q, question, value)
            threshold = question.met if question.met is not None else high
            out[qid] = base.model_copy(
                update={
                    "status": "answered",
                    "value": value,
                    "score": score,
                    "label": answer_label(q, question, value),
                    "met": None if score is None else score >= threshold,
                    "benchmark": _place(q, question, value, assessment.benchmark_year),
                }
            )
    return out


def _place(
    q: Questionnaire, question: object, value: AnswerValue, year: int | None
) -> BenchmarkPlacement | None:
    if not isinstance(question, NumberQuestion) or question.benchmark is None:
        return None
    if not isinstance(value, int | float):
        return None
    tables = [b for b in q.benchmarks if b.metric == question.benchmark]
    chosen = [b for b in tables if b.year == year] if year is not None else []
    table = chosen[0] if chosen else max(tables, key=lambda b: b.year)
    cluster = next((c.name for c in table.clusters if value in parse_interval(c.range)), None)
    return BenchmarkPlacement(source=table.source, year=table.year, cluster=cluster)


def level_for(
    q: Questionnaire, score: float | None, bands: tuple[Band, ...] = ()
) -> LevelRef | None:
    """Map a score to a level (or band label); without bands, level L covers [L, next L)."""
    if score is None:
        return None
    for band in bands or q.scale.bands:
        if score in parse_interval(band.range):
            if band.level is not None:
                return _level_ref(q, band.level)
            return LevelRef(id=band.id or "", name=band.label or "", description=band.description)
    if bands or q.scale.bands:
        return None
    reached = [lv for lv in q.scale.levels if score >= lv.value] or [q.scale.levels[0]]
    return _level_ref(q, reached[-1].value)


def score_bands(q: Questionnaire) -> tuple[BandRef, ...]:
    """The questionnaire's bands, or the ranges its levels cover when it has none."""
    if q.scale.bands:
        found = []
        for band in q.scale.bands:
            level = _level_ref(q, band.level) if band.level is not None else None
            level = level or LevelRef(
                id=band.id or "", name=band.label or "", description=band.description
            )
            found.append(BandRef(range=str(parse_interval(band.range)), level=level))
        return tuple(found)
    levels = q.scale.levels
    out = []
    for i, lv in enumerate(levels):
        low = "(-inf" if i == 0 else f"[{lv.value:g}"
        high = f"{levels[i + 1].value:g})" if i + 1 < len(levels) else "inf)"
        ref = _level_ref(q, lv.value)
        assert ref is not None
        out.append(BandRef(range=f"{low}, {high}", level=ref))
    return tuple(out)


def _level_ref(q: Questionnaire, value: int) -> LevelRef | None:
    level = q.level_by_value(value)
    if level is None:
        return None
    return LevelRef(id=level.id, name=level.name, value=level.value, description=level.description)


def _score_group(
    q: Questionnaire, group: Group, answers: dict[str, AnswerResult], targets: dict[str, int]
) -> tuple[GroupResult, Part | None]:
    parts: list[Part] = []
    answered = applicable = 0
    for question in group.questions:
        answer = answers[question.id]
        if answer.status == "skipped" or isinstance(question, TextQuestion):
            continue
        applicable += 1
        answered += answer.status != "missing"
        if answer.status == "answered" and answer.score is not None:
            low, high = question_range(q, question)
            parts.append(Part(answer.score, low, high, question.weight))
    children = []
    for sub in group.groups:
        sub_result, sub_part = _score_group(q, sub, answers, targets)
        children.append(sub_result)
        answered += sub_result.answered
        applicable += sub_result.applicable
        if sub_part is not None:
            parts.append(Part(sub_part.score, sub_part.low, sub_part.high, sub.weight))
    total = aggregate(group.aggregation, parts)
    result = GroupResult(
        id=group.id,
        title=group.title,
        description=group.description,
        weight=group.weight,
        score=None if total is None else total.score,
        min_score=None if total is None else total.low,
        max_score=None if total is None else total.high,
        level=level_for(q, None if total is None else total.score, group.bands),
        completeness=answered / applicable if applicable else 1.0,
        answered=answered,
        applicable=applicable,
        target=targets.get(group.id),
        aggregation=group.aggregation,
        groups=tuple(children),
    )
    return result, total


def staged_level(q: Questionnaire, answers: dict[str, AnswerResult]) -> LevelRef | None:
    """The highest level L such that every question characterising a level ≤ L is met."""
    tagged = [a for a in answers.values() if a.level is not None and a.type != "text"]
    if not tagged:
        return None
    reached = q.scale.levels[0].value
    for level in q.scale.levels[1:]:
        needed = [a for a in tagged if a.level is not None and a.level <= level.value]
        if any(a.status == "missing" or a.met is False for a in needed):
            break
        reached = level.value
    return _level_ref(q, reached)


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


def questionnaire_hash(q: Questionnaire) -> str:
    """A fingerprint of the validated questionnaire (comments and layout do not change it)."""
    return "sha256:" + hashlib.sha256(q.model_dump_json().encode()).hexdigest()


def score(q: Questionnaire, assessment: Assessment) -> Result:
    """Score an assessment whose answers were validated against ``q``."""
    answers = score_answers(q, assessment)
    groups: list[GroupResult] = []
    parts: list[Part] = []
    for group in q.groups:
        result, part = _score_group(q, group, answers, assessment.targets)
        groups.append(result)
        if part is not None:
            parts.append(Part(part.score, part.low, part.high, group.weight))
    total = aggregate(q.aggregation, parts)
    applicable = sum(g.applicable for g in groups)
    answered = sum(g.answered for g in groups)
    stage = staged_level(q, answers)
    overall = Overall(
        score=None if total is None else total.score,
        min_score=None if total is None else total.low,
        max_score=None if total is None else total.high,
        level=level_for(q, None if total is None else total.score),
        staged_level=stage,
        completeness=answered / applicable if applicable else 1.0,
        answered=answered,
        applicable=applicable,
    )
    return Result(
        tool_version=__version__,
        questionnaire=QuestionnaireRef(
            id=q.id, title=q.title, version=q.version, hash=questionnaire_hash(q)
        ),
        subject=assessment.subject,
        respondent=assessment.respondent,
        levels=tuple(r for lv in q.scale.levels if (r := _level_ref(q, lv.value)) is not None),
        bands=score_bands(q),
        aggregation=q.aggregation,
        overall=overall,
        groups=tuple(groups),
        answers=tuple(answers.values()),
        missing=tuple(a.question for a in answers.values() if a.status == "missing"),
        recommendations=recommend(
            q,
            answers,
            {g.id: g.score for g in groups},
            None if stage is None else stage.value,
            scores=_all_scores(groups, answers),
        ),
    )


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
