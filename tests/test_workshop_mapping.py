"""The mapping file: written from a questionnaire's wording, read back, and its mistakes located."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_maturity.cli.forms_files import load_plan
from mlops_maturity.errors import InputFileError
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.yamlsafe import parse_yaml
from mlops_maturity.resources import builtin_questionnaires
from mlops_maturity.workshop.mapping import read_mapping
from mlops_maturity.workshop.mapping_text import build_mapping
from mlops_maturity.workshop.plan import build_plan
from tests.conftest import DATA

FORMS = DATA / "forms"
QUESTIONNAIRE = str(FORMS / "forms.yaml")


def test_the_mapping_is_written_from_the_questionnaires_wording() -> None:
    text = build_mapping(load_questionnaire(FORMS / "forms.yaml"), "forms.yaml")
    lines = text.splitlines()
    start = lines.index("questionnaire: forms.yaml")
    assert lines[start : start + 18] == [
        "questionnaire: forms.yaml",
        "version: '1'",
        "layout: auto        # google (', ' between ticked options), microsoft (';'), or auto",
        "subject:            # who is assessed; --subject-organization, --subject-team and",
        "  organization:     # --period on the command line win over these",
        "  team:",
        "  period:           # e.g. 2026-Q3",
        "  date:             # YYYY-MM-DD; left empty, the date of the last answer",
        "# the columns that name the respondent; the first one filled in wins",
        "respondent: [Name, Your name, Full name, Email Address, Email, Username]",
        "timestamp: [Timestamp, Completion time]",
        "date_order: auto    # how to read 10/6/2026: day-first, month-first, or auto",
        "labels:             # the words of every question's yes/no, n/a and don't know",
        "  \"yes\": ['Yes']",
        "  \"no\": ['No']",
        "  not_applicable: [n/a, Not applicable]",
        "  dont_know: [Don't know]",
        "ignore: []          # further columns to skip without a warning",
    ]
    body = lines[lines.index("questions:") : lines.index("questions:") + 31]
    assert body == [
        "questions:",
        "",
        "  # ── Delivery",
        "  release:",
        "    column: How do models reach production?",
        "    options:          # one of: label in the form → option id",
        "      By hand, from a laptop: manual",
        "      With a script; someone runs it: scripted",
        "      Through a pipeline, with tests: pipeline",
        "  checks:",
        "    column: Which checks run before a release?",
        "    options:          # tick any: label in the form → option id",
        "      Unit tests: unit",
        "      Data checks, such as schemas, ranges and nulls: data",
        "      Shadow runs; live traffic, no effect: shadow",
        "      Review: review",
        "      Review, by a board: board",
        "  rollback:",
        "    column: Can you roll back in minutes?",
        "    # yes or no, in the words of labels: above",
        "  frequency:",
        "    column: How many deployments a month?",
        "    # a number (deployments per month) as typed, such as 12, 1,200 or 15%",
        "  gpu:",
        "    column: How are GPUs shared?",
        "    # n/a is allowed",
        "    options:          # one of: label in the form → option id",
        "      Each team buys its own: none",
        "      One pool for everyone: pool",
        "",
        "  # ── Culture",
    ]
    assert text.endswith(
        "#     # options may be left out: each row's question then uses its own labels.\n"
        "grids: []\n"
    )


@pytest.mark.parametrize("qid", sorted(builtin_questionnaires()))
def test_every_built_in_mapping_reads_back_and_knows_every_label(qid: str) -> None:
    q = load_questionnaire(qid)
    doc = parse_yaml(build_mapping(q, qid), "mapping.yaml")
    plan = build_plan(doc, read_mapping(doc), q)
    assert sorted(c.question_id for c in plan.columns.values()) == sorted(q.placed)
    for column in plan.columns.values():
        question = q.placed[column.question_id].question
        if question.type in {"single", "multiple"}:
            assert sorted(column.labels.values.values()) == sorted(
                o.id for o in q.options_of(question)
            )


def mapping_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> list[str]:
    monkeypatch.chdir(tmp_path)
    Path("mapping.yaml").write_text(f"questionnaire: {QUESTIONNAIRE}\n{text}")
    with pytest.raises(InputFileError) as caught:
        load_plan(Path("mapping.yaml"))
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "questions:\n  relase: {column: How?}\n",
            [
                "mapping.yaml:3:3: questions.relase: unknown question 'relase' in questionnaire "
                "'forms'; did you mean 'release'?"
            ],
            id="unknown-question",
        ),
        pytest.param(
            "questions:\n  release:\n    column: How?\n    options: {By hand: manually}\n",
            [
                "mapping.yaml:5:24: questions.release.options.By hand: unknown option "
                "'manually' of 'release'; expected one of: manual, scripted, pipeline"
            ],
            id="unknown-option",
        ),
        pytest.param(
            "questions:\n  rollback:\n    column: Roll back?\n    options: {Sure: true}\n",
            [
                "mapping.yaml:5:21: questions.rollback.options.Sure: expected text, got True; "
                "put it in quotes"
            ],
            id="boolean-option-unquoted",
        ),
        pytest.param(
            "questions:\n  rollback:\n    column: Roll back?\n    options: {Sure: sure}\n",
            [
                "mapping.yaml:5:21: questions.rollback.options.Sure: unknown option 'sure' of "
                "'rollback'; expected one of: yes, no"
            ],
            id="boolean-option",
        ),
        pytest.param(
            "questions:\n  frequency:\n    column: How many?\n    options: {Lots: '30'}\n",
            [
                "mapping.yaml:5:5: questions.frequency.options: a number question is read as "
                "typed; it takes no options"
            ],
            id="options-on-a-number",
        ),
        pytest.param(
            "questions:\n  release: {column: How?}\n  checks: {column: 'how? '}\n",
            [
                "mapping.yaml:4:20: questions.checks.column: column 'how? ' is already mapped at "
                "line 3 (questions.release.column)"
            ],
            id="header-twice",
        ),
        pytest.param(
            "questions:\n  blameless: {column: Blame?}\n"
            "grids:\n  - title: Agree?\n    rows: {No blame: blameless}\n",
            [
                "mapping.yaml:6:22: grids[0].rows.No blame: question 'blameless' is mapped "
                "twice; keep one column for it"
            ],
            id="question-twice",
        ),
        pytest.param(
            "layot: google\nquestions:\n  release: {column: How?}\n",
            ["mapping.yaml:2:1: layot: unknown key 'layot'"],
            id="unknown-key",
        ),
        pytest.param(
            "layout: excel\nquestions:\n  release: {column: How?}\n",
            ["mapping.yaml:2:9: layout: expected 'auto', 'google' or 'microsoft', got 'excel'"],
            id="bad-layout",
        ),
        pytest.param(
            "questions: {}\n",
            [
                "mapping.yaml:2:12: questions: the mapping names no question; list each question's "
                "column under questions:"
            ],
            id="no-question",
        ),
        pytest.param(
            "questions:\n  release: {column: ''}\n",
            [
                "mapping.yaml:3:21: questions.release.column: String should have at least 1 "
                "character, got ''"
            ],
            id="empty-header",
        ),
    ],
)
def test_mapping_mistakes_are_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: list[str]
) -> None:
    assert mapping_problems(tmp_path, monkeypatch, text) == expected


def test_an_unknown_questionnaire_is_named_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("mapping.yaml").write_text("questionnaire: quik\nquestions: {}\n")
    with pytest.raises(InputFileError) as caught:
        load_plan(Path("mapping.yaml"))
    assert str(caught.value).startswith(
        "mapping.yaml:1:16: questionnaire: unknown questionnaire 'quik'; built-in ones are: "
    )


def test_an_older_version_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("mapping.yaml").write_text(
        f"questionnaire: {QUESTIONNAIRE}\nversion: '0.9'\nquestions:\n  release: {{column: How?}}\n"
    )
    plan, _, _ = load_plan(Path("mapping.yaml"))
    assert plan.warnings == (
        "mapping.yaml:2:10: version: the mapping was written for version 0.9 of 'forms', which "
        "is now 1; the answer files are for 1",
    )


def test_linear_scale_labels_may_be_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("mapping.yaml").write_text(
        f"questionnaire: {QUESTIONNAIRE}\n"
        "respondent: Your name\n"
        "questions:\n  blameless: {column: Blame?, options: {1: disagree, 5: agree}}\n"
    )
    plan, _, _ = load_plan(Path("mapping.yaml"))
    assert dict(plan.columns["blame?"].labels.values) == {"1": "disagree", "5": "agree"}
    assert plan.respondent == ("your name",)
