"""Findings in plain words, written from the answers: the summary and the strongest and
weakest capabilities. A level's stock description is context, never a finding."""

from __future__ import annotations

from dataclasses import dataclass

from mlops_maturity.render.sections import Section
from mlops_maturity.render.text import (
    fmt_percent,
    fmt_score,
    fraction,
    level_text,
    levels_are_steps,
    short_group_level,
    staged_text,
)
from mlops_maturity.scoring.result import AnswerResult, LevelRef, Result


@dataclass(frozen=True)
class Finding:
    """A strong or weak capability: what the team does today and what the next level looks like."""

    kind: str  # strength or gap
    section: Section
    level: str
    score: str
    today: tuple[str, ...]
    next_level: str


def who(result: Result) -> str:
    """The team and organisation, as the subject of a sentence."""
    s = result.subject
    if s.team and s.organization:
        return f"{s.team} ({s.organization})"
    return s.team or s.organization or "The team"


def level_phrase(level: LevelRef | None, numbered: bool = True) -> str:
    """``level 2 (Automated training)``, ``“Elite”``, ``the band “…”`` or ``not scored``."""
    if level is None:
        return "not scored"
    if level.value is None:
        return f"the band “{level.name}”"
    return f"level {level.value} ({level.name})" if numbered else f"“{level.name}”"


def as_finding(answer: AnswerResult) -> str:
    """An answer as a statement about the team: the question, then what was answered."""
    question = " ".join(answer.text.split())
    if answer.type == "boolean":
        return f"{question} {'Yes' if answer.value is True else 'No'}."
    label = answer.label.rstrip(".")
    return f"{question} {label[:1].upper()}{label[1:]}."


def _share(section: Section) -> float:
    g = section.group
    return fraction(g.score, g.min_score, g.max_score)


def extremes(found: tuple[Section, ...]) -> tuple[tuple[Section, ...], tuple[Section, ...]]:
    """The strongest and weakest scored capabilities (two each when there are five or more).

    A gate is not a capability: a group that takes no part in the score (weight 0) and whose
    every question gates a level is not compared.
    """
    scored = [s for s in found if s.group.score is not None and not _is_gate(s)]
    ranked = sorted(scored, key=lambda s: -_share(s))
    if len(ranked) < 2 or _share(ranked[0]) == _share(ranked[-1]):
        return (), ()
    n = 2 if len(ranked) >= 5 else 1
    return tuple(ranked[:n]), tuple(reversed(ranked[-n:]))


def _is_gate(section: Section) -> bool:
    scored = [a for a in section.answers if a.type != "text"]
    return section.group.weight == 0 and bool(scored) and all(a.gates for a in scored)


def _answered(section: Section, every: tuple[AnswerResult, ...]) -> list[AnswerResult]:
    inside = [a for a in every if a.group[: len(section.path)] == section.path]
    return [a for a in inside if a.status == "answered" and a.score is not None and a.max_score]


def finding(kind: str, section: Section, result: Result) -> Finding:
    """What the answers of a capability say, best first for a strength, worst first for a gap."""
    answers = _answered(section, result.answers)
    ranked = sorted(
        answers, key=lambda a: (a.score or 0) / (a.max_score or 1), reverse=kind == "strength"
    )
    chosen = ranked[:2] if kind == "strength" else [a for a in ranked if a.better][:2]
    group = section.group
    upcoming = (
        ""
        if group.level is None or group.level.value is None
        else (group.level_descriptions.get(group.level.value + 1, ""))
    )
    if not upcoming and chosen and kind == "gap":
        better = chosen[0].better.rstrip(".")
        upcoming = f"{' '.join(chosen[0].text.split())} {better[:1].upper()}{better[1:]}."
    return Finding(
        kind=kind,
        section=section,
        level=short_group_level(group, result),
        score=fmt_score(group.score, group.max_score),
        today=tuple(as_finding(a) for a in chosen),
        next_level=upcoming[:1].upper() + upcoming[1:] if upcoming else "",
    )


def findings(capabilities: tuple[Section, ...], result: Result) -> tuple[Finding, ...]:
    """The strongest capabilities, then the weakest, each with what the answers say."""
    strong, weak = extremes(capabilities)
    return tuple(
        [finding("strength", s, result) for s in strong] + [finding("gap", s, result) for s in weak]
    )


def headline_sentence(result: Result) -> str:
    """What the report leads with, and what kind of level it is."""
    o, name, numbered = result.overall, who(result), levels_are_steps(result)
    if o.score is None:
        return f"{name} has no score yet: no scored question has been answered."
    score = f"The score is {fmt_score(o.score, o.max_score)}"
    if result.headline == "score" or o.staged_status == "untagged":
        return f"{name} is at {level_phrase(o.level, numbered)} overall. {score}."
    if o.staged_status == "not_yet":
        lowest = level_phrase(result.levels[0], numbered)
        return f"{name} is not yet at {lowest}: a practice of that level is not in place. {score}."
    rule = (
        "the highest level whose every practice is in place"
        if result.headline == "staged"
        else "the level of its score, but no higher than the level whose practices are all in place"
    )
    return f"{name} is at {level_phrase(o.headline, numbered)} overall ({rule}). {score}."


def summary(result: Result, found: tuple[Finding, ...], to_target: float | None) -> tuple[str, ...]:
    """The executive summary in plain sentences, every claim about the team from its answers."""
    o = result.overall
    out = [headline_sentence(result)]
    if o.score is None:
        return tuple(out)
    out += _levels_sentence(result)
    strong = [f.section.group.title for f in found if f.kind == "strength"]
    weak = [f.section.group.title for f in found if f.kind == "gap"]
    if strong and weak:
        out.append(
            f"The strongest {_capabilities(strong)} {' and '.join(strong)}; the weakest "
            f"{_capabilities(weak)} {' and '.join(weak)}."
        )
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
    if to_target is not None:
        out.append(
            f"Against the targets set, the team is {fmt_percent(to_target)} of the way there."
        )
    return tuple(out)


def _capabilities(names: list[str]) -> str:
    return "capabilities are" if len(names) > 1 else "capability is"


def _levels_sentence(result: Result) -> list[str]:
    """How the score level and the staged level relate, when they tell different stories."""
    o, numbered = result.overall, levels_are_steps(result)
    staged = staged_text(o, result)
    if staged is None or o.level is None or o.level.value is None:
        return []
    agree = (
        o.staged_status == "reached" and o.staged_level and o.staged_level.value == o.level.value
    )
    if agree:
        return ["Every practice up to that level is in place, and the score agrees."]
    if result.headline == "score":
        return [
            f"Counting only levels whose practices are all in place: {staged}. "
            + _sentence(_blocking(result))
        ]
    if o.headline is not None and o.headline.value == o.level.value:
        return []  # capped, and the score is the lower of the two
    alone = level_text(o.level, numbered=numbered)
    return [f"By its score alone it would read {alone}; {_blocking(result)}"]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _blocking(result: Result) -> str:
    count = sum(1 for r in result.recommendations if r.blocks_next_level)
    if not count:
        return "nothing blocks the next level but unanswered questions."
    return f"{count} step(s) on the roadmap stand between the team and the next level."
