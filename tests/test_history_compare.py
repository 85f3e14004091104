"""One subject over time: deltas, staged levels, movements, recommendations, progress to date."""

from __future__ import annotations

import pytest

from mlops_maturity.history.compare import compare
from mlops_maturity.history.model import Cell, Comparison, Mark
from mlops_maturity.history.order import ComparisonError
from mlops_maturity.scoring.targets import goals
from tests.conftest import questionnaire
from tests.history_data import Q1, Q2, definitions, entry, tiny_2, tiny_result

Q3_V2 = {"q1-often": "always", "q2": True, "q3": 2, "q4": ["ci", "reg"]}  # people 4, tech 4


def two_quarters() -> Comparison:
    """2026-Q1 then 2026-Q2 (with a target for People), given in the wrong order."""
    first = tiny_result(Q1, "2026-Q1")
    second = tiny_result(Q2, "2026-Q2", targets={"people": 3})
    return compare([entry("q2.yaml", second), entry("q1.yaml", first)])


def three_quarters(*, with_definitions: bool = True) -> Comparison:
    """Two quarters on tiny 1, then one on tiny 2 (q1 renamed, q3 rebanded)."""
    results = [
        entry("q1.yaml", tiny_result(Q1, "2026-Q1")),
        entry("q2.yaml", tiny_result(Q2, "2026-Q2")),
        entry("q3.yaml", tiny_result(Q3_V2, "2026-Q3", q=tiny_2())),
    ]
    found = definitions(questionnaire("tiny"), tiny_2()) if with_definitions else {}
    return compare(results, definitions=found)


def test_periods_come_in_time_order_with_their_files() -> None:
    c = two_quarters()
    assert [(p.label, p.source, p.provisional) for p in c.periods] == [
        ("2026-Q1", "q1.yaml", False),
        ("2026-Q2", "q2.yaml", False),
    ]


def test_overall_and_group_scores_with_their_changes() -> None:
    c = two_quarters()
    assert c.overall.cells == (
        Cell(
            score=1.333333333,
            min_score=0.0,
            max_score=4.0,
            level=Mark(value=1, name="Initial"),
            staged=Mark(value=0, name="None"),
            staged_status="reached",
            change_previous=None,
            change_first=None,
        ),
        Cell(
            score=3.0,
            min_score=0.0,
            max_score=4.0,
            level=Mark(value=3, name="Defined"),
            staged=Mark(value=0, name="None"),
            staged_status="reached",
            change_previous=1.666666667,
            change_first=1.666666667,
        ),
    )
    people, tech = c.groups
    assert [(x.score, x.change_previous) for x in people.cells if x] == [(0.0, None), (3.0, 3.0)]
    assert [(x.score, x.change_previous) for x in tech.cells if x] == [(2.0, None), (3.0, 1.0)]


def test_changes_from_the_previous_and_from_the_first_period() -> None:
    c = three_quarters()
    assert [(x.change_previous, x.change_first) for x in c.overall.cells if x] == [
        (None, None),
        (1.666666667, 1.666666667),
        (1.0, 2.666666667),
    ]


def test_biggest_gains_go_down_to_the_answers_that_changed() -> None:
    c = two_quarters()
    assert [(m.group, m.period, m.change) for m in c.gains] == [
        ("people", 1, 3.0),
        ("tech", 1, 1.0),
    ]
    assert c.regressions == ()
    people = c.gains[0]
    assert [
        (a.question, a.before, a.after, a.before_score, a.after_score) for a in people.answers
    ] == [
        ("q2", "no", "yes", 0.0, 4.0),
        ("q1", "Never", "Sometimes", 0.0, 2.0),
    ]


def test_a_regression_is_a_movement_down() -> None:
    c = compare(
        [entry("a.yaml", tiny_result(Q2, "2026-Q1")), entry("b.yaml", tiny_result(Q1, "2026-Q2"))]
    )
    assert [(m.group, m.change) for m in c.regressions] == [("people", -3.0), ("tech", -1.0)]
    assert c.gains == ()


def test_recommendations_closed_and_new_since_the_previous_period() -> None:
    (step,) = two_quarters().steps
    assert [(r.question, r.title, r.reason) for r in step.closed] == [
        ("q1", "Start", "improved"),
        ("q2", "Do it", "improved"),
    ]
    assert [(r.question, r.title, r.reason, r.after) for r in step.new] == [
        ("q4", "Add registry", "first_answer", "CI")
    ]
    assert step.replaced == step.set_aside == ()


