"""Targets from scores, question by question: SAMM's gap and percent to target."""

from __future__ import annotations

from dataclasses import dataclass

from mlops_maturity.scoring.result import GroupResult, LevelRef, Result
from mlops_maturity.scoring.targets import goals, scored


@dataclass(frozen=True)
class QuestionTarget:
    """One question's target score and its gap, clipped at zero."""

    question: str
    target: float
    score: float
    gap: float


@dataclass(frozen=True)
class GroupTarget:
    """A group's target level, and how far its questions are from it."""

    group: GroupResult
    level: LevelRef | None
    gap: float
    total: float
    percent: float


def resolve_level(result: Result, text: str) -> int:
    """A level named by its number, id or name (case and spaces ignored); ValueError if none."""
    wanted = " ".join(text.split()).casefold()
    for level in result.levels:
        if level.value is None:
            continue
        if wanted in {str(level.value), level.id.casefold(), level.name.casefold()}:
            return level.value
    known = ", ".join(
        f"{lv.value} ({lv.id}, “{lv.name}”)" for lv in result.levels if lv.value is not None
    )
    raise ValueError(f"{text!r} is not a level of this questionnaire; its levels are {known}")


def question_targets(result: Result) -> dict[str, QuestionTarget]:
    """Each scored question's target, from the innermost group on its path that has one."""
    found: dict[str, QuestionTarget] = {}
    by_question = goals(result)
    for answer in result.answers:
        value = scored(answer)
        goal = by_question.get(answer.question)
        if value is None or goal is None:
            continue
        found[answer.question] = QuestionTarget(
            answer.question, goal, value, round(max(0.0, goal - value), 9)
        )
    return found


def percent_to_target(targets: list[QuestionTarget]) -> float | None:
    """1 − Σgap ÷ Σtarget (OWASP SAMM): over-achieving one question never hides another's gap."""
    total = sum(t.target for t in targets)
    if not targets:
        return None
    return 1.0 if total == 0 else round(1 - sum(t.gap for t in targets) / total, 9)


def group_targets(result: Result) -> tuple[GroupTarget, ...]:
    """Every group with a target (its own or inherited), with its gap and percent to target."""
    by_question = question_targets(result)
    by_level = {lv.value: lv for lv in result.levels}
    out: list[GroupTarget] = []

    def walk(
        groups: tuple[GroupResult, ...], trail: tuple[str, ...], inherited: int | None
    ) -> None:
        for group in groups:
            path = (*trail, group.id)
            target = group.target if group.target is not None else inherited
            inside = [
                by_question[a.question]
                for a in result.answers
                if a.group[: len(path)] == path and a.question in by_question
            ]
            share = percent_to_target(inside)
            if target is not None and share is not None:
                gap = round(sum(t.gap for t in inside), 9)
                total = round(sum(t.target for t in inside), 9)
                out.append(GroupTarget(group, by_level.get(target), gap, total, share))
            walk(group.groups, path, target)

    walk(result.groups, (), None)
    return tuple(out)


def overall_to_target(result: Result) -> float | None:
    """Percent to target over every question that has one."""
    return percent_to_target(list(question_targets(result).values()))
