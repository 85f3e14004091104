"""A Google Forms or Microsoft Forms CSV export, read into one assessment per respondent."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, replace

from mlops_maturity.assessment.model import Answer, AnswerValue, Assessment, Subject
from mlops_maturity.errors import Problem
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.workshop.cells import CellError, read_cell
from mlops_maturity.workshop.plan import Column, Plan, header_key
from mlops_maturity.workshop.sheet import Sheet, read_rows
from mlops_maturity.workshop.stamps import Stamp, infer_order, read_stamp

SEPARATORS = {"google": ", ", "microsoft": ";"}
# NOTE: Microsoft Forms starts with these; Google with Timestamp and Email Address.
MICROSOFT = frozenset({"start time", "completion time", "last modified time"})
# NOTE: columns that forms add around the answers, skipped without a warning.
METADATA = frozenset(
    {"id", "timestamp", "email address", "email", "name", "total points", "quiz feedback"}
    | {"grade posted time", "score"}
    | MICROSOFT
)
QUIZ_PREFIXES = ("points - ", "feedback - ")
ANONYMOUS = "anonymous"
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$")


@dataclass(frozen=True)
class Imported:
    """One respondent's answers, from one row of the export."""

    row: int
    respondent: str
    stem: str  # the answer file's name without ``.yaml``
    assessment: Assessment


