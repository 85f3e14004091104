"""A CSV or JSON Lines file as columns of raw values, each row with its number, for messages."""

from __future__ import annotations

import csv
import difflib
import io
import json
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from mlops_maturity.errors import InputFileError, Problem

Kind = Literal["csv", "jsonl"]
MAX_PROBLEMS = 20


@dataclass
class Table:
    """One input file: its name for messages, its kind, and the problems found in it so far."""

    name: str
    kind: Kind
    found: list[tuple[int, Problem]] = field(default_factory=list)
    count: int = 0

    def where(self, row: int, column: str = "") -> str:
        """``row 5, column time`` (CSV, the header is row 1) or ``line 5, field time``."""
        unit, part = ("row", "column") if self.kind == "csv" else ("line", "field")
        return f"{unit} {row}, {part} {column}" if column else f"{unit} {row}"

    def add(self, row: int, column: str, message: str) -> None:
        """Note a problem (past a thousand, only count them)."""
        self.count += 1
        if len(self.found) < 1000:
            self.found.append((row, Problem(self.name, message, path=self.where(row, column))))

    @property
    def problems(self) -> list[Problem]:
        """The first few problems, in row order."""
        return [p for _, p in sorted(self.found, key=lambda f: f[0])[:MAX_PROBLEMS]]

    def fail_if_any(self) -> None:
        """Raise the problems found, at once, in row order."""
        if not self.count:
            return
        more = self.count - len(self.problems)
        extra = [Problem(self.name, f"and {more} more problems")] if more else []
        raise InputFileError([*self.problems, *extra])


@dataclass(frozen=True)
class Columns:
    """The columns a file may have: every known one, the required ones, and other names."""

    known: tuple[str, ...]
    required: tuple[str, ...]
    aliases: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Grid:
    """The records of a file by column (known columns only), with each record's row number."""

    numbers: list[int]
    columns: dict[str, Sequence[Any]]


def read_grid(table: Table, text: str, columns: Columns) -> Grid:
    """Read every record; columns not known are ignored, but a near miss of a known name is a
    problem (``unplaned``), and so is a CSV header without a required column."""
    if table.kind == "csv":
        return _csv_grid(table, text, columns)
    return _json_grid(table, text, columns)


def _csv_grid(table: Table, text: str, columns: Columns) -> Grid:
    text = text.removeprefix("\ufeff")
    flat = _flat(text)
    if flat is not None:
        width, cells = flat
        header = _header(table, 1, cells[:width], columns)
        count = len(cells) // width - 1
        index = {key: i for i, key in enumerate(header) if key in columns.known}
        # NOTE: every row is as wide as the header, so each column is a slice of the cells.
        by_key: dict[str, Sequence[Any]] = {
            key: cells[width + i :: width] for key, i in index.items()
        }
        return Grid(list(range(2, count + 2)), by_key)
    numbers, rows = _csv_rows(text)
    if not rows:
        return Grid([], {})
    header = _header(table, numbers[0], rows[0], columns)
    numbers, rows = numbers[1:], rows[1:]
    if set(map(len, rows)) - {len(header)}:
        numbers, rows = _same_width(table, numbers, rows, len(header))
    by_column = list(zip(*rows, strict=True)) or [()] * len(header)
    index = {key: i for i, key in enumerate(header) if key in columns.known}
    return Grid(numbers, {key: list(by_column[i]) for key, i in index.items()})


def _header(table: Table, number: int, cells: list[str], columns: Columns) -> list[str]:
    header = [columns.aliases.get(_key(c), _key(c)) for c in cells]
    _check_header(table, number, header, columns)
    table.fail_if_any()
    return header


def _flat(text: str) -> tuple[int, list[str]] | None:
    """The width of the header and all cells in one list, row after row, for a plain file: no
    quotes, no carriage returns, no blank lines, every row as wide as the header."""
    if '"' in text or "\r" in text:
        return None
    lines = text.rstrip("\n").split("\n")
    commas = lines[0].count(",")
    if not all(lines) or set(map(_commas, lines)) != {commas}:
        return None
    return commas + 1, ",".join(lines).split(",")


_commas = operator.methodcaller("count", ",")


def _csv_rows(text: str) -> tuple[list[int], list[list[str]]]:
    """Every row that is not blank, and its number (the header is row 1)."""
    reader = enumerate(csv.reader(io.StringIO(text)), start=1)
    rows = [(n, row) for n, row in reader if any(row)]
    return [n for n, _ in rows], [row for _, row in rows]


def _same_width(
    table: Table, numbers: list[int], cells: list[list[str]], width: int
) -> tuple[list[int], list[list[str]]]:
    for number, row in zip(numbers, cells, strict=True):
        if len(row) != width:
            table.add(number, "", f"{len(row)} values, but the header has {width} columns")
    kept = [(n, row) for n, row in zip(numbers, cells, strict=True) if len(row) == width]
    return [n for n, _ in kept], [row for _, row in kept]


def _check_header(table: Table, number: int, header: list[str], columns: Columns) -> None:
    seen: set[str] = set()
    for key in header:
        if key and key in seen:
            table.add(number, key, f"the column {key!r} appears twice in the header")
        seen.add(key)
        _near_miss(table, number, key, columns)
    missing = [key for key in columns.required if key not in seen]
    if missing:
        names = ", ".join(columns.known)
        table.add(
            number,
            "",
            f"no column {', '.join(repr(k) for k in missing)} in the header; the first row "
            f"names the columns, from: {names}",
        )


def _near_miss(table: Table, number: int, key: str, columns: Columns) -> None:
    close = difflib.get_close_matches(key, columns.known, 1, 0.8)
    if key not in columns.known and close:
        table.add(number, key, f"unknown column {key!r}; did you mean {close[0]!r}?")


def _json_grid(table: Table, text: str, columns: Columns) -> Grid:
    numbers: list[int] = []
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            table.add(number, "", f"not valid JSON: {exc.msg} (character {exc.colno})")
            continue
        if not isinstance(value, dict):
            table.add(number, "", 'expected a JSON object such as {"time": ...}')
            continue
        names = ((_key(str(key)), item) for key, item in value.items())
        record = {columns.aliases.get(key, key): item for key, item in names}
        for key in record.keys() - seen:
            seen.add(key)
            _near_miss(table, number, key, columns)
        numbers.append(number)
        records.append(record)
    known = [key for key in columns.known if key in seen]
    return Grid(numbers, {key: [r.get(key) for r in records] for key in known})


def _key(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")
