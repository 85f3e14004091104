"""The result of scoring an assessment: what reports are rendered from and JSON is made of."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from mlops_maturity.assessment.model import AnswerValue, Commentary, Subject, Workshop
from mlops_maturity.questionnaire.model import Model

SCHEMA_VERSION = 2
Status = Literal["answered", "not_applicable", "skipped", "missing", "waiting", "unknown"]
UNANSWERED: frozenset[str] = frozenset({"missing", "waiting", "unknown"})
StagedStatus = Literal["reached", "not_yet", "untagged"]


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
    """Where a numeric answer falls in one year's clusters of a benchmark."""

    metric: str = ""
    source: str
    year: int
    cluster: str | None


class GateResult(Model):
    """One level a question characterises: the score that meets it, and whether it is met."""

    level: int
    met_score: float
    met: bool | None = Field(description="null while the question is unanswered.")


class ResponseResult(Model):
    """One respondent's answer to a question of a workshop."""

    respondent: str
    value: AnswerValue = None
    label: str = ""
    score: float | None = None
    step: float | None = Field(None, description="Levels above the question's lowest answer.")
    note: str = ""


class Spread(Model):
    """How a group scored for each respondent of a workshop: lowest, median, highest."""

    low: float
    median: float
    high: float
    respondents: int


class AnswerResult(Model):
    """One question as answered (or not), with its score."""

    question: str
    text: str
    type: str
    group: tuple[str, ...] = Field(description="Id path of the groups that contain the question.")
    status: Status = Field(
        description="answered, not_applicable, skipped (condition false), missing, waiting "
        "(its condition's question is unanswered) or unknown (the respondent did not know)."
    )
    waiting_on: str | None = Field(None, description="The unanswered question a condition needs.")
    value: AnswerValue = None
    label: str = Field("", description="The answer in words, e.g. the option's label.")
    measured: bool = Field(False, description="Computed from records by `metrics dora`.")
    better: str = Field("", description="The next better answer in words; empty at the top.")
    note: str = ""
    score: float | None = None
    counted_as: float | None = Field(
        None, description="What an unanswered question counts as under `unanswered: zero`."
    )
    max_score: float | None = None
    level: int | None = Field(None, description="The lowest level this question characterises.")
    gates: tuple[GateResult, ...] = Field((), description="Every level it characterises.")
    met: bool | None = Field(None, description="Whether every gate of the question is met.")
    benchmark: BenchmarkPlacement | None = Field(None, description="In the chosen year.")
    benchmarks: tuple[BenchmarkPlacement, ...] = Field(
        (), description="In every year, oldest first."
    )
    responses: tuple[ResponseResult, ...] = Field((), description="In a workshop: who said what.")
    spread: float | None = Field(None, description="In a workshop: levels between the answers.")
    disagreement: bool = Field(
        False, description="In a workshop: answers two or more levels apart, or a yes/no split."
    )
    decision: str = Field("", description="In a workshop: the facilitator's reason, if decided.")


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
    staged_level: LevelRef | None = None
    staged_status: StagedStatus = "untagged"
    completeness: float
    answered: int
    applicable: int
    target: int | None = Field(
        None, description="Target level, from the answer file or --target-level."
    )
    aggregation: str = Field("weighted_mean", description="How the group combines its parts.")
    unanswered: str = Field("exclude", description="How its unanswered questions count.")
    left_out: tuple[str, ...] = Field(
        (), description="Sub-groups with no score, left out of this group's score."
    )
    level_descriptions: dict[int, str] = Field(
        default_factory=dict, description="What each level means for this group."
    )
    spread: Spread | None = Field(None, description="In a workshop: the respondents' scores.")
    groups: tuple[GroupResult, ...] = ()


class Overall(Model):
    """The whole assessment in a few numbers."""

    score: float | None
    min_score: float | None
    max_score: float | None
    level: LevelRef | None
    staged_level: LevelRef | None
    staged_status: StagedStatus = Field(
        "untagged",
        description="reached, not_yet (not even the lowest level), untagged (no staged questions).",
    )
    headline: LevelRef | None = Field(
        None, description="The level reports lead with, by the questionnaire's headline rule."
    )
    completeness: float
    answered: int
    applicable: int
    left_out: tuple[str, ...] = Field(
        (), description="Top-level groups with no score, left out of the overall score."
    )


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
    owner: str = Field("", description="The role that should own the step.")
    after: tuple[str, ...] = Field((), description="Questions whose steps should come first.")


class Result(Model):
    """A scored assessment."""

    schema_version: int = SCHEMA_VERSION
    tool_version: str
    questionnaire: QuestionnaireRef
    subject: Subject
    respondent: str = ""
    commentary: Commentary = Commentary()
    workshop: Workshop | None = Field(None, description="How a workshop file was merged.")
    levels: tuple[LevelRef, ...]
    bands: tuple[BandRef, ...] = Field((), description="How an overall score maps to a level.")
    aggregation: str = Field("weighted_mean", description="How the top-level groups combine.")
    unanswered: str = Field("exclude", description="How unanswered questions count, by default.")
    headline: str = Field("score", description="score, staged or capped: what the headline is.")
    overall: Overall
    groups: tuple[GroupResult, ...]
    answers: tuple[AnswerResult, ...]
    missing: tuple[str, ...] = Field(
        description="Ids of scored questions without an answer: missing, waiting or unknown."
    )
    provisional: bool = Field(
        False, description="A draft: some scored question is unanswered, so scores may move."
    )
    recommendations: tuple[RecommendationResult, ...]


class UnknownSchemaError(ValueError):
    """A result written by a newer version of the tool, whose layout this one does not know."""


def result_from_json(data: object) -> Result:
    """A result read back from its JSON, upgrading the layouts of earlier versions.

    Version 1 had no staged status: a staged level meant "reached" and its absence "untagged".
    """
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise ValueError("expected a schema_version (a whole number)")
    if version > SCHEMA_VERSION:
        raise UnknownSchemaError(
            f"written with result schema {version}; this version of mlops-maturity reads "
            f"schemas 1 to {SCHEMA_VERSION}: upgrade mlops-maturity to read it"
        )
    if version == 1:
        try:
            data = _upgrade_v1(data)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a result of schema 1 (no {exc})") from None
    return Result.model_validate(data)


def _upgrade_v1(data: dict[str, Any]) -> dict[str, Any]:
    def staged(item: dict[str, Any]) -> dict[str, Any]:
        status = "reached" if item.get("staged_level") else "untagged"
        return {**item, "staged_status": status, "groups": [staged(g) for g in item["groups"]]}

    overall = dict(data["overall"])
    overall["staged_status"] = "reached" if overall.get("staged_level") else "untagged"
    overall["headline"] = overall.get("level")
    return {
        **data,
        "schema_version": SCHEMA_VERSION,
        "overall": overall,
        "groups": [staged(g) for g in data["groups"]],
        "provisional": bool(data.get("missing")),
    }
