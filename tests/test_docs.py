"""The examples in the README keep working."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.assessment.schema import schema_text
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.yamlsafe import parse_yaml
from mlops_maturity.resources import builtin_questionnaires

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "questionnaires" / "schemas"


def test_readme_answer_file_example_is_valid(tmp_path: Path) -> None:
    text = (ROOT / "README.md").read_text()
    start = text.index("```yaml\nquestionnaire: mlops") + len("```yaml\n")
    path = tmp_path / "answers.yaml"
    path.write_text(text[start : text.index("```", start)])
    assessment, q = load_answers(path)
    assert q.id == "mlops"
    assert len(assessment.answers) == 6


def test_framework_encodings_page_shows_the_tested_files() -> None:
    text = (ROOT / "docs" / "framework-encodings.md").read_text()
    blocks = text.split("```yaml\n")[1:]
    shown = [block[: block.index("```")] for block in blocks]
    valid = ROOT / "tests" / "data" / "questionnaires" / "valid"
    files = [(valid / f"{name}.yaml").read_text() for name in ("samm", "dsomm", "cmmi", "mlts")]
    assert shown == [*files, (valid / "checklist.yaml").read_text()]


def writing_example() -> str:
    text = (ROOT / "docs" / "writing-questionnaires.md").read_text()
    start = text.index("```yaml\nid: release-check") + len("```yaml\n")
    return text[start : text.index("```", start)]


def test_the_writing_guide_example_is_a_valid_questionnaire(tmp_path: Path) -> None:
    path = tmp_path / "release-check.yaml"
    path.write_text(writing_example())
    q = load_questionnaire(path)
    assert (q.id, len(q.placed)) == ("release-check", 4)


def test_the_writing_guide_example_matches_the_shipped_schema() -> None:
    schema = json.loads((SCHEMAS / "questionnaire.schema.json").read_text())
    jsonschema.validate(parse_yaml(writing_example(), "example").data, schema)


@pytest.mark.parametrize("ident", sorted(builtin_questionnaires()))
def test_every_builtin_questionnaire_matches_the_shipped_schema(ident: str) -> None:
    schema = json.loads((SCHEMAS / "questionnaire.schema.json").read_text())
    # NOTE: read as the tool reads YAML (and as editors do, YAML 1.2): `no` stays text.
    data = parse_yaml(builtin_questionnaires()[ident].read_text(), ident).data
    jsonschema.validate(data, schema)


@pytest.mark.parametrize("kind", ["questionnaire", "answers", "benchmarks"])
def test_the_shipped_schemas_are_the_current_ones(kind: str) -> None:
    shipped = (SCHEMAS / f"{kind}.schema.json").read_text()
    assert shipped == schema_text(kind, None), "regenerate with: questionnaires schema " + kind
