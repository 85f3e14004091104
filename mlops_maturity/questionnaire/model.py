"""The questionnaire format: the pydantic models a questionnaire YAML file is read into."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, PrivateAttr, Tag

from mlops_maturity.questionnaire.intervals import RANGE_PATTERN

Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=80)]
Aggregation = Literal["mean", "weighted_mean", "min", "max", "sum"]
Rating = Literal["low", "medium", "high"]
Unanswered = Literal["exclude", "zero"]
Headline = Literal["score", "staged", "capped"]
# NOTE: what `metrics dora` computes, each in the unit a question that declares it must use.
METRICS: dict[str, str] = {
    "dora.deployment_frequency": "deployments per month",
    "dora.lead_time": "hours",
    "dora.change_failure_rate": "percent",
    "dora.time_to_restore": "hours",
    "dora.rework_rate": "percent",
}
Metric = Literal[
    "dora.deployment_frequency",
    "dora.lead_time",
    "dora.change_failure_rate",
    "dora.time_to_restore",
    "dora.rework_rate",
]
RATING_VALUE: dict[str, int] = {"low": 1, "medium": 2, "high": 3}


class Model(BaseModel):
    """Base for every model read from or written to a file: frozen, unknown keys rejected."""

    # NOTE: schemas are built on first use, not at import: a report from the cache never
    # validates a questionnaire, so it never pays for the questionnaire's schema.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


RangeText = Annotated[str, Field(pattern=RANGE_PATTERN, examples=["[0, 1)", "(3, 5]"])]


class Level(Model):
    """A named maturity level."""

    value: int = Field(description="The level's number, e.g. 0-4.")
    id: Id
    name: str
    description: str = ""


class Band(Model):
    """Maps a score range to a level (``level``) or to a label (``id`` and ``label``)."""

    range: RangeText = Field(description="Interval notation: [a, b), (a, b], [a, inf).")
    level: int | None = None
    id: Id | None = None
    label: str | None = None
    description: str = ""


class Scale(Model):
    """The range of one question's score, the levels, and how scores map to levels."""

    min: float = 0
    max: float = 4
    levels: tuple[Level, ...] = Field(min_length=2)
    bands: tuple[Band, ...] = ()


class Recommendation(Model):
    """A concrete next step for a gap."""

    title: str
    why: str
    how: str
    effort: Rating = "medium"
    impact: Rating = "medium"
    level: int | None = Field(None, description="The level this step helps reach (else derived).")
    owner: str = Field("", description="The role that should own the step, e.g. 'ML engineer'.")
    after: tuple[Id, ...] = Field(
        (), description="Questions whose recommended steps should come before this one."
    )


class ThresholdRecommendation(Recommendation):
    """A recommendation given when a question scores below ``below`` (default: its maximum)."""

    below: float | None = None


class Option(Model):
    """One answer to choose; its score lies on the scale."""

    id: Id
    label: str
    score: float
    description: str = ""
    recommendation: Recommendation | None = None


class AnswerSet(Model):
    """Options defined once and shared by several questions."""

    description: str = ""
    options: tuple[Option, ...] = Field(min_length=1)


class Condition(Model):
    """Ask a question only when an earlier answer matches: one of equals/in/not_in/min/max."""

    question: Id
    equals: str | bool | float | None = None
    in_: tuple[str | bool | float, ...] | None = Field(None, alias="in")
    not_in: tuple[str | bool | float, ...] | None = None
    min: float | None = None
    max: float | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class NumberBand(Model):
    """Maps a range of a numeric answer to a score."""

    range: RangeText
    score: float
    label: str = ""


class Gate(Model):
    """A level this question characterises, and the score that counts as met for it."""

    level: int
    met: float | None = Field(None, description="Score that meets this level (default: the top).")


class QuestionBase(Model):
    """What every question has."""

    id: Id
    text: str
    help: str = ""
    weight: float = Field(1.0, ge=0)
    level: int | None = Field(None, description="The maturity level this question characterises.")
    met: float | None = Field(None, description="Score that counts as met for the staged level.")
    gates: tuple[Gate, ...] = Field(
        (), description="Several levels, each with its own met score, instead of level and met."
    )
    not_applicable: bool = Field(False, description="Whether 'n/a' is an allowed answer.")
    sources: tuple[str, ...] = ()
    when: Condition | None = None
    recommendations: tuple[ThresholdRecommendation, ...] = ()


class ChoiceQuestion(QuestionBase):
    """Single or multiple choice, with options inline or from an answer set."""

    type: Literal["single", "multiple"] = "single"
    options: tuple[Option, ...] = ()
    answer_set: Id | None = None


class BooleanQuestion(QuestionBase):
    """A yes/no question."""

    type: Literal["boolean"]
    yes_score: float | None = None
    no_score: float | None = None


class NumberQuestion(QuestionBase):
    """A number, turned into a score by bands."""

    type: Literal["number"]
    unit: str = ""
    min: float | None = 0
    max: float | None = None
    integer: bool = False
    bands: tuple[NumberBand, ...] = Field(min_length=1)
    benchmark: Id | None = None
    metric: Metric | None = Field(
        None, description="The measured metric this answers; `metrics dora --into` fills it in."
    )


