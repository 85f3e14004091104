"""Write answer files: answers in questionnaire order, notes kept, values in canonical form."""

from __future__ import annotations

import re
from typing import Any

import yaml

from mlops_maturity.assessment.model import NOT_APPLICABLE, Answer, AnswerValue, Assessment
from mlops_maturity.questionnaire.model import Questionnaire


def dump_answers(assessment: Assessment, q: Questionnaire) -> str:
    """The answer file as YAML text, answers in questionnaire order."""
    lines = [f"questionnaire: {_scalar(assessment.questionnaire)}"]
    lines.append(f"version: {_scalar(assessment.version or q.version)}")
    subject = assessment.subject.model_dump(exclude_defaults=True)
    if subject:
        lines.append("subject:")
        lines += [f"  {key}: {_scalar(value)}" for key, value in subject.items()]
    if assessment.respondent:
        lines.append(f"respondent: {_scalar(assessment.respondent)}")
    if assessment.benchmark_year is not None:
        lines.append(f"benchmark_year: {assessment.benchmark_year}")
    if assessment.targets:
        lines.append("targets:")
        lines += [f"  {gid}: {level}" for gid, level in assessment.targets.items()]
    commentary = assessment.commentary
    if commentary.summary or commentary.groups:
        lines.append("commentary:")
        if commentary.summary:
            lines.append(f"  summary: {_scalar(commentary.summary)}")
        if commentary.groups:
            lines.append("  groups:")
            lines += [f"    {gid}: {_scalar(text)}" for gid, text in commentary.groups.items()]
    lines += _workshop(assessment)
    lines.append("answers:" if assessment.answers else "answers: {}")
    for qid in q.placed:
        answer = assessment.answers.get(qid)
        if answer is not None:
            lines += _answer(qid, answer)
    return "\n".join(lines) + "\n"


def _workshop(assessment: Assessment) -> list[str]:
    workshop = assessment.workshop
    if workshop is None:
        return []
    return [
        "workshop:",
        f"  strategy: {workshop.strategy}",
        f"  anonymous: {'true' if workshop.anonymous else 'false'}",
        "  respondents:",
        *(f"    - {_scalar(name)}" for name in workshop.respondents),
    ]


def _answer(qid: str, answer: Answer) -> list[str]:
    if not (answer.note or answer.responses or answer.decision):
        return [f"  {qid}: {_value(answer.value)}"]
    lines = [f"  {qid}:", f"    value: {_value(answer.value)}"]
    if answer.note:
        lines.append(f"    note: {_scalar(answer.note)}")
    if answer.decision:
        lines.append(f"    decision: {_scalar(answer.decision)}")
    if answer.responses:
        lines.append("    responses:")
        for response in answer.responses:
            lines.append(f"      - respondent: {_scalar(response.respondent)}")
            lines.append(f"        value: {_value(response.value)}")
            if response.note:
                lines.append(f"        note: {_scalar(response.note)}")
    return lines


def _value(value: AnswerValue) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return _scalar(value)


# NOTE: most values are ids and plain words, which YAML reads back as written; asking the YAML
# emitter about each of them made writing a 200-person workshop file take seconds.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_./()' -]*[A-Za-z0-9_./)']|[A-Za-z]")
_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n"}


def _scalar(value: Any) -> str:
    if value == NOT_APPLICABLE:
        return NOT_APPLICABLE
    if isinstance(value, str) and _PLAIN.fullmatch(value) and value.lower() not in _WORDS:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.removesuffix("\n...\n").rstrip("\n")
