"""The checks a schema cannot express: ids, references, ranges, bands, levels and conditions."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from mlops_maturity.questionnaire.intervals import Interval, parse_interval
from mlops_maturity.questionnaire.level_checks import (
    check_gates,
    check_level_descriptions,
    check_metric,
    check_step_order,
)
from mlops_maturity.questionnaire.model import (
    Band,
    BooleanQuestion,
    ChoiceQuestion,
    Group,
    NumberQuestion,
    Questionnaire,
    TextQuestion,
)

Loc = tuple[str | int, ...]


def cross_check(q: Questionnaire) -> Iterator[tuple[Loc, str]]:
    """The checks a schema cannot express: ids, references, ranges, bands and conditions."""
    scale_problems = list(_check_scale(q))
    yield from scale_problems
    if scale_problems:
        return  # option scores cannot be judged against a broken scale
    yield from _check_answer_sets(q)
    seen: dict[str, str] = {}
    order = {qid: i for i, qid in enumerate(q.placed)}
    locs: dict[str, Loc] = {}
    for group_loc, group in _walk_groups(q.groups, ("groups",)):
        yield from _check_id(seen, group.id, "group", (*group_loc, "id"))
        yield from _check_level(q, group.level, (*group_loc, "level"))
        yield from check_level_descriptions(q, group, group_loc)
        yield from _check_bands(group.bands, q, (*group_loc, "bands"))
        if not group.questions and not group.groups:
            yield group_loc, "group has no questions and no groups"
        for i, question in enumerate(group.questions):
            loc = (*group_loc, "questions", i)
            locs.setdefault(question.id, loc)
            yield from _check_id(seen, question.id, "question", (*loc, "id"))
            yield from _check_question(q, question, loc, order)
    yield from check_step_order(q, locs)


def _walk_groups(groups: tuple[Group, ...], loc: Loc) -> Iterator[tuple[Loc, Group]]:
    for i, group in enumerate(groups):
        here = (*loc, i)
        yield here, group
        yield from _walk_groups(group.groups, (*here, "groups"))


def _check_id(seen: dict[str, str], ident: str, kind: str, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if ident in seen:
        yield loc, f"duplicate id {ident!r}: a {seen[ident]} already uses it"
    else:
        seen[ident] = kind


def _check_scale(q: Questionnaire) -> Iterator[tuple[Loc, str]]:
    scale = q.scale
    if scale.min >= scale.max:
        yield ("scale", "max"), f"scale max ({scale.max:g}) must be above scale min ({scale.min:g})"
    values = [lv.value for lv in scale.levels]
    if values != sorted(set(values)):
        yield ("scale", "levels"), "levels must be listed in increasing order of value, each once"
    ids: set[str] = set()
    for i, level in enumerate(scale.levels):
        if level.id in ids:
            yield ("scale", "levels", i, "id"), f"duplicate level id {level.id!r}"
        ids.add(level.id)
    yield from _check_bands(scale.bands, q, ("scale", "bands"))


def _check_bands(bands: tuple[Band, ...], q: Questionnaire, loc: Loc) -> Iterator[tuple[Loc, str]]:
    for i, band in enumerate(bands):
        if band.level is not None and (band.id is not None or band.label is not None):
            yield (*loc, i), "a band maps to a level or to an id and label, not both"
        elif band.level is None and (band.id is None or band.label is None):
            yield (*loc, i), "a band needs a level, or an id and a label"
        elif band.level is not None:
            yield from _check_level(q, band.level, (*loc, i, "level"))
    yield from check_coverage([b.range for b in bands], loc, None, None)


def check_coverage(
    ranges: list[str], loc: Loc, low: float | None, high: float | None
) -> Iterator[tuple[Loc, str]]:
    """Ranges must ascend without overlap or gap and cover [low, high] when given."""
    intervals = [parse_interval(r) for r in ranges]
    for i, interval in enumerate(intervals):
        if interval.low > interval.high or (
            interval.low == interval.high and not (interval.low_closed and interval.high_closed)
        ):
            yield (*loc, i, "range"), f"range {interval} is empty"
    for i in range(1, len(intervals)):
        prev, cur = intervals[i - 1], intervals[i]
        if cur.low < prev.high or (cur.low == prev.high and prev.high_closed and cur.low_closed):
            yield (*loc, i, "range"), f"range {cur} overlaps the one before it ({prev})"
        elif cur.low > prev.high or not (prev.high_closed or cur.low_closed):
            yield (*loc, i, "range"), f"range {cur} leaves a gap after {prev}"
    if intervals and low is not None and not _covers_low(intervals[0], low):
        yield (*loc, 0, "range"), f"the first range {intervals[0]} does not include {_fmt(low)}"
    if intervals and high is not None and not _covers_high(intervals[-1], high):
        yield (*loc, len(intervals) - 1, "range"), f"the last range does not include {_fmt(high)}"


def _covers_low(interval: Interval, low: float) -> bool:
    return interval.low < low or (interval.low == low and (interval.low_closed or math.isinf(low)))


def _covers_high(interval: Interval, high: float) -> bool:
    return interval.high > high or (
        interval.high == high and (interval.high_closed or math.isinf(high))
    )


def _fmt(x: float) -> str:
    return "inf" if math.isinf(x) else f"{x:g}"


def _check_level(q: Questionnaire, level: int | None, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if level is not None and q.level_by_value(level) is None:
        known = ", ".join(str(lv.value) for lv in q.scale.levels)
        yield loc, f"unknown level {level}; the scale has {known}"


def _check_answer_sets(q: Questionnaire) -> Iterator[tuple[Loc, str]]:
    for name, answer_set in q.answer_sets.items():
        yield from _check_options(q, answer_set.options, ("answer_sets", name, "options"))


def _check_options(q: Questionnaire, options: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    ids: set[str] = set()
    for i, option in enumerate(options):
        if option.id in ids:
            yield (*loc, i, "id"), f"duplicate option id {option.id!r}"
        if option.id.lower() in {"n/a", "na"}:
            yield (*loc, i, "id"), "'n/a' is reserved; use not_applicable: true on the question"
        ids.add(option.id)
        yield from _check_score(q, option.score, (*loc, i, "score"))


def _check_score(q: Questionnaire, score: float | None, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if score is not None and not q.scale.min <= score <= q.scale.max:
        yield loc, f"score {score:g} is outside the scale ({q.scale.min:g} to {q.scale.max:g})"


def _check_question(
    q: Questionnaire, question: Any, loc: Loc, order: dict[str, int]
) -> Iterator[tuple[Loc, str]]:
    yield from _check_level(q, question.level, (*loc, "level"))
    yield from _check_score(q, question.met, (*loc, "met"))
    yield from check_gates(q, question, loc)
    yield from check_metric(question, loc)
    for i, rec in enumerate(question.recommendations):
        yield from _check_score(q, rec.below, (*loc, "recommendations", i, "below"))
    if question.when is not None:
        yield from _check_condition(q, question, (*loc, "when"), order)
    if isinstance(question, ChoiceQuestion):
        yield from _check_choice(q, question, loc)
    elif isinstance(question, BooleanQuestion):
        yield from _check_score(q, question.yes_score, (*loc, "yes_score"))
        yield from _check_score(q, question.no_score, (*loc, "no_score"))
    elif isinstance(question, NumberQuestion):
        yield from _check_number(q, question, loc)
    elif isinstance(question, TextQuestion) and (
        question.recommendations or question.level is not None
    ):
        yield loc, "a text question is not scored, so it cannot carry a level or recommendations"


def _check_choice(
    q: Questionnaire, question: ChoiceQuestion, loc: Loc
) -> Iterator[tuple[Loc, str]]:
    if question.answer_set is not None and question.options:
        yield (*loc, "answer_set"), "give options or an answer_set, not both"
    elif question.answer_set is not None and question.answer_set not in q.answer_sets:
        known = ", ".join(q.answer_sets) or "none are defined"
        yield (*loc, "answer_set"), f"unknown answer set {question.answer_set!r} ({known})"
    elif question.answer_set is None and len(question.options) < 2:
        yield (*loc, "options"), "a choice question needs at least two options or an answer_set"
    else:
        yield from _check_options(q, question.options, (*loc, "options"))


def _check_number(
    q: Questionnaire, question: NumberQuestion, loc: Loc
) -> Iterator[tuple[Loc, str]]:
    if question.min is not None and question.max is not None and question.min >= question.max:
        yield (*loc, "max"), "max must be above min"
    for i, band in enumerate(question.bands):
        yield from _check_score(q, band.score, (*loc, "bands", i, "score"))
    high = math.inf if question.max is None else question.max
    low = -math.inf if question.min is None else question.min
    yield from check_coverage([b.range for b in question.bands], (*loc, "bands"), low, high)
    if question.benchmark is not None and not any(
        b.metric == question.benchmark for b in q.benchmarks
    ):
        yield (*loc, "benchmark"), f"no benchmark for metric {question.benchmark!r}"


def _check_condition(
    q: Questionnaire, question: Any, loc: Loc, order: dict[str, int]
) -> Iterator[tuple[Loc, str]]:
    when = question.when
    operators = [
        k for k in ("equals", "in_", "not_in", "min", "max") if getattr(when, k) is not None
    ]
    if len(operators) != 1:
        yield loc, "a condition needs exactly one of equals, in, not_in, min, max"
    target = q.placed.get(when.question)
    if target is None:
        yield (*loc, "question"), f"unknown question {when.question!r}"
        return
    if order[when.question] >= order[question.id]:
        yield (
            (*loc, "question"),
            (f"condition on {when.question!r}, which is not asked before this question"),
        )
        return
    values = [when.equals] if when.equals is not None else list(when.in_ or when.not_in or ())
    if isinstance(target.question, ChoiceQuestion):
        allowed = {o.id for o in q.options_of(target.question)}
        for value in values:
            if value not in allowed:
                yield loc, f"{value!r} is not an option of {when.question!r}"
    elif isinstance(target.question, BooleanQuestion):
        for value in values:
            if value not in (True, False, "yes", "no"):
                yield loc, f"{value!r} is not an answer to yes/no question {when.question!r}"
