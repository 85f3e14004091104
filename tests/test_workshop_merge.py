"""Merging a workshop's respondents: strategies, ties, n/a, unanswered, checklists, numbers."""

from __future__ import annotations

from typing import Any

import pytest

from mlops_maturity.assessment.model import Answer, Assessment
from mlops_maturity.errors import MaturityError
from mlops_maturity.scoring.engine import score
from mlops_maturity.workshop.merge import (
    Decision,
    Respondent,
    agreed,
    check_respondents,
    merge,
    respondents_of,
)
from tests.conftest import questionnaire

Q = questionnaire("workshop")
BASE = Assessment.model_validate(
    {"questionnaire": "workshop", "subject": {"organization": "Example Corp", "team": "Fraud ML"}}
)


def person(name: str, **answers: Any) -> Respondent:
    return Respondent(name, {k: Answer(value=v) for k, v in answers.items()}, f"{name}.yaml")


def question(qid: str) -> Any:
    return Q.placed[qid].question


@pytest.mark.parametrize(
    ("qid", "values", "strategy", "expected"),
    [
        # single choice, ordered by score: nothing 0, sheets 1, tracker 2, linked 3, compared 4
        ("tracking", ["tracker", "sheets", "compared"], "median", "tracker"),
        # an even count takes the lower middle
        ("tracking", ["tracker", "sheets", "compared", "linked"], "median", "tracker"),
        ("tracking", ["tracker", "sheets", "compared"], "min", "sheets"),
        ("tracking", ["nothing", "compared"], "mean", "nothing"),  # mean 2: a tie goes down
        # n/a and don't know
        ("tracking", ["n/a", "n/a", "tracker"], "median", "n/a"),
        ("tracking", ["n/a", "tracker", "linked"], "median", "tracker"),
        ("tracking", ["don't know", "linked", "tracker"], "median", "tracker"),
        ("tracking", ["don't know", "don't know"], "median", "don't know"),
        # yes/no
        ("rollback", [True, False, True], "median", True),
        ("rollback", [True, False], "median", False),  # an even split is settled downward
        ("rollback", [True, True, False], "min", False),
        # checklists: the options ticked by at least half (by all, for min)
        ("tools", [["ci", "registry"], ["ci"], ["ci", "monitoring"], ["registry"]], "median",
         ["ci", "registry"]),
        ("tools", [["ci", "registry"], ["ci"]], "min", ["ci"]),
        # numbers
        ("deploys", [2, 30, 5], "median", 5),
        ("deploys", [2, 30, 5, 8], "median", 5),
        ("deploys", [2, 30, 5, 8], "mean", 11.25),
        ("deploys", [2, 30, 5], "min", 2),
        # text
        ("notes", ["Ops is short-staffed", "We moved to a new cloud"], "median",
         "Ops is short-staffed; We moved to a new cloud"),
    ],
)  # fmt: skip
def test_agreed_value(qid: str, values: list[Any], strategy: Any, expected: Any) -> None:
    assert agreed(Q, question(qid), values, strategy) == expected


def test_the_mean_of_a_choice_is_the_option_nearest_to_the_mean_score() -> None:
    # sheets 1, sheets 1, compared 4: the mean score is 2, which is "tracker"'s score, but the
    # agreed value must be an answer someone gave: the nearest of those is "sheets" (1 from 2).
    assert agreed(Q, question("tracking"), ["sheets", "sheets", "compared"], "mean") == "sheets"


def test_merge_keeps_who_answered_what_and_the_agreed_value() -> None:
    people = [
        person("A. Lee", tracking="tracker", rollback=True, deploys=5),
        person("B. Chen", tracking="nothing", rollback=False, deploys=30),
        person("C. Diaz", tracking="linked", rollback=True),
    ]
    merged = merge(Q, BASE, people)
    assert merged.workshop is not None
    assert merged.workshop.respondents == ("A. Lee", "B. Chen", "C. Diaz")
    tracking = merged.answers["tracking"]
    assert tracking.value == "tracker"
    assert [(r.respondent, r.value) for r in tracking.responses] == [
        ("A. Lee", "tracker"),
        ("B. Chen", "nothing"),
        ("C. Diaz", "linked"),
    ]
    assert merged.answers["deploys"].value == 5  # two answers: the lower middle
    assert "tools" not in merged.answers  # nobody answered it
    assert merged.subject.organization == "Example Corp"


