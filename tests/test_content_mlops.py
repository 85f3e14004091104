"""The content of the built-in `mlops` questionnaire, fixed after the content review (2026-12).

One test (or a few) per finding: DORA conversions (§2), scores that punished the right answer,
questions that asked two things, per-service reliability, skipped levels, the staged headline and
its Azure tags (Q-1), cycle-time help (Q-3), attribution (Q-4), explainability (Q-5), level
descriptions, owners and step order, and the Northwind example (E-2). Every expected value is
written out, so a change to the questionnaire that moves one of them has to change this file too.
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.assessment.model import Answer, AnswerValue, Assessment
from mlops_maturity.questionnaire.intervals import parse_interval
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.model import (
    BooleanQuestion,
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    TextQuestion,
    iter_groups,
)
from mlops_maturity.scoring.answers import placements_of
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.question import question_range, question_score
from mlops_maturity.scoring.result import Result

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "mlops-northwind-2026-q3.yaml"
SIXTH = 1 / 6  # once every six months, in deployments a month


@cache
def mlops() -> Questionnaire:
    return load_questionnaire("mlops")


def question(qid: str) -> Any:
    return mlops().placed[qid].question


def choice(qid: str) -> ChoiceQuestion:
    found = question(qid)
    assert isinstance(found, ChoiceQuestion)
    return found


def number(qid: str) -> NumberQuestion:
    found = question(qid)
    assert isinstance(found, NumberQuestion)
    return found


def option_scores(qid: str) -> dict[str, float]:
    return {o.id: o.score for o in mlops().options_of(choice(qid))}


def option_labels(qid: str) -> dict[str, str]:
    return {o.id: o.label for o in mlops().options_of(choice(qid))}


def band_label(qid: str, value: float) -> str:
    return next(b.label for b in number(qid).bands if value in parse_interval(b.range))


def clusters(qid: str, value: float) -> dict[int, str | None]:
    return {p.year: p.cluster for p in placements_of(mlops(), number(qid), value)}


def gate_table(q: Questionnaire) -> dict[str, list[tuple[int, float | None]]]:
    """Every staged tag, as (level, met) per question."""
    table: dict[str, list[tuple[int, float | None]]] = {}
    for qid, placed in q.placed.items():
        found = placed.question
        if found.gates:
            table[qid] = [(g.level, g.met) for g in found.gates]
        elif found.level is not None:
            table[qid] = [(found.level, found.met)]
    return table


def northwind() -> tuple[Assessment, Questionnaire]:
    return load_answers(EXAMPLE)


def scored(answers: dict[str, AnswerValue]) -> Result:
    assessment = Assessment(
        questionnaire="mlops",
        answers={qid: Answer(value=value) for qid, value in answers.items()},
    )
    return score(mlops(), assessment)


def best_value(q: Questionnaire, found: Any) -> AnswerValue:
    """An answer that gives ``found`` its highest score."""
    if isinstance(found, ChoiceQuestion):
        options = q.options_of(found)
        if found.type == "multiple":
            return [o.id for o in options]
        return max(options, key=lambda o: o.score).id
    if isinstance(found, BooleanQuestion):
        return True
    assert isinstance(found, NumberQuestion)
    top = max(found.bands, key=lambda b: b.score)
    interval = parse_interval(top.range)
    if interval.low_closed:
        return interval.low
    return interval.low + 1 if math.isinf(interval.high) else (interval.low + interval.high) / 2


def best_answers() -> dict[str, AnswerValue]:
    q = mlops()
    return {
        qid: best_value(q, placed.question)
        for qid, placed in q.placed.items()
        if not isinstance(placed.question, TextQuestion)
    }


# ---- 1. DORA conversions (review §2, D-3, D-4, D-6) ------------------------------------------


def test_one_deployment_a_day_is_not_the_top_band() -> None:
    q, freq = mlops(), number("out-deploy-frequency")
    top = max(freq.bands, key=lambda b: b.score)
    assert str(parse_interval(top.range)) == "[40, inf)"
    for daily in (20, 30):  # every working day, every calendar day
        assert question_score(q, freq, daily) == 3
    assert band_label("out-deploy-frequency", 30) == "Between once a week and about once a day"
    assert clusters("out-deploy-frequency", 30) == {
        2021: "High",
        2022: "Medium",
        2023: "High",
        2024: "High",
    }
    assert question_score(q, freq, 40) == 4
    assert clusters("out-deploy-frequency", 40)[2024] == "Elite"


def test_exactly_once_every_six_months_is_on_the_better_side() -> None:
    q, freq = mlops(), number("out-deploy-frequency")
    assert [b.range for b in freq.bands][:2] == ["[0, 1/6)", "[1/6, 1)"]
    assert question_score(q, freq, SIXTH) == 1
    assert question_score(q, freq, 0.16) == 0
    assert band_label("out-deploy-frequency", SIXTH) == (
        "Between once every six months and once a month"
    )
    assert clusters("out-deploy-frequency", SIXTH) == {
        2021: "Medium",
        2022: "Low",
        2023: "Low",
        2024: "Low",
    }


def test_restore_time_runs_from_the_failure_not_from_its_detection() -> None:
    help_text = " ".join(number("out-restore-time").help.split())
    assert "from the moment the failure is detected" not in help_text
    assert "from the moment the failed deployment went live" in help_text
    assert "The time it took to notice the failure counts" in help_text


OUTCOMES = {
    "out-deploy-frequency": ("deployment-frequency", "dora.deployment_frequency", "deployments"),
    "out-lead-time": ("lead-time", "dora.lead_time", "hours"),
    "out-change-failure-rate": ("change-fail-rate", "dora.change_failure_rate", "percent"),
    "out-restore-time": ("recovery-time", "dora.time_to_restore", "hours"),
}


@pytest.mark.parametrize("qid", sorted(OUTCOMES))
def test_outcome_questions_use_the_shared_dora_tables_and_declare_their_metric(qid: str) -> None:
    found = number(qid)
    benchmark, metric, unit = OUTCOMES[qid]
    assert (found.benchmark, found.metric, found.unit.split()[0]) == (benchmark, metric, unit)
    dora = load_questionnaire("dora")
    assert mlops().include_benchmarks == ("dora",)
    mine = sorted(b.model_dump_json() for b in mlops().benchmarks if b.metric == benchmark)
    shared = sorted(b.model_dump_json() for b in dora.benchmarks if b.metric == benchmark)
    assert mine == shared
    assert len(mine) == 4  # 2021 to 2024


# ---- 2. Scores that punished the right answer -------------------------------------------------


def test_a_recorded_decision_not_to_build_a_platform_reaches_the_top() -> None:
    scores = option_scores("ppl-platform-team")
    assert question_range(mlops(), choice("ppl-platform-team")) == (0, 4)
    assert scores["deliberate-none"] == 4
    assert scores["product-team"] == 4
    assert scores["mandate"] == 2
    assert scores["none"] == 0


def test_feature_store_allows_na_and_a_store_is_azure_level_2() -> None:
    found = choice("tech-feature-store")
    assert found.not_applicable is True
    assert option_scores("tech-feature-store")["store"] == 2
    assessment, q = northwind()
    answers = {**assessment.answers, "tech-feature-store": Answer(value="n/a")}
    result = score(q, assessment.model_copy(update={"answers": answers}))
    status = {a.question: a.status for a in result.answers}
    assert status["tech-feature-store"] == "not_applicable"
    assert result.missing == ()


def test_ci_only_scores_above_a_fully_manual_release() -> None:
    scores = option_scores("tech-app-release")
    assert scores["manual"] == 0
    assert scores["ci-only"] == 0.5
    assert scores["pipeline"] == 1
    assert scores["ci-only"] > scores["manual"]
    # Only an automated release meets Azure level 1.
    assert gate_table(mlops())["tech-app-release"] == [(1, 1.0), (3, 3.0)]


def test_a_bandit_router_is_not_the_top_of_traffic_routing() -> None:
    scores = option_scores("proc-traffic-routing")
    top = max(scores.values())
    assert scores["adaptive"] == 3 < top == 4
    assert scores["guarded"] == 3
    assert [o for o, s in scores.items() if s == top] == ["deliberate"]


def test_role_coverage_is_anchored_on_review_not_on_where_roles_sit() -> None:
    scores, labels = option_scores("ppl-roles"), option_labels("ppl-roles")
    assert scores["staffed"] == 3
    assert "central MLOps team" in labels["staffed"]
    top = " ".join(labels["reviewed"].split())
    assert scores["reviewed"] == 4
    assert "fully staffed in the team" not in top
    assert "checked against planned work" in top


def test_cross_functional_top_follows_azure_level_4_people_column() -> None:
    labels = option_labels("ppl-cross-functional")
    assert option_scores("ppl-cross-functional")["production-signals"] == 4
    assert "rotat" not in " ".join(labels.values())
    assert "post-deployment metrics" in " ".join(labels["production-signals"].split())
    assert gate_table(mlops())["ppl-cross-functional"] == [(2, 2.0), (3, 3.0), (4, 4.0)]


def test_retraining_trigger_help_says_google_and_azure_disagree() -> None:
    help_text = " ".join(choice("proc-retraining-trigger").help.split())
    assert "Google's MLOps levels" in help_text
    assert "as part of its level 1" in help_text
    assert "only at its level 4" in help_text


# ---- 3. Questions that asked two things --------------------------------------------------------

SPLITS = {
    # kept id: (new id, group of both, a word the kept question no longer asks about)
    "proc-slice-evaluation": ("proc-fairness-evaluation", "proc-testing", "fairness"),
    "tech-access-control": ("tech-encryption", "tech-security", "encrypt"),
    "proc-compliance-checks": ("proc-security-checks", "proc-governance", "security"),
    "tech-vulnerability-scanning": ("tech-artifact-signing", "tech-security", "sign"),
}


@pytest.mark.parametrize("kept", sorted(SPLITS))
def test_double_barrelled_questions_are_split(kept: str) -> None:
    new, group, word = SPLITS[kept]
    q = mlops()
    assert q.placed[kept].path[-1] == q.placed[new].path[-1] == group
    old = choice(kept)
    asked = " ".join([old.text, *(o.label for o in q.options_of(old))]).lower()
    assert word not in asked
    assert new in old.help  # the help points to where the other half is asked now


# ---- 4. Reliability per service ----------------------------------------------------------------


def test_slo_questions_are_normalised_per_service() -> None:
    q = mlops()
    attainment, incidents = number("out-slo-attainment"), number("out-slo-incidents")
    assert attainment.unit == "percent of services"
    assert incidents.unit == "incidents per service per quarter"
    assert incidents.integer is False
    # 3 incidents across 6 services and 12 across 24 are the same rate and the same score.
    assert question_score(q, incidents, 3 / 6) == question_score(q, incidents, 12 / 24) == 2
    assert [question_score(q, incidents, v) for v in (0, 0.2, 0.25, 0.9, 1.5, 2)] == [
        4,
        4,
        3,
        2,
        1,
        0,
    ]
    assert [question_score(q, attainment, v) for v in (100, 95, 80, 50, 40)] == [4, 3, 2, 1, 0]


# ---- 5. Options that skip a level ------------------------------------------------------------


def skipped_levels(q: Questionnaire, found: ChoiceQuestion) -> list[int]:
    covered = {math.floor(o.score) for o in q.options_of(found)}
    return [lv.value for lv in q.scale.levels if lv.value not in covered]


def test_no_single_choice_question_skips_a_level_unless_its_sources_say_why() -> None:
    q = mlops()
    skipping = {
        qid: skipped_levels(q, p.question)
        for qid, p in q.placed.items()
        if isinstance(p.question, ChoiceQuestion) and p.question.type == "single"
    }
    skipping = {qid: levels for qid, levels in skipping.items() if levels}
    assert skipping == {"tech-app-release": [2]}
    for qid, levels in skipping.items():
        notes = [s for s in question(qid).sources if s.startswith("Scoring note:")]
        for level in levels:
            assert any(f"no option at level {level}" in note for note in notes), qid


# ---- 6. The headline is the staged level, and the tags follow Azure (review Q-1, §3) ----------

AZURE_TAGS: dict[str, list[tuple[int, float | None]]] = {
    "ppl-cross-functional": [(2, 2.0), (3, 3.0), (4, 4.0)],
    "ppl-key-person": [(3, 3.0)],
    "proc-experiment-tracking": [(2, 2.0)],
    "proc-deployment": [(3, 3.0)],
    "proc-promotion": [(4, 4.0)],
    "proc-rollout": [(3, 3.0)],
    "proc-retraining-policy": [(2, 2.0)],
    "proc-retraining-trigger": [(2, 2.0), (4, 4.0)],
    "proc-scoring-tests": [(1, 1.0), (3, 2.0)],
    "proc-release-tests": [(3, 3.0)],
    "tech-data-pipeline": [(1, 1.0)],
    "tech-code-versioning": [(1, 1.0), (2, 2.0)],
    "tech-model-registry": [(2, 2.0)],
    "tech-lineage": [(3, 3.0)],
    "tech-training-pipeline": [(2, 2.0)],
    "tech-compute": [(2, 2.0)],
    "tech-pipeline-cicd": [(3, 2.0)],
    "tech-environments": [(3, 3.0)],
    "tech-app-release": [(1, 1.0), (3, 3.0)],
    "tech-drift-monitoring": [(4, 3.0)],
    "tech-performance-monitoring": [(4, 3.0)],
}


def test_headline_is_the_staged_level() -> None:
    assert mlops().headline == "staged"
    assessment, q = northwind()
    overall = score(q, assessment).overall
    assert overall.staged_level is not None and overall.headline is not None
    assert (overall.staged_level.value, overall.headline.value) == (2, 2)


def test_staged_tags_are_the_practices_the_azure_article_lists() -> None:
    assert gate_table(mlops()) == AZURE_TAGS
    # Every tagged question cites the Azure article (or, for the one-line CI bar, Azure level 3).
    for qid in AZURE_TAGS:
        assert any(s.startswith("Azure MLOps maturity model") for s in question(qid).sources), qid


def test_a_team_copying_model_files_by_hand_is_not_headlined_level_4() -> None:
    """The review's probe: best answers, except manual release, eyeballed tests and rollback."""
    answers = best_answers()
    answers |= {
        "proc-deployment": "manual-copy",
        "proc-release-tests": "eyeball",
        "proc-rollback": "manual",
    }
    overall = scored(answers).overall
    assert overall.score is not None and overall.score >= 3.5
    assert overall.level is not None and overall.level.value == 4
    assert overall.staged_level is not None and overall.staged_level.value == 2
    assert overall.headline is not None and overall.headline.value == 2


