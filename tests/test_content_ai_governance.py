"""What is specific to the built-in `ai-governance` questionnaire (EU AI Act readiness)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.assessment.model import Assessment
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.model import (
    ChoiceQuestion,
    Questionnaire,
    Recommendation,
    iter_groups,
)
from mlops_maturity.scoring.engine import score

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ai-governance-lamna-2026-q4.yaml"

AI_ACT = re.compile(r"EU AI Act \(Regulation \(EU\) 2024/1689\), (Art\. \d+[a-z]?|Annex [IVX]+)\b")
NIST = re.compile(r"NIST AI RMF 1\.0, (Govern|Map|Measure|Manage) \d+\.\d+\b")

# The topics the questionnaire must cover, each by the group that asks about it.
TOPIC_GROUPS = {
    "inventory, risk classes and roles": "inventory",
    "governance roles, AI policy, AI literacy, quality management": "governance",
    "risk management": "risk",
    "data governance": "data",
    "technical documentation and model cards": "documentation",
    "record-keeping and logging": "logging",
    "transparency to deployers and users": "transparency",
    "human oversight": "oversight",
    "accuracy, robustness and cybersecurity": "robustness",
    "post-market monitoring and serious incidents": "monitoring",
    "explainability of individual decisions": "explainability",
    "deployer duties and fundamental rights impact assessment": "deployer",
    "general-purpose AI models": "gpai",
}

# Questions about duties of providers of high-risk systems, and of anyone providing or using one.
PROVIDER_ONLY = {
    "gov-qms",
    "risk-lifecycle",
    "doc-technical-file",
    "log-automatic",
    "tra-instructions",
    "mon-pmm-plan",
}
ANY_HIGH_RISK = {
    "log-retention",
    "ovs-design",
    "ovs-people",
    "mon-serious-incidents",
    "exp-requests",
    "dep-use",
    "dep-fria",
    "dep-inform",
}
GPAI = {"gpai-documentation", "gpai-copyright", "gpai-systemic"}


@pytest.fixture(scope="module")
def q() -> Questionnaire:
    return load_questionnaire("ai-governance")


def recommendations(q: Questionnaire, question: Any) -> list[Recommendation]:
    """Every recommendation a question can give, on its options and on the question itself."""
    found: list[Recommendation] = list(question.recommendations)
    if isinstance(question, ChoiceQuestion):
        found += [o.recommendation for o in q.options_of(question) if o.recommendation]
    return found


def test_size_time_and_disclaimer(q: Questionnaire) -> None:
    assert 35 <= len(q.placed) <= 45
    assert q.minutes == 60
    assert "not legal advice" in " ".join(q.description.split())
    assert [lv.value for lv in q.scale.levels] == [0, 1, 2, 3, 4]


def test_every_question_cites_the_ai_act_or_the_nist_ai_rmf(q: Questionnaire) -> None:
    uncited = [
        qid
        for qid, placed in q.placed.items()
        if not any(AI_ACT.search(s) or NIST.search(s) for s in placed.question.sources)
    ]
    assert uncited == []


def test_every_question_cites_both_frameworks(q: Questionnaire) -> None:
    """Ideally both: an article or annex of the Act and a subcategory of the NIST AI RMF."""
    one_sided = [
        qid
        for qid, placed in q.placed.items()
        if not any(AI_ACT.search(s) for s in placed.question.sources)
        or not any(NIST.search(s) for s in placed.question.sources)
    ]
    assert one_sided == []


@pytest.mark.parametrize("topic", sorted(TOPIC_GROUPS))
def test_topic_is_covered(q: Questionnaire, topic: str) -> None:
    group = next((g for g in q.groups if g.id == TOPIC_GROUPS[topic]), None)
    assert group is not None, topic
    assert group.questions, topic


def test_every_group_describes_every_level(q: Questionnaire) -> None:
    levels = {lv.value for lv in q.scale.levels}
    incomplete = {
        g.id: sorted(levels - set(g.level_descriptions))
        for g in iter_groups(q.groups)
        if set(g.level_descriptions) != levels
        or any(not text.strip() for text in g.level_descriptions.values())
    }
    assert incomplete == {}


def test_every_recommendation_has_an_owner(q: Questionnaire) -> None:
    ownerless = [
        (qid, rec.title)
        for qid, placed in q.placed.items()
        for rec in recommendations(q, placed.question)
        if not rec.owner.strip()
    ]
    assert ownerless == []


def test_every_question_gates_a_level(q: Questionnaire) -> None:
    ungated = [
        qid
        for qid, placed in q.placed.items()
        if not placed.question.gates and placed.question.level is None
    ]
    assert ungated == []
    first = [qid for qid, p in q.placed.items() if any(g.level == 1 for g in p.question.gates)]
    assert {"inv-register", "inv-prohibited", "gov-owner", "gov-literacy"} <= set(first)


def test_every_group_gates_every_level(q: Questionnaire) -> None:
    """Each capability's own staged level needs practices tagged at each level of the scale."""
    levels = {lv.value for lv in q.scale.levels if lv.value > q.scale.min}
    missing = {
        g.id: sorted(levels - {gate.level for x in g.questions for gate in x.gates})
        for g in q.groups
        if levels - {gate.level for x in g.questions for gate in x.gates}
    }
    assert missing == {}


def test_scoping_questions_carry_no_weight_and_drive_the_conditions(q: Questionnaire) -> None:
    assert q.placed["inv-high-risk"].question.weight == 0
    assert q.placed["inv-gpai"].question.weight == 0
    for qid in PROVIDER_ONLY | ANY_HIGH_RISK:
        assert q.placed[qid].question.when.question == "inv-high-risk", qid
    for qid in GPAI:
        assert q.placed[qid].question.when.question == "inv-gpai", qid


def scored(q: Questionnaire, high_risk: str, gpai: str) -> dict[str, str]:
    """The status of every question when the scoping questions are answered as given."""
    answers = {"inv-high-risk": high_risk, "inv-gpai": gpai}
    assessment = Assessment.model_validate({"questionnaire": q.id, "answers": answers})
    return {a.question: a.status for a in score(q, assessment).answers}


def test_no_high_risk_and_no_gpai_skips_their_questions(q: Questionnaire) -> None:
    status = scored(q, "none", "user")
    skipped = {qid for qid, s in status.items() if s == "skipped"}
    assert skipped == PROVIDER_ONLY | ANY_HIGH_RISK | GPAI


def test_deployers_get_deployer_questions_only(q: Questionnaire) -> None:
    status = scored(q, "deployer", "user")
    assert {qid for qid in ANY_HIGH_RISK if status[qid] == "skipped"} == set()
    assert {qid for qid in PROVIDER_ONLY if status[qid] != "skipped"} == set()


def test_unclassified_inventory_asks_every_high_risk_question(q: Questionnaire) -> None:
    status = scored(q, "unknown", "systemic")
    assert [qid for qid, s in status.items() if s == "skipped"] == []


def test_the_example_scores_completely_with_recommendations() -> None:
    assessment, q = load_answers(EXAMPLE)
    assert q.id == "ai-governance"
    result = score(q, assessment)
    assert result.missing == ()
    assert result.overall.score is not None
    assert result.overall.staged_level is not None
    assert result.overall.headline == result.overall.staged_level
    assert result.recommendations
    status = {a.question: a.status for a in result.answers}
    assert {qid for qid, s in status.items() if s == "skipped"} == GPAI
    assert all(rec.question in q.placed for rec in result.recommendations)
