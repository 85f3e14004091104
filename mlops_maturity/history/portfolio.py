"""Many teams of one organisation side by side: the latest result of each becomes a Portfolio."""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping, Sequence

from mlops_maturity.history.compare import mark, walk
from mlops_maturity.history.gaps import shared_gaps
from mlops_maturity.history.model import (
    Difference,
    Mark,
    Portfolio,
    PortfolioRow,
    TeamCell,
    TeamRef,
    VersionChange,
)
from mlops_maturity.history.order import (
    ComparisonError,
    Entry,
    check_one_subject,
    in_time_order,
    label_of,
    same_period,
    subject_key,
)
from mlops_maturity.history.versions import version_change
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.scoring.result import GroupResult, LevelRef, Overall, Result

TIE = 1e-9


def portfolio(
    entries: Sequence[Entry],
    *,
    allow_mixed: bool = False,
    definitions: Mapping[str, Questionnaire] | None = None,
) -> Portfolio:
    """The latest result of each team of one questionnaire: scores beside the organisation's
    median, the best team per group, and the gaps most teams share."""
    differences = check_one_subject(entries, allow_mixed=allow_mixed, across=True)
    picked, more = latest_per_team(entries, allow_mixed=allow_mixed)
    if len(picked) < 2:
        team = _team_words(entries[0].result) if entries else "no team"
        raise ComparisonError(
            f"compare --across needs the results of at least two teams; "
            f"{_names(entries)} {'is' if len(entries) == 1 else 'are all'} of {team}"
        )
    results = [e.result for e, _ in picked]
    ref = max(range(len(results)), key=lambda i: (_version_key(results[i]), -i))
    versions, affected = _versions(results, ref, definitions or {})
    reference = results[ref]
    return Portfolio(
        questionnaire=reference.questionnaire,
        organization=reference.subject.organization,
        levels=reference.levels,
        teams=tuple(_team(e, older, picked) for e, older in picked),
        overall=_row("", "Overall", (), [r.overall for r in results], affected, reference.levels),
        groups=tuple(_rows(results, reference, affected)),
        gaps=shared_gaps(results, reference),
        versions=versions,
        differences=differences + more,
    )


def _names(entries: Sequence[Entry]) -> str:
    return ", ".join(e.source for e in entries[:3]) + (" …" if len(entries) > 3 else "")


def latest_per_team(
    entries: Sequence[Entry], *, allow_mixed: bool
) -> tuple[list[tuple[Entry, int]], tuple[Difference, ...]]:
    """Each team's latest result (by period, then date) and how many earlier ones were left out;
    two results of one team for the same latest period are refused unless ``allow_mixed``."""
    teams: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries:
        teams.setdefault(subject_key(entry.result), []).append(entry)
    picked, found = [], []
    for group in teams.values():
        ordered = in_time_order(group) if len(group) > 1 else list(group)
        if len(ordered) > 1 and same_period(ordered[-2].result, ordered[-1].result):
            a, b = ordered[-2], ordered[-1]
            if not allow_mixed:
                raise ComparisonError(
                    f"{a.source} and {b.source} are both the latest result of "
                    f"{_team_words(b.result)} ({label_of(b.result)}); keep one, or pass "
                    "--allow-mixed to use the later file"
                )
            values = (label_of(b.result),)
            found.append(
                Difference(kind="same_latest", sources=(a.source, b.source), values=values)
            )
        picked.append((ordered[-1], len(ordered) - 1))
    picked.sort(key=lambda item: _label(item[0].result, False).casefold())
    return picked, tuple(found)


def _team_words(result: Result) -> str:
    return _label(result, True)


def _label(result: Result, with_organisation: bool) -> str:
    s = result.subject
    parts = [s.organization, s.team] if with_organisation else [s.team or s.organization]
    return " · ".join(p for p in parts if p) or "a team with no name"


def _team(entry: Entry, older: int, picked: Sequence[tuple[Entry, int]]) -> TeamRef:
    r = entry.result
    organisations = {p.result.subject.organization for p, _ in picked}
    label = (
        _label(r, len(organisations) > 1)
        if (r.subject.team or r.subject.organization)
        else entry.source
    )
    return TeamRef(
        label=label,
        subject=r.subject,
        source=entry.source,
        period=label_of(r),
        provisional=r.provisional,
        questionnaire=r.questionnaire,
        older=older,
    )


def _version_key(result: Result) -> tuple[tuple[int, str], ...]:
    """A questionnaire version for sorting: 1.10 after 1.9."""
    parts = re.split(r"(\d+)", result.questionnaire.version)
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in parts if p)


def _versions(
    results: Sequence[Result], ref: int, definitions: Mapping[str, Questionnaire]
) -> tuple[tuple[VersionChange, ...], list[set[str]]]:
    """One change list per other questionnaire version; for each team, the groups it affects."""
    by_hash: dict[str, VersionChange | None] = {}
    affected: list[set[str]] = []
    for i, result in enumerate(results):
        digest = result.questionnaire.hash
        if digest not in by_hash:
            by_hash[digest] = version_change((i, ref), result, results[ref], definitions)
        change = by_hash[digest]
        affected.append(set() if change is None else set(change.affected))
    return tuple(c for c in by_hash.values() if c is not None), affected


def _rows(
    results: Sequence[Result], reference: Result, affected: list[set[str]]
) -> list[PortfolioRow]:
    indexed = [{path[-1]: (path, g) for path, g in walk(r.groups)} for r in results]
    order: dict[str, tuple[tuple[str, ...], str]] = {
        path[-1]: (path, g.title) for path, g in walk(reference.groups)
    }
    for index in indexed:
        for gid, (path, group) in index.items():
            order.setdefault(gid, (path, group.title))
    return [
        _row(
            gid,
            title,
            path,
            [i[gid][1] if gid in i else None for i in indexed],
            affected,
            reference.levels,
        )
        for gid, (path, title) in order.items()
    ]


def _row(
    gid: str,
    title: str,
    path: tuple[str, ...],
    items: Sequence[Overall | GroupResult | None],
    affected: list[set[str]],
    levels: tuple[LevelRef, ...],
) -> PortfolioRow:
    scores = [item.score for item in items if item is not None and item.score is not None]
    median = round(statistics.median(scores), 9) if scores else None
    top = max(scores, default=None)
    cells = [
        None if item is None else _cell(item, median, gid in affected[i])
        for i, item in enumerate(items)
    ]
    best = tuple(
        i
        for i, c in enumerate(cells)
        if c and c.score is not None and top is not None and top - c.score < TIE
    )
    return PortfolioRow(
        id=gid,
        title=title,
        path=path,
        cells=tuple(cells),
        median=median,
        median_level=_median_level(cells, levels),
        best=best,
    )


def _cell(item: Overall | GroupResult, median: float | None, changed: bool) -> TeamCell:
    score = item.score
    return TeamCell(
        score=score,
        level=mark(item.headline if isinstance(item, Overall) else item.level),
        distance=None if score is None or median is None else round(score - median, 9),
        changed=changed,
    )


def _median_level(cells: Sequence[TeamCell | None], levels: tuple[LevelRef, ...]) -> Mark | None:
    values = [c.level.value for c in cells if c and c.level and c.level.value is not None]
    if not values:
        return None
    middle = statistics.median_low(values)
    return mark(next((lv for lv in levels if lv.value == middle), None))
