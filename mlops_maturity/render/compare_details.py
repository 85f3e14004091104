"""The detail of a comparison in words: movements, recommendation steps, progress, versions."""

from __future__ import annotations

from dataclasses import dataclass

from mlops_maturity.history.model import (
    Comparison,
    Movement,
    RecommendationChange,
    Row,
    Step,
    VersionChange,
)
from mlops_maturity.render.compare_text import (
    FLAG,
    answer_words,
    change_lines,
    change_text,
    direction,
    options_note,
    percent_change,
    share,
    version_words,
)


@dataclass(frozen=True)
class Change:
    """A change of score in words, its direction, and whether a questionnaire change affects it."""

    text: str
    direction: str
    flagged: bool


@dataclass(frozen=True)
class AnswerLine:
    """A question whose answer changed, in words."""

    question: str
    text: str
    before: str
    after: str
    change: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class MoveLine:
    """A capability that gained or fell, with the answers behind it."""

    title: str
    area: str
    step: str
    change: Change
    answers: tuple[AnswerLine, ...]


@dataclass(frozen=True)
class StepLine:
    """The recommendations closed, new, replaced and set aside from one period to the next."""

    label: str
    closed: tuple[tuple[str, str, str], ...]  # title, why, the answer now
    new: tuple[tuple[str, str, str], ...]
    replaced: tuple[tuple[str, str, str], ...]
    set_aside: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class VersionLine:
    """What changed between two questionnaire versions, and which scores it affects."""

    label: str
    lines: tuple[str, ...]
    affected: str
    note: str


def move_line(c: Comparison, m: Movement) -> MoveLine:
    step = f"{c.periods[m.period - 1].label} → {c.periods[m.period].label}"
    answers = tuple(
        AnswerLine(
            question=a.question,
            text=a.text,
            before=answer_words(a.before_status, a.before),
            after=answer_words(a.after_status, a.after),
            change=change_text(_difference(a.before_score, a.after_score)),
            notes=(a.after_note,) if a.after_note else (),
        )
        for a in m.answers
    )
    text = change_text(m.change) + (FLAG if m.changed_questions else "")
    return MoveLine(
        m.title, m.area, step, Change(text, direction(m.change), m.changed_questions), answers
    )


def _difference(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


REASONS = {
    "improved": "the answer improved",
    "answer_changed": "the answer changed",
    "worse": "the answer fell",
    "same_answer": "the questionnaire's step changed",
    "first_answer": "answered for the first time",
    "new_question": "a new question",
    "question_removed": "the question was removed",
    "not_applicable": "now not applicable",
    "skipped": "its condition no longer holds",
    "unanswered": "not answered this time",
}


def step_line(c: Comparison, step: Step) -> StepLine:
    label = f"{c.periods[step.before].label} → {c.periods[step.after].label}"
    return StepLine(
        label,
        _recs(step.closed),
        _recs(step.new),
        _recs(step.replaced),
        _recs(step.set_aside),
    )


NEXT = {"improved": "the next step after an improvement"}


def _recs(items: tuple[RecommendationChange, ...]) -> tuple[tuple[str, str, str], ...]:
    """Each recommendation's title, why it came or went, and the answer now."""
    return tuple(
        (r.title, (NEXT if r.kind == "new" else {}).get(r.reason, REASONS[r.reason]), r.after)
        for r in items
    )


@dataclass(frozen=True)
class ProgressLine:
    """Progress to date of the whole (depth -1) or a group with a target."""

    depth: int
    title: str
    target: str
    baseline: str
    now: str
    progress: str


def progress_lines(c: Comparison, numbered: bool) -> tuple[ProgressLine, ...]:
    """Each group with a target, and the whole, as percentages."""
    names = {lv.value: lv for lv in c.levels}
    depths = {r.id: len(r.path) - 1 for r in c.groups}
    out = []
    for p in c.progress:
        level = names.get(p.target) if p.target is not None else None
        target = "—" if level is None else (f"Level {level.value}" if numbered else level.name)
        out.append(
            ProgressLine(
                depth=depths.get(p.id, -1),
                title=p.title,
                target=target,
                baseline=share(p.baseline),
                now=share(p.current),
                progress=percent_change(p.progress),
            )
        )
    return tuple(out)


def version_line(c: Comparison, v: VersionChange) -> VersionLine:
    before, after = v.between
    label = (
        f"{c.periods[before].label} ({version_words(v.before)}) → "
        f"{c.periods[after].label} ({version_words(v.after)})"
    )
    return VersionLine(label, change_lines(v), affected_words(v, c.groups), options_note(v))


def affected_words(v: VersionChange, rows: tuple[Row, ...]) -> str:
    """Which scores the changes affect, by title."""
    if not v.affected:
        return "No score is affected: only wording changed."
    titles = {r.id: r.title for r in rows}
    hit = [titles.get(g, g) for g in v.affected if g]
    return "Scores affected: the overall score" + (f", {', '.join(hit)}" if hit else "") + "."
