"""The pure parts of ``assess``: numbers, layout, pace, pending notes and navigation rules."""

from __future__ import annotations

import pytest

from mlops_maturity.assessment.model import DONT_KNOW
from mlops_maturity.assessment.numbers import expected, read_number, unit_of
from mlops_maturity.assessment.pending import pending_block, read_pending
from mlops_maturity.cli import navigation as nav
from mlops_maturity.cli.layout import (
    answered,
    choice_title,
    description,
    message,
    wrap,
    wrap_parts,
)
from mlops_maturity.cli.progress import Pace, menu_title, progress_line, time_left
from mlops_maturity.errors import MaturityError
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.scoring.answers import score_answers
from tests.conftest import assessment, questionnaire


@pytest.mark.parametrize(
    ("unit", "typed", "value", "converted"),
    [
        ("percent of deployments", "15%", 15, False),
        ("percent of deployments", "15 %", 15, False),
        ("percent of deployments", "12.5 percent", 12.5, False),
        ("deployments per month", "1,200", 1200, False),
        ("deployments per month", "1.5k", 1500, False),
        ("deployments per month", "12 deployments", 12, False),
        ("deployments per month", "3 per week", 13.04, True),
        ("deployments per month", "3/week", 13.04, True),
        ("deployments per month", "2 a day", 60.88, True),
        ("deployments per month", "weekly", 4.35, True),
        ("deployments per month", "every 2 weeks", 2.17, True),
        ("incidents per service per quarter", "2 a month", 6, True),
        ("hours", "2 weeks", 336, True),
        ("hours", "3d", 72, True),
        ("hours", "90 min", 1.5, True),
        ("hours", "4h", 4, True),
        ("hours", "12 hours", 12, False),
        ("working days", "4h", 0.5, True),
        ("working days", "2 weeks", 10, True),
        ("working days", "3d", 3, True),
        ("", "-3", -3, False),
        ("", "0.25", 0.25, False),
    ],
)
def test_read_number(unit: str, typed: str, value: float, converted: bool) -> None:
    assert read_number(typed, unit_of(unit)) == (value, converted)


@pytest.mark.parametrize(
    ("unit", "typed", "message"),
    [
        (
            "deployments per month",
            "lots",
            "expected a number of deployments per month, for example 12 or 3 per week",
        ),
        (
            "deployments per month",
            "2 weeks",
            "expected a number of deployments per month, for example 12 or 3 per week",
        ),
        ("hours", "weekly", "expected a number of hours, for example 12 or 2 days"),
        ("hours", "15%", "expected a number of hours, for example 12 or 2 days"),
        ("hours", "nan", "expected a number of hours, for example 12 or 2 days"),
        ("hours", "1e3", "expected a number of hours, for example 12 or 2 days"),
        ("working days", "soon", "expected a number of working days, for example 12 or 2 weeks"),
        ("percent of ML teams", "most", "expected a percentage of ML teams, for example 12%"),
        ("per month", "x", "expected a number per month, for example 12 or 3 per week"),
        ("", "1,2", "expected a number, for example 12"),
        ("score", "high", "expected a number of score, for example 12"),
    ],
)
def test_read_number_refuses_in_the_questions_words(unit: str, typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        read_number(typed, unit_of(unit))


def test_the_example_respects_the_range() -> None:
    assert expected(unit_of("hours"), "5") == "expected a number of hours, for example 5 or 2 days"


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("work together", 10, ["work", "together"]),
        ("a data-driven team", 12, ["a", "data-driven", "team"]),
        (
            "see https://example.com/a/very/long/path now",
            12,
            ["see", "https://example.com/a/very/long/path", "now"],
        ),
    ],
)
def test_wrap_never_breaks_a_word(text: str, width: int, lines: list[str]) -> None:
    assert wrap(text, width) == lines


def test_wrap_counts_the_prefix() -> None:
    assert wrap("pass a scoring script", 14, "  Description: ", "  ") == [
        "  Description: pass",
        "  a scoring",
        "  script",
    ]


def test_hints_break_between_parts() -> None:
    parts = ["? help", "! note", "< back", "> skip for now", "dk don't know"]
    assert wrap_parts(parts, 40, "  ", "Type a number, or:") == [
        "  Type a number, or: ? help · ! note",
        "  < back · > skip for now",
        "  dk don't know",
    ]


