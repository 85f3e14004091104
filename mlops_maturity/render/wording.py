"""Fixed wording of the reports: drafts, answer statuses, blockers and the appendix."""

from __future__ import annotations

from mlops_maturity.render.findings import level_phrase
from mlops_maturity.render.text import level_text, levels_are_steps
from mlops_maturity.scoring.result import AnswerResult, Result

STATUS_WORDS = {
    "not_applicable": "Not applicable",
    "skipped": "Skipped (its condition was not met)",
    "missing": "Not answered",
    "waiting": "Not asked yet: waits for the answer it depends on",
    "unknown": "Don't know (to find out)",
}


def answer_text(answer: AnswerResult) -> str:
    """The answer in words, or why there is none."""
    return answer.label if answer.status == "answered" else STATUS_WORDS[answer.status]


def draft_line(result: Result) -> str | None:
    """``Draft: 68 of 78 questions answered`` for a provisional result, else None."""
    if not result.provisional:
        return None
    o = result.overall
    return f"Draft: {o.answered} of {o.applicable} questions answered"


def draft_note(result: Result) -> str | None:
    """What a draft means for the reader, or None for a finished result."""
    line = draft_line(result)
    if line is None:
        return None
    return f"{line}. Scores, levels and the roadmap may change once the rest are answered."


def blockers(result: Result) -> tuple[AnswerResult, ...]:
    """The practices that keep the staged level from the next level up."""
    o = result.overall
    values = [lv.value for lv in result.levels if lv.value is not None]
    if o.staged_status == "untagged" or not values:
        return ()
    if o.staged_status == "not_yet" or o.staged_level is None or o.staged_level.value is None:
        following: int | None = values[0]
    else:
        current = o.staged_level.value
        following = next((v for v in values if v > current), None)
    if following is None:
        return ()
    return tuple(
        a
        for a in result.answers
        if a.status not in {"skipped", "not_applicable"}
        and any(g.level <= following and not g.met for g in a.gates)
    )


def general_meaning(result: Result) -> str:
    """The headline level's stock description, labelled as what the level means in general."""
    level = result.overall.headline
    if level is None or not level.description:
        return ""
    phrase = level_phrase(level, levels_are_steps(result))
    return f"What {phrase} means in general: {' '.join(level.description.split())}"


def appendix(
    result: Result, *, has_targets: bool, has_benchmarks: bool
) -> tuple[tuple[str, str], ...]:
    """How the numbers in the report are made, as (heading, paragraph) pairs."""
    o = result.overall
    span = "" if o.score is None else f" (here {o.min_score:g} to {o.max_score:g})"
    zero = result.unanswered == "zero"
    out = [
        (
            "How a question is scored",
            QUESTION_SCORES + (UNANSWERED_ZERO if zero else UNANSWERED_OUT),
        ),
        ("How groups are combined", GROUP_SCORES.format(span=span) + _overall_rule(result)),
        ("The score level", SCORE_LEVEL + _band_list(result)),
    ]
    if o.staged_status != "untagged":
        out.append(("The staged level", STAGED_LEVEL))
    out.append(("The overall level", HEADLINE[result.headline]))
    if has_targets:
        out.append(("Targets", TARGETS))
    out.append(("The roadmap", ROADMAP))
    if has_benchmarks:
        out.append(("Benchmarks", BENCHMARKS))
    return tuple(out)


AGGREGATION_WORDS = {
    "mean": "the mean",
    "weighted_mean": "the weighted mean",
    "min": "the minimum",
    "max": "the maximum",
    "sum": "the sum",
}


def _overall_rule(result: Result) -> str:
    weighted = result.aggregation in {"weighted_mean", "sum"}
    areas = ", ".join(
        f"{g.title} (weight {g.weight:g})" if weighted else g.title for g in result.groups
    )
    rule = AGGREGATION_WORDS.get(result.aggregation, result.aggregation)
    return f" In this questionnaire the overall score is {rule} of {areas}."


def _band_list(result: Result) -> str:
    if not result.bands:
        return ""
    numbered = levels_are_steps(result)
    parts = [f"{b.range} is {level_text(b.level, numbered=numbered)}" for b in result.bands]
    return " Here: " + "; ".join(parts) + "."


