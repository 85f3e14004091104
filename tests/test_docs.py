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


def test_framework_encodings_page_shows_the_tested_files() -> None:
    text = (ROOT / "docs" / "framework-encodings.md").read_text()
    blocks = text.split("```yaml\n")[1:]
    shown = [block[: block.index("```")] for block in blocks]
    valid = ROOT / "tests" / "data" / "questionnaires" / "valid"
    files = [(valid / f"{name}.yaml").read_text() for name in ("samm", "dsomm", "cmmi", "mlts")]
    assert shown == [*files, (valid / "checklist.yaml").read_text()]
