"""JSON Schemas (draft-07, which editors understand) for questionnaire and answer files."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from mlops_maturity.assessment import Assessment
from mlops_maturity.model import (
    BooleanQuestion,
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
)

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def draft07(model: type[BaseModel], title: str) -> dict[str, Any]:
    """pydantic's schema with ``$defs`` renamed to draft-07's ``definitions``."""
    schema = model.model_json_schema(ref_template="#/definitions/{model}", by_alias=True)
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    return {"$schema": DRAFT_07, "title": title, **schema}


def questionnaire_schema() -> dict[str, Any]:
    """The schema of questionnaire files."""
    return draft07(Questionnaire, "mlops-maturity questionnaire")


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
    """The requested schema as indented JSON."""
    if kind == "questionnaire":
        schema = questionnaire_schema()
    else:
        from mlops_maturity.questionnaire import load_questionnaire

        schema = answers_schema(load_questionnaire(questionnaire) if questionnaire else None)
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
