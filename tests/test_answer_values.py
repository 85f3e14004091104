"""Every question type refuses every wrong kind of value with one located message, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import VALID, Run

HEADER = f"questionnaire: {VALID / 'types.yaml'}\nanswers:\n"
CHOICES = "one of: low, high"

CASES = [
    # single choice
    ("single", "[low]", f"expected {CHOICES}; got a list"),
    ("single", "{value: {x: 1}}", f"expected {CHOICES}; got a mapping"),
    ("single", "medium", f"expected {CHOICES}; got 'medium'"),
    ("single", "true", f"expected {CHOICES}; got true"),
    ("single", ".nan", f"expected {CHOICES}; got .nan (not a number)"),
    ("single", "-3", f"expected {CHOICES}; got -3"),
    # multiple choice
    (
        "multiple",
        "[a, [b]]",
        "expected a list of option ids (one of: a, b); got a list in the list",
    ),
    ("multiple", "[true]", "expected a list of option ids (one of: a, b); got true in the list"),
    (
        "multiple",
        "{value: {a: 1}}",
        "expected a list of option ids (one of: a, b); got a mapping in the list",
    ),
    ("multiple", "c", "unknown option 'c'; expected a list of one of: a, b"),
    ("multiple", "[a, a]", "an option is listed twice"),
    # yes/no
    ("boolean", "[yes]", "expected yes or no, got a list"),
    ("boolean", "{value: {yes: 1}}", "expected yes or no, got a mapping"),
    ("boolean", "maybe", "expected yes or no, got 'maybe'"),
    ("boolean", "1", "expected yes or no, got 1"),
    ("boolean", ".inf", "expected yes or no, got infinity"),
    # numbers
    ("number", "[1, 2]", "expected a number (deployments per month), got a list"),
    ("number", "{value: {n: 1}}", "expected a number (deployments per month), got a mapping"),
    ("number", "weekly", "expected a number (deployments per month), got 'weekly'"),
    ("number", "true", "expected a number (deployments per month), got true"),
    ("number", ".nan", "expected a finite number (deployments per month), got .nan (not a number)"),
    ("number", ".inf", "expected a finite number (deployments per month), got infinity"),
    ("number", "1.0e+400", "expected a finite number (deployments per month), got infinity"),
    ("number", "1.0e+300", "1e+300 is too large to be a real answer (deployments per month)"),
    ("number", "-2", "-2 is below the minimum 0 (deployments per month)"),
    ("number", "2026-10-01", "expected a number (deployments per month), got the date 2026-10-01"),
    # free text
    ("text", "[a]", "expected text, got a list; put it in quotes"),
    ("text", "{value: {a: 1}}", "expected text, got a mapping; put it in quotes"),
    ("text", "true", "expected text, got true; put it in quotes"),
]


@pytest.mark.parametrize(
    ("question", "value", "message"), CASES, ids=[f"{q}-{v}" for q, v, _ in CASES]
)
def test_a_wrong_value_is_one_located_message(
    run: Run, tmp_path: Path, question: str, value: str, message: str
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(HEADER + f"  {question}: {value}\n")
    before = path.read_bytes()
    result = run(["report", str(path)], code=1)
    where = "answers.{q}.value" if value.startswith("{value:") else "answers.{q}"
    column = len(question) + (13 if value.startswith("{value:") else 5)
    assert result.stderr == f"error: {path}:3:{column}: {where.format(q=question)}: {message}\n"
    assert "Traceback" not in result.stdout + result.stderr
    assert path.read_bytes() == before


def test_a_note_without_an_answer_is_refused(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(HEADER + "  number: {note: About twice a month}\n")
    result = run(["report", str(path)], code=1)
    assert result.stderr == (
        f"error: {path}:3:3: answers.number: a note needs an answer: "
        'add value: (an option, n/a or "don\'t know")\n'
    )


def test_an_impossible_date_is_located(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(HEADER.replace("answers:\n", "subject: {date: 2026-13-45}\nanswers: {}\n"))
    result = run(["report", str(path)], code=1)
    assert result.stderr == (
        f"error: {path}:2:17: invalid YAML: cannot read '2026-13-45' as a date "
        "(month must be in 1..12)\n"
    )


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        pytest.param('"don\'t know"', "don't know", id="dont-know"),
        pytest.param("[a, b]", ["a", "b"], id="list"),
        pytest.param("a", ["a"], id="one-option-alone"),
    ],
)
def test_special_and_shorthand_values(run: Run, tmp_path: Path, value: str, stored: object) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(HEADER + f"  multiple: {value}\n")
    data = json.loads(run(["report", str(path), "-f", "json"]).stdout)
    answer = next(a for a in data["answers"] if a["question"] == "multiple")
    assert answer["value"] == stored


def test_n_a_is_refused_where_the_question_does_not_allow_it(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(HEADER + "  multiple: n/a\n")
    result = run(["report", str(path)], code=1)
    assert result.stderr.endswith("answers.multiple: 'n/a' is not allowed for this question\n")
