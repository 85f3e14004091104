"""Check one answer value against its question and return it in canonical form."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from mlops_maturity.assessment.model import DONT_KNOW, NOT_APPLICABLE, AnswerValue
from mlops_maturity.questionnaire.model import (
    BooleanQuestion,
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    TextQuestion,
)

_YES = {"yes", "y", "true"}
_NO = {"no", "n", "false"}
_NOT_APPLICABLE = {"n/a", "na"}
_DONT_KNOW = {"don't know", "dont know", "dont-know", "don’t know"}
MAX_TEXT = 20_000


def show(value: Any) -> str:
    """A value as the user wrote it in YAML, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date | dt.datetime):
        return f"the date {value.isoformat()}"
    if isinstance(value, float) and math.isnan(value):
        return ".nan (not a number)"
    if isinstance(value, float) and math.isinf(value):
        return "infinity"
    if isinstance(value, str) and len(value) > 60:
        return repr(value[:57] + "…")
    return repr(value)


def normalise(q: Questionnaire, question: Any, value: Any) -> AnswerValue:
    """Check an answer value (as read from YAML); ValueError says what was expected."""
    if isinstance(value, str) and value.strip().lower() in _NOT_APPLICABLE:
        if not question.not_applicable:
            raise ValueError("'n/a' is not allowed for this question")
        return NOT_APPLICABLE
    if isinstance(value, str) and value.strip().lower() in _DONT_KNOW:
        return DONT_KNOW
    if isinstance(question, ChoiceQuestion):
        return _choice(q, question, value)
    if isinstance(question, BooleanQuestion):
        return _boolean(value)
    if isinstance(question, NumberQuestion):
        return _number(question, value)
    if isinstance(question, TextQuestion):
        return _text(value)
    raise ValueError(f"unsupported question type {question.type!r}")


def _choice(q: Questionnaire, question: ChoiceQuestion, value: Any) -> AnswerValue:
    allowed = [o.id for o in q.options_of(question)]
    if question.type == "single":
        if isinstance(value, str) and value in allowed:
            return value
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ValueError(f"expected {_one_of(allowed)}; got {show(value)}")
        if str(value) not in allowed:
            raise ValueError(f"expected {_one_of(allowed)}; got {show(value)}")
        return str(value)
    chosen = value if isinstance(value, list) else [value]
    bad = [c for c in chosen if not isinstance(c, str | int | float) or isinstance(c, bool)]
    if bad:
        raise ValueError(
            f"expected a list of option ids ({_one_of(allowed)}); got {show(bad[0])} in the list"
        )
    unknown = [str(c) for c in chosen if str(c) not in allowed]
    if unknown:
        raise ValueError(f"unknown option {unknown[0]!r}; expected a list of {_one_of(allowed)}")
    if len(set(map(str, chosen))) != len(chosen):
        raise ValueError("an option is listed twice")
    return [str(c) for c in chosen]


def _one_of(allowed: list[str]) -> str:
    return "one of: " + ", ".join(allowed)


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _YES | _NO:
        return value.strip().lower() in _YES
    raise ValueError(f"expected yes or no, got {show(value)}")


def _number(question: NumberQuestion, value: Any) -> int | float:
    unit = f" ({question.unit})" if question.unit else ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number{unit}, got {show(value)}")
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"expected a finite number{unit}, got {show(value)}")
    if question.integer and value != int(value):
        raise ValueError(f"expected a whole number{unit}, got {value!r}")
    if question.min is not None and value < question.min:
        raise ValueError(f"{value:g} is below the minimum {question.min:g}{unit}")
    if question.max is not None and value > question.max:
        raise ValueError(f"{value:g} is above the maximum {question.max:g}{unit}")
    if abs(value) > 1e15:
        raise ValueError(f"{value:g} is too large to be a real answer{unit}")
    return int(value) if question.integer else value


def _text(value: Any) -> str:
    if isinstance(value, bool | list | dict):
        raise ValueError(f"expected text, got {show(value)}; put it in quotes")
    text = value.isoformat() if isinstance(value, dt.date | dt.datetime) else str(value)
    if len(text) > MAX_TEXT:
        raise ValueError(f"the text is {len(text)} characters long; the limit is {MAX_TEXT}")
    return text