class TextQuestion(QuestionBase):
    """Free text, never scored."""

    type: Literal["text"]


def _question_type(value: Any) -> str:
    if isinstance(value, dict):
        kind = value.get("type", "single")
        return "single" if kind == "multiple" else str(kind)
    return str(getattr(value, "type", "single")).replace("multiple", "single")


Question = Annotated[
    Annotated[ChoiceQuestion, Tag("single")]
    | Annotated[BooleanQuestion, Tag("boolean")]
    | Annotated[NumberQuestion, Tag("number")]
    | Annotated[TextQuestion, Tag("text")],
    Discriminator(_question_type),
]


class Group(Model):
    """A group of questions and sub-groups, nested to any depth."""

    id: Id
    title: str
    description: str = ""
    weight: float = Field(1.0, ge=0)
    aggregation: Aggregation = "weighted_mean"
    unanswered: Unanswered | None = Field(
        None, description="exclude (leave out) or zero (count as the scale's minimum); inherited."
    )
    level: int | None = Field(None, description="Default level for the questions inside.")
    level_descriptions: dict[int, str] = Field(
        default_factory=dict, description="What each level means for this group, by level value."
    )
    bands: tuple[Band, ...] = ()
    questions: tuple[Question, ...] = ()
    groups: tuple[Group, ...] = ()


class Cluster(Model):
    """One performance cluster of a benchmark, e.g. DORA 'Elite'."""

    name: str
    range: RangeText
    share: float | None = Field(None, description="Share of respondents in this cluster, 0-1.")
    note: str = ""


class Benchmark(Model):
    """Clusters for one metric from one source and year, best cluster first."""

    metric: Id
    source: str
    year: int
    clusters: tuple[Cluster, ...] = Field(min_length=1)
    note: str = ""


class BenchmarkFile(Model):
    """Benchmark tables defined once and included by every questionnaire that uses them."""

    id: Id
    title: str
    description: str = ""
    benchmarks: tuple[Benchmark, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Placed:
    """A question with the groups that contain it, outermost first."""

    question: Any  # one of the Question classes
    groups: tuple[Group, ...]

    @property
    def path(self) -> tuple[str, ...]:
        """The id path of the containing groups."""
        return tuple(g.id for g in self.groups)


class Questionnaire(Model):
    """A complete questionnaire."""

    id: Id
    title: str
    version: str
    description: str = ""
    authors: tuple[str, ...] = ()
    licence: str = ""
    language: str = "en"
    minutes: int | None = Field(None, ge=1, description="About how long answering takes.")
    scale: Scale
    aggregation: Aggregation = "weighted_mean"
    unanswered: Unanswered = Field(
        "exclude", description="exclude (leave out) or zero (count as the scale's minimum)."
    )
    headline: Headline = Field(
        "score",
        description="The level reports lead with: score (the score level), staged (the staged "
        "level) or capped (the score level, never above the staged level).",
    )
    answer_sets: dict[Id, AnswerSet] = Field(default_factory=dict)
    groups: tuple[Group, ...] = Field(min_length=1)
    include_benchmarks: tuple[str, ...] = Field(
        (), description="Shared benchmark files, by built-in id or path (relative to this file)."
    )
    benchmarks: tuple[Benchmark, ...] = ()

    _placed: dict[str, Placed] = PrivateAttr(default_factory=dict)
    _fingerprint: str = PrivateAttr(default="")

    def model_post_init(self, context: Any, /) -> None:
        """Index every question by id, in document order."""

        def walk(groups: tuple[Group, ...], trail: tuple[Group, ...]) -> None:
            for group in groups:
                here = (*trail, group)
                for question in group.questions:
                    self._placed.setdefault(question.id, Placed(question, here))
                walk(group.groups, here)

        walk(self.groups, ())

    def fingerprint(self, digest: Callable[[str], str]) -> str:
        """``digest`` of the questionnaire's JSON, worked out once per questionnaire."""
        if not self._fingerprint:
            self._fingerprint = digest(self.model_dump_json())
        return self._fingerprint

    @property
    def placed(self) -> dict[str, Placed]:
        """Every question by id, in document order, with its containing groups."""
        return self._placed

    def options_of(self, question: ChoiceQuestion) -> tuple[Option, ...]:
        """The options of a choice question, resolving its answer set."""
        if question.answer_set is not None and question.answer_set in self.answer_sets:
            return self.answer_sets[question.answer_set].options
        return question.options

    @property
    def scores_are_levels(self) -> bool:
        """Whether a question's score reads directly as a level (e.g. options scored 0-4)."""
        values = [lv.value for lv in self.scale.levels]
        return (min(values), max(values)) == (self.scale.min, self.scale.max)

    def level_by_value(self, value: int) -> Level | None:
        """The level with this number, if any."""
        return next((lv for lv in self.scale.levels if lv.value == value), None)


def iter_groups(groups: tuple[Group, ...]) -> list[Group]:
    """Every group, depth first, in document order."""
    out: list[Group] = []
    for group in groups:
        out.append(group)
        out.extend(iter_groups(group.groups))
    return out
