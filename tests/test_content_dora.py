"""DORA answers land in the same cluster in `dora` and `mlops`, and in the one DORA's tables give.

One table of (metric, value, year, expected cluster) cases, checked against the question of each
questionnaire that carries that benchmark. The cases include the probes of the content review
(§2, D-1 to D-3 and D-6) and the edges: exactly once a day, exactly once every six months, the
worst value of every year.
"""

from __future__ import annotations

from functools import cache

import pytest

from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.model import NumberQuestion, Questionnaire
from mlops_maturity.scoring.answers import placements_of
from mlops_maturity.scoring.question import question_score

QUESTIONNAIRES = ("dora", "mlops")
METRICS = ("deployment-frequency", "lead-time", "recovery-time", "change-fail-rate")
YEARS = (2021, 2022, 2023, 2024)
SIXTH = 1 / 6  # once every six months, in deployments a month

# (metric, value, year, cluster DORA's table gives for that metric alone)
CASES: list[tuple[str, float, int, str]] = [
    # Review D-1: the same numbers used to land in different clusters in the two files.
    ("change-fail-rate", 12, 2023, "Medium"),
    ("change-fail-rate", 6, 2024, "Medium"),
    ("change-fail-rate", 7, 2023, "High"),
    ("deployment-frequency", 35, 2021, "High"),
    ("change-fail-rate", 35, 2023, "Low"),
    # Review D-2: the slowest teams of 2022 were left without a cluster in `mlops`.
    ("deployment-frequency", 0.1, 2022, "Low"),
    ("lead-time", 5000, 2022, "Low"),
    ("change-fail-rate", 70, 2022, "Low"),
    ("recovery-time", 1000, 2022, "Low"),
    # ... and in other years too.
    ("deployment-frequency", 0.5, 2023, "Low"),
    ("lead-time", 1000, 2023, "Low"),
    ("recovery-time", 5000, 2023, "Low"),
    ("change-fail-rate", 45, 2021, "Low"),
    ("lead-time", 5000, 2024, "Low"),
    ("recovery-time", 1000, 2024, "Low"),
    # Review D-3: exactly once a day (30 calendar days, or 20 working days) is not Elite.
    *[("deployment-frequency", n, 2021, "High") for n in (20, 30)],
    *[("deployment-frequency", n, 2022, "Medium") for n in (20, 30)],
    *[("deployment-frequency", n, 2023, "High") for n in (20, 30)],
    *[("deployment-frequency", n, 2024, "High") for n in (20, 30)],
    # Several a day, on demand: this tool's edge is 40 a month.
    ("deployment-frequency", 40, 2021, "Elite"),
    ("deployment-frequency", 40, 2022, "High"),
    ("deployment-frequency", 40, 2023, "Elite"),
    ("deployment-frequency", 40, 2024, "Elite"),
    # Review D-6: exactly once every six months is on the better side of the six-month edge.
    ("deployment-frequency", SIXTH, 2021, "Medium"),
    ("deployment-frequency", 0.16, 2021, "Low"),
    ("deployment-frequency", SIXTH, 2022, "Low"),
    ("deployment-frequency", SIXTH, 2023, "Low"),
    ("deployment-frequency", SIXTH, 2024, "Low"),
    # Weekly and monthly edges belong to the range that starts there.
    ("deployment-frequency", 4, 2023, "High"),
    ("deployment-frequency", 1, 2024, "Medium"),
    ("deployment-frequency", 0.9, 2024, "Low"),
    # Lead time: a day and a week are the start of the slower range.
    ("lead-time", 0.5, 2021, "Elite"),
    ("lead-time", 12, 2021, "High"),
    ("lead-time", 200, 2021, "Medium"),
    ("lead-time", 23, 2023, "Elite"),
    ("lead-time", 24, 2023, "High"),
    ("lead-time", 168, 2024, "Medium"),
    ("lead-time", 720, 2024, "Low"),
    ("lead-time", 720, 2023, "Low"),
    # Recovery time (failed deployment recovery time from 2023).
    ("recovery-time", 0.5, 2021, "Elite"),
    ("recovery-time", 0.5, 2022, "High"),
    ("recovery-time", 0.5, 2024, "Elite"),
    ("recovery-time", 12, 2024, "High"),
    ("recovery-time", 48, 2024, "Low"),
    ("recovery-time", 48, 2023, "Medium"),
    ("recovery-time", 200, 2021, "Low"),
    # Change fail rate: 2021 separates only Elite; 2024 lists Medium (10%) before High (20%).
    ("change-fail-rate", 15, 2021, "Elite"),
    ("change-fail-rate", 20, 2021, "High"),
    ("change-fail-rate", 5, 2023, "Elite"),
    ("change-fail-rate", 15, 2023, "Medium"),
    ("change-fail-rate", 15, 2024, "High"),
    ("change-fail-rate", 25, 2024, "Low"),
    ("change-fail-rate", 40, 2022, "Low"),
    ("change-fail-rate", 20, 2022, "Medium"),
]


