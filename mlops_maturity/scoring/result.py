"""The result of scoring an assessment: what reports are rendered from and JSON is made of."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from mlops_maturity.assessment.model import AnswerValue, Subject
from mlops_maturity.questionnaire.model import Model

SCHEMA_VERSION = 1
Status = Literal["answered", "not_applicable", "skipped", "missing"]


class LevelRef(Model):
    """A level reached: a named level of the scale or a band's label."""

    id: str
    name: str
    value: int | None = Field(None, description="The level number; null for a band label.")
    description: str = ""


class BandRef(Model):
    """A score range and the level (or label) it means."""

    range: str = Field(description="Interval notation, e.g. [1.5, 2.5).")
    level: LevelRef


class QuestionnaireRef(Model):
    """Which questionnaire produced a result."""

    id: str
    title: str
    version: str
    hash: str = Field(description="sha256 of the validated questionnaire, to spot edits.")


class BenchmarkPlacement(Model):
    """Where a numeric answer falls in a benchmark's clusters."""

    source: str
    year: int
    cluster: str | None


class AnswerResult(Model):
    """One question as answered (or not), with its score."""

    question: str
    text: str
    type: str
    group: tuple[str, ...] = Field(description="Id path of the groups that contain the question.")
    status: Status
    value: AnswerValue = None
    label: str = Field("", description="The answer in words, e.g. the option's label.")
    note: str = ""
    score: float | None = None
    max_score: float | None = None
    level: int | None = Field(None, description="The level this question characterises, if any.")
    met: bool | None = None
    benchmark: BenchmarkPlacement | None = None


class GroupResult(Model):
    """A group's score, level and completeness, with its sub-groups."""

    id: str
    title: str
    description: str = ""
    weight: float
    score: float | None
    min_score: float | None
    max_score: float | None
    level: LevelRef | None
    completeness: float
    answered: int
    applicable: int
    target: int | None = Field(
        None, description="Target level, from the answer file or --target-level."
    )
    aggregation: str = Field("weighted_mean", description="How the group combines its parts.")
    groups: tuple[GroupResult, ...] = ()


class Overall(Model):
    """The whole assessment in a few numbers."""

    score: float | None
    min_score: float | None
    max_score: float | None
    level: LevelRef | None
    staged_level: LevelRef | None
    completeness: float
    answered: int
    applicable: int


class RecommendationResult(Model):
    """A next step, with the question and answer it comes from."""

    question: str
    answer: str
    group: tuple[str, ...]
    title: str
    why: str
    how: str
    effort: str
    impact: str
    priority: float = Field(description="Weight × gap × impact ÷ effort; higher comes first.")
    level: int | None = Field(None, description="The level this step helps to reach.")
    blocks_next_level: bool = Field(
        False, description="The question is one of those keeping the staged level where it is."
    )


class Result(Model):
    """A scored assessment."""

    schema_version: int = SCHEMA_VERSION
    tool_version: str
    questionnaire: QuestionnaireRef
    subject: Subject
    respondent: str = ""
    levels: tuple[LevelRef, ...]
    bands: tuple[BandRef, ...] = Field((), description="How an overall score maps to a level.")
    aggregation: str = Field("weighted_mean", description="How the top-level groups combine.")
    overall: Overall
    groups: tuple[GroupResult, ...]
    answers: tuple[AnswerResult, ...]
    missing: tuple[str, ...] = Field(description="Ids of applicable questions left unanswered.")
    recommendations: tuple[RecommendationResult, ...]
