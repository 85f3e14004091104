"""The built-in questionnaires are complete: help, sources, recommendations, concepts, levels."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.model import (
    BooleanQuestion,
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    TextQuestion,
)
from mlops_maturity.resources import builtin_questionnaires
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.question import question_range

ROOT = Path(__file__).resolve().parent.parent
BUILTIN = sorted(builtin_questionnaires())
EXPECTED_IDS = [
    "ai-governance",
    "dora",
    "llmops",
    "ml-test-score",
    "mlops",
    "platform",
    "quick",
    "readiness",
]


def load(ident: str) -> Questionnaire:
    return load_questionnaire(ident)


def test_all_frameworks_ship() -> None:
    assert BUILTIN == EXPECTED_IDS


@pytest.mark.parametrize("ident", BUILTIN)
def test_every_question_has_help_and_sources(ident: str) -> None:
    q = load(ident)
    assert [qid for qid, p in q.placed.items() if not p.question.help.strip()] == []
    assert [qid for qid, p in q.placed.items() if not p.question.sources] == []


@pytest.mark.parametrize("ident", BUILTIN)
def test_every_level_is_described(ident: str) -> None:
    q = load(ident)
    assert [lv.id for lv in q.scale.levels if len(lv.description.split()) < 8] == []


def gaps_without_advice(q: Questionnaire, question: Any) -> list[str]:
    """Answers below the question's best that would get no recommendation."""
    low, high = question_range(q, question)
    thresholds = [high if r.below is None else r.below for r in question.recommendations]

    def covered(score: float) -> bool:
        return any(score < t for t in thresholds)

    if isinstance(question, ChoiceQuestion) and question.type == "single":
        return [
            o.id
            for o in q.options_of(question)
            if o.score < high and not o.recommendation and not covered(o.score)
        ]
    if isinstance(question, ChoiceQuestion):
        return (
            [] if any(o.recommendation for o in q.options_of(question)) or thresholds else ["all"]
        )
    if isinstance(question, BooleanQuestion | NumberQuestion):
        return [] if covered(low) else ["lowest"]
    return []


@pytest.mark.parametrize("ident", BUILTIN)
def test_every_answer_below_the_top_gets_a_recommendation(ident: str) -> None:
    q = load(ident)
    missing = {
        qid: gaps for qid, p in q.placed.items() if (gaps := gaps_without_advice(q, p.question))
    }
    assert missing == {}


def test_mlops_size_levels_and_areas() -> None:
    q = load("mlops")
    assert 50 <= len(q.placed) <= 90
    assert [lv.value for lv in q.scale.levels] == [0, 1, 2, 3, 4]
    assert [g.id for g in q.groups] == ["people", "process", "technology", "outcomes"]
    assert all(g.groups for g in q.groups), "each area is split into capabilities"
    tagged = {p.question.level for p in q.placed.values() if p.question.level is not None}
    assert tagged == {1, 2, 3, 4}


def test_quick_is_short_and_shares_the_mlops_levels() -> None:
    quick, full = load("quick"), load("mlops")
    assert 12 <= len(quick.placed) <= 15
    assert [(lv.value, lv.id) for lv in quick.scale.levels] == [
        (lv.value, lv.id) for lv in full.scale.levels
    ]


def test_ml_test_score_has_28_tests_in_four_sections() -> None:
    q = load("ml-test-score")
    assert [len(g.questions) for g in q.groups] == [7, 7, 7, 7]
    assert q.aggregation == "min"
    assert {g.aggregation for g in q.groups} == {"sum"}


def concept_table() -> dict[str, list[str]]:
    text = (ROOT / "docs" / "questionnaires.md").read_text()
    rows = re.findall(r"^\|\s*(C\d\d)\s*\|(.*)$", text, flags=re.MULTILINE)
    return {cid: re.findall(r"`([a-z0-9][a-z0-9_.-]*)`", rest) for cid, rest in rows}


def test_every_seed_concept_is_covered_by_existing_questions() -> None:
    table = concept_table()
    assert sorted(table) == [f"C{i:02d}" for i in range(1, 46)]
    every_id = {qid for ident in BUILTIN for qid in load(ident).placed}
    assert {cid: ids for cid, ids in table.items() if not ids or set(ids) - every_id} == {}


EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_are_complete_and_score(path: Path) -> None:
    assessment, q = load_answers(path)
    result = score(q, assessment)
    assert result.missing == ()
    assert result.overall.score is not None
    assert result.recommendations, "a realistic team has something to improve"


def test_every_builtin_has_an_example() -> None:
    covered = {load_answers(p)[1].id for p in EXAMPLES}
    assert covered >= set(EXPECTED_IDS)


def test_text_questions_carry_no_levels() -> None:
    for ident in BUILTIN:
        q = load(ident)
        assert all(
            p.question.level is None
            for p in q.placed.values()
            if isinstance(p.question, TextQuestion)
        )
