"""Properties of scoring that must hold for any answers."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mlops_maturity.questionnaire.model import BooleanQuestion, ChoiceQuestion, Questionnaire
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.result import GroupResult, Overall, Result
from tests.conftest import assessment, questionnaire

MODELS = {name: questionnaire(name) for name in ("samm", "mlts", "checklist")}


def choices(q: Questionnaire, question: Any) -> list[Any]:
    if isinstance(question, ChoiceQuestion):
        ranked = sorted(q.options_of(question), key=lambda o: o.score)
        return [o.id for o in ranked]
    assert isinstance(question, BooleanQuestion)
    return [False, True]


@st.composite
def answer_indexes(draw: st.DrawFn) -> tuple[str, dict[str, int], str]:
    name = draw(st.sampled_from(sorted(MODELS)))
    q = MODELS[name]
    picks = {
        qid: draw(st.integers(0, len(choices(q, p.question)) - 1)) for qid, p in q.placed.items()
    }
    raised = draw(st.sampled_from(sorted(picks)))
    return name, picks, raised


def scored(name: str, picks: dict[str, int]) -> Result:
    q = MODELS[name]
    answers = {qid: choices(q, q.placed[qid].question)[i] for qid, i in picks.items()}
    return score(q, assessment(name, answers))


def all_groups(groups: tuple[GroupResult, ...]) -> list[GroupResult]:
    out: list[GroupResult] = []
    for g in groups:
        out += [g, *all_groups(g.groups)]
    return out


@settings(max_examples=150, deadline=None)
@given(answer_indexes())
def test_scores_stay_within_their_range(case: tuple[str, dict[str, int], str]) -> None:
    name, picks, _ = case
    result = scored(name, picks)
    items: list[Overall | GroupResult] = [result.overall, *all_groups(result.groups)]
    for item in items:
        assert item.score is not None and item.min_score is not None and item.max_score is not None
        assert item.min_score - 1e-9 <= item.score <= item.max_score + 1e-9
    q = MODELS[name]
    for answer in result.answers:
        assert answer.score is not None
        assert q.scale.min <= answer.score <= q.scale.max


@settings(max_examples=150, deadline=None)
@given(answer_indexes())
def test_raising_one_answer_never_lowers_any_score(case: tuple[str, dict[str, int], str]) -> None:
    name, picks, raised = case
    top = len(choices(MODELS[name], MODELS[name].placed[raised].question)) - 1
    before = scored(name, picks)
    after = scored(name, {**picks, raised: min(top, picks[raised] + 1)})
    pairs = zip(all_groups(before.groups), all_groups(after.groups), strict=True)
    compared: list[tuple[Overall | GroupResult, Overall | GroupResult]] = [
        (before.overall, after.overall),
        *pairs,
    ]
    for old, new in compared:
        assert old.score is not None and new.score is not None
        assert new.score >= old.score - 1e-9
    old_stage, new_stage = before.overall.staged_level, after.overall.staged_level
    if old_stage is not None and new_stage is not None:
        assert (new_stage.value or 0) >= (old_stage.value or 0)
    else:
        assert old_stage is None and new_stage is None  # only models without level tags
