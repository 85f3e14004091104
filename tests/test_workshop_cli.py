"""``workshop merge`` end to end: the workshop file, its report, and every mistake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import VALID, Run

QUESTIONNAIRE = VALID / "workshop.yaml"


def answers(tmp_path: Path, name: str, body: str, subject: str = "Fraud ML") -> Path:
    path = tmp_path / f"{name.split(maxsplit=1)[0].lower()}.yaml"
    path.write_text(
        f"questionnaire: {QUESTIONNAIRE}\n"
        f"subject: {{organization: Example Corp, team: {subject}, period: 2026-Q3}}\n"
        f"respondent: {name}\n"
        f"answers:\n{body}"
    )
    return path


@pytest.fixture
def three(tmp_path: Path) -> list[Path]:
    return [
        answers(tmp_path, "Ana Example", "  tracking: nothing\n  rollback: yes\n"),
        answers(
            tmp_path,
            "Ben Example",
            "  tracking: {value: linked, note: Every deployment links to its run.}\n"
            "  rollback: no\n",
        ),
        answers(tmp_path, "Cai Example", "  tracking: tracker\n  rollback: yes\n"),
    ]


def test_merge_writes_a_workshop_file_that_reports_open_with_the_agenda(
    run: Run, tmp_path: Path, three: list[Path]
) -> None:
    out = tmp_path / "workshop.yaml"
    result = run(["workshop", "merge", *map(str, three), "-o", str(out)])
    assert result.stderr == f"Wrote {out}: 3 respondents, 2 disagreement(s) to discuss.\n"
    text = run(["report", str(out), "-f", "markdown"]).stdout
    agenda = text.index("## Discussion agenda")
    assert text.index("## Executive summary") < agenda < text.index("## Maturity at a glance")
    assert "### 1. How are experiments recorded?" in text  # 3 levels apart: widest first
    assert "- Ana Example: Nothing is recorded" in text
    assert "- *Note: Ben Example: Every deployment links to its run.*" in text
    assert "**Agreed for now:** In a tracker" in text
    data = json.loads(run(["report", str(out), "-f", "json"]).stdout)
    assert data["workshop"]["respondents"] == ["Ana Example", "Ben Example", "Cai Example"]
    tracking = next(a for a in data["answers"] if a["question"] == "tracking")
    assert (tracking["value"], tracking["spread"], tracking["disagreement"]) == (
        "tracker",
        3.0,
        True,
    )


def test_anonymous_merge_names_nobody_and_counts_answers(
    run: Run, tmp_path: Path, three: list[Path]
) -> None:
    out = tmp_path / "workshop.yaml"
    run(["workshop", "merge", *map(str, three), "--anonymous", "-o", str(out)])
    names = ("Ana", "Ben", "Cai")
    assert not any(name in out.read_text() for name in names)
    text = run(["report", str(out), "-f", "markdown"]).stdout
    assert not any(name in text for name in names)
    assert "- 2 × yes" in text and "- 1 × no" in text


def test_decisions_win_and_are_shown_with_their_reason(
    run: Run, tmp_path: Path, three: list[Path]
) -> None:
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(
        "decisions:\n  tracking: {value: sheets, reason: The tracker is only used by Ben.}\n"
    )
    out = tmp_path / "workshop.yaml"
    run(["workshop", "merge", *map(str, three), "--decisions", str(decisions), "-o", str(out)])
    text = run(["report", str(out), "-f", "markdown"]).stdout
    assert "**Decided:** In spreadsheets. *The tracker is only used by Ben.*" in text


def test_a_workshop_file_merges_again_with_another_respondent(
    run: Run, tmp_path: Path, three: list[Path]
) -> None:
    first = tmp_path / "first.yaml"
    run(["workshop", "merge", *map(str, three[:2]), "-o", str(first)])
    out = tmp_path / "all.yaml"
    run(["workshop", "merge", str(first), str(three[2]), "-o", str(out)])
    data = json.loads(run(["report", str(out), "-f", "json"]).stdout)
    assert data["workshop"]["respondents"] == ["Ana Example", "Ben Example", "Cai Example"]


@pytest.mark.parametrize(
    ("other", "message"),
    [
        ("subject", "is about Example Corp · Support ML · 2026-Q3, but"),
        ("twice", "Ana Example answers twice"),
        ("empty", "Dee Example answered no question"),
    ],
)
def test_mixed_or_doubled_respondents_are_refused(
    run: Run, tmp_path: Path, three: list[Path], other: str, message: str
) -> None:
    extra = {
        "subject": answers(tmp_path, "Eve Example", "  tracking: sheets\n", subject="Support ML"),
        "twice": answers(tmp_path / "..", "Ana Example", "  tracking: sheets\n"),
        "empty": answers(tmp_path, "Dee Example", "  tracking:\n"),
    }[other]
    out = tmp_path / "workshop.yaml"
    result = run(["workshop", "merge", *map(str, three), str(extra), "-o", str(out)], code=1)
    assert message in result.stderr
    assert not out.exists()


def test_another_questionnaire_is_refused(run: Run, tmp_path: Path, three: list[Path]) -> None:
    tiny = tmp_path / "tiny.yaml"
    tiny.write_text(
        f"questionnaire: {VALID / 'tiny.yaml'}\nrespondent: Ed Example\nanswers:\n  q1: never\n"
    )
    result = run(["workshop", "merge", *map(str, three), str(tiny)], code=1)
    assert "answers tiny 1, but" in result.stderr and "one questionnaire version" in result.stderr


@pytest.mark.parametrize(
    ("decisions", "message"),
    [
        ("decisions:\n  trackng: {value: sheets, reason: r}\n",
         "decisions.trackng: unknown question 'trackng'; did you mean 'tracking'?"),
        ("decisions:\n  tracking: {value: notes, reason: r}\n",
         "decisions.tracking.value: expected one of: nothing, sheets, tracker, linked, compared"),
        ("decisions:\n  tracking: {value: sheets}\n", "a decision needs a reason"),
        ("tracking: sheets\n", "expected decisions: followed by question id"),
    ],
)  # fmt: skip
def test_decision_mistakes_are_located(
    run: Run, tmp_path: Path, three: list[Path], decisions: str, message: str
) -> None:
    path = tmp_path / "decisions.yaml"
    path.write_text(decisions)
    result = run(["workshop", "merge", *map(str, three), "--decisions", str(path)], code=1)
    assert message in result.stderr
    assert result.stdout == ""


def test_the_example_workshop_file_is_the_merge_of_its_answers_and_decisions(run: Run) -> None:
    example = Path(__file__).parent.parent / "examples" / "workshop"
    files = sorted(str(p) for p in (example / "answers").glob("*.yaml"))
    result = run(["workshop", "merge", *files, "--decisions", str(example / "decisions.yaml")])
    assert result.stdout == (example / "workshop.yaml").read_text()
    report = run(["report", str(example / "workshop.yaml")]).stdout
    assert "Discussion agenda (10 disagreements)" in report
    assert "Decided: As well, model quality is checked by hand now and then" in report
