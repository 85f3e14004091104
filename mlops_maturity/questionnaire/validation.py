"""Turn pydantic validation errors into located, readable problems."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mlops_maturity.errors import InputFileError, Problem
from mlops_maturity.questionnaire.yamlsafe import Document

_QUESTION_TAGS = {"single", "boolean", "number", "text"}
M = TypeVar("M", bound=BaseModel)


def validated(
    doc: Document, model: type[M], expected: str, error: type[InputFileError] = InputFileError
) -> M:
    """A parsed file read into ``model``; ``error`` lists every problem, located.

    ``expected`` says what the file should be when it is not a mapping at all.
    """
    if not isinstance(doc.data, dict):
        raise error([Problem(doc.file, expected)])
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise error(problems_from_validation(doc, exc)) from None


def clean_loc(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Drop pydantic's internal parts (union tags, dict-key markers) from an error location."""
    out: list[str | int] = []
    for i, part in enumerate(loc):
        if part == "[key]" or str(part).startswith(("function-", "tagged-union[")):
            continue
        after_question = i >= 2 and isinstance(loc[i - 1], int) and loc[i - 2] == "questions"
        if part in _QUESTION_TAGS and after_question:
            continue
        out.append(part if isinstance(part, int) else str(part))
    return tuple(out)


def _message(error: Any, loc: tuple[str | int, ...]) -> str:
    kind, msg, value = error["type"], error["msg"], error.get("input")
    last = loc[-1] if loc else ""
    if kind == "missing":
        return f"missing required key {last!r}"
    if kind in {"recursion_loop", "recursion_depth_exceeded"}:
        return "nested too deeply; groups may nest a few hundred levels at most"
    if kind == "extra_forbidden":
        return f"unknown key {last!r}"
    if kind == "string_type" and isinstance(value, bool | int | float):
        return f"expected text, got {value!r}; put it in quotes"
    if kind == "string_pattern_mismatch" and last == "range":
        return f"expected an interval such as [0, 1), (3, 5] or [30, inf), got {value!r}"
    if kind == "string_pattern_mismatch":
        return f"expected an id (letters, digits, '-', '_', '.'), got {value!r}"
    if kind == "union_tag_invalid":
        return (
            f"unknown question type {value.get('type')!r}; expected single, multiple, "
            "boolean, number or text"
            if isinstance(value, dict)
            else msg
        )
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a mapping (key: value), got {_describe(value)}"
    if kind in {"tuple_type", "list_type"}:
        return f"expected a list, got {_describe(value)}"
    if kind in {"float_parsing", "float_type", "int_parsing", "int_type"}:
        return f"expected a number, got {_describe(value)}"
    ctx = error.get("ctx") or {}
    if kind == "too_short":
        return f"expected at least {ctx.get('min_length')} item(s), got {ctx.get('actual_length')}"
    if kind == "greater_than_equal":
        return f"expected a number of at least {ctx.get('ge', 0):g}, got {_describe(value)}"
    text = msg.replace("Input should be", "expected").replace("Value error, ", "")
    return f"{text}, got {_describe(value)}" if "got" not in text and value is not None else text


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def problems_from_validation(doc: Document, exc: ValidationError) -> list[Problem]:
    """One located problem per pydantic error, in file order."""
    problems = []
    errors = exc.errors()
    locs = [clean_loc(tuple(e["loc"])) for e in errors]
    for error, loc in zip(errors, locs, strict=True):
        # NOTE: a list whose items fail also reports itself as too short; the items say more.
        if error["type"] == "too_short" and any(
            other != loc and other[: len(loc)] == loc for other in locs
        ):
            continue
        at_key = error["type"] == "extra_forbidden"
        problems.append(doc.problem(loc, _message(error, loc), at_key=at_key))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
