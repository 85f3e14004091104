"""Answer files: validated against their questionnaire, written back in the same shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_maturity.assessment.dump import dump_answers
from mlops_maturity.assessment.load import load_answers
from mlops_maturity.errors import AnswersError
from tests.conftest import VALID

HEADER = f"questionnaire: {VALID / 'tiny.yaml'}\n"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(body)
    return path


def problems(tmp_path: Path, body: str) -> list[str]:
    with pytest.raises(AnswersError) as caught:
        load_answers(write(tmp_path, body))
    return [str(p).split(": ", 1)[1] for p in caught.value.problems]


def test_shorthand_and_long_form_are_normalised(tmp_path: Path) -> None:
    body = HEADER + (
        "subject: {organization: Example Corp, team: Fraud ML, period: 2026-Q3, date: 2026-09-30}\n"
        "answers:\n"
        "  q1: sometimes\n"
        "  q2: yes\n"
        "  q3: 12\n"
        "  q4: {value: [ci, reg], note: Both run in CI.}\n"
    )
    assessment, q = load_answers(write(tmp_path, body))
    assert q.id == "tiny"
    assert {k: a.value for k, a in assessment.answers.items()} == {
        "q1": "sometimes",
        "q2": True,
        "q3": 12,
        "q4": ["ci", "reg"],
    }
    assert assessment.answers["q4"].note == "Both run in CI."
    assert str(assessment.subject.date) == "2026-09-30"


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        pytest.param(
            "q1: often",
            ["answers.q1: expected one of: never, sometimes, always; got 'often'"],
            id="unknown-option",
        ),
        pytest.param("q2: maybe", ["answers.q2: expected yes or no, got 'maybe'"], id="not-yes-no"),
        pytest.param(
            "q3: -1", ["answers.q3: -1 is below the minimum 0 (per month)"], id="below-min"
        ),
        pytest.param(
            "q3: many", ["answers.q3: expected a number (per month), got 'many'"], id="not-a-number"
        ),
        pytest.param(
            "q1: n/a", ["answers.q1: 'n/a' is not allowed for this question"], id="n/a-not-allowed"
        ),
        pytest.param(
            "q4: [ci, nope]",
            ["answers.q4: unknown option 'nope'; expected a list of one of: reg, ci"],
            id="unknown-in-list",
        ),
        pytest.param(
            "q11: always",
            ["answers.q11: unknown question 'q11' in questionnaire 'tiny'; did you mean 'q1'?"],
            id="unknown-question",
        ),
        pytest.param(
            "q1: {value: never, notes: x}",
            ["answers.q1.notes: unknown key 'notes'; expected value and note"],
            id="unknown-long-key",
        ),
    ],
)
def test_answer_errors(tmp_path: Path, answers: str, expected: list[str]) -> None:
    assert problems(tmp_path, HEADER + "answers:\n  " + answers + "\n") == expected


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    body = HEADER + "answers:\n  q1: often\n  q2: maybe\n"
    with pytest.raises(AnswersError) as caught:
        load_answers(write(tmp_path, body))
    assert [(p.line, p.column) for p in caught.value.problems] == [(3, 7), (4, 7)]


def test_missing_questionnaire_key(tmp_path: Path) -> None:
    assert problems(tmp_path, "answers: {}\n") == [
        "questionnaire: missing required key 'questionnaire'"
    ]


def test_unknown_questionnaire(tmp_path: Path) -> None:
    found = problems(tmp_path, "questionnaire: nothing-like-this\nanswers: {}\n")
    assert found[0].startswith("questionnaire: unknown questionnaire 'nothing-like-this'; built-in")


def test_empty_answers_are_unanswered(tmp_path: Path) -> None:
    assessment, _ = load_answers(write(tmp_path, HEADER + "subject:\n  team:\nanswers:\n  q1:\n"))
    assert assessment.answers == {}
    assert assessment.subject.team == ""


def test_dump_round_trips(tmp_path: Path) -> None:
    body = HEADER + (
        "subject: {organization: 'Example: Corp', team: 'no', period: 2026-Q3}\n"
        "respondent: A. Example\n"
        "answers:\n  q4: {value: [ci], note: 'Quoted: yes'}\n  q2: no\n  q1: never\n  q3: 0.5\n"
    )
    assessment, q = load_answers(write(tmp_path, body))
    text = dump_answers(assessment, q)
    assert text.splitlines()[-7:] == [
        "answers:",
        "  q1: never",
        "  q2: no",
        "  q3: 0.5",
        "  q4:",
        "    value: [ci]",
        "    note: 'Quoted: yes'",
    ]
    again, _ = load_answers(write(tmp_path, text))
    assert again == assessment.model_copy(update={"version": "1"})  # the dump records it


def test_unknown_benchmark_year(tmp_path: Path) -> None:
    found = problems(tmp_path, HEADER + "benchmark_year: 2019\nanswers: {}\n")
    assert found == ["benchmark_year: questionnaire 'tiny' has no benchmarks"]
