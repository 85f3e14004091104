"""Results written by earlier versions stay readable; newer, unknown ones are refused clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.result import (
    SCHEMA_VERSION,
    UnknownSchemaError,
    result_from_json,
)

RESULTS = Path(__file__).parent / "data" / "results"
EXAMPLES = Path(__file__).parent.parent / "examples"


def test_a_schema_1_result_reads_as_today_s_result() -> None:
    old = json.loads((RESULTS / "v1-mlops-northwind-2026-q3.json").read_text())
    result = result_from_json(old)
    assert result.schema_version == SCHEMA_VERSION == 2
    assert result.overall.score == old["overall"]["score"]
    assert result.overall.staged_status == "reached"
    assert result.overall.staged_level is not None
    assert result.overall.staged_level.id == old["overall"]["staged_level"]["id"]
    assert result.overall.headline == result.overall.level
    assert [g.staged_status for g in result.groups] == ["untagged"] * len(old["groups"])
    assert result.provisional is False
    assert len(result.answers) == len(old["answers"])


def test_today_s_result_reads_back_unchanged() -> None:
    answers, q = load_answers(EXAMPLES / "quick-contoso-2026-q3.yaml")
    result = score(q, answers)
    assert result_from_json(json.loads(result.model_dump_json())) == result


def test_a_newer_schema_is_refused_with_a_clear_message() -> None:
    with pytest.raises(UnknownSchemaError, match="written with result schema 9; this version"):
        result_from_json({"schema_version": 9})


@pytest.mark.parametrize(
    "data", [[], {"schema_version": "1"}, {"schema_version": 1, "overall": {}}], ids=str
)
def test_a_broken_result_is_a_value_error(data: object) -> None:
    with pytest.raises(ValueError):
        result_from_json(data)
