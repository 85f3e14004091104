"""Checks of what levels and roadmaps rely on: gates, level descriptions, the order of steps."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mlops_maturity.questionnaire.model import (
    METRICS,
    ChoiceQuestion,
    Group,
    NumberQuestion,
    Questionnaire,
    Recommendation,
    TextQuestion,
)

Loc = tuple[str | int, ...]


def check_level_descriptions(q: Questionnaire, group: Group, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every key of ``level_descriptions`` is a level of the scale."""
    known = {lv.value for lv in q.scale.levels}
    for value in group.level_descriptions:
        if value not in known:
            listed = ", ".join(str(v) for v in sorted(known))
            yield (
                (*loc, "level_descriptions", str(value)),
                f"unknown level {value}; the scale has {listed}",
            )


def check_gates(q: Questionnaire, question: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Gates name known levels, once each in increasing order, with met scores on the scale."""
    if not question.gates:
        return
    if question.level is not None or question.met is not None:
        yield (*loc, "gates"), "give gates, or level and met, not both"
    if isinstance(question, TextQuestion):
        yield (*loc, "gates"), "a text question is not scored, so it cannot gate a level"
    levels = [gate.level for gate in question.gates]
    if levels != sorted(set(levels)):
        yield (*loc, "gates"), "gates must be listed in increasing order of level, each level once"
    known = {lv.value for lv in q.scale.levels}
    for i, gate in enumerate(question.gates):
        if gate.level not in known:
            listed = ", ".join(str(v) for v in sorted(known))
            yield (*loc, "gates", i, "level"), f"unknown level {gate.level}; the scale has {listed}"
        if gate.met is not None and not q.scale.min <= gate.met <= q.scale.max:
            yield (
                (*loc, "gates", i, "met"),
                f"score {gate.met:g} is outside the scale ({q.scale.min:g} to {q.scale.max:g})",
            )


def check_metric(question: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """A measured metric is answered in the unit the metric is computed in."""
    if not isinstance(question, NumberQuestion) or question.metric is None:
        return
    unit = METRICS[question.metric]
    if question.unit.split(" ")[:1] != unit.split(" ")[:1]:
        yield (
            (*loc, "unit"),
            f"a question measuring {question.metric} must be in {unit}, got {question.unit!r}",
        )


def recommendations_of(q: Questionnaire, question: Any) -> Iterator[tuple[Loc, Recommendation]]:
    """Every recommendation a question can give, with its location relative to the question."""
    if isinstance(question, ChoiceQuestion) and question.answer_set is None:
        for i, option in enumerate(question.options):
            if option.recommendation is not None:
                yield ("options", i, "recommendation"), option.recommendation
    for i, rec in enumerate(question.recommendations):
        yield ("recommendations", i), rec


def check_step_order(q: Questionnaire, locs: dict[str, Loc]) -> Iterator[tuple[Loc, str]]:
    """``after:`` names known questions other than its own, and the steps form no cycle."""
    follows: dict[str, set[str]] = {}
    for qid, placed in q.placed.items():
        for rec_loc, rec in recommendations_of(q, placed.question):
            for i, other in enumerate(rec.after):
                where = (*locs[qid], *rec_loc, "after", i)
                if other == qid:
                    yield where, "a step cannot come after its own question"
                elif other not in q.placed:
                    yield where, f"unknown question {other!r}"
                else:
                    follows.setdefault(qid, set()).add(other)
    cycle = _cycle(follows)
    if cycle:
        path = " → ".join(cycle)
        yield (*locs[cycle[0]], "id"), f"the steps' after: lists form a cycle: {path}"


def _cycle(follows: dict[str, set[str]]) -> list[str]:
    """One cycle in the graph, as a closed path, or an empty list."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in sorted(follows):
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(follows.get(start, ()))))]
        path = [start]
        if state.get(start):
            continue
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(child) == 1:
                return [*path[path.index(child) :], child]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(sorted(follows.get(child, ())))))
    return []
