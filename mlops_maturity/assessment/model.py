"""The answer file: who was assessed, against which questionnaire, and the answers given."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, model_validator

from mlops_maturity.questionnaire.model import Model

NOT_APPLICABLE = "n/a"
# NOTE: "don't know" is an answer in its own right (the respondent could not say), kept in the
# file so the report can list it as something to find out; it counts as unanswered.
DONT_KNOW = "don't know"
# NOTE: `metrics dora --into` begins the note of every answer it measured with this, and the
# reports show such answers as measured, with the rest of the note as the evidence.
MEASURED = "Measured: "
AnswerValue = str | bool | int | float | list[str] | None


class Subject(Model):
    """Who is assessed."""

    organization: str = ""
    team: str = ""
    period: str = Field("", description="e.g. 2026-Q3")
    date: dt.date | None = None

    @model_validator(mode="before")
    @classmethod
    def _blank_is_empty(cls, data: Any) -> Any:
        # NOTE: a blank template leaves `team:` empty, which YAML reads as null.
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if value is not None}
        return data


class Response(Model):
    """What one respondent of a workshop answered to a question."""

    respondent: str = Field(description="A name, or 'Respondent N' in an anonymous workshop.")
    value: AnswerValue = None
    note: str = ""


class Answer(Model):
    """One answer, with an optional note; in a workshop file also who answered what."""

    value: AnswerValue = None
    note: str = ""
    responses: tuple[Response, ...] = Field(
        (), description="In a workshop file: each respondent's answer."
    )
    decision: str = Field(
        "", description="In a workshop file: the facilitator's reason, when a decision set it."
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        # NOTE: `q: value` is shorthand for `q: {value: value}`; a mapping is the long form.
        return data if isinstance(data, dict) else {"value": data}


class Commentary(Model):
    """The assessor's own words for the report: for the summary and per group."""

    summary: str = Field("", description="Shown at the top of the executive summary.")
    groups: dict[str, str] = Field(default_factory=dict, description="Group id → comment.")


Strategy = Literal["median", "mean", "min"]


class Workshop(Model):
    """How a workshop file was merged from its respondents' answer files."""

    strategy: Strategy = Field("median", description="How each agreed value was chosen.")
    anonymous: bool = Field(False, description="Whether respondents' names were left out.")
    respondents: tuple[str, ...] = Field((), description="Names, or 'Respondent N'.")


class Assessment(Model):
    """The contents of an answer file."""

    questionnaire: str = Field(description="Id of a built-in questionnaire, or a path.")
    version: str | None = Field(
        None, description="Questionnaire version the answers were given to."
    )
    subject: Subject = Subject()
    respondent: str = ""
    benchmark_year: int | None = Field(None, description="Report year of benchmarks to compare to.")
    targets: dict[str, int] = Field(default_factory=dict, description="Target level per group id.")
    commentary: Commentary = Commentary()
    workshop: Workshop | None = Field(None, description="Set in a file merged from respondents.")
    answers: dict[str, Answer] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _empty_answers(cls, data: Any) -> Any:
        # NOTE: a template with every answer commented out parses `answers:` as null.
        if not isinstance(data, dict):
            return data
        data = {**data, "answers": data.get("answers") or {}}
        for key in ("subject", "respondent", "commentary", "workshop"):
            if data.get(key) is None:
                data.pop(key, None)
        return data

    def value(self, question_id: str) -> AnswerValue:
        """The answer's value, or None when unanswered."""
        answer = self.answers.get(question_id)
        return None if answer is None else answer.value
