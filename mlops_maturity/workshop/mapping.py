"""The mapping file: which column of a forms export holds which question, and label → option."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from mlops_maturity.assessment.model import Subject
from mlops_maturity.questionnaire.model import Id, Model
from mlops_maturity.questionnaire.validation import validated
from mlops_maturity.questionnaire.yamlsafe import Document
from mlops_maturity.workshop.stamps import DateOrder

Layout = Literal["auto", "google", "microsoft"]
RESPONDENT_COLUMNS = ("Name", "Your name", "Full name", "Email Address", "Email", "Username")
TIMESTAMP_COLUMNS = ("Timestamp", "Completion time")


def _texts(value: Any) -> Any:
    """One text where a list is expected is a list of one; an empty key is an empty list."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


def _text_keys(value: Any) -> Any:
    """Labels such as 1 to 5 (a linear scale) are read by YAML as numbers; they are labels."""
    if not isinstance(value, dict):
        return {} if value is None else value
    return {
        str(k) if isinstance(k, int | float) and not isinstance(k, bool) else k: v
        for k, v in value.items()
    }


class Words(Model):
    """The labels a form uses for yes, no, not applicable and don't know, in every question."""

    yes: tuple[str, ...] = ("Yes",)
    no: tuple[str, ...] = ("No",)
    not_applicable: tuple[str, ...] = ("n/a", "Not applicable")
    dont_know: tuple[str, ...] = ("Don't know",)

    @field_validator("yes", "no", "not_applicable", "dont_know", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        return _texts(value)


class QuestionColumn(Model):
    """The column that holds one question's answers, and the labels of its options."""

    column: str = Field(min_length=1, description="The column's header, as the form writes it.")
    options: dict[str, str] = Field(
        default_factory=dict,
        description="Label in the form → option id (yes or no for a yes/no question). "
        "Without it, the questionnaire's own labels.",
    )
    note: str = Field("", description="Header of a column whose text is the answer's note.")

    @field_validator("options", mode="before")
    @classmethod
    def _keys(cls, value: Any) -> Any:
        return _text_keys(value)


class Grid(Model):
    """A grid question: one column per row, headed ``Title [Row]``, options shared by the rows."""

    title: str = Field(min_length=1)
    rows: dict[str, Id] = Field(min_length=1, description="Row label → question id.")
    options: dict[str, str] = Field(
        default_factory=dict, description="Label → option id; default: each question's own."
    )

    @field_validator("rows", "options", mode="before")
    @classmethod
    def _keys(cls, value: Any) -> Any:
        return _text_keys(value)


class Mapping(Model):
    """The contents of a mapping file."""

    questionnaire: str = Field(description="Id of a built-in questionnaire, or a path.")
    version: str | None = None
    layout: Layout = Field("auto", description="google (', ' between ticks), microsoft (';').")
    subject: Subject = Subject()
    respondent: tuple[str, ...] = Field(
        RESPONDENT_COLUMNS, description="Columns naming the respondent; the first filled wins."
    )
    timestamp: tuple[str, ...] = TIMESTAMP_COLUMNS
    date_order: DateOrder = Field("auto", description="How to read 10/6/2026.")
    labels: Words = Words()
    ignore: tuple[str, ...] = Field((), description="Further columns to skip without a warning.")
    questions: dict[str, QuestionColumn] = Field(default_factory=dict)
    grids: tuple[Grid, ...] = ()

    @field_validator("respondent", "timestamp", "ignore", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        return _texts(value)

    @model_validator(mode="before")
    @classmethod
    def _blank_is_default(cls, data: Any) -> Any:
        # NOTE: a key left empty (`subject:`, `questions:`) reads as null; it means the default.
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if value is not None}
        return data


def read_mapping(doc: Document) -> Mapping:
    """Validate a parsed mapping file; InputFileError lists every problem, located."""
    return validated(doc, Mapping, "expected a mapping with questionnaire: and questions:")
