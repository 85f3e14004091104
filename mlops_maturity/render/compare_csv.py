"""CSV of comparisons and portfolios: one row per group and period (or team), for spreadsheets.

Text from questionnaires and answer files goes through ``cell`` (no formula injection); numbers
are written as numbers, minus signs included.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from mlops_maturity.history.model import Cell, Comparison, Mark, Portfolio, TeamCell
from mlops_maturity.render.csv import cell

COMPARISON_COLUMNS = (
    "group_id",
    "group",
    "depth",
    "period",
    "date",
    "draft",
    "questionnaire_version",
    "score",
    "level",
    "staged_level",
    "change_previous",
    "change_first",
    "questions_changed",
)
PORTFOLIO_COLUMNS = (
    "team",
    "period",
    "draft",
    "questionnaire_version",
    "group_id",
    "group",
    "depth",
    "score",
    "level",
    "median",
    "distance",
    "best",
    "questions_changed",
)


def _number(value: float | None) -> str:
    return "" if value is None else f"{round(value, 6):g}"


def _level(mark: Mark | None) -> str:
    if mark is None:
        return ""
    return cell(mark.name) if mark.value is None else str(mark.value)


def _write(header: tuple[str, ...], rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def comparison_csv(c: Comparison) -> str:
    """Every group (and the whole, with an empty id) in every period, oldest first."""

    def rows() -> Iterable[list[str]]:
        for row in (c.overall, *c.groups):
            for period, item in zip(c.periods, row.cells, strict=True):
                yield [
                    row.id,
                    cell(row.title),
                    str(len(row.path)),
                    cell(period.label),
                    "" if period.date is None else period.date.isoformat(),
                    "yes" if period.provisional else "no",
                    cell(period.questionnaire.version),
                    *_cell(item),
                ]

    return _write(COMPARISON_COLUMNS, rows())


def _cell(item: Cell | None) -> list[str]:
    if item is None:
        return ["", "", "", "", "", ""]
    staged = _level(item.staged) if item.staged_status == "reached" else item.staged_status
    return [
        _number(item.score),
        _level(item.level),
        "" if item.staged_status == "untagged" else staged,
        _number(item.change_previous),
        _number(item.change_first),
        "yes" if item.changed_previous or item.changed_first else "no",
    ]


def portfolio_csv(p: Portfolio) -> str:
    """Every team in every group (and the whole), with the median and the distance from it."""

    def rows() -> Iterable[list[str]]:
        for i, team in enumerate(p.teams):
            for row in (p.overall, *p.groups):
                item = row.cells[i]
                yield [
                    cell(team.label),
                    cell(team.period),
                    "yes" if team.provisional else "no",
                    cell(team.questionnaire.version),
                    row.id,
                    cell(row.title),
                    str(len(row.path)),
                    *_team_cell(item, row.median),
                    "yes" if i in row.best else "no",
                    "yes" if item is not None and item.changed else "no",
                ]

    return _write(PORTFOLIO_COLUMNS, rows())


def _team_cell(item: TeamCell | None, median: float | None) -> list[str]:
    if item is None:
        return ["", "", _number(median), ""]
    return [_number(item.score), _level(item.level), _number(median), _number(item.distance)]