def test_best_answers_everywhere_reach_level_4() -> None:
    overall = scored(best_answers()).overall
    assert overall.staged_level is not None and overall.staged_level.value == 4
    assert overall.score == 4


# ---- 7. Smaller findings, copied fragments --------------------------------------

CYCLE_TIME = {
    "proc-iteration-cycle": ["out-idea-to-model", "out-model-to-production", "out-lead-time"],
    "out-lead-time": ["out-idea-to-model", "out-model-to-production"],
    "out-idea-to-model": ["out-model-to-production", "proc-iteration-cycle"],
    "out-model-to-production": ["out-lead-time"],
}


@pytest.mark.parametrize("qid", sorted(CYCLE_TIME))
def test_cycle_time_questions_say_how_they_differ(qid: str) -> None:
    assert [other for other in CYCLE_TIME[qid] if other not in question(qid).help] == []


def mlops_docs() -> str:
    text = (ROOT / "docs" / "questionnaires.md").read_text()
    start = text.index("## MLOps maturity assessment (`mlops`)")
    return text[start : text.index("\n## ", start + 1)]


def test_rollback_and_pipeline_cd_are_not_attributed_to_azure_level_3() -> None:
    assert "proc-rollback" not in gate_table(mlops())
    rollback_sources = " ".join(question("proc-rollback").sources)
    assert "ML Test Score, Infra 7" in rollback_sources
    cicd_sources = question("tech-pipeline-cicd").sources
    assert "Google MLOps levels, level 2 (CI/CD pipeline automation)" in cicd_sources
    row = next(line for line in mlops_docs().splitlines() if line.startswith("| 3 | `ppl-"))
    assert "`proc-rollback`" not in row
    assert "one-step" not in row.lower()


