"""A mapping checked against its questionnaire: for each expected column, what it holds."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from mlops_maturity.assessment.model import DONT_KNOW, NOT_APPLICABLE
from mlops_maturity.errors import InputFileError, Problem
from mlops_maturity.questionnaire.model import (
    BooleanQuestion,
    ChoiceQuestion,
    Questionnaire,
)
from mlops_maturity.questionnaire.yamlsafe import Document
from mlops_maturity.workshop.cells import Labels, norm
from mlops_maturity.workshop.mapping import Mapping

Loc = tuple[str | int, ...]


def header_key(text: str) -> str:
    """A column header as compared: ``norm`` without a trailing colon."""
    return norm(text).rstrip(":").rstrip()


@dataclass(frozen=True)
class Column:
    """One column the mapping expects: a question's answers, or its note."""

    kind: Literal["answer", "note"]
    question_id: str
    header: str
    labels: Labels
    where: Problem  # the place in the mapping that names it, for messages


@dataclass(frozen=True)
class Plan:
    """Everything the import needs from the mapping, checked against the questionnaire."""

    mapping: Mapping
    columns: dict[str, Column]  # by header_key
    special: Labels  # n/a and don't know
    warnings: tuple[str, ...] = ()
    respondent: tuple[str, ...] = ()
    timestamp: tuple[str, ...] = ()
    ignore: frozenset[str] = frozenset()


def build_plan(doc: Document, mapping: Mapping, q: Questionnaire) -> Plan:
    """Check every question id, option id and header of the mapping; raise listing all."""
    problems: list[Problem] = []
    columns = _columns(doc, mapping, q, problems)
    problems += _twice(doc, mapping)
    if not mapping.questions and not mapping.grids:
        message = "the mapping names no question; list each question's column under questions:"
        problems.append(doc.problem(("questions",), message))
    if problems:
        raise InputFileError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))
    words = mapping.labels
    special = Labels.of(
        [(w, NOT_APPLICABLE) for w in words.not_applicable]
        + [(w, DONT_KNOW) for w in words.dont_know]
    )
    return Plan(
        mapping,
        columns,
        special,
        warnings=tuple(_version_warning(doc, mapping, q)),
        respondent=tuple(header_key(h) for h in mapping.respondent),
        timestamp=tuple(header_key(h) for h in mapping.timestamp),
        ignore=frozenset(header_key(h) for h in mapping.ignore),
    )


@dataclass(frozen=True)
class _Entry:
    """One question's place in the mapping: where its id, header and options are written."""

    key: Loc
    header_at: Loc
    options_at: Loc
    question_id: str
    header: str
    options: dict[str, str]
    note: str = ""


def _entries(mapping: Mapping) -> Iterator[_Entry]:
    """Plain questions and the rows of grid questions."""
    for qid, entry in mapping.questions.items():
        loc: Loc = ("questions", qid)
        yield _Entry(
            loc, (*loc, "column"), (*loc, "options"), qid, entry.column, entry.options, entry.note
        )
    for index, grid in enumerate(mapping.grids):
        for row, qid in grid.rows.items():
            loc = ("grids", index, "rows", row)
            header = f"{grid.title} [{row}]"
            yield _Entry(loc, loc, ("grids", index, "options"), qid, header, grid.options)


def _columns(
    doc: Document, mapping: Mapping, q: Questionnaire, problems: list[Problem]
) -> dict[str, Column]:
    """Each expected column by its header, checked against the questionnaire."""
    columns: dict[str, Column] = {}
    for entry in _entries(mapping):
        placed = q.placed.get(entry.question_id)
        if placed is None:
            message = _unknown_question(entry.question_id, q)
            problems.append(doc.problem(entry.key, message, at_key=True))
            continue
        labels = _labels(q, placed.question, entry, mapping, doc, problems)
        where = doc.problem(entry.header_at, "")
        _add(columns, Column("answer", entry.question_id, entry.header, labels, where), problems)
        if entry.note:
            where = doc.problem((*entry.key, "note"), "")
            note = Column("note", entry.question_id, entry.note, Labels({}, {}), where)
            _add(columns, note, problems)
    return columns


def _add(columns: dict[str, Column], column: Column, problems: list[Problem]) -> None:
    key = header_key(column.header)
    earlier = columns.get(key)
    if earlier is None:
        columns[key] = column
        return
    message = f"column {column.header!r} is already mapped at {_place(earlier.where)}"
    problems.append(_moved(column.where, message))


def _place(where: Problem) -> str:
    return f"line {where.line} ({where.path})" if where.line else where.path


def _moved(where: Problem, message: str) -> Problem:
    return Problem(where.file, message, where.path, where.line, where.column)


def _twice(doc: Document, mapping: Mapping) -> Iterator[Problem]:
    plain = set(mapping.questions)
    seen: set[str] = set()
    for index, grid in enumerate(mapping.grids):
        for row, qid in grid.rows.items():
            if qid in plain or qid in seen:
                loc = ("grids", index, "rows", row)
                yield doc.problem(loc, f"question {qid!r} is mapped twice; keep one column for it")
            seen.add(qid)


def _labels(
    q: Questionnaire,
    question: Any,
    entry: _Entry,
    mapping: Mapping,
    doc: Document,
    problems: list[Problem],
) -> Labels:
    """The labels a question's column accepts, after checking the mapping's option ids."""
    options, loc = entry.options, entry.options_at
    if isinstance(question, ChoiceQuestion):
        allowed = [o.id for o in q.options_of(question)]
        default = [(o.label, o.id) for o in q.options_of(question)]
    elif isinstance(question, BooleanQuestion):
        allowed = ["yes", "no"]
        words = mapping.labels
        default = [(w, "yes") for w in words.yes] + [(w, "no") for w in words.no]
    else:
        if options:
            message = f"a {question.type} question is read as typed; it takes no options"
            problems.append(doc.problem(loc, message, at_key=True))
        return Labels({}, {})
    for label, value in options.items():
        if value not in allowed:
            expected = ", ".join(allowed)
            message = f"unknown option {value!r} of {question.id!r}; expected one of: {expected}"
            problems.append(doc.problem((*loc, label), message))
    return Labels.of(options.items() if options else default)


def _unknown_question(qid: str, q: Questionnaire) -> str:
    close = difflib.get_close_matches(qid, list(q.placed), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown question {qid!r} in questionnaire {q.id!r}{hint}"


def _version_warning(doc: Document, mapping: Mapping, q: Questionnaire) -> Iterator[str]:
    if mapping.version is not None and mapping.version != q.version:
        where = doc.problem(("version",), "")
        yield str(
            _moved(
                where,
                f"the mapping was written for version {mapping.version} of {q.id!r}, "
                f"which is now {q.version}; the answer files are for {q.version}",
            )
        )
