"""The roadmap: a few short phases a client can act on, and a backlog for everything else."""

from __future__ import annotations

from dataclasses import dataclass, replace

from mlops_maturity.questionnaire.model import RATING_VALUE
from mlops_maturity.render.sections import Section, area_of
from mlops_maturity.scoring.result import LevelRef, RecommendationResult, Result

DEFAULT_STEPS = 5


# NOTE: steps are compared by identity: each is one recommendation, and comparing their
# contents field by field made ordering a roadmap of 300 steps slow.
@dataclass(frozen=True, eq=False)
class Step:
    """A recommendation on the roadmap, with where it comes from and what it waits for."""

    rec: RecommendationResult
    area: str
    ratio: float
    level: int | None = None  # the lowest level it helps reach: its own, or an unmet gate's
    unmet: tuple[int, ...] = ()  # levels its question gates and does not meet yet
    number: str = ""
    after: tuple[str, ...] = ()  # numbers of the steps that should come first

    @property
    def key(self) -> tuple[str, str]:
        """What identifies the step: its question and title."""
        return (self.rec.question, self.rec.title)


@dataclass(frozen=True)
class Phase:
    """Up to a few steps toward one goal, in the order to take them."""

    number: int
    title: str
    level: LevelRef | None
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Roadmap:
    """The phases, and the steps left for later."""

    phases: tuple[Phase, ...]
    backlog: tuple[Step, ...]

    def steps(self) -> tuple[Step, ...]:
        """Every step of every phase, in order."""
        return tuple(step for phase in self.phases for step in phase.steps)


def build_roadmap(
    result: Result,
    found: tuple[Section, ...],
    current: LevelRef | None,
    *,
    numbered: bool,
    cap: int = DEFAULT_STEPS,
) -> Roadmap:
    """Phases: the gaps below the level reached (if any), then the next level, then the one after.

    ``current`` is the level the report leads with; no phase is ever named for it or below it.
    A step whose question gates a level it does not meet yet counts toward that level. Within
    a phase, the practices the phase's level needs come first, then impact ÷ effort; a step
    comes after the steps it depends on. Each phase holds at most ``cap`` steps;
    the rest, and steps for levels further away or beyond an area's target, form the backlog.
    """
    unmet = {a.question: tuple(g.level for g in a.gates if not g.met) for a in result.answers}
    steps = [_step(rec, found, unmet.get(rec.question, ())) for rec in result.recommendations]
    goals = _goals(result, current)
    if goals[0][0] == "first":
        # NOTE: levels that are band labels give no level to aim for: take the steps in order.
        ordered = _in_order([s for s in steps if not _beyond_target(s, found)], None)
        beyond = [s for s in steps if _beyond_target(s, found)]
        buckets, backlog = [ordered[:cap], ordered[cap : 2 * cap]], ordered[2 * cap :] + beyond
        return _phase(goals, buckets, backlog, numbered=numbered, cap=cap)
    buckets = [[] for _ in goals]
    backlog = []
    for step in steps:
        where = _bucket(step, goals, found)
        (backlog if where is None else buckets[where]).append(step)
    return _phase(goals, buckets, backlog, numbered=numbered, cap=cap)


def _step(rec: RecommendationResult, found: tuple[Section, ...], unmet: tuple[int, ...]) -> Step:
    ratio = round(RATING_VALUE[rec.impact] / RATING_VALUE[rec.effort], 4)
    levels = [lv for lv in (rec.level, *unmet) if lv is not None]
    return Step(rec, area_of(found, rec.group), ratio, min(levels, default=None), unmet)


def _goals(result: Result, current: LevelRef | None) -> list[tuple[str, LevelRef | None]]:
    """What each phase works toward: ("gaps", current), ("reach", next), ("reach", after)."""
    levels = [lv for lv in result.levels if lv.value is not None]
    if not levels or (current is not None and current.value is None):
        return [("first", None), ("then", None)]
    if current is None:
        return [("reach", lv) for lv in levels[:2]]
    above = [lv for lv in levels if lv.value is not None and lv.value > (current.value or 0)]
    return [("gaps", current), *(("reach", lv) for lv in above[:2])]


