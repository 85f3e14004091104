"""Many teams side by side: latest result per team, medians, best teams and shared gaps."""

from __future__ import annotations

import pytest

from mlops_maturity.history.gaps import first_per_question, holds_back, next_level
from mlops_maturity.history.model import Mark, Portfolio
from mlops_maturity.history.order import ComparisonError
from mlops_maturity.history.portfolio import portfolio
from mlops_maturity.scoring.result import RecommendationResult
from tests.conftest import questionnaire
from tests.history_data import definitions, entry, tiny_2, tiny_result

ALPHA = {"q1": "never", "q2": False, "q3": 0}  # people 0, tech 0: overall 0, level 0
BETA = {"q1": "never", "q2": True, "q3": 2, "q4": ["ci"]}  # people 2, tech 2: level 2
GAMMA = {"q1": "always", "q2": False, "q3": 5}  # people 2, tech 4: 3.333333333, level 3


def three_teams() -> Portfolio:
    return portfolio(
        [
            entry("gamma.yaml", tiny_result(GAMMA, "2026-Q3", team="Gamma")),
            entry("alpha.yaml", tiny_result(ALPHA, "2026-Q3", team="Alpha")),
            entry("beta.yaml", tiny_result(BETA, "2026-Q3", team="Beta")),
        ]
    )


def test_teams_are_listed_by_name() -> None:
    p = three_teams()
    assert [(t.label, t.source, t.period, t.older) for t in p.teams] == [
        ("Alpha", "alpha.yaml", "2026-Q3", 0),
        ("Beta", "beta.yaml", "2026-Q3", 0),
        ("Gamma", "gamma.yaml", "2026-Q3", 0),
    ]
    assert p.organization == "Example Corp"


def test_median_distance_and_best_team_per_group() -> None:
    p = three_teams()
    assert [c.score for c in p.overall.cells if c] == [0.0, 2.0, 3.333333333]
    assert (p.overall.median, p.overall.median_level) == (2.0, Mark(value=2, name="Repeatable"))
    assert [c.distance for c in p.overall.cells if c] == [-2.0, 0.0, 1.333333333]
    assert p.overall.best == (2,)
    people, tech = p.groups
    assert ([c.score for c in people.cells if c], people.median, people.best) == (
        [0.0, 2.0, 2.0],
        2.0,
        (1, 2),
    )
    assert ([c.distance for c in tech.cells if c], tech.best) == ([-2.0, 0.0, 2.0], (2,))


def test_shared_gaps_are_ranked_by_how_many_teams_they_hold_back() -> None:
    # q1 "Start" is for level 1: it holds back Alpha (next level 1) and Beta (next level 3).
    # q2 "Do it" is for level 2: beyond Alpha's next level, but it blocks Gamma's.
    # q4 "Add registry" is Beta's alone, so it is not shared.
    p = three_teams()
    assert [(g.question, g.title, g.teams, g.held_back, g.blocking) for g in p.gaps] == [
        ("q1", "Start", (0, 1), (0, 1), (0, 1)),
        ("q2", "Do it", (0, 2), (2,), (2,)),
    ]
    assert [(a.team, a.answer) for a in p.gaps[0].answers] == [(0, "Never"), (1, "Never")]


def test_next_level_follows_the_level_reports_lead_with() -> None:
    assert next_level(tiny_result(ALPHA, "2026-Q3")) == 1
    assert next_level(tiny_result(GAMMA, "2026-Q3")) == 4
    top = tiny_result({"q1": "always", "q2": True, "q3": 9, "q4": ["ci", "reg"]}, "2026-Q3")
    assert next_level(top) is None


def rec(question: str, level: int | None, blocks: bool = False) -> RecommendationResult:
    return RecommendationResult(
        question=question,
        answer="a",
        group=("g",),
        title=f"{question}-{level}",
        why="w",
        how="h",
        effort="low",
        impact="high",
        priority=0.5,
        level=level,
        blocks_next_level=blocks,
    )


@pytest.mark.parametrize(
    ("step", "nearest", "expected"),
    [
        pytest.param(rec("q", 2), 2, True, id="for-the-next-level"),
        pytest.param(rec("q", 1), 2, True, id="below-the-next-level"),
        pytest.param(rec("q", 3), 2, False, id="later-work"),
        pytest.param(rec("q", 3, blocks=True), 2, True, id="blocks"),
        pytest.param(rec("q", None), 2, True, id="no-level"),
        pytest.param(rec("q", 3), None, True, id="at-the-top"),
    ],
)
def test_holds_back(step: RecommendationResult, nearest: int | None, expected: bool) -> None:
    assert holds_back(step, nearest) is expected


def test_one_step_per_question_at_its_lowest_level_and_blocking_if_any_is() -> None:
    merged = first_per_question([rec("q", 3), rec("q", 2, blocks=True), rec("r", 1)])
    assert [(r.question, r.level, r.blocks_next_level, r.title) for r in merged] == [
        ("q", 2, True, "q-3"),
        ("r", 1, False, "r-1"),
    ]


def test_each_team_is_its_latest_result() -> None:
    p = portfolio(
        [
            entry("a-q2.yaml", tiny_result(ALPHA, "2026-Q2", team="Alpha")),
            entry("a-q3.yaml", tiny_result(GAMMA, "2026-Q3", team="Alpha")),
            entry("b-q3.yaml", tiny_result(BETA, "2026-Q3", team="Beta")),
        ]
    )
    assert [(t.label, t.source, t.older) for t in p.teams] == [
        ("Alpha", "a-q3.yaml", 1),
        ("Beta", "b-q3.yaml", 0),
    ]


def test_two_latest_results_of_one_team_are_refused_unless_mixed_is_allowed() -> None:
    given = [
        entry("a.yaml", tiny_result(ALPHA, "2026-Q3", team="Alpha", date="2026-09-01")),
        entry("b.yaml", tiny_result(GAMMA, "2026-Q3", team="Alpha", date="2026-09-20")),
        entry("c.yaml", tiny_result(BETA, "2026-Q3", team="Beta")),
    ]
    with pytest.raises(ComparisonError, match=r"a\.yaml and b\.yaml are both the latest result of"):
        portfolio(given)
    p = portfolio(given, allow_mixed=True)
    assert p.teams[0].source == "b.yaml"
    assert [(d.kind, d.sources) for d in p.differences] == [("same_latest", ("a.yaml", "b.yaml"))]


def test_one_team_is_not_a_portfolio() -> None:
    with pytest.raises(
        ComparisonError, match=r"needs the results of at least two teams; a\.yaml is"
    ):
        portfolio([entry("a.yaml", tiny_result(ALPHA, "2026-Q3"))])


def test_teams_on_another_version_are_flagged_against_the_newest() -> None:
    p = portfolio(
        [
            entry("a.yaml", tiny_result(ALPHA, "2026-Q3", team="Alpha")),
            entry(
                "b.yaml",
                tiny_result({"q1-often": "never", "q3": 1}, "2026-Q3", team="Beta", q=tiny_2()),
            ),
        ],
        definitions=definitions(questionnaire("tiny"), tiny_2()),
    )
    assert p.questionnaire.version == "2"
    (change,) = p.versions
    assert (change.between, change.before.version, change.after.version) == ((0, 1), "1", "2")
    assert [c.changed for c in p.overall.cells if c] == [True, False]
    assert [r.id for r in p.groups] == ["people", "tech"]
