"""Placing results in time, and refusing sets that are not one subject of one questionnaire."""

from __future__ import annotations

import datetime as dt

import pytest

from mlops_maturity.history.model import Difference
from mlops_maturity.history.order import (
    ComparisonError,
    check_one_subject,
    check_order,
    in_time_order,
    period_start,
)
from tests.history_data import Q1, entry, tiny_result

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2026-Q3", (D(2026, 7, 1), D(2026, 9, 30)), id="quarter"),
        pytest.param("Q4 2026", (D(2026, 10, 1), D(2026, 12, 31)), id="quarter-first"),
        pytest.param("2026q1", (D(2026, 1, 1), D(2026, 3, 31)), id="quarter-lower-case"),
        pytest.param("2026-H2", (D(2026, 7, 1), D(2026, 12, 31)), id="half"),
        pytest.param("2026-02", (D(2026, 2, 1), D(2026, 2, 28)), id="month"),
        pytest.param("2026", (D(2026, 1, 1), D(2026, 12, 31)), id="year"),
        pytest.param("2026-09-30", (D(2026, 9, 30), D(2026, 9, 30)), id="day"),
        pytest.param("2026-H3", None, id="no-third-half"),
        pytest.param("2026-13", None, id="no-month-13"),
        pytest.param("Sprint 12", None, id="free-text"),
        pytest.param("", None, id="empty"),
    ],
)
def test_period_start(text: str, expected: tuple[dt.date, dt.date] | None) -> None:
    assert period_start(text) == expected


def test_results_are_ordered_by_period_whatever_the_order_given() -> None:
    given = [
        entry("q3.yaml", tiny_result(Q1, "2026-Q3")),
        entry("q1.yaml", tiny_result(Q1, "2026-Q1")),
        entry("h1.yaml", tiny_result(Q1, "2025-H1")),
        entry("q2.yaml", tiny_result(Q1, "2026-Q2")),
    ]
    assert [e.source for e in in_time_order(given)] == ["h1.yaml", "q1.yaml", "q2.yaml", "q3.yaml"]


def test_periods_not_in_a_known_form_are_ordered_by_date() -> None:
    given = [
        entry("b.yaml", tiny_result(Q1, "Sprint 9", date="2026-05-01")),
        entry("a.yaml", tiny_result(Q1, "Sprint 12", date="2026-02-01")),
    ]
    assert [e.source for e in in_time_order(given)] == ["a.yaml", "b.yaml"]


def test_a_result_with_no_readable_period_and_no_date_is_refused() -> None:
    given = [entry("a.yaml", tiny_result(Q1, "Spring")), entry("b.yaml", tiny_result(Q1, ""))]
    with pytest.raises(ComparisonError) as raised:
        in_time_order(given)
    assert str(raised.value) == (
        "cannot place a.yaml (period 'Spring' is not one of 2026-Q3, 2026-H2, 2026-09, 2026 or "
        "2026-09-30), b.yaml (no period or date) in time: give each file a subject.period "
        "(2026-Q3, 2026-H2, 2026-09, 2026 or 2026-09-30) or a subject.date"
    )


def test_two_results_of_one_period_are_refused_unless_mixed_is_allowed() -> None:
    ordered = [
        entry("a.yaml", tiny_result(Q1, "2026-Q3")),
        entry("b.yaml", tiny_result(Q1, "2026-q3")),
    ]
    with pytest.raises(ComparisonError, match=r"a\.yaml and b\.yaml are both for 2026-Q3; compare"):
        check_order(ordered, allow_mixed=False)
    assert check_order(ordered, allow_mixed=True) == (
        Difference(kind="same_period", sources=("a.yaml", "b.yaml"), values=("2026-Q3",)),
    )


def test_a_date_that_runs_backwards_is_out_of_order() -> None:
    ordered = [
        entry("q2.yaml", tiny_result(Q1, "2026-Q2", date="2026-09-30")),
        entry("q3.yaml", tiny_result(Q1, "2026-Q3", date="2026-06-30")),
    ]
    with pytest.raises(ComparisonError) as raised:
        check_order(ordered, allow_mixed=False)
    assert str(raised.value) == (
        "out of order: q3.yaml is for 2026-Q3, after 2026-Q2 of q2.yaml, but is dated 2026-06-30, "
        "before 2026-09-30; correct the period or the date (or pass --allow-mixed to order by "
        "period)"
    )
    assert check_order(ordered, allow_mixed=True)[0].kind == "order"


def test_different_subjects_and_questionnaires_are_named_together() -> None:
    from tests.conftest import questionnaire

    mlts = {"data-1": "automated"}
    given = [
        entry("a.yaml", tiny_result(Q1, "2026-Q1")),
        entry("b.yaml", tiny_result(mlts, "2026-Q2", team="Pricing", q=questionnaire("mlts"))),
    ]
    with pytest.raises(ComparisonError) as raised:
        check_one_subject(given, allow_mixed=False)
    assert str(raised.value) == (
        "these results are of different questionnaires (a.yaml: tiny; b.yaml: mlts) and of "
        "different subjects (a.yaml: Example Corp · Fraud ML; b.yaml: Example Corp · Pricing); "
        "compare one at a time, or pass --allow-mixed to compare them anyway"
    )
    assert [d.kind for d in check_one_subject(given, allow_mixed=True)] == [
        "questionnaire",
        "subject",
    ]


def test_across_teams_only_the_organisation_must_agree() -> None:
    given = [
        entry("a.yaml", tiny_result(Q1, "2026-Q1")),
        entry("b.yaml", tiny_result(Q1, "2026-Q1", team="Pricing")),
    ]
    assert check_one_subject(given, allow_mixed=False, across=True) == ()
    other = [*given, entry("c.yaml", tiny_result(Q1, "2026-Q1", organization="Other Co"))]
    with pytest.raises(ComparisonError, match=r"of different organisations \(a\.yaml: Example"):
        check_one_subject(other, allow_mixed=False, across=True)
