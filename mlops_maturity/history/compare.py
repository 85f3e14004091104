"""One subject over time: results in period order become a Comparison."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache

from mlops_maturity.history.model import Cell, Comparison, Mark, PeriodRef, Row, VersionChange
from mlops_maturity.history.movements import movements, steps
from mlops_maturity.history.order import (
    ComparisonError,
    Entry,
    check_one_subject,
    check_order,
    in_time_order,
    label_of,
)
from mlops_maturity.history.progress import progress
from mlops_maturity.history.versions import version_change
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.scoring.result import GroupResult, LevelRef, Overall, Result

Item = Overall | GroupResult


def compare(
    entries: Sequence[Entry],
    *,
    allow_mixed: bool = False,
    definitions: Mapping[str, Questionnaire] | None = None,
) -> Comparison:
    """Compare two or more results of one subject, ordered by period (then date).

    ``definitions`` maps questionnaire hashes to questionnaires, so that options and scoring
    can be compared across versions; without them only what results record is compared.
    """
    if len(entries) < 2:
        only = f": only {entries[0].source}" if entries else ""
        raise ComparisonError(f"compare needs at least two results of one subject{only}")
    differences = check_one_subject(entries, allow_mixed=allow_mixed)
    ordered = in_time_order(entries)
    differences += check_order(ordered, allow_mixed=allow_mixed)
    results = [e.result for e in ordered]
    versions = _versions(results, definitions or {})
    changed = changed_groups(len(results), versions)
    last = results[-1]
    gains, regressions = movements(results, changed)
    return Comparison(
        questionnaire=last.questionnaire,
        subject=last.subject,
        levels=last.levels,
        periods=tuple(_period(e) for e in ordered),
        overall=_row("", "Overall", (), [r.overall for r in results], changed),
        groups=tuple(group_rows(results, changed)),
        gains=gains,
        regressions=regressions,
        steps=steps(results),
        progress=progress(results[0], last),
        versions=versions,
        differences=differences,
    )


def _versions(
    results: Sequence[Result], definitions: Mapping[str, Questionnaire]
) -> tuple[VersionChange, ...]:
    """The questionnaire changes from each period to the next, where there are any."""
    pairs = ((i - 1, i) for i in range(1, len(results)))
    found = (version_change((a, b), results[a], results[b], definitions) for a, b in pairs)
    return tuple(change for change in found if change is not None)


def _period(entry: Entry) -> PeriodRef:
    r = entry.result
    return PeriodRef(
        label=label_of(r),
        period=r.subject.period,
        date=r.subject.date,
        source=entry.source,
        provisional=r.provisional,
        answered=r.overall.answered,
        applicable=r.overall.applicable,
        questionnaire=r.questionnaire,
    )


def changed_groups(count: int, versions: Sequence[VersionChange]) -> list[set[str]]:
    """For each period, the groups ("" the whole) whose questions changed since the previous."""
    found: list[set[str]] = [set() for _ in range(count)]
    for change in versions:
        found[change.between[1]] |= set(change.affected)
    return found


def mark(level: LevelRef | None) -> Mark | None:
    """A level in short."""
    return None if level is None else _mark(level.value, level.name)


# NOTE: a questionnaire has a handful of levels, and a portfolio of 100 teams marks thousands
# of cells with them; a mark is immutable, so one of each is enough.
@lru_cache(maxsize=256)
def _mark(value: int | None, name: str) -> Mark:
    return Mark(value=value, name=name)


def walk(
    groups: tuple[GroupResult, ...], trail: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], GroupResult]]:
    """Every group with its id path, depth first."""
    for group in groups:
        path = (*trail, group.id)
        yield path, group
        yield from walk(group.groups, path)


def group_rows(results: Sequence[Result], changed: list[set[str]]) -> Iterator[Row]:
    """A row per group: those of the last period in its order, then any that were removed."""
    by_period = [{path[-1]: (path, g) for path, g in walk(r.groups)} for r in results]
    order: dict[str, tuple[tuple[str, ...], str]] = {}
    for index in [*by_period[-1:], *reversed(by_period[:-1])]:
        for gid, (path, group) in index.items():
            order.setdefault(gid, (path, group.title))
    for gid, (path, title) in order.items():
        items = [index[gid][1] if gid in index else None for index in by_period]
        yield _row(gid, title, path, items, changed)


def _row(
    gid: str,
    title: str,
    path: tuple[str, ...],
    items: Sequence[Item | None],
    changed: list[set[str]],
) -> Row:
    cells: list[Cell | None] = []
    first = items[0].score if items[0] is not None else None
    since_first = False
    for i, item in enumerate(items):
        flagged = gid in changed[i]
        since_first |= flagged and i > 0
        if item is None:
            cells.append(None)
            continue
        before = items[i - 1] if i > 0 else None
        cells.append(
            _cell(
                item,
                _delta(item.score, before.score if before is not None else None) if i else None,
                _delta(item.score, first) if i else None,
                flagged,
                since_first,
            )
        )
    return Row(id=gid, title=title, path=path, cells=tuple(cells))


def _delta(score: float | None, before: float | None) -> float | None:
    return None if score is None or before is None else round(score - before, 9)


def _cell(
    item: Item, previous: float | None, first: float | None, flagged: bool, since: bool
) -> Cell:
    level = item.headline if isinstance(item, Overall) else item.level
    return Cell(
        score=item.score,
        min_score=item.min_score,
        max_score=item.max_score,
        level=mark(level),
        staged=mark(item.staged_level),
        staged_status=item.staged_status,
        change_previous=previous,
        change_first=first,
        changed_previous=flagged,
        changed_first=since,
    )
