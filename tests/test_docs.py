"""The examples in the README keep working."""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.assessment.load import load_answers

ROOT = Path(__file__).resolve().parent.parent


def test_readme_answer_file_example_is_valid(tmp_path: Path) -> None:
    text = (ROOT / "README.md").read_text()
    start = text.index("```yaml\nquestionnaire: mlops") + len("```yaml\n")
    path = tmp_path / "answers.yaml"
    path.write_text(text[start : text.index("```", start)])
    assessment, q = load_answers(path)
    assert q.id == "mlops"
    assert len(assessment.answers) == 6
