"""The comparison and the portfolio: what `compare` computes, and what its JSON is made of."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from mlops_maturity.assessment.model import Subject
from mlops_maturity.questionnaire.model import Model
from mlops_maturity.scoring.result import LevelRef, QuestionnaireRef, StagedStatus, Status

SCHEMA_VERSION = 1
ChangeKind = Literal["added", "removed", "changed", "reworded"]
RecommendationKind = Literal["closed", "new", "replaced", "set_aside"]
Reason = Literal[
    "improved",
    "answer_changed",
    "worse",
    "same_answer",
    "first_answer",
    "new_question",
    "question_removed",
    "not_applicable",
    "skipped",
    "unanswered",
]
DifferenceKind = Literal[
    "subject", "organization", "questionnaire", "same_period", "same_latest", "order"
]


class Mark(Model):
    """A level in short: its number (null for a band label) and name."""

    value: int | None
    name: str


class Cell(Model):
    """A group (or the whole) in one period: score, level, staged level and the changes."""

    score: float | None
    min_score: float | None
    max_score: float | None
    level: Mark | None
    staged: Mark | None
    staged_status: StagedStatus
    change_previous: float | None = Field(description="Score minus the previous period's.")
    change_first: float | None = Field(description="Score minus the first period's.")
    changed_previous: bool = Field(
        False, description="Its questions or scoring changed since the previous period."
    )
    changed_first: bool = Field(False, description="Its questions changed since the first.")


class Row(Model):
    """The whole (id "") or one group, across every period; null where the group is absent."""

    id: str
    title: str
    path: tuple[str, ...]
    cells: tuple[Cell | None, ...]


class PeriodRef(Model):
    """One result in the comparison, in time order."""

    label: str = Field(description="The period, or the date when there is no period.")
    period: str
    date: dt.date | None
    source: str = Field(description="The file it was read from.")
    provisional: bool
    answered: int
    applicable: int
    questionnaire: QuestionnaireRef


class AnswerChange(Model):
    """A question whose answer changed between two results."""

    question: str
    text: str
    before_status: Status
    after_status: Status
    before: str = Field(description="The answer in words (empty when not answered).")
    after: str
    before_score: float | None
    after_score: float | None
    before_note: str = ""
    after_note: str = ""


class Movement(Model):
    """A capability whose score moved from one period to the next, with the answers behind it."""

    group: str
    title: str
    area: str
    period: int = Field(description="Index of the later period of the step.")
    change: float
    changed_questions: bool = Field(description="Its questions changed between the versions.")
    answers: tuple[AnswerChange, ...]


class RecommendationChange(Model):
    """A recommendation that appeared or went away from one period to the next."""

    question: str
    title: str
    group: tuple[str, ...]
    kind: RecommendationKind
    reason: Reason
    before: str = Field(description="The answer before, in words.")
    after: str
    impact: str
    effort: str


class Step(Model):
    """From one period to the next: the recommendations closed, new, replaced and set aside."""

    before: int
    after: int
    closed: tuple[RecommendationChange, ...] = Field(description="Gone: the answer improved.")
    new: tuple[RecommendationChange, ...]
    replaced: tuple[RecommendationChange, ...] = Field(
        description="Gone because the answer changed without improving, or the step changed."
    )
    set_aside: tuple[RecommendationChange, ...] = Field(
        description="Gone because the question is not answered, not applicable or removed."
    )


class Progress(Model):
    """SAMM's progress to date toward the target, for the whole (id "") or a group."""

    id: str
    title: str
    target: int | None = Field(description="The target level (null for the whole).")
    questions: int = Field(description="Questions with a target, scored in both periods.")
    baseline: float = Field(description="Percent to target in the first period, 0-1.")
    current: float = Field(description="Percent to target in the last period, 0-1.")
    progress: float = Field(description="(current − baseline) ÷ (target − baseline); 1 if equal.")