QUESTION_SCORES = (
    "Each answer scores on the questionnaire's scale: a single choice scores its option, a "
    "checklist the sum of the options ticked (capped at the top of the scale), yes the top and "
    "no the bottom of the scale unless the question says otherwise, a number the band it falls "
    "in. Free text is not scored. Questions answered “not applicable” or skipped by a condition "
    "are left out of every score."
)
UNANSWERED_OUT = (
    " Questions not answered (or answered “don't know”) are left out too and never count as "
    "zero; while any remain, the report is a draft."
)
UNANSWERED_ZERO = (
    " As its source does, this questionnaire counts a question not answered (or answered "
    "“don't know”) as the lowest score; while any remain, the report is a draft."
)
GROUP_SCORES = (
    "Each group combines its questions and sub-groups by the rule the questionnaire sets for it: "
    "the mean, the mean weighted by each part's weight, the minimum, the maximum or the sum; the "
    "overall score combines the top-level groups the same way. The lowest and highest score a "
    "group could reach are combined by the same rule{span}; bars and the radar place each score "
    "between those two. A group with nothing answered has no score and is left out of the group "
    "above it, which says so."
)
SCORE_LEVEL = (
    "A score becomes a level through the questionnaire's score bands (for example, scores from "
    "1.5 up to 2.5 are level 2). Without bands, level L covers the scores from L up to the next "
    "level. Where bands carry labels instead of levels, the report shows the label. A "
    "capability's level is described in the capability's own terms where the questionnaire "
    "gives them, otherwise as “level L of N”; the heat map fills each level as far as the score "
    "reaches."
)
STAGED_LEVEL = (
    "Questions can characterise a level: they describe a practice expected at that level, some "
    "with a different bar for different levels. The staged level is the highest level L for "
    "which every such practice at L or below is met and none is left unanswered, the way staged "
    "models such as CMMI are read: one missing practice at level 2 keeps the staged level at 1 "
    "however high the average. When a practice of the lowest level is missing, the team is not "
    "yet at the lowest level. Nothing is claimed above the highest level any question asks "
    "about. Each area and capability has a staged level of its own."
)
HEADLINE = {
    "score": (
        "The overall level is the score level: the level the overall score falls in. The "
        "staged level, when shown, says which level is fully in place."
    ),
    "staged": (
        "The overall level is the staged level: this questionnaire's score averages topics its "
        "levels do not grade, so the level a team has is the highest one whose every practice is "
        "in place. The score and the score level are shown beside it."
    ),
    "capped": (
        "The overall level is the score level, but never higher than the staged level: a level "
        "is claimed only when its practices are in place."
    ),
}
TARGETS = (
    "A target level is set for every group with --target-level, or per group in the answer file. "
    "Each question in a group with a target gets the target level's number as its target score "
    "(level 2: a score of 2), or its own best score if that is lower. Its gap is target − score, "
    "never below zero, so "
    "being ahead on one question does not hide a gap on another. As in OWASP SAMM, percent to "
    "target is 1 − Σgap ÷ Σtarget over the questions with a target; a group's gap is the sum of "
    "its questions' gaps."
)
ROADMAP = (
    "Each recommendation comes from an answer below its question's top score, and helps reach a "
    "level. The roadmap has at most three phases: first the gaps below the level the team already "
    "has (if there are any), then what reaching the next level takes, then the level after. No "
    "phase is named for a level already reached. Within a phase, the steps that keep the staged "
    "level where it is come first, then those with the most impact for the effort (low = 1, "
    "medium = 2, high = 3), then by priority: the question's share of the overall score × the "
    "size of the gap × impact ÷ effort. A step that builds on another comes after it. Each phase "
    "holds a few steps; the rest, and steps beyond a target, are in the backlog."
)
BENCHMARKS = (
    "Number answers are placed in the benchmark clusters of every report year the source "
    "publishes. A cluster is a profile across several metrics, so a placement says which cluster "
    "the answer resembles on that one metric, not which cluster the team belongs to."
)