def test_explainability_is_asked_where_it_is_cited() -> None:
    q = mlops()
    citing = [
        qid
        for qid, p in q.placed.items()
        if any("explainab" in s.lower() for s in p.question.sources)
    ]
    assert citing == ["proc-explainability"]
    assert option_scores("proc-explainability") == {
        "none": 0,
        "on-request": 1,
        "global": 2,
        "per-prediction": 3,
        "knowledge-limits": 4,
    }


@pytest.mark.parametrize(
    "fragment",
    [
        "policy-based automated model promotion",
        "full traceability from deployment back to",
        "where are our models stored",
    ],
)
def test_no_fragment_is_copied_from_the_sources(fragment: str) -> None:
    text = (ROOT / "questionnaires" / "mlops.yaml").read_text()
    assert fragment.lower() not in " ".join(text.split()).lower()


# ---- 8. Level descriptions on every capability ------------------------------------------------


def test_every_group_describes_every_level_in_its_own_words() -> None:
    q = mlops()
    levels = [lv.value for lv in q.scale.levels]
    names = {lv.name for lv in q.scale.levels} | {lv.description for lv in q.scale.levels}
    groups = iter_groups(q.groups)
    assert len(groups) == 25  # four areas and 21 capabilities
    for group in groups:
        assert sorted(group.level_descriptions) == levels, group.id
        texts = list(group.level_descriptions.values())
        assert all(len(t.split()) >= 8 for t in texts), group.id
        assert len(set(texts)) == len(texts), group.id
        assert not names & set(texts), group.id