def test_message_counts_questionarys_prefix_and_instruction() -> None:
    assert message("How do the roles work together?", 26, "(Use arrow keys)") == (
        "How do the roles work\n  together?\n "
    )
    assert message("How do the roles work together?", 28, "(Use arrow keys)") == (
        "How do the roles work\n  together?"
    )
    assert message("Which?", 30, "(Use arrow keys)") == "Which?"


def test_choice_title_hangs_under_the_pointer() -> None:
    assert choice_title("Each role works alone and hands over files", 24) == (
        "Each role works alone\n     and hands over\n     files"
    )


def test_description_leaves_room_for_its_label() -> None:
    assert description("Scores and scripts are handed over", 30) == (
        "Scores and\n  scripts are handed over"
    )
    assert description("  ", 30) is None


def test_answered_shows_question_answer_and_note() -> None:
    assert answered("Who releases?", "Engineers, by hand", 20, "Fridays") == [
        "? Who releases?",
        "  → Engineers, by",
        "    hand",
        "  ✎ Fridays",
    ]


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (30, "less than a minute left"),
        (61, "about 2 min left"),
        (540, "about 9 min left"),
        (2100, "about 35 min left"),
        (3600, "about 1 h left"),
        (4800, "about 1 h 20 min left"),
    ],
)
def test_time_left(seconds: float, text: str) -> None:
    assert time_left(seconds) == text


def test_pace_starts_from_the_estimate_and_follows_the_answers() -> None:
    pace = Pace(prior=60)
    assert pace.per_question() == 60
    for seconds in (20, 20, 20):
        pace.add(seconds)
    assert pace.per_question() == 40
    pace.add(3600)  # a lunch break counts as five minutes
    assert pace.per_question() == pytest.approx((180 + 60 + 300) / 7)


def test_progress_line() -> None:
    line = progress_line(23, 79, ["Process", "Release"], "about 35 min left")
    assert line == "23 / 79 · Process › Release · about 35 min left"


def test_menu_title() -> None:
    assert menu_title(load_questionnaire("quick")) == "quick · 14 questions · about 15 min"


@pytest.mark.parametrize(
    "notes",
    [{}, {"q1": "Only the fraud model"}, {"q2": 'She said "ask Sam"\nthen # left', "q3": "ü"}],
)
def test_pending_notes_round_trip(notes: dict[str, str]) -> None:
    text = "answers:\n  q1: never\n" + pending_block(notes)
    assert read_pending(text) == notes


def test_pending_notes_ignore_other_comments() -> None:
    assert read_pending("# q1: 'not a note'\nanswers: {}\n") == {}


def statuses(**answers: object) -> nav.Statuses:
    return score_answers(questionnaire("tiny"), assessment("tiny", answers))


SCOPE = ("q1", "q2", "q3", "q4")


def test_first_due_passes_over_answered_and_skipped_questions() -> None:
    assert nav.first_due(SCOPE, statuses(q1="never")) == "q2"
    assert nav.first_due(SCOPE, statuses(q1="never"), passed={"q2"}) == "q3"


def test_a_question_waiting_on_a_skipped_one_is_not_shown() -> None:
    now = statuses(q1="never")
    assert now["q4"].status == "waiting"
    assert nav.following(SCOPE, now, "q3", reached=2, passed={"q2"}) is None
    assert nav.previous(SCOPE, now, "q3") == "q2"


def test_going_forward_again_walks_through_what_was_answered() -> None:
    now = statuses(q1="never", q2=True, q3=4)
    assert nav.following(SCOPE, now, "q1", reached=3, passed=()) == "q2"
    assert nav.following(SCOPE, now, "q1", reached=0, passed=()) == "q4"


def test_open_questions_are_missing_and_dont_know() -> None:
    now = statuses(q1=DONT_KNOW, q2=False)
    assert nav.open_questions(SCOPE, now) == ["q1", "q3"]
    assert nav.remaining(SCOPE, now, passed={"q3"}) == 0


def test_only_groups_take_the_questions_their_conditions_read() -> None:
    assert nav.scope_of(questionnaire("tiny"), ["tech"]) == ("q2", "q3", "q4")
    with pytest.raises(MaturityError, match="--only tec: no such group in 'tiny'; did you mean"):
        nav.scope_of(questionnaire("tiny"), ["tec"])
