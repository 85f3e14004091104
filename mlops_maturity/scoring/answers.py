"""Score every question of an assessment: conditions, statuses, gates and benchmark placements."""

from __future__ import annotations

from mlops_maturity.assessment.model import (
    DONT_KNOW,
    MEASURED,
    NOT_APPLICABLE,
    Answer,
    AnswerValue,
    Assessment,
)
from mlops_maturity.questionnaire.intervals import parse_interval
from mlops_maturity.questionnaire.model import (
    NumberQuestion,
    Placed,
    Questionnaire,
    TextQuestion,
    Unanswered,
)
from mlops_maturity.scoring.question import (
    answer_label,
    better_answer,
    question_range,
    question_score,
)
from mlops_maturity.scoring.responses import disagreement, response_results
from mlops_maturity.scoring.result import (
    UNANSWERED,
    AnswerResult,
    BenchmarkPlacement,
    GateResult,
)

_YES_NO = {"yes": True, "no": False}


def policy(q: Questionnaire, placed: Placed) -> Unanswered:
    """How an unanswered question counts: its nearest group's rule, else the questionnaire's."""
    return next(
        (g.unanswered for g in reversed(placed.groups) if g.unanswered is not None),
        q.unanswered,
    )


def gates(q: Questionnaire, placed: Placed) -> tuple[tuple[int, float], ...]:
    """The levels a question characterises, each with the score that meets it."""
    question = placed.question
    if isinstance(question, TextQuestion):
        return ()
    top = question_range(q, question)[1]
    if question.gates:
        return tuple((g.level, top if g.met is None else g.met) for g in question.gates)
    level = question.level
    if level is None:
        level = next((g.level for g in reversed(placed.groups) if g.level is not None), None)
    if level is None:
        return ()
    return ((int(level), top if question.met is None else question.met),)


def condition(placed: Placed, answers: dict[str, AnswerResult]) -> bool | str:
    """True or False once the earlier answer is known; the id of the question waited on if not."""
    when = placed.question.when
    if when is None:
        return True
    target = answers[when.question]
    if target.status in UNANSWERED:
        return target.waiting_on or target.question
    if target.status != "answered":
        return False
    value = target.value
    chosen = [_YES_NO.get(v, v) if isinstance(v, str) else v for v in _as_list(value)]

    def matches(wanted: object) -> bool:
        return (_YES_NO.get(wanted, wanted) if isinstance(wanted, str) else wanted) in chosen

    if when.equals is not None:
        return matches(when.equals)
    if when.in_ is not None:
        return any(matches(w) for w in when.in_)
    if when.not_in is not None:
        return not any(matches(w) for w in when.not_in)
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    measure = number if number is not None else target.score
    if measure is None:
        return False
    return (when.min is None or measure >= when.min) and (when.max is None or measure <= when.max)


def _as_list(value: AnswerValue) -> list[object]:
    return list(value) if isinstance(value, list) else [value]


def score_answers(q: Questionnaire, assessment: Assessment) -> dict[str, AnswerResult]:
    """Score every question in document order, applying conditions and the unanswered rule."""
    out: dict[str, AnswerResult] = {}
    for qid, placed in q.placed.items():
        answer = assessment.answers.get(qid)
        value = None if answer is None else answer.value
        holds = condition(placed, out)
        base = _base(q, placed, "" if answer is None else answer.note)
        if answer is not None and answer.note.startswith(MEASURED):
            base = base.model_copy(update={"measured": True})
        if holds is False:
            out[qid] = base.model_copy(update={"status": "skipped"})
        elif isinstance(holds, str):
            out[qid] = _unanswered(q, placed, base, "waiting", holds)
        elif value is None or value == DONT_KNOW:
            out[qid] = _unanswered(q, placed, base, "missing" if value is None else "unknown")
        elif value == NOT_APPLICABLE:
            update = {"status": "not_applicable", "value": value, "label": "not applicable"}
            out[qid] = base.model_copy(update=update)
        else:
            out[qid] = _answered(q, placed, base, value, assessment.benchmark_year)
        if answer is not None and (answer.responses or answer.decision):
            out[qid] = _with_responses(q, placed, out[qid], answer)
    return out


def _with_responses(
    q: Questionnaire, placed: Placed, result: AnswerResult, answer: Answer
) -> AnswerResult:
    """A workshop answer: who said what, how far apart, and the facilitator's decision."""
    found = response_results(q, placed.question, answer.responses)
    spread, split = disagreement(placed.question, [r.step for r in found])
    update = {"responses": found, "spread": spread, "disagreement": split}
    return result.model_copy(update={**update, "decision": answer.decision})


def _base(q: Questionnaire, placed: Placed, note: str) -> AnswerResult:
    question = placed.question
    found = gates(q, placed)
    return AnswerResult(
        question=question.id,
        text=question.text,
        type=question.type,
        group=placed.path,
        status="missing",
        note=note,
        level=min((level for level, _ in found), default=None),
        gates=tuple(GateResult(level=lv, met_score=met, met=None) for lv, met in found),
        max_score=None if isinstance(question, TextQuestion) else question_range(q, question)[1],
    )


def _unanswered(
    q: Questionnaire, placed: Placed, base: AnswerResult, status: str, waiting_on: str | None = None
) -> AnswerResult:
    scored = not isinstance(placed.question, TextQuestion)
    counted = q.scale.min if scored and policy(q, placed) == "zero" else None
    gated = (
        tuple(g.model_copy(update={"met": False}) for g in base.gates)
        if counted is not None
        else base.gates
    )
    update = {"status": status, "waiting_on": waiting_on, "counted_as": counted, "gates": gated}
    if status == "unknown":
        update |= {"value": DONT_KNOW, "label": DONT_KNOW}
    return base.model_copy(update=update)


def _answered(
    q: Questionnaire, placed: Placed, base: AnswerResult, value: AnswerValue, year: int | None
) -> AnswerResult:
    question = placed.question
    score = question_score(q, question, value)
    found = tuple(
        g.model_copy(update={"met": None if score is None else score >= g.met_score})
        for g in base.gates
    )
    placements = placements_of(q, question, value)
    chosen = [p for p in placements if p.year == year] or placements[-1:]
    return base.model_copy(
        update={
            "status": "answered",
            "value": value,
            "score": score,
            "label": answer_label(q, question, value),
            "better": better_answer(q, question, value),
            "gates": found,
            "met": None if not found or score is None else all(g.met for g in found),
            "benchmark": chosen[0] if chosen else None,
            "benchmarks": placements,
        }
    )


def placements_of(
    q: Questionnaire, question: object, value: AnswerValue
) -> tuple[BenchmarkPlacement, ...]:
    """Where a number answer falls in the benchmark's clusters, for every year, oldest first."""
    if not isinstance(question, NumberQuestion) or question.benchmark is None:
        return ()
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ()
    tables = sorted(
        (b for b in q.benchmarks if b.metric == question.benchmark), key=lambda b: b.year
    )
    return tuple(
        BenchmarkPlacement(
            metric=table.metric,
            source=table.source,
            year=table.year,
            cluster=next(
                (c.name for c in table.clusters if value in parse_interval(c.range)), None
            ),
        )
        for table in tables
    )