# ---- 9. Owners and step order -----------------------------------------------------------------

ROLES = {
    "Team lead",
    "Head of ML",
    "Model owner",
    "Product owner",
    "Data scientist",
    "Data engineer",
    "ML engineer",
    "Software engineer",
    "Platform engineer",
    "Security engineer",
    "Compliance officer",
}


def recommendations(q: Questionnaire) -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {}
    for qid, placed in q.placed.items():
        item = placed.question
        if isinstance(item, ChoiceQuestion):
            for option in q.options_of(item):
                if option.recommendation is not None:
                    found[(qid, option.id)] = option.recommendation
        for i, rec in enumerate(item.recommendations):
            found[(qid, f"#{i}")] = rec
    return found


def test_every_recommendation_has_an_owner_from_the_role_list() -> None:
    recs = recommendations(mlops())
    assert len(recs) == 311
    assert {key: rec.owner for key, rec in recs.items() if rec.owner not in ROLES} == {}


@pytest.mark.parametrize(
    ("key", "first"),
    [
        (("proc-promotion", "one-click"), "tech-model-registry"),
        (("proc-retraining-trigger", "alert-human"), "tech-drift-monitoring"),
        (("proc-retraining-trigger", "alert-human"), "tech-performance-monitoring"),
        (("proc-release-tests", "manual-run"), "proc-deployment"),
        (("tech-performance-monitoring", "periodic"), "tech-prediction-logging"),
        (("proc-rollout", "canary-ab"), "proc-deployment"),
    ],
)
def test_dependent_steps_come_after_what_they_need(key: tuple[str, str], first: str) -> None:
    assert first in recommendations(mlops())[key].after


