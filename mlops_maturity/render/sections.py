"""The groups of a result as numbered report sections, and which of them are capabilities."""

from __future__ import annotations

from dataclasses import dataclass

from mlops_maturity.scoring.result import AnswerResult, GroupResult, Result


@dataclass(frozen=True)
class Section:
    """A group as a numbered section of the detail chapter, with its own questions."""

    number: str
    anchor: str
    depth: int
    path: tuple[str, ...]
    group: GroupResult
    answers: tuple[AnswerResult, ...]
    parent: str = ""


def sections(result: Result) -> tuple[Section, ...]:
    """Every group, depth first, numbered 1, 1.1, 1.1.1 with anchors made from the numbers."""
    by_path: dict[tuple[str, ...], list[AnswerResult]] = {}
    for answer in result.answers:
        by_path.setdefault(answer.group, []).append(answer)
    out: list[Section] = []

    def walk(groups: tuple[GroupResult, ...], trail: tuple[str, ...], parent: str, at: str) -> None:
        for i, group in enumerate(groups, 1):
            number, path = f"{at}{i}", (*trail, group.id)
            # NOTE: anchors come from positions, never from ids: no user text in a URL.
            anchor = "g-" + number.replace(".", "-")
            answers = tuple(by_path.get(path, ()))
            out.append(Section(number, anchor, len(trail), path, group, answers, parent))
            walk(group.groups, path, group.title, number + ".")

    walk(result.groups, (), "", "")
    return tuple(out)


def capabilities(found: tuple[Section, ...]) -> tuple[Section, ...]:
    """Second-level groups, or the top-level group itself where it has none."""
    return tuple(s for s in found if s.depth == 1 or (s.depth == 0 and not s.group.groups))


def area_of(found: tuple[Section, ...], path: tuple[str, ...]) -> str:
    """The titles along a group path: ``Process › Release``."""
    titles = {s.path: s.group.title for s in found}
    return " › ".join(titles[path[:k]] for k in range(1, len(path) + 1) if path[:k] in titles)
