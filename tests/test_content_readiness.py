"""The readiness verdict follows need, and a platform also needs seed 001's four conditions.

Seed 004: a team needs MLOps when it cannot answer the practice questions *and* its volume and
pace of models are high. So the verdict rises with volume, never with practice maturity (review
R-1), and "Scale an MLOps platform" needs very high volume and all four conditions for a
platform (review R-2). Practices still pick the first steps.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from mlops_maturity.assessment.model import Assessment
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.result import Result

# One answer per band of every volume question: models in production, models planned, releases
# a month, people, teams.
VOLUME: dict[str, dict[str, Any]] = {
    "low": {
        "vol-models-prod": 1,
        "vol-models-planned": 0,
        "vol-changes": 0.25,
        "vol-people": 2,
        "vol-teams": 1,
    },
    "moderate": {
        "vol-models-prod": 5,
        "vol-models-planned": 3,
        "vol-changes": 2,
        "vol-people": 5,
        "vol-teams": 2,
    },
    "high": {
        "vol-models-prod": 15,
        "vol-models-planned": 8,
        "vol-changes": 10,
        "vol-people": 12,
        "vol-teams": 4,
    },
    "very-high": {
        "vol-models-prod": 60,
        "vol-models-planned": 20,
        "vol-changes": 40,
        "vol-people": 40,
        "vol-teams": 8,
    },
}

PRACTICE_QUESTIONS = (
    "pr-storage",
    "pr-sharing",
    "pr-serving",
    "pr-versioning",
    "pr-rollback",
    "pr-retraining",
    "pr-orchestration",
    "pr-monitoring",
)
CONDITIONS = ("pre-past-early-stage", "pre-can-centralise", "pre-adopt-first", "pre-enable")

VERDICTS = ("not-yet", "lay-foundations", "invest-now", "scale-platform")


@cache
def readiness() -> Questionnaire:
    return load_questionnaire("readiness")


def practices(kind: str) -> dict[str, str]:
    """Every practice question at its lowest ("none") or its highest ("best") option."""
    q = readiness()
    out = {}
    for qid in PRACTICE_QUESTIONS:
        options = sorted(q.options_of(q.placed[qid].question), key=lambda o: o.score)
        out[qid] = (options[0] if kind == "none" else options[-1]).id
    return out


def conditions(held: int) -> dict[str, bool]:
    """The first ``held`` of the four platform conditions hold, the others do not."""
    return {qid: i < held for i, qid in enumerate(CONDITIONS)}


def result(volume: str, practice: str, held: int) -> Result:
    answers = {**VOLUME[volume], **practices(practice), **conditions(held)}
    assessment = Assessment.model_validate({"questionnaire": "readiness", "answers": answers})
    return score(readiness(), assessment)


def verdict(volume: str, practice: str, held: int) -> str:
    headline = result(volume, practice, held).overall.headline
    assert headline is not None
    return headline.id


# The verdict table: volume x practices (none or best) x platform conditions (4 = all four
# hold, 3 = one is missing) -> the verdict. It follows volume; practices never move it.
TABLE = [
    ("low", "none", 4, "not-yet"),
    ("low", "none", 3, "not-yet"),
    ("low", "best", 4, "not-yet"),
    ("low", "best", 3, "not-yet"),
    ("moderate", "none", 4, "lay-foundations"),
    ("moderate", "none", 3, "lay-foundations"),
    ("moderate", "best", 4, "lay-foundations"),
    ("moderate", "best", 3, "lay-foundations"),
    ("high", "none", 4, "invest-now"),
    ("high", "none", 3, "invest-now"),
    ("high", "best", 4, "invest-now"),
    ("high", "best", 3, "invest-now"),
    ("very-high", "none", 4, "scale-platform"),
    ("very-high", "none", 3, "invest-now"),
    ("very-high", "best", 4, "scale-platform"),
    ("very-high", "best", 3, "invest-now"),
]


@pytest.mark.parametrize(
    ("volume", "practice", "held", "expected"),
    TABLE,
    ids=[f"{v}-{p}-{'met' if h == 4 else 'unmet'}" for v, p, h, _ in TABLE],
)
def test_verdict_follows_need_and_the_platform_conditions(
    volume: str, practice: str, held: int, expected: str
) -> None:
    assert verdict(volume, practice, held) == expected


def test_the_table_has_every_verdict_and_the_cases_the_review_named() -> None:
    assert {row[3] for row in TABLE} == set(VERDICTS)
    rows = {(v, p, h): e for v, p, h, e in TABLE}
    # good practice at low volume used to be told to "lay the foundations".
    assert rows["low", "best", 4] == "not-yet"
    # moderate volume with good practice used to be told to "invest now".
    assert rows["moderate", "best", 4] == "lay-foundations"
    # an organisation whose platform conditions do not hold is not told to build one.
    assert rows["very-high", "none", 3] != "scale-platform"
    assert rows["very-high", "best", 3] != "scale-platform"


@pytest.mark.parametrize("volume", list(VOLUME))
def test_practices_and_conditions_do_not_move_the_score(volume: str) -> None:
    scores = {
        result(volume, practice, held).overall.score
        for practice in ("none", "best")
        for held in (0, 2, 4)
    }
    assert len(scores) == 1


@pytest.mark.parametrize("held", [0, 1, 2, 3])
def test_any_missing_condition_keeps_very_high_volume_at_invest_now(held: int) -> None:
    r = result("very-high", "best", held)
    assert r.overall.level is not None and r.overall.level.id == "scale-platform"
    assert verdict("very-high", "best", held) == "invest-now"


def test_a_blank_condition_blocks_the_platform_verdict() -> None:
    answers = {**VOLUME["very-high"], **practices("best"), **conditions(4)}
    del answers["pre-enable"]
    assessment = Assessment.model_validate({"questionnaire": "readiness", "answers": answers})
    headline = score(readiness(), assessment).overall.headline
    assert headline is not None and headline.id == "invest-now"


def test_practice_gaps_choose_the_first_steps() -> None:
    none = result("moderate", "none", 4)
    best = result("moderate", "best", 4)
    steps = {r.question for r in none.recommendations}
    assert steps >= set(PRACTICE_QUESTIONS)
    assert not {r.question for r in best.recommendations} & set(PRACTICE_QUESTIONS)
    first = [r for r in none.recommendations if r.question in PRACTICE_QUESTIONS]
    assert {r.level for r in first[: len(PRACTICE_QUESTIONS)]} == {1}, "foundations first"


def test_low_volume_gets_the_keep_it_simple_steps() -> None:
    steps = [r.question for r in result("low", "best", 0).recommendations]
    assert {"vol-models-prod", "vol-changes", "vol-people"} <= set(steps)
