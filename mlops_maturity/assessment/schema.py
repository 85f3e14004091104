"""JSON Schema (draft-07) of answer files, optionally listing one questionnaire's questions."""

from __future__ import annotations

import json
from typing import Any

from mlops_maturity.assessment.model import Assessment
from mlops_maturity.questionnaire.model import (
    BooleanQuestion,
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
)
from mlops_maturity.questionnaire.schema import benchmarks_schema, draft07, questionnaire_schema


def answers_schema(q: Questionnaire | None = None) -> dict[str, Any]:
    """The schema of answer files; given a questionnaire, it lists its question ids and values."""
    schema = draft07(Assessment, "mlops-maturity answer file")
    if q is None:
        return schema
    props = {qid: _answer_schema(q, p.question) for qid, p in q.placed.items()}
    schema["properties"]["answers"] = {
        "type": ["object", "null"],
        "properties": props,
        "additionalProperties": False,
    }
    schema["title"] = f"mlops-maturity answers for {q.id} {q.version}"
    return schema


def _answer_schema(q: Questionnaire, question: Any) -> dict[str, Any]:
    value: dict[str, Any]
    if isinstance(question, ChoiceQuestion):
        ids = [o.id for o in q.options_of(question)]
        single = {"enum": ids}
        value = single if question.type == "single" else {"type": "array", "items": single}
    elif isinstance(question, BooleanQuestion):
        value = {"enum": [True, False, "yes", "no"]}
    elif isinstance(question, NumberQuestion):
        value = {"type": "integer" if question.integer else "number"}
        if question.min is not None:
            value["minimum"] = question.min
        if question.max is not None:
            value["maximum"] = question.max
    else:
        value = {"type": "string"}
    choices: list[dict[str, Any]] = [value, {"type": "null"}]
    if question.not_applicable:
        choices.append({"const": "n/a"})
    long_form = {
        "type": "object",
        "properties": {"value": {"anyOf": choices}, "note": {"type": "string"}},
        "additionalProperties": False,
    }
    return {"description": question.text, "anyOf": [*choices, long_form]}


def schema_text(kind: str, questionnaire: str | None) -> str:
    """The requested schema (questionnaire, benchmarks or answers) as indented JSON."""
    if kind == "questionnaire":
        schema = questionnaire_schema()
    elif kind == "benchmarks":
        schema = benchmarks_schema()
    else:
        from mlops_maturity.questionnaire.load import load_questionnaire

        schema = answers_schema(load_questionnaire(questionnaire) if questionnaire else None)
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
