"""The words of the document reports: the executive summary, what blocks the next level, the
appendix. Pure functions of a Result."""

from __future__ import annotations

from mlops_maturity.render.text import fmt_percent, fmt_score, level_text, levels_are_steps
from mlops_maturity.render.view import (
    Section,
    extremes,
    has_targets,
    level_phrase,
    percent_to_target,
)
from mlops_maturity.scoring.result import AnswerResult, Result

STATUS_WORDS = {
    "not_applicable": "Not applicable",
    "skipped": "Skipped (its condition was not met)",
    "missing": "Not answered",
    "waiting": "Not asked yet: waits for the answer it depends on",
    "unknown": "Don't know (to find out)",
}


def who(result: Result) -> str:
    """The team and organisation, as the subject of a sentence."""
    s = result.subject
    if s.team and s.organization:
        return f"{s.team} ({s.organization})"
    return s.team or s.organization or "The team"


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


def summary(result: Result) -> tuple[str, ...]:
    """The executive summary in plain sentences."""
    o, name = result.overall, who(result)
    if o.score is None:
        return (f"{name} has no score yet: no scored question has been answered.",)
    out = [
        f"{name} is at {level_phrase(o.level, levels_are_steps(result))} overall, with a score of "
        f"{fmt_score(o.score, o.max_score)}."
    ]
    if o.level is not None and o.level.description:
        out.append(f"At this level: {o.level.description}")
    out.extend(_staged_sentence(result))
    if o.answered < o.applicable:
        zero = any(a.counted_as is not None for a in result.answers)
        rule = (
            "count as zero, as this questionnaire scores a blank"
            if zero
            else ("are left out of the scores, not counted as zero")
        )
        out.append(
            f"{o.answered} of {o.applicable} applicable questions were answered "
            f"({fmt_percent(o.completeness)}); the others {rule}."
        )
    out.extend(_extremes_sentences(result))
    if (share := percent_to_target(result.groups, result.levels)) is not None:
        out.append(f"Against the targets set, the team is {fmt_percent(share)} of the way there.")
    return tuple(out)


def _staged_sentence(result: Result) -> list[str]:
    o = result.overall
    if o.staged_status == "not_yet":
        lowest = level_phrase(result.levels[0], levels_are_steps(result))
        return [
            f"Counting only levels whose practices are all in place, it is not yet at {lowest}: "
            f"{len(blockers(result))} practice(s) of that level are not in place."
        ]
    staged, level = o.staged_level, o.level
    if staged is None:
        return []
    if level is not None and staged.value == level.value:
        return ["Every practice up to that level is in place, so the staged level agrees."]
    phrase = level_phrase(staged, levels_are_steps(result))
    text = f"Counting only levels whose practices are all in place, it is at {phrase}."
    if blocking := blockers(result):
        text += f" {len(blocking)} practice(s) stand in the way of the next level."
    return [text]


def _extremes_sentences(result: Result) -> list[str]:
    strong, weak = extremes(result)
    if not strong:
        return []

    def names(found: tuple[Section, ...]) -> str:
        return "; ".join(
            f"{s.group.title} ({level_text(s.group.level, numbered=levels_are_steps(result))}, "
            f"score {fmt_score(s.group.score, s.group.max_score)})"
            for s in found
        )

    return [f"Strongest: {names(strong)}.", f"Weakest: {names(weak)}."]


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


def answer_text(answer: AnswerResult) -> str:
    """The answer in words, or why there is none."""
    return answer.label if answer.status == "answered" else STATUS_WORDS[answer.status]


def appendix(result: Result) -> tuple[tuple[str, str], ...]:
    """How the numbers in the report are made, as (heading, paragraph) pairs."""
    o = result.overall
    span = (
        "" if o.score is None else f" (here {fmt_score(o.min_score)} to {fmt_score(o.max_score)})"
    )
    out = [
        ("How a question is scored", QUESTION_SCORES),
        ("How groups are combined", GROUP_SCORES.format(span=span) + _overall_rule(result)),
        ("The score level", SCORE_LEVEL + _band_list(result)),
    ]
    if o.staged_status != "untagged":
        out.append(("The staged level", STAGED_LEVEL))
    if has_targets(result):
        out.append(("Targets", TARGETS))
    out.append(("The roadmap", ROADMAP))
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
    "in. Free text is not scored. Questions answered “not applicable”, skipped by a condition or "
    "not answered are left out of every score: they never count as zero."
)
GROUP_SCORES = (
    "Each group combines its questions and sub-groups by the rule the questionnaire sets for it: "
    "the mean, the mean weighted by each part's weight, the minimum, the maximum or the sum; the "
    "overall score combines the top-level groups the same way. The lowest and highest score a "
    "group could reach with the questions answered are combined by the same rule{span}; bars and "
    "the radar place each score between those two."
)
SCORE_LEVEL = (
    "A score becomes a level through the questionnaire's score bands (for example, scores from "
    "1.5 up to 2.5 are level 2). Without bands, level L covers the scores from L up to the next "
    "level. Where bands carry labels instead of levels, the report shows the label."
)
STAGED_LEVEL = (
    "Questions can characterise a level: they describe a practice expected at that level. The "
    "staged level is the highest level L for which every such question at L or below is met "
    "(answered with its top score, or the score the questionnaire sets as met) and none is left "
    "unanswered, the way staged models such as CMMI are read: one missing practice at level 2 "
    "keeps the staged level at 1 however high the average. The score level says how much is in "
    "place; the staged level says which level is fully in place."
)
TARGETS = (
    "A target level is set for every group with --target-level, or per group in the answer file. "
    "A group's gap is the number of levels between the level it reached and its target, never "
    "below zero, so being ahead in one area does not hide a gap in another. As in OWASP SAMM, "
    "percent to target is 1 − Σgap ÷ Σtarget, over the innermost groups that carry a target."
)
ROADMAP = (
    "Each recommendation comes from an answer below its question's top score. Steps are grouped "
    "into phases by the level they help reach, lowest first; steps tied to no level come next, "
    "and steps above their area's target last. Within a phase, steps for practices that keep "
    "the staged level where it is come first; then steps are ordered by impact ÷ effort "
    "(low = 1, medium = 2, high = 3), then by priority: the question's share of the overall "
    "score × the size of the gap × impact ÷ effort. The summary's next steps follow the same "
    "ranking across all phases."
)