class QuestionChange(Model):
    """A question added, removed, changed or reworded between two questionnaire versions."""

    question: str
    text: str
    group: tuple[str, ...]
    kind: ChangeKind
    what: tuple[str, ...] = Field((), description="What changed: options, weight, level gates…")
    renamed: str | None = Field(
        None, description="The question it looks renamed from (added) or to (removed)."
    )


class GroupChange(Model):
    """A group added, removed or scored differently between two versions."""

    group: str
    title: str
    kind: ChangeKind
    what: tuple[str, ...] = ()


class VersionChange(Model):
    """What differs between the questionnaires of two results, matched by id."""

    between: tuple[int, int] = Field(description="Indices of the periods (or teams) compared.")
    before: QuestionnaireRef
    after: QuestionnaireRef
    questions: tuple[QuestionChange, ...]
    groups: tuple[GroupChange, ...]
    affected: tuple[str, ...] = Field(description="Groups whose scores the changes affect.")
    options_compared: bool = Field(
        description="Both questionnaires were at hand, so options and scoring were compared too."
    )


class Difference(Model):
    """Something that makes the set mixed, stated because --allow-mixed was given."""

    kind: DifferenceKind
    sources: tuple[str, ...]
    values: tuple[str, ...]


class Comparison(Model):
    """One subject over time: scores, changes, movements, recommendations, progress."""

    schema_version: int = SCHEMA_VERSION
    kind: Literal["comparison"] = "comparison"
    questionnaire: QuestionnaireRef = Field(description="Of the last period.")
    subject: Subject = Field(description="Of the last period.")
    levels: tuple[LevelRef, ...]
    periods: tuple[PeriodRef, ...]
    overall: Row
    groups: tuple[Row, ...]
    gains: tuple[Movement, ...]
    regressions: tuple[Movement, ...]
    steps: tuple[Step, ...]
    progress: tuple[Progress, ...]
    versions: tuple[VersionChange, ...]
    differences: tuple[Difference, ...] = ()


class TeamRef(Model):
    """One team in the portfolio: its latest result."""

    label: str
    subject: Subject
    source: str
    period: str
    provisional: bool
    questionnaire: QuestionnaireRef
    older: int = Field(0, description="Earlier results of the team that were left out.")


class TeamCell(Model):
    """One team's score in one group, and its distance from the organisation's median."""

    score: float | None
    level: Mark | None
    distance: float | None
    changed: bool = Field(False, description="Its questions differ in this team's version.")


class PortfolioRow(Model):
    """The whole (id "") or one group across the teams, with the median and the best team."""

    id: str
    title: str
    path: tuple[str, ...]
    cells: tuple[TeamCell | None, ...]
    median: float | None
    median_level: Mark | None
    best: tuple[int, ...] = Field(description="Indices of the teams with the highest score.")


class GapAnswer(Model):
    """How one team answered a question that holds it back, and the step it was given."""

    team: int
    answer: str
    title: str
    blocks_next_level: bool


class SharedGap(Model):
    """A question that holds several teams back: an organisation-level initiative."""

    question: str
    text: str
    group: tuple[str, ...]
    title: str = Field(description="The step most of these teams were given.")
    teams: tuple[int, ...] = Field(description="Teams with a step for this question.")
    held_back: tuple[int, ...] = Field(
        description="Teams it holds back: its step is for their next level or one below it."
    )
    blocking: tuple[int, ...] = Field(description="Teams for which it blocks the next level.")
    answers: tuple[GapAnswer, ...]


class Portfolio(Model):
    """The latest result of each team of one organisation, side by side."""

    schema_version: int = SCHEMA_VERSION
    kind: Literal["portfolio"] = "portfolio"
    questionnaire: QuestionnaireRef = Field(description="The newest version the teams used.")
    organization: str
    levels: tuple[LevelRef, ...]
    teams: tuple[TeamRef, ...]
    overall: PortfolioRow
    groups: tuple[PortfolioRow, ...]
    gaps: tuple[SharedGap, ...]
    versions: tuple[VersionChange, ...]
    differences: tuple[Difference, ...] = ()
