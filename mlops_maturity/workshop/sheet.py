"""CSV text as rows of cells, with problems named by row and column as a spreadsheet shows them."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from mlops_maturity.errors import InputFileError, Problem

DELIMITERS = (",", ";", "\t")
MAX_PROBLEMS = 50


class ExportError(InputFileError):
    """Problems in an export, with the warnings found before them (they often explain them)."""

    def __init__(self, problems: Sequence[Problem], warnings: Sequence[str]) -> None:
        super().__init__(problems)
        self.warnings = tuple(warnings)


@dataclass(frozen=True)
class CellProblem(Problem):
    """A problem in one cell: ``export.csv:7:D "When a model goes…": message``.

    ``line`` is the row (the header is row 1), ``path`` the column's letter and header,
    ``column`` its number (A is 1), for sorting.
    """

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.path}: {self.message}"


def letter(index: int) -> str:
    """The spreadsheet name of a column: 0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def short(text: str, width: int = 40) -> str:
    """A header shortened for messages."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def read_rows(text: str, name: str) -> list[list[str]]:
    """The records of CSV text (commas, or the semicolons or tabs some spreadsheets save)."""
    text = text.removeprefix("\ufeff")
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    try:
        for cells in reader:
            rows.append(cells)
    except csv.Error as exc:
        message = f"row {len(rows) + 1} is not readable as CSV ({exc})"
        raise InputFileError([Problem(name, message)]) from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise InputFileError([Problem(name, "no header row; expected a forms export as CSV")])
    return rows


def _delimiter(text: str) -> str:
    """The delimiter that splits the header row into the most columns."""

    def count(delimiter: str) -> int:
        try:
            return len(next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), []))
        except csv.Error:
            return 0

    return max(DELIMITERS, key=count)


@dataclass
class Sheet:
    """The export being read: its name and header, and the problems and warnings found."""

    name: str
    header: list[str]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def column(self, index: int) -> str:
        """``D "When a model goes…"``, or ``K`` for a column without a header."""
        header = self.header[index] if index < len(self.header) else ""
        return f'{letter(index)} "{short(header)}"' if header.strip() else f"{letter(index)}"

    def cell(self, row: int, index: int, message: str) -> CellProblem:
        """A problem located at one cell."""
        return CellProblem(self.name, message, self.column(index), row, index + 1)

    def add(self, row: int, index: int, message: str) -> None:
        """Note a problem in a cell."""
        self.problems.append(self.cell(row, index, message))

    def warn(self, row: int, index: int, message: str) -> None:
        """Note a warning about a cell."""
        self.warnings.append(str(self.cell(row, index, message)))

    def fail_if_any(self) -> None:
        """Raise every problem found, in row and column order (past a limit, only counted)."""
        if not self.problems:
            return
        found = sorted(self.problems, key=lambda p: (p.line or 0, p.column or 0))
        shown = found[:MAX_PROBLEMS]
        if len(found) > MAX_PROBLEMS:
            shown.append(Problem(self.name, f"and {len(found) - MAX_PROBLEMS} more problems"))
        raise ExportError(shown, self.warnings)
