"""The built-in `llmops` questionnaire: topics, levels, owners, sources and its example."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.model import (
    ChoiceQuestion,
    Group,
    Questionnaire,
    Recommendation,
    iter_groups,
)
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.result import Result

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "llmops-proseware-2026-q4.yaml"

# Each topic the questionnaire must cover, with the group and the questions that cover it.
TOPICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "prompt and configuration versioning": (
        "prompts",
        ("prompt-storage", "prompt-config-bundle", "prompt-release", "prompt-traceability"),
    ),
    "evaluation sets and regression evaluation in CI": (
        "evaluation",
        ("eval-set", "eval-regression"),
    ),
    "model-graded evaluation and its limits": ("evaluation", ("eval-judge",)),
    "online evaluation": ("evaluation", ("eval-online",)),
    "guardrails and output safety": (
        "guardrails",
        ("guard-layers", "guard-injection", "guard-jailbreak", "guard-pii"),
    ),
    "grounding and hallucination monitoring": (
        "grounding",
        ("ground-citations", "ground-monitoring", "ground-abstain"),
    ),
    "retrieval pipelines": (
        "retrieval",
        ("rag-freshness", "rag-quality", "rag-changes", "rag-access"),
    ),
    "human feedback loops": ("feedback", ("fb-capture", "fb-review", "fb-to-evals")),
    "token cost and latency budgets": (
        "cost-latency",
        ("cost-attribution", "cost-limits", "cost-optimisation"),
    ),
    "dependence on vendor model APIs": (
        "providers",
        ("vendor-pinning", "vendor-retirement", "vendor-fallback", "vendor-switch"),
    ),
    "red-teaming": ("red-teaming", ("redteam-launch", "redteam-recurring", "redteam-findings")),
    "incident response": (
        "incidents",
        ("inc-killswitch", "inc-rollback", "inc-definition", "inc-review"),
    ),
    "people and ownership": ("ownership", ("own-quality", "own-safety-review", "own-experts")),
}


@pytest.fixture(scope="module")
def q() -> Questionnaire:
    return load_questionnaire("llmops")


@pytest.fixture(scope="module")
def example() -> Result:
    assessment, questionnaire = load_answers(EXAMPLE)
    assert questionnaire.id == "llmops"
    return score(questionnaire, assessment)


def recommendations(q: Questionnaire) -> Iterator[tuple[str, Recommendation]]:
    """Every recommendation the questionnaire can give, with its question id."""
    for qid, placed in q.placed.items():
        question = placed.question
        if isinstance(question, ChoiceQuestion):
            for option in q.options_of(question):
                if option.recommendation is not None:
                    yield qid, option.recommendation
        for rec in question.recommendations:
            yield qid, rec


def group_by_id(q: Questionnaire) -> dict[str, Group]:
    return {g.id: g for g in iter_groups(q.groups)}


def test_size_fits_a_45_to_60_minute_session(q: Questionnaire) -> None:
    assert 30 <= len(q.placed) <= 45
    assert q.minutes is not None
    assert 45 <= q.minutes <= 60


def test_levels_are_its_own(q: Questionnaire) -> None:
    assert [lv.value for lv in q.scale.levels] == [0, 1, 2, 3, 4]
    assert (q.scale.min, q.scale.max) == (0, 4)
    mlops = load_questionnaire("mlops")
    assert {lv.name for lv in q.scale.levels}.isdisjoint(lv.name for lv in mlops.scale.levels)
    for level in q.scale.levels:
        sentences = [s for s in level.description.split(". ") if s.strip()]
        assert 2 <= len(sentences) <= 4, level.id


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_every_topic_is_covered(q: Questionnaire, topic: str) -> None:
    group_id, question_ids = TOPICS[topic]
    groups = group_by_id(q)
    assert group_id in groups
    inside = {question.id for question in groups[group_id].questions}
    assert set(question_ids) <= inside


def test_every_question_belongs_to_a_topic(q: Questionnaire) -> None:
    covered = {qid for _, ids in TOPICS.values() for qid in ids}
    assert set(q.placed) == covered


def test_every_group_describes_every_level(q: Questionnaire) -> None:
    values = {lv.value for lv in q.scale.levels}
    for group in iter_groups(q.groups):
        assert set(group.level_descriptions) == values, group.id
        short = [v for v, text in group.level_descriptions.items() if len(text.split()) < 8]
        assert short == [], group.id


def test_every_recommendation_has_an_owner(q: Questionnaire) -> None:
    found = list(recommendations(q))
    assert len(found) > 100
    assert [qid for qid, rec in found if not rec.owner.strip()] == []
    assert all(len(rec.owner.split()) <= 4 for _, rec in found), "an owner is a role"


def test_steps_that_depend_on_others_say_so(q: Questionnaire) -> None:
    after: dict[str, set[str]] = {}
    for qid, rec in recommendations(q):
        after.setdefault(qid, set()).update(rec.after)
    # A calibrated judge comes before judging live traffic with it.
    assert "eval-judge" in after["ground-monitoring"] | after["eval-online"]
    # A production failure can only become a case of an evaluation set that exists.
    assert "eval-set" in after["fb-to-evals"]


def test_retrieval_and_judge_questions_allow_na(q: Questionnaire) -> None:
    retrieval = group_by_id(q)["retrieval"]
    assert all(question.not_applicable for question in retrieval.questions)
    assert q.placed["eval-judge"].question.not_applicable
    # Practices every LLM application has cannot be waved away.
    for qid in ("eval-set", "eval-regression", "guard-injection", "inc-killswitch"):
        assert not q.placed[qid].question.not_applicable, qid


def test_staged_levels_are_tagged_at_every_level(q: Questionnaire) -> None:
    tagged: dict[int, set[str]] = {}
    for qid, placed in q.placed.items():
        question = placed.question
        levels = {g.level for g in question.gates}
        if question.level is not None:
            levels.add(question.level)
        for level in levels:
            tagged.setdefault(level, set()).add(qid)
    assert sorted(tagged) == [1, 2, 3, 4]
    assert all(len(ids) >= 3 for ids in tagged.values()), tagged


def test_sources_name_the_reference_frameworks(q: Questionnaire) -> None:
    sources = " | ".join(s for p in q.placed.values() for s in p.question.sources)
    for name in (
        "OWASP Top 10 for LLM Applications 2025",
        "NIST AI 600-1",
        "MITRE ATLAS",
        "Microsoft LLMOps maturity model",
        "Zheng et al. 2023",
        "RAGAS",
    ):
        assert name in sources, name
    for question in group_by_id(q)["guardrails"].questions:
        assert any("OWASP" in s or "MITRE ATLAS" in s for s in question.sources), question.id


def test_example_is_complete_and_scores(example: Result) -> None:
    assert example.missing == ()
    assert example.overall.score is not None
    assert example.overall.completeness == 1.0
    assert example.recommendations, "the example team has something to improve"
    assert all(r.owner for r in example.recommendations)


def test_example_tells_a_mid_maturity_story(example: Result) -> None:
    overall = example.overall
    assert overall.level is not None
    assert overall.staged_level is not None
    # Evaluated releases on average, but a few level-2 practices are still missing.
    assert overall.level.value == 2
    assert overall.staged_level.value == 1
    assert any(r.blocks_next_level for r in example.recommendations)
    scores = {g.id: g.score for g in example.groups}
    assert all(s is not None and 1 <= s <= 3 for s in scores.values()), scores