def _bucket(
    step: Step, goals: list[tuple[str, LevelRef | None]], found: tuple[Section, ...]
) -> int | None:
    level = step.level
    if level is None or _beyond_target(step, found):
        return None
    for i, (kind, goal) in enumerate(goals):
        assert goal is not None and goal.value is not None
        if (kind == "gaps" and level <= goal.value) or (kind == "reach" and level == goal.value):
            return i
    first = goals[0][1]
    if goals[0][0] == "reach" and first is not None and first.value is not None:
        return 0 if level < first.value else None
    return None


def _beyond_target(step: Step, found: tuple[Section, ...]) -> bool:
    groups = {s.path: s.group for s in found}
    path = step.rec.group
    trail = [groups[path[:k]] for k in range(len(path), 0, -1) if path[:k] in groups]
    target = next((g.target for g in trail if g.target is not None), None)
    return target is not None and step.level is not None and step.level > target


def _phase(
    goals: list[tuple[str, LevelRef | None]],
    buckets: list[list[Step]],
    backlog: list[Step],
    *,
    numbered: bool,
    cap: int,
) -> Roadmap:
    where = {s.rec.question: i for i, bucket in enumerate(buckets) for s in bucket}
    later = {s.rec.question for s in backlog}
    _after_prerequisites(buckets, where, later)
    placed: dict[str, str] = {}  # question id → number of its first step
    phases: list[Phase] = []
    left: list[Step] = list(backlog)
    for (kind, goal), bucket in zip(goals, buckets, strict=True):
        ready = [s for s in bucket if not set(s.rec.after) & later]
        left += [s for s in bucket if s not in ready]
        ordered = _in_order(ready, None if goal is None else goal.value)
        taken = ordered[:cap]
        for step in ordered[cap:]:
            left.append(step)
            later.add(step.rec.question)
        if not taken:
            continue
        number = len(phases) + 1
        numbered_steps = []
        for i, step in enumerate(taken, 1):
            label = f"{number}.{i}"
            after = tuple(dict.fromkeys(placed[q] for q in step.rec.after if q in placed))
            numbered_steps.append(replace(step, number=label, after=after))
            placed.setdefault(step.rec.question, label)
        title = _title(number, kind, goal, numbered)
        phases.append(Phase(number, title, goal, tuple(numbered_steps)))
    order = {key: i for i, key in enumerate(s.key for bucket in buckets for s in bucket)}
    left.sort(key=lambda s: order.get(s.key, -1))
    return Roadmap(tuple(phases), tuple(left))


def _after_prerequisites(buckets: list[list[Step]], where: dict[str, int], later: set[str]) -> None:
    """Move each step to the phase of its latest prerequisite, or to the backlog with it."""
    moved = True
    while moved:
        moved = False
        for i, bucket in enumerate(buckets):
            for step in list(bucket):
                needs = [q for q in step.rec.after if q in where or q in later]
                if any(q in later for q in needs):
                    target: int | None = None
                else:
                    target = max([i, *(where[q] for q in needs)])
                if target == i:
                    continue
                bucket.remove(step)
                moved = True
                if target is None:
                    later.add(step.rec.question)
                    where.pop(step.rec.question, None)
                else:
                    buckets[target].append(step)
                    where[step.rec.question] = target


def _in_order(steps: list[Step], goal: int | None) -> list[Step]:
    """The practices the goal's level needs first, then impact ÷ effort, then priority;
    prerequisites before the steps that build on them."""

    def needed(step: Step) -> bool:
        if goal is None:
            return step.rec.blocks_next_level
        return any(level <= goal for level in step.unmet)

    ranked = sorted(steps, key=lambda s: (not needed(s), -s.ratio, -s.rec.priority))
    out: list[Step] = []
    done: set[str] = set()
    pending = list(ranked)
    inside = {s.rec.question for s in steps}
    while pending:
        step = next(
            (s for s in pending if all(q in done or q not in inside for q in s.rec.after)),
            pending[0],
        )
        pending.remove(step)
        out.append(step)
        # NOTE: a question may have several steps; it counts as done once all of them are.
        if not any(s.rec.question == step.rec.question for s in pending):
            done.add(step.rec.question)
    return out


def _title(number: int, kind: str, goal: LevelRef | None, numbered: bool) -> str:
    if kind == "first":
        return f"Phase {number}: Start here"
    if kind == "then":
        return f"Phase {number}: Then"
    assert goal is not None
    name = (
        f"level {goal.value} ({goal.name})"
        if numbered and goal.value is not None
        else f"“{goal.name}”"
    )
    if kind == "gaps":
        return f"Phase {number}: Close the gaps below {name}"
    return f"Phase {number}: Reach {name}"
