"""The ML Test Score and DORA examples, scored by hand (tests/data/expected/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.result import Result

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def scored(name: str, **changes: object) -> Result:
    assessment, q = load_answers(EXAMPLES / name)
    return score(q, assessment.model_copy(update=changes))


def test_ml_test_score_woodgrove() -> None:
    result = scored("ml-test-score-woodgrove-2026-q3.yaml")
    sections = {g.id: (g.score, g.level.id if g.level else None) for g in result.groups}
    assert sections == {
        "data": (4.5, "strong"),
        "model": (3.5, "strong"),
        "infrastructure": (6.0, "exceptional"),
        "monitoring": (3.0, "reasonably-tested"),
    }
    overall = result.overall
    assert (overall.score, overall.min_score, overall.max_score) == (3.0, 0, 7)
    assert overall.level is not None
    assert (overall.level.id, overall.level.value) == ("reasonably-tested", None)
    assert overall.staged_level is None
    assert len(result.recommendations) == 22
    top = result.recommendations[0]
    assert top.question == "monitor-1"
    # Monitoring (3.0) is the weakest section, so under `min` it takes the whole share:
    # 1 × 1/7 (one of seven tests) × gap 1 × impact high 3 / effort low 1.
    assert top.priority == pytest.approx(3 / 7, abs=1e-6)
    assert {r.question.split("-")[0] for r in result.recommendations if r.priority > 0} == {
        "monitor"
    }
    assert top.level == 4  # the next level above the Monitoring section's 3.0


@pytest.mark.parametrize(
    ("year", "clusters"),
    [
        pytest.param(None, ["High", "High", "High", "Medium"], id="file-says-2023"),
        pytest.param(2024, ["High", "High", "High", "High"], id="2024"),
        pytest.param(2021, ["High", "High", "High", "Elite"], id="2021"),
        pytest.param(2022, ["Medium", "High", "High", "High"], id="2022-no-elite"),
    ],
)
def test_dora_adatum(year: int | None, clusters: list[str]) -> None:
    result = scored(
        "dora-adatum-2026-q3.yaml", **({} if year is None else {"benchmark_year": year})
    )
    metrics = {a.question: a.score for a in result.answers if a.type == "number"}
    assert metrics == {
        "deploy-frequency": 6,
        "lead-time": 6,
        "recovery-time": 8,
        "change-fail-rate": 9,
        "rework-rate": 8,
    }
    groups = {g.id: g.score for g in result.groups}
    assert groups == pytest.approx({"throughput": 20 / 3, "stability": 8.5, "capabilities": 6.25})
    assert result.overall.score == pytest.approx(7.4)
    assert result.overall.level is not None
    assert (result.overall.level.id, result.overall.level.value) == ("high", 7)
    placed = [a.benchmark.cluster for a in result.answers if a.benchmark is not None]
    assert placed == clusters
    top = result.recommendations[:2]
    assert [(r.question, r.priority, r.level) for r in top] == [
        ("deploy-frequency", 0.12, 7),
        ("lead-time", 0.12, 7),
    ]
