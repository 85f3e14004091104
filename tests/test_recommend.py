"""Recommendations: which gaps fire them and how they are ranked."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.recommend import question_shares
from tests.conftest import MLTS_ANSWERS, VALID, assessment, questionnaire


def test_question_shares_follow_weights_and_sum_to_one() -> None:
    shares = question_shares(questionnaire("tiny"))
    assert shares == pytest.approx({"q1": 1 / 6, "q2": 1 / 6, "q3": 1 / 3, "q4": 1 / 3})
    assert sum(question_shares(questionnaire("samm")).values()) == pytest.approx(1.0)


def test_option_threshold_and_unticked_recommendations_are_ranked() -> None:
    q = questionnaire("tiny")
    answers = {"q1": "never", "q2": False, "q3": 0}
    recs = score(q, assessment("tiny", answers)).recommendations
    # q1 "never": share 1/6 x gap 1 x impact high 3 / effort low 1 = 0.5
    # q2 "no" (threshold rec): 1/6 x 1 x medium 2 / medium 2 = 1/6
    assert [(r.question, r.title) for r in recs] == [("q1", "Start"), ("q2", "Do it")]
    assert [r.priority for r in recs] == pytest.approx([0.5, 1 / 6], abs=1e-6)
    assert recs[0].answer == "Never"
    assert recs[0].level == 1  # the question characterises level 1
    assert recs[1].answer == "no"
    assert recs[0].group == ("people",)


def test_unticked_option_of_a_multiple_choice_fires_its_recommendation() -> None:
    q = questionnaire("tiny")
    answers = {"q1": "always", "q2": True, "q3": 10, "q4": ["ci"]}
    recs = score(q, assessment("tiny", answers)).recommendations
    assert [(r.question, r.answer) for r in recs] == [("q4", "not selected: Registry")]
    assert recs[0].priority == pytest.approx(1 / 3 * 0.5, abs=1e-6)
    assert recs[0].level == 3  # next level above the question's score of 2


def test_no_recommendation_for_missing_or_not_applicable_answers() -> None:
    q = questionnaire("checklist")
    result = score(q, assessment("checklist", {"d2": "n/a"}))
    assert result.recommendations == ()


def test_a_recommendation_can_name_its_level(tmp_path: Path) -> None:
    text = (
        (VALID / "tiny.yaml")
        .read_text()
        .replace(
            "recommendations: [{title: Do it, why: w, how: h}]",
            "recommendations: [{title: Do it, why: w, how: h, level: 3}]",
        )
    )
    custom = tmp_path / "tiny.yaml"
    custom.write_text(text)
    q = load_questionnaire(custom)
    recs = score(q, assessment("tiny", {"q2": False})).recommendations
    assert [(r.title, r.level) for r in recs] == [("Do it", 3)]


def test_steps_blocking_the_next_staged_level_come_first(tmp_path: Path) -> None:
    text = (
        (VALID / "tiny.yaml")
        .read_text()
        .replace("effort: low, impact: high", "effort: high, impact: low")
    )
    custom = tmp_path / "tiny.yaml"
    custom.write_text(text)
    recs = score(
        load_questionnaire(custom), assessment("tiny", {"q1": "never", "q2": False})
    ).recommendations
    # q1 (level 1, unmet) keeps the staged level at 0: first despite its lower priority.
    assert [(r.question, r.blocks_next_level) for r in recs] == [("q1", True), ("q2", False)]
    assert recs[0].priority < recs[1].priority


def test_under_min_only_the_weakest_part_counts() -> None:
    q = questionnaire("mlts")
    answers = MLTS_ANSWERS
    structural = question_shares(q)
    assert structural["data-3"] == structural["model-3"] == pytest.approx(1 / 6)
    result = score(q, assessment("mlts", answers))
    scores = {a.question: a.score for a in result.answers} | {g.id: g.score for g in result.groups}
    shares = question_shares(q, scores)
    # Data (1.5) is weaker than Model (2.5): only data tests can raise the final score.
    assert shares["data-3"] == pytest.approx(1 / 3)
    assert shares["model-3"] == 0