@dataclass(frozen=True)
class Export:
    """What an export held: its layout, the respondents, and what to warn about."""

    layout: str
    respondents: tuple[Imported, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    """One row read: its number, who answered, where that was written, and the answers."""

    number: int
    respondent: str
    at: int | None
    answers: dict[str, Answer]


def layout_of(header: list[str], plan: Plan) -> str:
    """``google`` or ``microsoft``: as the mapping says, or from the columns forms add."""
    if plan.mapping.layout != "auto":
        return plan.mapping.layout
    return "microsoft" if {header_key(h) for h in header} & MICROSOFT else "google"


def read_export(
    text: str, name: str, plan: Plan, q: Questionnaire, *, reference: str, subject: Subject
) -> Export:
    """Every respondent of an export; InputFileError lists every problem, by row and column.

    ``reference`` is what the answer files' ``questionnaire:`` says; ``subject`` is theirs,
    given the date of the last answer when it has none.
    """
    rows = read_rows(text, name)
    sheet = Sheet(name, rows[0])
    columns = _columns(sheet, plan, rows)
    layout = layout_of(rows[0], plan)
    read: list[Row] = []
    stamps: list[tuple[int, Stamp]] = []
    stamp_at = _first(sheet, plan.timestamp)
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        read.append(_row(sheet, number, cells, columns, plan, q, SEPARATORS[layout]))
        stamp = _stamp(sheet, number, cells, stamp_at)
        if stamp is not None:
            stamps.append((number, stamp))
    _check_people(sheet, read, plan)
    date = subject.date or _date(sheet, stamps, plan, stamp_at)
    sheet.fail_if_any()
    base = Assessment(questionnaire=reference, version=q.version, subject=subject)
    if date is not None:
        base = base.model_copy(update={"subject": subject.model_copy(update={"date": date})})
    people = _imported(sheet, read, base)
    return Export(layout, people, (*plan.warnings, *sheet.warnings))


def _columns(sheet: Sheet, plan: Plan, rows: list[list[str]]) -> dict[int, Column]:
    """The mapped column at each index; warnings for columns the mapping does not know."""
    found: dict[int, Column] = {}
    seen: dict[str, int] = {}
    for index, header in enumerate(sheet.header):
        key = header_key(header)
        column = plan.columns.get(key)
        if column is not None and key in seen:
            message = f"a second column headed like column {sheet.column(seen[key])}"
            sheet.add(1, index, message + "; rename one of them in the form")
        elif column is not None:
            found[index], seen[key] = column, index
        elif not _expected(key, plan) and any(index < len(r) and r[index].strip() for r in rows):
            sheet.warn(1, index, "not in the mapping; skipped" + _near(key, plan, seen))
    _missing(sheet, plan, seen)
    return found


def _expected(key: str, plan: Plan) -> bool:
    """Whether a column is one the import reads or skips on purpose."""
    known = (*plan.respondent, *plan.timestamp, *plan.ignore)
    return key in known or key in METADATA or key.startswith(QUIZ_PREFIXES)


def _near(key: str, plan: Plan, seen: dict[str, int]) -> str:
    absent = [k for k in plan.columns if k not in seen]
    close = difflib.get_close_matches(key, absent, n=1, cutoff=0.75)
    if not close:
        return ""
    column = plan.columns[close[0]]
    return f"; the mapping expects {column.header!r} for {column.question_id}"


def _missing(sheet: Sheet, plan: Plan, seen: dict[str, int]) -> None:
    answers = [c for k, c in plan.columns.items() if c.kind == "answer"]
    absent = [c for k, c in plan.columns.items() if k not in seen and c.kind == "answer"]
    if len(absent) == len(answers):
        mapping = absent[0].where.file
        message = f"no question column of {mapping} is in this file; is it the export of that form?"
        sheet.problems.append(Problem(sheet.name, message))
        return
    for column in absent:
        note = f"no column {column.header!r} in {sheet.name}; {column.question_id} stays unanswered"
        sheet.warnings.append(str(replace(column.where, message=note)))


def _first(sheet: Sheet, keys: tuple[str, ...]) -> int | None:
    """The index of the first of ``keys`` that heads a column."""
    index = {header_key(h): i for i, h in reversed(list(enumerate(sheet.header)))}
    return next((index[k] for k in keys if k in index), None)


def _row(
    sheet: Sheet,
    number: int,
    cells: list[str],
    columns: dict[int, Column],
    plan: Plan,
    q: Questionnaire,
    separator: str,
) -> Row:
    """One respondent's answers and notes; problems go to the sheet."""
    values: dict[str, AnswerValue] = {}
    notes: dict[str, tuple[int, str]] = {}
    for index, column in columns.items():
        cell = cells[index].strip() if index < len(cells) else ""
        if cell and column.kind == "note":
            notes[column.question_id] = (index, cell)
        elif cell:
            value = _answer(sheet, number, index, cell, column, plan, q, separator)
            if value is not None:
                values[column.question_id] = value
    for index in range(len(sheet.header), len(cells)):
        if cells[index].strip():
            width = len(sheet.header)
            sheet.add(number, index, f"a value past the header row's last column ({width})")
    for qid, (index, _) in notes.items():
        if qid not in values:
            sheet.warn(number, index, f"a note without an answer to {qid}; left out")
    respondent, at = _respondent(sheet, cells, plan)
    answers = {k: Answer(value=v, note=notes.get(k, (0, ""))[1]) for k, v in values.items()}
    return Row(number, respondent, at, answers)


def _answer(
    sheet: Sheet,
    number: int,
    index: int,
    cell: str,
    column: Column,
    plan: Plan,
    q: Questionnaire,
    separator: str,
) -> AnswerValue:
    """The answer in one cell, or None with its problems noted."""
    question = q.placed[column.question_id].question
    try:
        return read_cell(
            q, question, cell, labels=column.labels, special=plan.special, separator=separator
        )
    except CellError as exc:
        for message in exc.messages:
            sheet.add(number, index, f"{column.question_id}: {message}")
        return None


def _respondent(sheet: Sheet, cells: list[str], plan: Plan) -> tuple[str, int | None]:
    """The first filled respondent column of a row, and its index."""
    for key in plan.respondent:
        index = _first(sheet, (key,))
        if index is None or index >= len(cells):
            continue
        value = " ".join(cells[index].split())
        if value and value.casefold() != ANONYMOUS:
            return value, index
    return "", None


def _stamp(sheet: Sheet, number: int, cells: list[str], at: int | None) -> Stamp | None:
    if at is None or at >= len(cells) or not cells[at].strip():
        return None
    try:
        return read_stamp(cells[at])
    except ValueError as exc:
        sheet.add(number, at, str(exc))
        return None


def _date(
    sheet: Sheet, stamps: list[tuple[int, Stamp]], plan: Plan, at: int | None
) -> dt.date | None:
    """The date of the last answer, when the timestamps say unambiguously what it is."""
    order = plan.mapping.date_order
    if not stamps or at is None:
        return None
    if order == "auto":
        order, conflict = infer_order(stamps)
        if conflict or order == "auto":
            why = conflict or "timestamps such as 10/6/2026 may put the day or the month first"
            sheet.warnings.append(
                f"{sheet.name}: {why}; the subject's date is left empty "
                "(set date_order: in the mapping, or give subject: date:)"
            )
            return None
    dates = []
    for number, stamp in stamps:
        try:
            dates.append(stamp.date(order))
        except ValueError:
            sheet.add(number, at, f"no such date when the {order.replace('-', ' ')} is first")
    return max(dates, default=None)


def _check_people(sheet: Sheet, rows: list[Row], plan: Plan) -> None:
    """Each respondent once; rows without a name get a number, and a warning if none can."""
    if rows and all(r.at is None for r in rows) and any(r.answers for r in rows):
        names = ", ".join(plan.mapping.respondent) or "none"
        sheet.warnings.append(
            f"{sheet.name}: no respondent column ({names}) is filled in; respondents are numbered"
        )
    seen: dict[str, int] = {}
    for row in rows:
        key = row.respondent.casefold()
        if not key or row.at is None:
            continue
        if key in seen:
            message = f"{row.respondent!r} also answered in row {seen[key]}; keep one of the rows"
            sheet.add(row.number, row.at, message)
        seen.setdefault(key, row.number)


def _imported(sheet: Sheet, rows: list[Row], base: Assessment) -> tuple[Imported, ...]:
    """One assessment per row with answers, each with a file name of its own."""
    out: list[Imported] = []
    stems: set[str] = set()
    for ordinal, row in enumerate(rows, start=1):
        name = row.respondent or f"Respondent {ordinal}"
        if not row.answers:
            sheet.warnings.append(f"{sheet.name}:{row.number}: {name} answered nothing; no file")
            continue
        stem = unique_stem(file_stem(name), stems)
        assessment = base.model_copy(update={"respondent": name, "answers": row.answers})
        out.append(Imported(row.number, name, stem, assessment))
    return tuple(out)


def file_stem(name: str) -> str:
    """A safe file name (without extension) for a respondent: ``Ana Pérez`` → ``ana-perez``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].rstrip("-")
    if not stem:
        return "respondent"
    return f"{stem}-answers" if _RESERVED.match(stem) else stem


def unique_stem(stem: str, taken: set[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3``… when it is taken; the one returned is then taken."""
    found, number = stem, 1
    while found in taken:
        number += 1
        found = f"{stem}-{number}"
    taken.add(found)
    return found
