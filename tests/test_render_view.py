"""The report view: sections, charts, roadmap, targets, findings, benchmarks, wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.model import ChoiceQuestion
from mlops_maturity.render import charts, sections, targets, wording
from mlops_maturity.render.findings import level_phrase
from mlops_maturity.render.text import group_level, short_group_level, staged_text
from mlops_maturity.render.view import ReportView
from mlops_maturity.scoring.engine import score, with_target_level
from mlops_maturity.scoring.result import LevelRef, Result
from tests.conftest import DATA, assessment, questionnaire, view_of

REPORTS = DATA / "reports"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def practice() -> Result:
    """The report fixture: targets build → 2 and monitor → 3 in the answer file."""
    found, q = load_answers(Path(REPORTS / "practice-answers.yaml"))
    return score(q, found)


def example(name: str) -> Result:
    found, q = load_answers(EXAMPLES / name)
    return score(q, found)


def steps(view: ReportView) -> list[tuple[str, str, list[str]]]:
    return [
        (p.title, p.level.id if p.level else "", [s.rec.title for s in p.steps])
        for p in view.roadmap.phases
    ]


# --- sections and charts --------------------------------------------------------------------


def test_sections_number_and_anchor_every_group_depth_first() -> None:
    found = [
        (s.number, s.anchor, s.depth, s.path, s.parent, len(s.answers))
        for s in sections.sections(practice())
    ]
    assert found == [
        ("1", "g-1", 0, ("build",), "", 0),
        ("1.1", "g-1-1", 1, ("build", "data"), "Build", 2),
        ("1.2", "g-1-2", 1, ("build", "code"), "Build", 2),
        ("2", "g-2", 0, ("run",), "", 0),
        ("2.1", "g-2-1", 1, ("run", "deploy"), "Run", 2),
        ("2.2", "g-2-2", 1, ("run", "monitor"), "Run", 3),
    ]


def test_capabilities_are_the_second_level_or_a_top_level_group_without_children() -> None:
    deep = score(questionnaire("samm"), assessment("samm", {"a1": "most"}))
    assert [s.group.id for s in view_of(deep).capabilities] == ["sm", "pc", "ta"]
    flat = score(questionnaire("tiny"), assessment("tiny", {"q1": "always"}))
    assert [s.group.id for s in view_of(flat).capabilities] == ["people", "tech"]


def test_heat_map_is_empty_when_scores_are_band_labels() -> None:
    result = score(questionnaire("mlts"), assessment("mlts", {"data-1": "automated"}))
    assert view_of(result).heatmap == ()


def test_heat_map_of_an_unscored_capability_has_no_fill() -> None:
    rows = view_of(score(questionnaire("tiny"), assessment("tiny", {}))).heatmap
    assert {c.fill for row in rows for c in row.cells} == {0.0}


def test_radar_places_scores_between_their_range_with_level_rings_and_targets() -> None:
    axes, rings = charts.radar(practice())
    assert [(a.label, round(a.value or 0, 4), a.target, a.dx, a.dy, a.score) for a in axes] == [
        ("Build", 0.4167, 2 / 3, 0.0, -1.0, "1.25"),
        ("Run", 0.3333, None, 0.0, 1.0, "1.00"),
    ]
    assert rings == ((1 / 3, "1"), (2 / 3, "2"), (1.0, "3"))


# --- the roadmap ----------------------------------------------------------------------------


def test_roadmap_closes_gaps_below_the_level_then_reaches_the_next_two() -> None:
    view = view_of(practice())  # score level 1; staged level 0: "data-versioned" is not met
    assert steps(view) == [
        # the level-1 practice that is not met leads the gaps below level 1
        ("Phase 1: Close the gaps below level 1 (Managed)", "managed",
         ["Version the training data", "Monitor drift"]),
        # a level-2 practice first, then impact ÷ effort
        ("Phase 2: Reach level 2 (Defined)", "defined", ["Automate data checks", "Add CI"]),
        ("Phase 3: Reach level 3 (Optimising)", "optimising", ["Deploy more often"]),
    ]  # fmt: skip
    assert [s.number for s in view.roadmap.steps()] == ["1.1", "1.2", "2.1", "2.2", "3.1"]
    assert [s.rec.title for s in view.next_steps] == [
        "Version the training data",
        "Monitor drift",
        "Automate data checks",
    ]
    assert view.roadmap.backlog == ()


def test_steps_beyond_a_target_wait_in_the_backlog() -> None:
    # --target-level 1 fills in every group without a target; build (2) and monitor (3) keep theirs.
    # The innermost target counts: data, code and deploy get 1, monitor keeps 3.
    view = view_of(with_target_level(practice(), 1))
    assert steps(view) == [
        ("Phase 1: Close the gaps below level 1 (Managed)", "managed",
         ["Version the training data", "Monitor drift"]),
    ]  # fmt: skip
    assert [s.rec.title for s in view.roadmap.backlog] == [
        "Automate data checks",
        "Add CI",
        "Deploy more often",
    ]


def test_each_phase_holds_at_most_the_steps_asked_for() -> None:
    view = view_of(practice(), roadmap_steps=1)
    assert [len(p.steps) for p in view.roadmap.phases] == [1, 1, 1]
    assert [s.rec.title for s in view.roadmap.backlog] == ["Monitor drift", "Add CI"]


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_no_phase_is_named_for_a_level_already_reached_and_none_is_long(name: str) -> None:
    result = example(name)
    view = view_of(result)
    have = result.overall.headline
    for phase in view.roadmap.phases:
        assert len(phase.steps) <= 5, phase.title
        if have is not None and have.value is not None and phase.level is not None:
            reach = phase.title.split(": ", 1)[1].startswith("Reach")
            assert not reach or (phase.level.value or 0) > have.value, phase.title
    every = len(view.roadmap.steps()) + len(view.roadmap.backlog)
    assert every == len(result.recommendations)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_a_step_comes_after_the_steps_it_builds_on(name: str) -> None:
    view = view_of(example(name))
    position: dict[str, int] = {}
    for index, step in enumerate(view.roadmap.steps()):
        position.setdefault(step.rec.question, index)
    for index, step in enumerate(view.roadmap.steps()):
        for before in step.rec.after:
            assert position.get(before, -1) < index, (step.rec.title, before)


def test_a_northwind_roadmap_a_client_can_act_on() -> None:
    view = view_of(example("mlops-northwind-2026-q3.yaml"))
    titles = [p.title for p in view.roadmap.phases]
    assert titles == [
        "Phase 1: Close the gaps below level 2 (Automated training)",
        "Phase 2: Reach level 3 (Automated model deployment)",
        "Phase 3: Reach level 4 (Fully automated operations)",
    ]
    assert all(s.rec.owner for s in view.roadmap.steps())


def test_band_labelled_levels_give_two_phases_in_the_engine_s_order() -> None:
    view = view_of(example("ml-test-score-woodgrove-2026-q3.yaml"))
    assert [p.title for p in view.roadmap.phases] == ["Phase 1: Start here", "Phase 2: Then"]
    assert [s.rec.question for s in view.roadmap.phases[0].steps][:1] == ["monitor-1"]


# --- targets ------------------------------------------------------------------------------


def test_percent_to_target_is_computed_question_by_question() -> None:
    found = targets.question_targets(practice())
    assert {q: (t.target, t.score, t.gap) for q, t in found.items()} == {
        "data-versioned": (2.0, 1.0, 1.0),
        "data-checks": (2.0, 0.0, 2.0),
        "code-review": (2.0, 3.0, 0.0),  # ahead: clipped at zero, no credit elsewhere
        "code-tools": (2.0, 1.0, 1.0),
        "monitor-drift": (3.0, 0.0, 3.0),
    }
    assert targets.overall_to_target(practice()) == pytest.approx(1 - 7 / 11)
    by_group = {
        t.group.id: (t.gap, t.total, round(t.percent, 4)) for t in targets.group_targets(practice())
    }
    assert by_group == {
        "build": (4.0, 8.0, 0.5),
        "data": (3.0, 4.0, 0.25),
        "code": (1.0, 4.0, 0.75),
        "monitor": (3.0, 3.0, 0.0),
    }


def test_scores_not_levels_tell_two_capabilities_of_the_same_level_apart() -> None:
    result = with_target_level(example("mlops-northwind-2026-q3.yaml"), 3)
    by_group = {t.group.id: t.percent for t in targets.group_targets(result)}
    ownership, collaboration = by_group["ppl-ownership"], by_group["ppl-collaboration"]
    assert ownership != collaboration  # both level 2, scores 1.75 and 2.25
    assert 0 < ownership < collaboration < 1


def test_a_dora_team_at_its_target_cluster_is_all_the_way_there_on_those_metrics() -> None:
    result = example("dora-adatum-2026-q3.yaml")
    level = targets.resolve_level(result, "high")
    assert level == targets.resolve_level(result, "High") == targets.resolve_level(result, "7")
    found = targets.question_targets(with_target_level(result, level))
    assert all(t.gap == max(0.0, t.target - t.score) for t in found.values())
    assert {t.target for t in found.values()} <= {7.0}


def test_an_unknown_target_level_names_the_levels() -> None:
    with pytest.raises(ValueError, match=r"'expert' is not a level of this questionnaire; its"):
        targets.resolve_level(practice(), "expert")


# --- findings and the summary -------------------------------------------------------------


def unchosen_labels(result: Result, ident: str) -> list[str]:
    """The labels of options a single-choice answer did not choose, long enough to be claims."""
    q = load_questionnaire(ident)
    out = []
    for answer in result.answers:
        question = q.placed[answer.question].question
        if isinstance(question, ChoiceQuestion) and question.type == "single":
            out += [
                o.label
                for o in q.options_of(question)
                if o.id != answer.value and len(o.label) > 25
            ]
    return out


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("quick-contoso-2026-q3.yaml", "quick"),
        ("mlops-northwind-2026-q3.yaml", "mlops"),
        ("llmops-proseware-2026-q4.yaml", "llmops"),
    ],
)
def test_the_summary_says_nothing_an_answer_contradicts(name: str, ident: str) -> None:
    result = example(name)
    view = view_of(result)
    said = " ".join(view.summary) + " ".join(t for f in view.findings for t in f.today)
    assert [label for label in unchosen_labels(result, ident) if label in said] == []
    # the level's stock description is context, labelled as such, never a finding
    description = result.overall.headline.description if result.overall.headline else ""
    assert description and description not in said
    assert view.general.startswith("What level ") and " means in general: " in view.general


def test_contoso_findings_quote_what_the_team_answered() -> None:
    result = example("quick-contoso-2026-q3.yaml")
    view = view_of(result)
    tracking = next(a for a in result.answers if a.question == "proc-experiments")
    assert tracking.label.startswith("Every run logs")  # the answer the old summary contradicted
    assert "experiments go unrecorded" not in " ".join(view.summary)
    kinds = [(f.kind, f.section.group.title) for f in view.findings]
    assert kinds == [("strength", "Technology"), ("gap", "Process")]
    assert view.summary[-1] == (
        "The strongest capability is Technology; the weakest capability is Process."
    )


def test_a_capability_reads_in_its_own_words() -> None:
    result = example("mlops-northwind-2026-q3.yaml")
    release = next(g for area in result.groups for g in area.groups if g.id == "proc-release")
    assert short_group_level(release, result) == "Level 2 of 4"
    assert group_level(release, result).startswith("Level 2 of 4: ")
    assert "Automated training" not in group_level(release, result)


def test_summary_with_nothing_answered() -> None:
    view = view_of(score(questionnaire("tiny"), assessment("tiny", {})))
    assert view.summary == ("The team has no score yet: no scored question has been answered.",)
    assert view.draft == "Draft: 0 of 4 questions answered"


def test_staged_headline_and_not_yet_read_plainly() -> None:
    answers = {"bd1": "fully", "bd2": "fully", "bd3": "fully", "bd4": "fully", "tv1": "partly"}
    result = score(questionnaire("dsomm"), assessment("dsomm", answers))
    assert staged_text(result.overall, result) == "Not yet at level 1 · Basic understanding"
    view = view_of(result)
    assert view.headline == "Not yet at level 1 · Basic understanding"
    assert view.summary[0].startswith(
        "The team is not yet at level 1 (Basic understanding): a practice of that level is not "
        "in place."
    )


# --- benchmarks ---------------------------------------------------------------------------


def test_benchmarks_are_a_table_of_every_year() -> None:
    (table,) = view_of(example("dora-adatum-2026-q3.yaml")).benchmarks
    assert table.years == (2021, 2022, 2023, 2024)
    assert table.chosen == 2023  # the answer file asks for 2023
    assert [r.metric for r in table.rows] == [
        "Deployment frequency",
        "Lead time",
        "Recovery time",
        "Change fail rate",
    ]
    assert all(len(r.clusters) == 4 for r in table.rows)
    assert "resembles the" in table.sentence() and "one metric only" in table.sentence()


# --- wording ------------------------------------------------------------------------------


def test_appendix_explains_only_what_the_report_uses() -> None:
    plain = view_of(score(questionnaire("tiny"), assessment("tiny", {"q1": "always"})))
    headings = [h for h, _ in plain.appendix]
    assert "Targets" not in headings and "Benchmarks" not in headings
    assert "The staged level" in headings and "The overall level" in headings
    full = [h for h, _ in view_of(example("dora-adatum-2026-q3.yaml")).appendix]
    assert "Benchmarks" in full


@pytest.mark.parametrize(
    ("level", "numbered", "expected"),
    [
        pytest.param(None, True, "not scored", id="none"),
        pytest.param(LevelRef(id="a", name="Ad hoc", value=1), True, "level 1 (Ad hoc)", id="step"),
        pytest.param(LevelRef(id="h", name="High", value=7), False, "“High”", id="named"),
        pytest.param(
            LevelRef(id="b", name="Basic", value=None), True, "the band “Basic”", id="band"
        ),
    ],
)
def test_level_phrase(level: LevelRef | None, numbered: bool, expected: str) -> None:
    assert level_phrase(level, numbered) == expected


def test_answer_text_says_why_there_is_no_answer() -> None:
    result = score(questionnaire("tiny"), assessment("tiny", {"q1": "always", "q2": False}))
    texts = {a.question: wording.answer_text(a) for a in result.answers}
    assert texts == {
        "q1": "Always",
        "q2": "no",
        "q3": "Not answered",
        "q4": "Skipped (its condition was not met)",
    }


def test_a_sentence_after_the_staged_level_starts_with_a_capital() -> None:
    answers = {
        "ppl-collaboration": "paired-training",
        "ppl-release-people": "author-only",
        "ppl-feedback": "informal",
    }
    view = view_of(score(load_questionnaire("quick"), assessment("quick", answers)))
    assert (
        "Counting only levels whose practices are all in place: Level 0 · No MLOps. "
        "Nothing blocks the next level but unanswered questions."
    ) in view.summary