@cache
def load(ident: str) -> Questionnaire:
    return load_questionnaire(ident)


def question_for(q: Questionnaire, metric: str) -> NumberQuestion:
    """The one number question of ``q`` that is placed in ``metric``'s clusters."""
    found = [
        p.question
        for p in q.placed.values()
        if isinstance(p.question, NumberQuestion) and p.question.benchmark == metric
    ]
    assert len(found) == 1, f"{q.id}: {len(found)} questions carry benchmark {metric}"
    return found[0]


def cluster(ident: str, metric: str, value: float, year: int) -> str | None:
    q = load(ident)
    placements = {p.year: p.cluster for p in placements_of(q, question_for(q, metric), value)}
    assert set(placements) == set(YEARS), f"{ident} {metric}: years {sorted(placements)}"
    return placements[year]


@pytest.mark.parametrize("ident", QUESTIONNAIRES)
@pytest.mark.parametrize(
    ("metric", "value", "year", "expected"),
    CASES,
    ids=[f"{m}-{v:g}-{y}" for m, v, y, _ in CASES],
)
def test_answer_lands_in_the_expected_cluster(
    ident: str, metric: str, value: float, year: int, expected: str
) -> None:
    assert cluster(ident, metric, value, year) == expected


@pytest.mark.parametrize(
    ("metric", "value", "year", "expected"),
    CASES,
    ids=[f"{m}-{v:g}-{y}" for m, v, y, _ in CASES],
)
def test_both_questionnaires_agree(metric: str, value: float, year: int, expected: str) -> None:
    assert {
        ident: cluster(ident, metric, value, year) for ident in QUESTIONNAIRES
    } == dict.fromkeys(QUESTIONNAIRES, expected)


WORST = {"deployment-frequency": 0, "lead-time": 1e6, "recovery-time": 1e6, "change-fail-rate": 100}
BEST = {"deployment-frequency": 1e4, "lead-time": 0, "recovery-time": 0, "change-fail-rate": 0}


@pytest.mark.parametrize("ident", QUESTIONNAIRES)
@pytest.mark.parametrize("metric", METRICS)
def test_no_answer_is_left_without_a_cluster(ident: str, metric: str) -> None:
    """Every year's worst cluster is open-ended and its best one reaches the best value."""
    names = {
        b.year: [c.name for c in b.clusters] for b in load(ident).benchmarks if b.metric == metric
    }
    for year in YEARS:
        assert cluster(ident, metric, WORST[metric], year) == "Low"
        assert cluster(ident, metric, BEST[metric], year) == ("High" if year == 2022 else "Elite")
        assert names[year][0] == ("High" if year == 2022 else "Elite")


def test_both_questionnaires_use_the_same_tables() -> None:
    def tables(ident: str) -> list[str]:
        return sorted(b.model_dump_json() for b in load(ident).benchmarks if b.metric in METRICS)

    assert tables("dora") == tables("mlops")
    assert len(tables("dora")) == len(METRICS) * len(YEARS)


MEASURED = {
    "deploy-frequency": ("dora.deployment_frequency", "deployments"),
    "lead-time": ("dora.lead_time", "hours"),
    "recovery-time": ("dora.time_to_restore", "hours"),
    "change-fail-rate": ("dora.change_failure_rate", "percent"),
    "rework-rate": ("dora.rework_rate", "percent"),
}


@pytest.mark.parametrize("qid", sorted(MEASURED))
def test_dora_questions_declare_the_metric_they_measure(qid: str) -> None:
    question = load("dora").placed[qid].question
    assert isinstance(question, NumberQuestion)
    metric, unit = MEASURED[qid]
    assert (question.metric, question.unit.split()[0]) == (metric, unit)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0.16, 0), (SIXTH, 2), (0.17, 2), (1, 4), (4, 6), (19.9, 6), (20, 8), (30, 8), (40, 10)],
)
def test_dora_frequency_buckets(value: float, expected: float) -> None:
    q = load("dora")
    assert question_score(q, q.placed["deploy-frequency"].question, value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    # Whole points, halves up: 12% is 8.8 in the Quick Check and 9 here (review D-5).
    [(0, 10), (5, 10), (5.1, 9), (12, 9), (15, 9), (15.5, 8), (40, 6), (45, 6), (100, 0)],
)
def test_dora_percentages_round_to_whole_points(value: float, expected: float) -> None:
    q = load("dora")
    for qid in ("change-fail-rate", "rework-rate"):
        assert question_score(q, q.placed[qid].question, value) == expected