def test_a_decision_wins_and_keeps_its_reason() -> None:
    people = [person("A. Lee", tracking="tracker"), person("B. Chen", tracking="nothing")]
    decided = {"tracking": Decision("sheets", "Runs are copied to the wiki by hand.")}
    answer = merge(Q, BASE, people, decisions=decided).answers["tracking"]
    assert (answer.value, answer.decision) == ("sheets", "Runs are copied to the wiki by hand.")


def test_anonymous_merge_writes_no_names() -> None:
    people = [person("A. Lee", tracking="tracker"), person("B. Chen", tracking="nothing")]
    merged = merge(Q, BASE, people, anonymous=True)
    assert merged.workshop is not None
    assert merged.workshop.respondents == ("Respondent 1", "Respondent 2")
    assert "Lee" not in merged.model_dump_json() and "Chen" not in merged.model_dump_json()


def test_disagreement_is_two_levels_apart_or_any_yes_no_split() -> None:
    people = [
        person("A", tracking="tracker", rollback=True, deploys=2, tools=["ci"]),
        person("B", tracking="linked", rollback=False, deploys=5, tools=["ci", "monitoring"]),
        person("C", tracking="sheets", rollback=True, deploys=30, tools=["ci", "registry"]),
    ]
    result = score(Q, merge(Q, BASE, people))
    found = {a.question: (a.spread, a.disagreement) for a in result.answers}
    assert found["tracking"] == (2.0, True)  # sheets 1 to linked 3
    assert found["rollback"] == (1.0, True)  # a split on yes/no
    assert found["deploys"] == (2.0, True)  # bands [1, 4) and [20, inf): two bands apart
    assert found["tools"] == (2.0, True)  # scores 1, 3, 2
    assert found["notes"] == (None, False)


def test_groups_show_the_spread_of_the_respondents_scores() -> None:
    people = [
        person("A", tracking="nothing", tools=["ci"]),
        person("B", tracking="compared", tools=["ci", "registry", "monitoring"]),
        person("C", tracking="tracker", tools=["ci", "registry"]),
    ]
    result = score(Q, merge(Q, BASE, people))
    practice = result.groups[0]
    assert practice.spread is not None
    # each respondent's practice score: A (0 + 1) / 2, B (4 + 4) / 2, C (2 + 2) / 2
    assert (practice.spread.low, practice.spread.median, practice.spread.high) == (0.5, 2.0, 4.0)
    assert practice.spread.respondents == 3


@pytest.mark.parametrize(
    ("people", "message"),
    [
        ([person("A. Lee", tracking="tracker"), person("a. lee", tracking="nothing")],
         "a. lee answers twice: in A. Lee.yaml and in a. lee.yaml"),
        ([person("A. Lee", tracking="tracker"), person("B. Chen")],
         "B. Chen.yaml: B. Chen answered no question"),
        ([Respondent("", {"tracking": Answer(value="tracker")}, "x.yaml")],
         "x.yaml names no respondent; add respondent: NAME"),
    ],
)  # fmt: skip
def test_respondent_mistakes(people: list[Respondent], message: str) -> None:
    with pytest.raises(MaturityError, match=message):
        check_respondents(people)


def test_a_workshop_file_merges_again_with_more_respondents() -> None:
    first = merge(Q, BASE, [person("A", tracking="tracker"), person("B", tracking="nothing")])
    again = [*respondents_of(first, "first.yaml"), person("C", tracking="linked")]
    merged = merge(Q, BASE, again)
    assert merged.workshop is not None and merged.workshop.respondents == ("A", "B", "C")
    assert merged.answers["tracking"].value == "tracker"
