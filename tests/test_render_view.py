"""What the document reports show: sections, heat map, radar, roadmap, targets and wording."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.render import view, wording
from mlops_maturity.scoring.engine import score, with_target_level
from mlops_maturity.scoring.result import GroupResult, LevelRef, Result
from tests.conftest import DATA, assessment, questionnaire

REPORTS = DATA / "reports"
STEPS = tuple(LevelRef(id=f"l{v}", name=f"L{v}", value=v) for v in range(4))
DORA = tuple(
    LevelRef(id=n, name=n.title(), value=v)
    for v, n in [(0, "low"), (5, "medium"), (7, "high"), (9, "elite")]
)


def practice() -> Result:
    """The report fixture: targets build → 2 and monitor → 3 in the answer file."""
    found, q = load_answers(Path(REPORTS / "practice-answers.yaml"))
    return score(q, found)


def group(level: int | None, target: int | None, *groups: GroupResult, **extra: Any) -> GroupResult:
    ref = None if level is None else LevelRef(id=f"v{level}", name=f"V{level}", value=level)
    return GroupResult(
        id=extra.get("id", "g"),
        title="G",
        weight=1,
        score=None if level is None else float(level),
        min_score=0,
        max_score=3,
        level=ref,
        completeness=1,
        answered=1,
        applicable=1,
        target=target,
        groups=groups,
    )


def test_sections_number_and_anchor_every_group_depth_first() -> None:
    found = [
        (s.number, s.anchor, s.depth, s.path, s.parent, len(s.answers))
        for s in view.sections(practice())
    ]
    assert found == [
        ("1", "g-1", 0, ("build",), "", 0),
        ("1.1", "g-1-1", 1, ("build", "data"), "Build", 2),
        ("1.2", "g-1-2", 1, ("build", "code"), "Build", 2),
        ("2", "g-2", 0, ("run",), "", 0),
        ("2.1", "g-2-1", 1, ("run", "deploy"), "Run", 2),
        ("2.2", "g-2-2", 1, ("run", "monitor"), "Run", 3),
    ]


def test_deep_nesting_is_numbered_and_capabilities_are_the_second_level() -> None:
    result = score(questionnaire("samm"), assessment("samm", {"a1": "most"}))
    numbers = [(s.number, s.depth, s.parent) for s in view.sections(result)]
    assert numbers[:4] == [
        ("1", 0, ""),
        ("1.1", 1, "Governance"),
        ("1.1.1", 2, "Strategy"),
        ("1.1.2", 2, "Strategy"),
    ]
    assert [c.section.group.id for c in view.heatmap(result)] == ["sm", "pc", "ta"]


def test_top_level_groups_without_sub_groups_are_capabilities() -> None:
    result = score(questionnaire("tiny"), assessment("tiny", {"q1": "always"}))
    assert [c.section.group.id for c in view.heatmap(result)] == ["people", "tech"]


def test_heat_map_marks_levels_reached_and_the_way_to_the_target() -> None:
    rows = {
        r.section.group.id: [(c.level, c.state, c.is_target) for c in r.cells]
        for r in view.heatmap(practice())
    }
    assert rows["data"] == [
        (0, "reached", False),
        (1, "current", False),
        (2, "open", False),
        (3, "open", False),
    ]
    assert rows["code"] == [
        (0, "reached", False),
        (1, "reached", False),
        (2, "current", False),
        (3, "open", False),
    ]
    assert rows["monitor"] == [
        (0, "current", False),
        (1, "gap", False),
        (2, "gap", False),
        (3, "gap", True),
    ]


def test_heat_map_of_an_unscored_capability_is_empty() -> None:
    result = score(questionnaire("tiny"), assessment("tiny", {}))
    assert {c.state for row in view.heatmap(result) for c in row.cells} == {"open"}


def test_radar_places_scores_between_their_range_with_level_rings_and_targets() -> None:
    axes, rings = view.radar(practice())
    assert [(a.label, round(a.value or 0, 4), a.target, a.dx, a.dy, a.score) for a in axes] == [
        ("Build", 0.4167, 2 / 3, 0.0, -1.0, "1.25"),
        ("Run", 0.3333, None, 0.0, 1.0, "1"),
    ]
    assert rings == ((1 / 3, "1"), (2 / 3, "2"), (1.0, "3"))


def test_radar_rings_are_percentages_when_scores_map_to_labels() -> None:
    answers = {"data-1": "automated", "model-1": "manual"}
    axes, rings = view.radar(score(mlts_leaving_blanks_out(), assessment("mlts", answers)))
    # NOTE: a group's range comes from the questions answered: one answer each here.
    assert [a.value for a in axes] == [1.0, 0.5]
    assert rings == ((0.25, "25%"), (0.5, "50%"), (0.75, "75%"), (1.0, "100%"))


def test_radar_of_an_unscored_group_has_no_value() -> None:
    axes, _ = view.radar(score(questionnaire("tiny"), assessment("tiny", {"q1": "always"})))
    assert [(a.label, a.value, a.score) for a in axes] == [
        ("People", 1.0, "4"),
        ("Tech", None, "—"),
    ]


def test_roadmap_phases_by_level_then_impact_for_effort() -> None:
    phases = view.roadmap(practice())
    found = [(p.title, p.level, [(s.rec.title, s.ratio, s.area) for s in p.steps]) for p in phases]
    assert found == [
        ("Phase 1: Reach level 1 (Managed)", 1, [("Monitor drift", 1.5, "Run › Monitoring")]),
        (
            "Phase 2: Reach level 2 (Defined)",
            2,
            [
                # the blocker of the next staged level leads its phase, then impact ÷ effort
                ("Version the training data", 1.5, "Build › Data"),
                ("Add CI", 3.0, "Build › Code"),
                ("Automate data checks", 1.0, "Build › Data"),
            ],
        ),
        (
            "Phase 3: Reach level 3 (Optimising)",
            3,
            [("Deploy more often", 1.0, "Run › Deployment")],
        ),
    ]
    # the summary's next steps follow the engine's ranking: blockers first, then priority
    assert [s.rec.title for s in view.next_steps(practice(), phases)] == [
        "Version the training data",
        "Monitor drift",
        "Automate data checks",
    ]


def test_roadmap_points_at_the_target_and_puts_the_rest_last() -> None:
    # --target-level 1 fills in every group without a target; build (2) and monitor (3) keep theirs.
    phases = view.roadmap(with_target_level(practice(), 1))
    assert [(p.title, [s.rec.title for s in p.steps]) for p in phases] == [
        ("Phase 1: Reach level 1 (Managed)", ["Monitor drift"]),
        (
            "Phase 2: Beyond the target",
            ["Version the training data", "Add CI", "Automate data checks", "Deploy more often"],
        ),
    ]


def test_roadmap_names_non_step_levels_by_name_and_is_empty_without_gaps() -> None:
    assert view.roadmap(score(questionnaire("tiny"), assessment("tiny", {}))) == ()
    assert view.level_phrase(DORA[1], numbered=False) == "“Medium”"


@pytest.mark.parametrize(
    ("groups", "levels", "expected"),
    [
        pytest.param((group(1, 3), group(3, 2)), STEPS, 1 - 2 / 5, id="samm-gaps-clipped-at-zero"),
        pytest.param(
            (group(None, None, group(1, 2), group(2, 2)),), STEPS, 1 - 1 / 4, id="children"
        ),
        pytest.param(
            (group(1, 3, group(0, None)),), STEPS, 1 - 2 / 3, id="parent-when-no-child-has-one"
        ),
        pytest.param((group(2, None),), STEPS, None, id="no-target"),
        pytest.param((group(None, 2),), STEPS, None, id="not-scored"),
        pytest.param((group(0, 0),), STEPS, 1.0, id="target-zero"),
        pytest.param((group(5, 9),), DORA, 1 - 2 / 3, id="counted-in-steps-not-values"),
    ],
)
def test_percent_to_target(
    groups: tuple[GroupResult, ...], levels: tuple[LevelRef, ...], expected: float | None
) -> None:
    assert view.percent_to_target(groups, levels) == expected


def test_percent_to_target_of_the_practice_fixture() -> None:
    result = practice()
    # build: level 1, target 2 (gap 1); monitor: level 0, target 3 (gap 3) → 1 − 4/5
    assert view.percent_to_target(result.groups, result.levels) == pytest.approx(0.2)
    assert [view.gap(g, result.levels) for g in result.groups] == [1, None]


def test_summary_in_plain_sentences() -> None:
    assert wording.summary(practice()) == (
        "Fraud ML (Example Corp) is at level 1 (Managed) overall, with a score of 1.12 / 3.",
        "At this level: Basic practices are in place.",
        "Counting only levels whose practices are all in place, it is at level 0 (Initial). "
        "1 practice(s) stand in the way of the next level.",
        "Strongest: Code (Level 2 · Defined, score 2 / 3).",
        "Weakest: Monitoring (Level 0 · Initial, score 0 / 3).",
        "Against the targets set, the team is 20% of the way there.",
    )


def test_summary_with_nothing_answered() -> None:
    result = score(questionnaire("tiny"), assessment("tiny", {}, subject={"organization": "Acme"}))
    assert wording.summary(result) == (
        "Acme has no score yet: no scored question has been answered.",
    )


def test_summary_with_band_labels_and_missing_answers() -> None:
    answers = {"data-1": "automated", "data-2": "manual", "model-1": "automated"}
    result = score(mlts_leaving_blanks_out(), assessment("mlts", answers))
    assert wording.summary(result) == (
        "The team is at the band “Not totally untested” overall, with a score of 1 / 1.",
        "3 of 6 applicable questions were answered (50%); the others are left out of the scores, "
        "not counted as zero.",
        "Strongest: Model (Not totally untested, score 1 / 1).",
        "Weakest: Data (First pass at productionization, score 1.5 / 2).",
    )


def test_extremes_need_a_difference_and_name_two_when_there_are_many() -> None:
    tied = score(questionnaire("tiny"), assessment("tiny", {"q1": "always", "q3": 9}))
    assert view.extremes(tied) == ((), ())
    answers = {"a1": "most", "b1": "no", "c1": "half", "d1": "some", "e1": "most", "f1": "no"}
    result = score(questionnaire("samm"), assessment("samm", answers))
    strong, weak = view.extremes(result)
    assert [s.group.id for s in strong] == ["sm"] and [s.group.id for s in weak] == ["pc"]


def test_blockers_are_the_unmet_practices_of_the_next_staged_level() -> None:
    assert [a.question for a in wording.blockers(practice())] == ["data-versioned"]
    everything = score(
        questionnaire("checklist"),
        assessment("checklist", dict.fromkeys(["d1", "d2", "t1", "t2", "e1", "e2"], True)),
    )
    assert wording.blockers(everything) == ()


def test_appendix_explains_only_what_the_report_uses() -> None:
    headings = [h for h, _ in wording.appendix(practice())]
    assert headings == [
        "How a question is scored",
        "How groups are combined",
        "The score level",
        "The staged level",
        "Targets",
        "The roadmap",
    ]
    plain = score(questionnaire("mlts"), assessment("mlts", {}))
    assert [h for h, _ in wording.appendix(plain)] == [
        "How a question is scored",
        "How groups are combined",
        "The score level",
        "The roadmap",
    ]
    assert "(here 0 to 3)" in dict(wording.appendix(practice()))["How groups are combined"]


@pytest.mark.parametrize(
    ("level", "numbered", "expected"),
    [
        pytest.param(STEPS[2], True, "level 2 (L2)", id="numbered"),
        pytest.param(DORA[3], False, "“Elite”", id="named"),
        pytest.param(LevelRef(id="b", name="Basic"), True, "the band “Basic”", id="band"),
        pytest.param(None, True, "not scored", id="none"),
    ],
)
def test_level_phrase(level: LevelRef | None, numbered: bool, expected: str) -> None:
    assert view.level_phrase(level, numbered) == expected


def test_target_text_and_answer_text() -> None:
    assert view.target_text(3, STEPS) == "level 3"
    assert view.target_text(7, DORA, numbered=False) == "High"
    answers = {a.question: wording.answer_text(a) for a in practice().answers}
    assert answers["deploy-rollback"] == "Not applicable"
    assert answers["monitor-alerts"] == "Skipped (its condition was not met)"
    assert answers["deploy-frequency"] == "2 per month"


def mlts_leaving_blanks_out() -> Questionnaire:
    """The ML Test Score fixture with blanks left out rather than counted as zero."""
    return questionnaire("mlts").model_copy(update={"unanswered": "exclude"})