def test_step_order_has_no_cycle() -> None:
    follows: dict[str, set[str]] = {}
    for (qid, _), rec in recommendations(mlops()).items():
        follows.setdefault(qid, set()).update(rec.after)

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for nxt in follows.get(start, set()):
            if nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt})):
                return True
        return False

    assert [qid for qid in follows if reaches(qid, qid, set())] == []


# ---- 10. The Northwind example ----------------------------------------------------------------


def test_northwind_answers_every_question_and_its_numbers_agree() -> None:
    assessment, q = northwind()
    result = score(q, assessment)
    assert result.missing == ()
    for new in ("proc-fairness-evaluation", "tech-encryption", "proc-security-checks"):
        assert new in assessment.answers
    assert "tech-artifact-signing" in assessment.answers
    assert "proc-explainability" in assessment.answers
    # Review E-2: "2 of 11 deployments this quarter" must match the deployment frequency.
    freq = assessment.answers["out-deploy-frequency"]
    cfr = assessment.answers["out-change-failure-rate"]
    assert isinstance(freq.value, float) and isinstance(cfr.value, int)
    assert round(freq.value * 3) == 11
    assert "11" in freq.note and "2 of 11" in cfr.note
    assert cfr.value == round(100 * 2 / 11)
    assert result.overall.score == pytest.approx(1.9729, abs=1e-4)


# ---- 11. The docs describe this questionnaire -------------------------------------------------


def test_docs_structure_table_lists_every_question_id() -> None:
    q = mlops()
    rows = re.findall(r"^\| \w+ \| [^|]+\(`([a-z-]+)`\) \| (\d+) \| (.+) \|$", mlops_docs(), re.M)
    table = {gid: (int(n), re.findall(r"`([a-z0-9-]+)`", ids)) for gid, n, ids in rows}
    expected = {
        g.id: (len(g.questions), [x.id for x in g.questions])
        for top in q.groups
        for g in top.groups
    }
    assert table == expected
    assert f"**{len(q.placed)} questions**" in mlops_docs()
    assert "In total: People 14, Process 31, Technology 30, Outcomes 9." in mlops_docs()
    assert "`headline: staged`" in mlops_docs()
