"""The scoring engine, with expected values worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.scoring.engine import Part, aggregate, score
from mlops_maturity.scoring.result import GroupResult, Result
from tests.conftest import MLTS_ANSWERS, assessment, questionnaire


def group(result: Result, *path: str) -> GroupResult:
    groups = result.groups
    found = None
    for ident in path:
        found = next(g for g in groups if g.id == ident)
        groups = found.groups
    assert found is not None
    return found


def status(result: Result, qid: str) -> str:
    return next(a.status for a in result.answers if a.question == qid)


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        pytest.param("mean", 2.0, id="mean-ignores-weights"),
        pytest.param("weighted_mean", 2.5, id="weighted-mean"),
        pytest.param("sum", 10.0, id="weighted-sum"),
        pytest.param("min", 1.0, id="min"),
        pytest.param("max", 3.0, id="max"),
    ],
)
def test_aggregate(how: Any, expected: float) -> None:
    parts = [Part(1, 0, 4, 1), Part(3, 0, 4, 3)]
    total = aggregate(how, parts)
    assert total is not None
    assert total.score == expected


def test_aggregate_of_nothing_is_no_score() -> None:
    assert aggregate("mean", []) is None


# --- a checklist model: mature = every item of sections 1-2 met ---------------------------

ALL_YES = {"d1": True, "d2": True, "t1": True, "t2": True, "e1": True, "e2": True}


@pytest.mark.parametrize(
    ("changes", "overall", "staged"),
    [
        pytest.param({}, 1.0, "beyond", id="everything-met"),
        pytest.param({"e2": False}, (1 + 1 + 0.5) / 3, "mature", id="basics-met"),
        pytest.param({"d2": False}, (0.5 + 1 + 1) / 3, "not-mature", id="one-basic-missing"),
        pytest.param(
            {"d2": "n/a", "e1": False}, (1 + 1 + 0.5) / 3, "mature", id="n/a-does-not-block"
        ),
    ],
)
def test_checklist_staged_level(changes: dict[str, Any], overall: float, staged: str) -> None:
    q = questionnaire("checklist")
    result = score(q, assessment("checklist", {**ALL_YES, **changes}))
    assert result.overall.score == pytest.approx(overall)
    assert result.overall.staged_level is not None
    assert result.overall.staged_level.id == staged


def test_checklist_unanswered_blocks_the_staged_level_but_is_not_zero() -> None:
    q = questionnaire("checklist")
    answers = {k: v for k, v in ALL_YES.items() if k != "t2"}
    result = score(q, assessment("checklist", answers))
    assert result.overall.staged_level is not None
    assert result.overall.staged_level.id == "not-mature"
    assert group(result, "trace").score == 1.0  # t2 is left out, not counted as 0
    assert group(result, "trace").completeness == 0.5
    assert result.overall.completeness == pytest.approx(5 / 6)
    assert result.missing == ("t2",)


def test_not_applicable_leaves_the_denominator() -> None:
    q = questionnaire("checklist")
    result = score(q, assessment("checklist", {**ALL_YES, "d1": False, "d2": "n/a"}))
    docs = group(result, "docs")
    assert docs.score == 0.0  # only d1 counts
    assert (docs.answered, docs.applicable) == (2, 2)
    assert status(result, "d2") == "not_applicable"


# --- ML Test Score: 0/0.5/1 per test, section sums, final = minimum ------------------------


def test_ml_test_score_is_the_minimum_of_section_sums() -> None:
    q = questionnaire("mlts")
    answers = MLTS_ANSWERS
    result = score(q, assessment("mlts", answers))
    assert group(result, "data").score == 1.5
    assert group(result, "model").score == 2.5
    assert result.overall.score == 1.5
    assert result.overall.level is not None
    assert (result.overall.level.id, result.overall.level.value) == ("basic", None)
    assert (result.overall.min_score, result.overall.max_score) == (0, 3)
    data_level = group(result, "data").level
    assert data_level is not None and data_level.id == "basic"
    model_level = group(result, "model").level
    assert model_level is not None and model_level.id == "strong"


@pytest.mark.parametrize(
    ("value", "label"),
    [
        pytest.param("no", "research", id="zero"),
        pytest.param("manual", "untested", id="half"),
        pytest.param("automated", "untested", id="one"),
    ],
)
def test_ml_test_score_bands(value: str, label: str) -> None:
    q = questionnaire("mlts")
    answers = dict.fromkeys(q.placed, value)
    answers["data-1"] = value
    answers.update({"data-2": "no", "data-3": "no"})
    result = score(q, assessment("mlts", answers))
    assert result.overall.level is not None
    assert result.overall.level.id == label


# --- OWASP SAMM: 0/0.25/0.5/1 summed per stream, averaged upward ----------------------------

SAMM_ANSWERS = {
    "a1": "most",
    "a2": "half",
    "a3": "no",
    "b1": "most",
    "b2": "most",
    "b3": "some",
    "c1": "some",
    "c2": "no",
    "c3": "no",
    "d1": "half",
    "d2": "half",
    "d3": "no",
    "e1": "most",
    "e2": "most",
    "e3": "most",
    "f1": "no",
    "f2": "no",
    "f3": "no",
}


def test_samm_sums_streams_and_averages_upward() -> None:
    q = questionnaire("samm")
    result = score(q, assessment("samm", SAMM_ANSWERS))
    assert group(result, "gov", "sm", "sm-a").score == 1.5
    assert group(result, "gov", "sm", "sm-b").score == 2.25
    assert group(result, "gov", "sm").score == 1.875
    assert group(result, "gov", "pc").score == 0.625
    assert group(result, "gov").score == 1.25
    assert group(result, "design").score == 1.5
    assert result.overall.score == 1.375
    assert result.overall.level is not None
    assert (result.overall.level.id, result.overall.level.value) == ("adhoc", 1)
    stream_b = group(result, "gov", "sm", "sm-b").level
    assert stream_b is not None and stream_b.value == 2
    assert (result.overall.min_score, result.overall.max_score) == (0, 3)


def test_samm_staged_level_needs_every_activity_of_the_level() -> None:
    q = questionnaire("samm")
    level_one = {qid: ("most" if qid.endswith("1") else "no") for qid in q.placed}
    result = score(q, assessment("samm", level_one))
    assert result.overall.staged_level is not None
    assert result.overall.staged_level.value == 1
    result = score(q, assessment("samm", {**level_one, "f1": "half"}))
    assert result.overall.staged_level is not None
    assert result.overall.staged_level.value == 0


# --- conditions, numbers, multiple choice, weights -------------------------------------------


def tiny() -> Questionnaire:
    return questionnaire("tiny")


def test_condition_false_skips_and_excludes_the_question() -> None:
    result = score(
        tiny(), assessment("tiny", {"q1": "always", "q2": False, "q3": 10, "q4": ["ci"]})
    )
    assert status(result, "q4") == "skipped"
    tech = group(result, "tech")
    assert tech.score == 4.0  # only q3 (10 deployments → band [4, inf) → 4)
    assert tech.applicable == 1


def test_condition_waits_while_the_earlier_answer_is_missing() -> None:
    result = score(tiny(), assessment("tiny", {"q1": "always"}))
    assert status(result, "q4") == "waiting"
    assert next(a.waiting_on for a in result.answers if a.question == "q4") == "q2"


def test_weighted_overall_and_multiple_choice() -> None:
    answers = {"q1": "sometimes", "q2": True, "q3": 2, "q4": ["ci"]}
    result = score(tiny(), assessment("tiny", answers))
    assert group(result, "people").score == 3.0  # (2 + 4) / 2
    assert group(result, "tech").score == 2.0  # (2 + 2) / 2
    assert result.overall.score == pytest.approx((3 * 1 + 2 * 2) / 3)
    assert result.overall.level is not None
    assert result.overall.level.id == "repeatable"
    assert result.overall.staged_level is not None
    assert result.overall.staged_level.value == 0  # q1 (level 1) is not at its best


def test_multiple_choice_is_capped_at_the_scale_maximum() -> None:
    answers = {"q1": "always", "q2": True, "q3": 0.5, "q4": ["ci", "reg"]}
    result = score(tiny(), assessment("tiny", answers))
    by_id = {a.question: a for a in result.answers}
    assert by_id["q4"].score == 4.0
    assert by_id["q3"].score == 0.0
    assert by_id["q3"].label == "0.5 per month"
    assert result.overall.staged_level is not None
    # q1 (level 1) and q2 (level 2) are met; nothing of levels 3 and 4 is asked, so 2 it is.
    assert result.overall.staged_level.value == 2


def test_nothing_answered_gives_no_score() -> None:
    result = score(tiny(), assessment("tiny", {}))
    assert result.overall.score is None
    assert result.overall.level is None
    assert result.overall.completeness == 0.0
    assert result.recommendations == ()


def test_result_names_the_questionnaire_and_hash() -> None:
    result = score(tiny(), assessment("tiny", {}))
    assert result.questionnaire.id == "tiny"
    assert result.questionnaire.hash.startswith("sha256:")
    assert len(result.questionnaire.hash) == len("sha256:") + 64
    assert [lv.value for lv in result.levels] == [0, 1, 2, 3, 4]
