"""What differs between questionnaire versions, matched by question and group id."""

from __future__ import annotations

import json

from mlops_maturity.history.model import GroupChange, QuestionChange
from mlops_maturity.history.versions import version_change
from mlops_maturity.scoring.result import result_from_json
from tests.conftest import DATA, questionnaire
from tests.history_data import Q1, definitions, tiny_2, tiny_result

V2 = {"q1-often": "always", "q2": True, "q3": 2}


def test_the_same_questionnaire_has_no_changes() -> None:
    a, b = tiny_result(Q1, "2026-Q1"), tiny_result(Q1, "2026-Q2")
    assert version_change((0, 1), a, b, {}) is None


def test_a_rename_a_rescoring_and_the_groups_they_affect() -> None:
    before, after = tiny_result(Q1, "2026-Q1"), tiny_result(V2, "2026-Q2", q=tiny_2())
    change = version_change((0, 1), before, after, definitions(questionnaire("tiny"), tiny_2()))
    assert change is not None
    assert (change.before.version, change.after.version) == ("1", "2")
    assert change.questions == (
        QuestionChange(
            question="q1-often", text="Do you?", group=("people",), kind="added", renamed="q1"
        ),
        QuestionChange(
            question="q3",
            text="Deploys per month",
            group=("tech",),
            kind="changed",
            what=("bands",),
        ),
        QuestionChange(
            question="q1", text="Do you?", group=("people",), kind="removed", renamed="q1-often"
        ),
    )
    assert change.groups == ()
    assert change.affected == ("", "people", "tech")
    assert change.options_compared is True


def test_without_the_questionnaires_only_what_results_record_is_compared() -> None:
    before, after = tiny_result(Q1, "2026-Q1"), tiny_result(V2, "2026-Q2", q=tiny_2())
    change = version_change((0, 1), before, after, {})
    assert change is not None
    assert [(q.question, q.kind) for q in change.questions] == [
        ("q1-often", "added"),
        ("q1", "removed"),
    ]
    assert change.affected == ("", "people")
    assert change.options_compared is False


def test_a_schema_1_result_is_compared_without_inventing_gate_changes() -> None:
    old = result_from_json(
        json.loads((DATA / "results" / "v1-mlops-northwind-2026-q3.json").read_text())
    )
    new = result_from_json(
        json.loads((DATA / "results" / "v2-mlops-litware-2026-q3.json").read_text())
    )
    change = version_change((0, 1), old, new, {})
    assert change is not None
    assert (change.before.version, change.after.version) == ("1.0", "2.0")
    assert not any("level gates" in q.what for q in change.questions)
    assert GroupChange(group="", title="", kind="changed", what=("headline",)) in change.groups
    assert {q.kind for q in change.questions} == {"added", "changed", "reworded"}