def test_a_step_for_a_worse_answer_replaces_rather_than_closes() -> None:
    before = tiny_result({"q1": "sometimes", "q2": True, "q3": 2, "q4": ["ci"]}, "2026-Q1")
    after = tiny_result({"q1": "never", "q2": False, "q3": 2}, "2026-Q2")
    (step,) = compare([entry("a", before), entry("b", after)]).steps
    assert [(r.title, r.kind, r.reason) for r in step.new] == [
        ("Start", "new", "worse"),
        ("Do it", "new", "worse"),
    ]
    assert [(r.title, r.kind, r.reason) for r in step.set_aside] == [
        ("Add registry", "set_aside", "skipped")
    ]
    assert step.closed == ()


def test_a_question_left_unanswered_sets_its_step_aside() -> None:
    before = tiny_result(Q1, "2026-Q1")
    after = tiny_result({"q2": False, "q3": 2}, "2026-Q2")
    (step,) = compare([entry("a", before), entry("b", after)]).steps
    assert [(r.title, r.reason) for r in step.set_aside] == [("Start", "unanswered")]
    assert step.closed == step.new == ()


def test_goals_are_the_target_level_as_a_score_capped_by_the_question() -> None:
    result = tiny_result(Q2, "2026-Q2", targets={"people": 3, "tech": 4})
    assert goals(result) == {"q1": 3.0, "q2": 3.0, "q3": 4.0, "q4": 4.0}


def test_progress_to_date_is_samms_formula_over_questions_scored_in_both() -> None:
    c = two_quarters()
    # people: goals 3 and 3 (T = 6); baseline 0 + 0 (B = 0); now min(2, 3) + min(4, 3) (C = 5).
    assert [
        (p.id, p.target, p.questions, p.baseline, p.current, p.progress) for p in c.progress
    ] == [
        ("", None, 2, 0.0, 0.833333333, 0.833333333),
        ("people", 3, 2, 0.0, 0.833333333, 0.833333333),
    ]


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        pytest.param("sometimes", "always", 1.0, id="target-reached"),
        pytest.param("always", "always", 1.0, id="baseline-already-at-target"),
        pytest.param("sometimes", "never", -1.0, id="fell-below-the-baseline"),
    ],
)
def test_progress_to_date_edges(first: str, last: str, expected: float) -> None:
    a = tiny_result({"q1": first}, "2026-Q1")
    b = tiny_result({"q1": last}, "2026-Q2", targets={"people": 4})
    whole = compare([entry("a", a), entry("b", b)]).progress[0]
    assert (whole.questions, whole.progress) == (1, expected)


def test_no_targets_no_progress() -> None:
    c = compare([entry("a", tiny_result(Q1, "2026-Q1")), entry("b", tiny_result(Q2, "2026-Q2"))])
    assert c.progress == ()


def test_a_questionnaire_change_is_flagged_beside_the_numbers_it_affects() -> None:
    c = three_quarters()
    assert [(x.changed_previous, x.changed_first) for x in c.overall.cells if x] == [
        (False, False),
        (False, False),
        (True, True),
    ]
    (change,) = c.versions
    assert change.between == (1, 2)
    assert change.affected == ("", "people", "tech")


def test_a_staged_level_change_is_recorded_per_period() -> None:
    # q1 gates level 1 and q2 level 2: both met in 2026-Q3, and no question asks about more.
    c = three_quarters()
    assert [x.staged.value if x and x.staged else None for x in c.overall.cells] == [0, 0, 2]


def test_groups_absent_from_a_period_have_no_cell() -> None:
    q = questionnaire("checklist")
    first = tiny_result(Q1, "2026-Q1")
    second = tiny_result({}, "2026-Q2", q=q)
    c = compare([entry("a", first), entry("b", second)], allow_mixed=True)
    assert [(r.id, [x is not None for x in r.cells]) for r in c.groups][-2:] == [
        ("people", [True, False]),
        ("tech", [True, False]),
    ]
    assert [d.kind for d in c.differences] == ["questionnaire"]


def test_one_result_is_not_a_comparison() -> None:
    with pytest.raises(ComparisonError, match=r"at least two results of one subject: only a\.yaml"):
        compare([entry("a.yaml", tiny_result(Q1, "2026-Q1"))])
