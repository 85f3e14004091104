"""JSON Schema (draft-07, which editors understand) of questionnaire files."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from mlops_maturity.questionnaire.model import BenchmarkFile, Questionnaire

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


def benchmarks_schema() -> dict[str, Any]:
    """The schema of shared benchmark files."""
    return draft07(BenchmarkFile, "mlops-maturity benchmark file")


SCHEMAS = ("questionnaire", "answers", "benchmarks")
