"""Each question's target score, from the targets of a result's groups (OWASP SAMM's rule).

A group's target is a level; a level's number is a score on the scale (level 2 = score 2), and
a question whose best answer scores less than that counts as on target at its best. A question
takes the target of the innermost group on its path that has one.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlops_maturity.scoring.result import AnswerResult, GroupResult, Result


def goals(result: Result) -> dict[str, float]:
    """Each question's target score, for the questions under a group with a target."""
    targets = dict(_targets(result.groups, (), None))
    found: dict[str, float] = {}
    for answer in result.answers:
        target = targets.get(answer.group)
        if target is not None and answer.max_score is not None:
            found[answer.question] = min(float(target), answer.max_score)
    return found


def _targets(
    groups: tuple[GroupResult, ...], trail: tuple[str, ...], inherited: int | None
) -> Iterator[tuple[tuple[str, ...], int | None]]:
    for group in groups:
        path = (*trail, group.id)
        target = group.target if group.target is not None else inherited
        yield path, target
        yield from _targets(group.groups, path, target)


def scored(answer: AnswerResult) -> float | None:
    """What a question counts as: its score, or what an unanswered one counts as."""
    return answer.score if answer.status == "answered" else answer.counted_as
