"""Frameworks encoded in the format score exactly as their sources do (values worked by hand)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.result import GroupResult, Result
from tests.conftest import MLTS_ANSWERS, assessment, questionnaire

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def group(result: Result, *path: str) -> GroupResult:
    groups, found = result.groups, None
    for ident in path:
        found = next(g for g in groups if g.id == ident)
        groups = found.groups
    assert found is not None
    return found


def staged(item: Any) -> tuple[str | None, str]:
    """A staged level as (id, status), e.g. ("managed", "reached") or (None, "not_yet")."""
    level = item.staged_level
    return (None if level is None else level.id), item.staged_status


# --- OWASP SAMM: streams summed, practices and functions averaged, blanks count as "No" -----

SAMM = {
    **{"a1": "most", "a2": "half", "a3": "no", "b1": "most", "b2": "most", "b3": "some"},
    **{"c1": "some", "c2": "no", "c3": "no", "d1": "half", "d2": "half", "d3": "no"},
    **{"e1": "most", "e2": "most", "e3": "most", "f1": "no", "f2": "no", "f3": "no"},
}
WITHOUT_STREAM_B = {k: v for k, v in SAMM.items() if not k.startswith("b")}


def test_samm_counts_a_blank_stream_as_zero() -> None:
    result = score(questionnaire("samm"), assessment("samm", WITHOUT_STREAM_B))
    # Stream A 1 + 0.5 + 0 = 1.5, stream B blank = 0: Strategy (1.5 + 0) / 2 = 0.75.
    assert group(result, "gov", "sm", "sm-b").score == 0.0
    assert group(result, "gov", "sm").score == 0.75
    # Policy (0.25 + 1) / 2 = 0.625; Governance (0.75 + 0.625) / 2 = 0.6875.
    assert group(result, "gov").score == 0.6875
    # Design: stream E 3, stream F 0, so 1.5; overall (0.6875 + 1.5) / 2.
    assert result.overall.score == 1.09375
    assert result.provisional is True
    assert result.missing == ("b1", "b2", "b3")
    assert [a.counted_as for a in result.answers if a.question.startswith("b")] == [0, 0, 0]


def test_leaving_blanks_out_instead_says_what_was_left_out() -> None:
    q = questionnaire("samm").model_copy(update={"unanswered": "exclude"})
    result = score(q, assessment("samm", WITHOUT_STREAM_B))
    assert group(result, "gov", "sm", "sm-b").score is None
    assert group(result, "gov", "sm").left_out == ("sm-b",)
    # Strategy is stream A alone (1.5); Governance (1.5 + 0.625) / 2; overall with Design 1.5.
    assert result.overall.score == 1.28125
    assert result.provisional is True


def test_samm_complete_is_not_provisional() -> None:
    result = score(questionnaire("samm"), assessment("samm", SAMM))
    assert result.overall.score == 1.375
    assert (result.provisional, result.missing) == (False, ())


# --- OWASP DSOMM: a staged level for each dimension --------------------------------------

DSOMM = {
    **{"bd1": "fully", "bd2": "fully", "bd3": "fully", "bd4": "partly"},
    **{"tv1": "partly", "tv2": "fully", "tv3": "fully", "tv4": "fully"},
}


def test_dsomm_rates_each_dimension_on_its_own() -> None:
    result = score(questionnaire("dsomm"), assessment("dsomm", DSOMM))
    assert staged(group(result, "build")) == ("adoption", "reached")
    # One level-1 activity only partly implemented: not even at the lowest level.
    assert staged(group(result, "test")) == (None, "not_yet")
    assert staged(result.overall) == (None, "not_yet")
    assert result.overall.headline is None  # the headline is the staged level
    assert (group(result, "build").score, group(result, "test").score) == (0.875, 0.875)


def test_dsomm_dimension_reaches_the_top_when_everything_is_in_place() -> None:
    answers = {**DSOMM, "bd4": "fully", "tv1": "fully"}
    result = score(questionnaire("dsomm"), assessment("dsomm", answers))
    assert staged(group(result, "build")) == ("high", "reached")
    assert staged(result.overall) == ("high", "reached")
    assert result.overall.headline is not None and result.overall.headline.id == "high"


# --- A CMMI-style gated model, with one practice gating two levels -----------------------

CMMI = {
    **{"requirements": "always", "planning": "always", "definition": "always"},
    **{"training": "usual", "measurement": "partial", "causal": "absent"},
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, "managed", id="training-not-yet-everywhere"),
        pytest.param({"training": "always"}, "defined", id="measurement-meets-2-not-4"),
        pytest.param({"training": "always", "measurement": "always"}, "quantitative", id="up-to-4"),
        pytest.param({"requirements": "partial"}, "initial", id="below-the-bar-of-level-2"),
        pytest.param({"measurement": "ad-hoc"}, "initial", id="measurement-below-its-level-2-bar"),
    ],
)
def test_cmmi_level_is_the_highest_with_every_practice_in_place(
    changes: dict[str, str], expected: str
) -> None:
    result = score(questionnaire("cmmi"), assessment("cmmi", {**CMMI, **changes}))
    assert staged(result.overall) == (expected, "reached")
    assert result.overall.headline is not None and result.overall.headline.id == expected


def test_cmmi_score_and_gates_of_a_practice() -> None:
    result = score(questionnaire("cmmi"), assessment("cmmi", CMMI))
    assert result.overall.score == pytest.approx(17 / 6)
    measurement = next(a for a in result.answers if a.question == "measurement")
    assert [(g.level, g.met_score, g.met) for g in measurement.gates] == [
        (2, 2, True),
        (4, 4, False),
    ]
    assert (measurement.level, measurement.met) == (2, False)


def test_cmmi_unanswered_practice_blocks_its_level_and_makes_a_draft() -> None:
    answers = {k: v for k, v in CMMI.items() if k != "definition"} | {"training": "always"}
    result = score(questionnaire("cmmi"), assessment("cmmi", answers))
    assert staged(result.overall) == ("managed", "reached")
    assert (result.provisional, result.missing) == (True, ("definition",))


def test_capped_headline_never_claims_more_than_the_staged_level() -> None:
    q = questionnaire("cmmi").model_copy(update={"headline": "capped"})
    result = score(q, assessment("cmmi", {**CMMI, "causal": "always"}))
    # Score (4 + 4 + 4 + 3 + 2 + 4) / 6 = 3.5 is level 3 by the scale; staged is level 2.
    assert result.overall.level is not None and result.overall.level.id == "defined"
    assert result.overall.headline is not None and result.overall.headline.id == "managed"


# --- ML Test Score: a blank section scores 0, so the final score is 0 ---------------------

WITHOUT_MODEL = {k: v for k, v in MLTS_ANSWERS.items() if not k.startswith("model")}


def test_ml_test_score_blank_section_gives_a_final_score_of_zero() -> None:
    result = score(questionnaire("mlts"), assessment("mlts", WITHOUT_MODEL))
    assert (group(result, "data").score, group(result, "model").score) == (1.5, 0.0)
    assert result.overall.score == 0.0
    assert result.overall.level is not None and result.overall.level.id == "research"
    assert result.provisional is True


def test_ml_test_score_without_zero_would_skip_the_blank_section_and_say_so() -> None:
    q = questionnaire("mlts").model_copy(update={"unanswered": "exclude"})
    result = score(q, assessment("mlts", WITHOUT_MODEL))
    assert result.overall.score == 1.5
    assert result.overall.left_out == ("model",)


def test_builtin_ml_test_score_with_monitoring_left_blank_scores_zero() -> None:
    answers, q = load_answers(EXAMPLES / "ml-test-score-woodgrove-2026-q3.yaml")
    kept = {k: v for k, v in answers.answers.items() if not k.startswith("monitor")}
    result = score(q, answers.model_copy(update={"answers": kept}))
    assert result.overall.score == 0.0
    assert result.overall.level is not None and result.overall.level.id == "research-project"
    assert result.provisional is True
