"""Put measured metrics into an answer file: the questions that declare ``metric:``, with notes."""

from __future__ import annotations

import json
from dataclasses import dataclass

from mlops_maturity.assessment.model import MEASURED, Answer, AnswerValue, Assessment
from mlops_maturity.assessment.values import normalise
from mlops_maturity.errors import AnswersError, Problem
from mlops_maturity.metrics.result import DoraMetrics, Measure
from mlops_maturity.questionnaire.model import NumberQuestion, Questionnaire

# NOTE: the mark reports look for to show an answer as measured rather than remembered.
FIELD_OF = {
    "dora.deployment_frequency": "deployment_frequency",
    "dora.lead_time": "lead_time",
    "dora.change_failure_rate": "change_failure_rate",
    "dora.time_to_restore": "time_to_restore",
    "dora.rework_rate": "rework_rate",
}


def is_measured(note: str) -> bool:
    """Whether an answer's note says it was measured by ``metrics dora``."""
    return note.startswith(MEASURED)


@dataclass(frozen=True)
class Fill:
    """What ``--into`` does to one question: the answer it writes, or why it leaves it."""

    question: str
    metric: str
    answer: Answer | None
    previous: Answer | None
    reason: str = ""
    condition: str = ""

    @property
    def changes(self) -> bool:
        """Whether writing it replaces an existing, different answer (a measured answer of the
        same value only gets the new note)."""
        old, new = self.previous, self.answer
        if old is None or new is None or (old.value, old.note) == (new.value, new.note):
            return False
        return old.value != new.value or not is_measured(old.note)


def note_for(measure: Measure, result: DoraMetrics) -> str:
    """How a value was computed, in one line: what it counts, the period and the records."""
    period = f"{result.period.first.isoformat()} to {result.period.last.isoformat()}"
    n, part, metric = measure.count, measure.part, measure.metric
    what = {
        "dora.deployment_frequency": f"{n} deployments in {result.period.months:g} months",
        "dora.lead_time": f"median of {n} changes",
        "dora.change_failure_rate": (
            f"{part} of {n} deployments failed, were rolled back or caused an incident"
        ),
        "dora.time_to_restore": f"median of {n} incidents",
        "dora.rework_rate": f"{part} of {n} deployments were unplanned fixes",
    }[metric]
    both = " and ".join(s for s in (result.deployments_from, result.incidents_from) if s)
    source = {
        "dora.change_failure_rate": both,
        "dora.time_to_restore": result.incidents_from,
    }.get(metric, result.deployments_from)
    return f"{MEASURED}{what}, {period}, from {source}"


def plan(q: Questionnaire, assessment: Assessment, result: DoraMetrics) -> list[Fill]:
    """For every question that declares a metric, the measured answer (all models together)."""
    fills: list[Fill] = []
    for qid, placed in q.placed.items():
        question = placed.question
        if not isinstance(question, NumberQuestion) or question.metric is None:
            continue
        measure: Measure = getattr(result.overall, FIELD_OF[question.metric])
        previous = assessment.answers.get(qid)
        if previous is not None and previous.value is None:
            previous = None
        condition = "" if question.when is None else question.when.question
        if measure.value is None:
            fills.append(Fill(qid, question.metric, None, previous, measure.reason, condition))
            continue
        answer = Answer(
            value=_value(q, question, measure.value, qid), note=note_for(measure, result)
        )
        fills.append(Fill(qid, question.metric, answer, previous, condition=condition))
    return fills


def _value(q: Questionnaire, question: NumberQuestion, value: float, qid: str) -> AnswerValue:
    try:
        return normalise(q, question, round(value) if question.integer else value)
    except ValueError as exc:
        raise AnswersError(
            [Problem(q.id, f"the measured {question.metric} does not fit: {exc}", f"{qid}")]
        ) from None


def apply(assessment: Assessment, fills: list[Fill], *, force: bool, file: str) -> Assessment:
    """The assessment with the measured answers in; an existing different answer needs force."""
    clashes = [f for f in fills if f.changes]
    if clashes and not force:
        raise AnswersError([_clash(f, file) for f in clashes])
    answers = dict(assessment.answers)
    for fill in fills:
        if fill.answer is not None:
            # NOTE: a workshop file's answer keeps who answered what; only value and note change.
            kept = answers.get(fill.question, fill.answer)
            update = {"value": fill.answer.value, "note": fill.answer.note}
            answers[fill.question] = kept.model_copy(update=update)
    return assessment.model_copy(update={"answers": answers})


def _clash(fill: Fill, file: str) -> Problem:
    old = fill.previous.value if fill.previous is not None else None
    new = fill.answer.value if fill.answer is not None else None
    message = (
        f"already answered {old!r}; the records give {new!r}. Use --force to replace it"
        if old != new
        else f"already answered {old!r} with a note of its own. Use --force to replace the note "
        "with how the value was measured"
    )
    return Problem(file, message, path=f"answers.{fill.question}")


def fill_template(template: str, fills: list[Fill]) -> str:
    """A blank answer file's text with the measured answers written in under their questions."""
    answers = {f.question: f.answer for f in fills if f.answer is not None}
    lines: list[str] = []
    for line in template.splitlines():
        qid = line.strip().removesuffix(":")
        answer = answers.get(qid) if line == f"  {qid}:" else None
        if answer is None:
            lines.append(line)
            continue
        lines += [line, f"    value: {answer.value!r}", f"    note: {json.dumps(answer.note)}"]
    return "\n".join(lines) + "\n"


def summary(fills: list[Fill], q: Questionnaire) -> list[str]:
    """What was written and what was left, one line each, for stderr."""
    lines = []
    for fill in fills:
        if fill.answer is not None:
            lines.append(f"  {fill.question}: {fill.answer.value!r} ({fill.metric})")
            if fill.condition:
                lines.append(f"    (scored only when the answer to {fill.condition} allows it)")
        else:
            lines.append(f"  {fill.question}: left as it was; not measurable: {fill.reason}")
    asked = {f.metric for f in fills}
    lines += [
        f"  (no question of {q.id} asks for {metric})" for metric in FIELD_OF if metric not in asked
    ]
    return lines
