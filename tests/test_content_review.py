"""The content review's findings on `quick`, `platform` and `ml-test-score` stay fixed.

Sections 1, 4 and 5 of the 2026-12 content review: ML Test Score hedges, section names and the
per-section reading (MT-1, MT-3, MT-4), the platform's missing product-metrics layer and its
"why the platform exists" group counted in the score (P-1, P-3), incidents per service, and the
owners, order and level descriptions of `quick`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.model import (
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    Recommendation,
    iter_groups,
)
from mlops_maturity.scoring.engine import score

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ROLES = {
    "Team lead",
    "Data scientist",
    "Data engineer",
    "ML engineer",
    "Platform engineer",
    "Product owner",
}


@cache
def load(ident: str) -> Questionnaire:
    return load_questionnaire(ident)


def recommendations(q: Questionnaire) -> list[tuple[str, Recommendation]]:
    """Every recommendation of the questionnaire, with its question id."""
    found: list[tuple[str, Recommendation]] = []
    for qid, placed in q.placed.items():
        question: Any = placed.question
        if isinstance(question, ChoiceQuestion):
            found += [(qid, o.recommendation) for o in q.options_of(question) if o.recommendation]
        found += [(qid, r) for r in question.recommendations]
    return found


# --- quick ------------------------------------------------------------------------------------


def test_every_quick_step_has_an_owner_role() -> None:
    owners = {(qid, rec.title): rec.owner for qid, rec in recommendations(load("quick"))}
    assert {key: owner for key, owner in owners.items() if owner not in ROLES} == {}


def test_quick_steps_that_depend_on_others_say_so() -> None:
    merged: dict[str, set[str]] = {}
    for qid, rec in recommendations(load("quick")):
        merged.setdefault(qid, set()).update(rec.after)
    # A few dependencies that must hold in any sensible order of work.
    assert "tech-model-storage" in merged["proc-release"]
    assert "proc-testing" in merged["proc-release"]
    assert "tech-monitoring" in merged["proc-retraining"]
    assert "tech-monitoring" in merged["proc-rollback"]
    # The foundations depend on nothing.
    assert not merged["tech-source-control"] | merged["tech-data"] | merged["tech-monitoring"]


def test_every_quick_group_describes_every_level() -> None:
    q = load("quick")
    levels = [lv.value for lv in q.scale.levels]
    for group in iter_groups(q.groups):
        assert sorted(group.level_descriptions) == levels, group.id
        assert all(len(text.split()) >= 12 for text in group.level_descriptions.values())


def test_quick_no_longer_paraphrases_seed_000() -> None:
    top = load("quick").scale.levels[-1].description
    assert "rather than keeping them running" not in top
    assert "improving models rather than" not in top


# --- platform ---------------------------------------------------------------------------------


def test_why_the_platform_exists_is_a_gate_not_a_score() -> None:
    q = load("platform")
    mandate = next(g for g in q.groups if g.id == "mandate")
    assert mandate.weight == 0
    question = q.placed["team-preconditions"].question
    assert (question.level, question.met) == (2, 4)

    assessment, _ = load_answers(EXAMPLES / "platform-tailspin-2026-q4.yaml")
    ticked = assessment.answers["team-preconditions"]
    every = ticked.model_copy(
        update={
            "value": [
                "past-early-stage",
                "can-centralise",
                "adopt-before-build",
                "enable-by-influence",
            ]
        }
    )
    before = score(q, assessment)
    after = score(
        q,
        assessment.model_copy(
            update={"answers": {**assessment.answers, "team-preconditions": every}}
        ),
    )
    assert before.overall.score == after.overall.score
    assert before.overall.staged_level is not None and after.overall.staged_level is not None
    assert (before.overall.staged_level.value, after.overall.staged_level.value) == (1, 2)
    assert before.recommendations[0].question == "team-preconditions"


DELIVERY = {
    "prod-deploy-frequency": ("dora.deployment_frequency", "deployment-frequency"),
    "prod-lead-time": ("dora.lead_time", "lead-time"),
    "prod-change-fail-rate": ("dora.change_failure_rate", "change-fail-rate"),
    "prod-recovery-time": ("dora.time_to_restore", "recovery-time"),
}


def test_platform_measures_the_delivery_of_its_own_services() -> None:
    q = load("platform")
    delivery = next(g for g in q.groups if g.id == "delivery")
    assert delivery.weight == 1
    assert [x.id for x in delivery.questions] == ["prod-delivery-tracking", *DELIVERY]
    for qid, (metric, benchmark) in DELIVERY.items():
        question = q.placed[qid].question
        assert isinstance(question, NumberQuestion)
        assert (question.metric, question.benchmark) == (metric, benchmark)
        assert question.when is not None and question.when.question == "prod-delivery-tracking"
    assert {b.year for b in q.benchmarks} == {2021, 2022, 2023, 2024}


def test_platform_incidents_are_counted_per_service() -> None:
    question = load("platform").placed["rel-incidents"].question
    assert isinstance(question, NumberQuestion)
    assert "per service" in question.unit
    assert not question.integer, "a rate per service is a fraction"


def test_tailspin_example_scores_as_documented() -> None:
    assessment, q = load_answers(EXAMPLES / "platform-tailspin-2026-q4.yaml")
    result = score(q, assessment)
    groups = {g.id: g.score for g in result.groups}
    assert groups["delivery"] == pytest.approx((2 + 2 + 2 + 3 + 3) / 5)
    assert groups["reliability"] == pytest.approx((2 + 2) / 2)  # rel-latency is n/a
    assert result.overall.level is not None and result.overall.level.id == "product"


# --- ml-test-score ----------------------------------------------------------------------------


def test_ml_test_score_uses_the_papers_section_names() -> None:
    q = load("ml-test-score")
    assert [(g.id, g.title) for g in q.groups] == [
        ("data", "Features and Data"),
        ("model", "Model Development"),
        ("infrastructure", "ML Infrastructure"),
        ("monitoring", "Monitoring"),
    ]
    assert q.unanswered == "zero"
    assert len(q.placed) == 28


def test_ml_test_score_bands_keep_the_papers_hedges() -> None:
    q = load("ml-test-score")
    bands = {b.id: f"{b.label} {b.description}" for b in q.scale.bands}
    assert "possibility of serious holes" in bands["some-testing"]
    assert "may be needed" in bands["first-pass"]
    assert "likely" not in bands["some-testing"]
    assert "research project than" not in " ".join(lv.description for lv in q.scale.levels)


def test_ml_test_score_says_the_section_reading_is_an_extension() -> None:
    q = load("ml-test-score")
    for group in q.groups:
        assert "extension" in group.description, group.id
        assert [b.range for b in group.bands] == [b.range for b in q.scale.bands]
        assert all("extension" in b.description for b in group.bands), group.id


def test_model_3_is_worded_in_our_own_words() -> None:
    text = load("ml-test-score").placed["model-3"].question.text
    assert "All hyperparameters have been tuned" not in text
