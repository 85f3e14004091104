"""The portfolio view: every team side by side, the shared gaps, the best team per capability."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from mlops_maturity.history.model import Portfolio, PortfolioRow, SharedGap, TeamCell, VersionChange
from mlops_maturity.render.colours import NO_LEVEL, ink, level_colour
from mlops_maturity.render.compare_text import (
    FLAG,
    change_lines,
    is_numbered,
    mark_short,
    mark_text,
    options_note,
    signed,
    version_words,
)
from mlops_maturity.render.compare_words import differences
from mlops_maturity.render.text import fmt_score
from mlops_maturity.render.view import ReportOptions

COLUMNS = 6  # teams per heat-map table; more are split into further tables
GAPS = 10  # shared gaps shown in reports (the JSON has them all)
DRAFTS = 2  # draft teams named one by one; more are summed up in one line


@dataclass(frozen=True)
class HeatCell:
    """One team in one group: score, level, colour, and the distance from the median."""

    score: str
    level: str
    colour: str
    ink: str
    distance: str
    best: bool
    flagged: bool


@dataclass(frozen=True)
class HeatLine:
    """The whole or a group across the teams, with the organisation's median."""

    depth: int
    title: str
    cells: tuple[HeatCell, ...]
    median: str
    median_level: str
    capability: bool


@dataclass(frozen=True)
class TeamLine:
    """A team and the result of it that is used."""

    label: str
    period: str
    score: str
    level: str
    distance: str
    draft: bool
    version: str
    source: str
    older: int


@dataclass(frozen=True)
class GapLine:
    """A gap several teams share: the organisation-level initiative it suggests."""

    rank: int
    title: str
    question: str
    text: str
    area: str
    count: str
    teams: str
    blocking: str
    answers: tuple[tuple[str, str, str], ...]  # team, answer, step


@dataclass(frozen=True)
class VersionNote:
    """Which teams answered another questionnaire version, and what differs."""

    label: str
    lines: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class PortfolioView:
    """What a portfolio report says, for every renderer to lay out."""

    portfolio: Portfolio
    options: ReportOptions
    numbered: bool
    organisation: str
    questionnaire: str
    summary: tuple[str, ...]
    teams: tuple[TeamLine, ...]
    chunks: tuple[tuple[int, ...], ...]
    heat: tuple[HeatLine, ...]
    flag_note: str
    gaps: tuple[GapLine, ...]
    more_gaps: int
    best: tuple[tuple[str, str, str, str], ...]  # capability, best team(s), score, median
    versions: tuple[VersionNote, ...]
    differences: tuple[str, ...]
    drafts: tuple[str, ...]

    @property
    def value(self) -> Portfolio:
        """The portfolio this view lays out."""
        return self.portfolio


def build_portfolio_view(p: Portfolio, options: ReportOptions | None = None) -> PortfolioView:
    """Compute the portfolio report once."""
    numbered = is_numbered(p.levels)
    names = [t.label for t in p.teams]
    rows = (p.overall, *p.groups)
    leaves = _capabilities(p.groups)
    return PortfolioView(
        portfolio=p,
        options=options or ReportOptions(),
        numbered=numbered,
        organisation=p.organization or "Unnamed organisation",
        questionnaire=f"{p.questionnaire.title} {p.questionnaire.version}",
        summary=_summary(p, names),
        teams=tuple(_team(p, i, numbered) for i in range(len(p.teams))),
        chunks=tuple(
            tuple(range(i, min(i + COLUMNS, len(names)))) for i in range(0, len(names), COLUMNS)
        ),
        heat=tuple(_heat(p, r, numbered, r.id in leaves) for r in rows),
        flag_note=(
            f"{FLAG} This team answered another version of the questionnaire, whose questions "
            "here differ; see “Questionnaire versions”."
            if p.versions
            else ""
        ),
        gaps=tuple(_gap(p, rank, g, names) for rank, g in enumerate(p.gaps[:GAPS], 1)),
        more_gaps=max(0, len(p.gaps) - GAPS),
        best=tuple(_best(r, names) for r in p.groups if r.id in leaves and _standout(r)),
        versions=tuple(_version(p, v, names) for v in p.versions),
        differences=differences(p.differences),
        drafts=_drafts(p),
    )


def _drafts(p: Portfolio) -> tuple[str, ...]:
    """Each team whose result is a draft, or one line naming them all when there are many."""
    drafts = [t for t in p.teams if t.provisional]
    if len(drafts) <= DRAFTS:
        return tuple(f"{t.label} ({t.period}) is a draft." for t in drafts)
    names = ", ".join(t.label for t in drafts[:-1]) + f" and {drafts[-1].label}"
    return (f"{len(drafts)} of {len(p.teams)} teams' results are drafts: {names}.",)


def _capabilities(rows: tuple[PortfolioRow, ...]) -> set[str]:
    """Groups with no sub-groups: the capabilities."""
    parents = {r.path[-2] for r in rows if len(r.path) > 1}
    return {r.id for r in rows if r.id not in parents}


def _team(p: Portfolio, i: int, numbered: bool) -> TeamLine:
    t, cell = p.teams[i], p.overall.cells[i]
    return TeamLine(
        label=t.label,
        period=t.period or "—",
        score=fmt_score(cell.score) if cell else "—",
        level=mark_text(cell.level, numbered) if cell else "not scored",
        distance=_distance(cell),
        draft=t.provisional,
        version=version_words(t.questionnaire),
        source=t.source,
        older=t.older,
    )


def _distance(cell: TeamCell | None) -> str:
    return "—" if cell is None or cell.distance is None else signed(cell.distance)


def _heat(p: Portfolio, row: PortfolioRow, numbered: bool, capability: bool) -> HeatLine:
    standout = set(row.best) if _standout(row) else set()
    cells = []
    for i, cell in enumerate(row.cells):
        value = cell.level.value if cell and cell.level else None
        colour = level_colour(value, p.levels) if cell and cell.score is not None else NO_LEVEL
        cells.append(
            HeatCell(
                score=("n/a" if cell is None else fmt_score(cell.score))
                + (FLAG if cell and cell.changed else ""),
                level="" if cell is None else mark_short(cell.level, numbered),
                colour=colour,
                ink=_ink(colour),
                distance=_distance(cell),
                best=i in standout,
                flagged=bool(cell and cell.changed),
            )
        )
    return HeatLine(
        depth=len(row.path) - 1,
        title=row.title,
        cells=tuple(cells),
        median=fmt_score(row.median),
        median_level=mark_short(row.median_level, numbered) if row.median_level else "",
        capability=capability,
    )


@functools.cache
def _ink(colour: str) -> str:
    """Text colour on a cell: a handful of level colours, thousands of cells."""
    return ink(colour)


def _standout(row: PortfolioRow) -> bool:
    """Whether some teams are ahead: not every scored team shares the best score."""
    scored = sum(1 for c in row.cells if c is not None and c.score is not None)
    return 0 < len(row.best) < scored


def _gap(p: Portfolio, rank: int, g: SharedGap, names: list[str]) -> GapLine:
    titles = {r.id: r.title for r in p.groups}
    area = " › ".join(titles.get(gid, gid) for gid in g.group)
    blocking = (
        f"blocks the next level for {', '.join(names[t] for t in g.blocking)}" if g.blocking else ""
    )
    return GapLine(
        rank=rank,
        title=g.title,
        question=g.question,
        text=g.text,
        area=area,
        count=_held(g, names),
        teams=", ".join(names[t] for t in g.teams),
        blocking=blocking,
        answers=tuple((names[a.team], a.answer, a.title) for a in g.answers),
    )


def _held(g: SharedGap, names: list[str]) -> str:
    """``holds back 3 of 4 teams (A, B, C); 4 have the gap``."""
    back, having = len(g.held_back), len(g.teams)
    which = "" if back == len(names) else f" ({', '.join(names[t] for t in g.held_back)})"
    more = f"; {having} have the gap" if having > back else ""
    return f"holds back {back} of {len(names)} teams{which}{more}"


def _best(row: PortfolioRow, names: list[str]) -> tuple[str, str, str, str]:
    cell = row.cells[row.best[0]]
    score = fmt_score(cell.score) if cell else "—"
    return (row.title, ", ".join(names[i] for i in row.best), score, fmt_score(row.median))


def _version(p: Portfolio, v: VersionChange, names: list[str]) -> VersionNote:
    teams = [names[i] for i, t in enumerate(p.teams) if t.questionnaire.hash == v.before.hash]
    label = f"{', '.join(teams)}: {version_words(v.before)} (the others: {version_words(v.after)})"
    return VersionNote(label, change_lines(v), options_note(v))


def _summary(p: Portfolio, names: list[str]) -> tuple[str, ...]:
    periods = sorted({t.period for t in p.teams if t.period})
    out = [
        f"{len(p.teams)} teams of {p.organization or 'one organisation'}, each by its latest "
        f"result ({', '.join(periods) or 'undated'})."
    ]
    scored = [
        (c.score, names[i]) for i, c in enumerate(p.overall.cells) if c and c.score is not None
    ]
    if scored:
        low, high = min(scored), max(scored)
        out.append(
            f"The median overall score is {fmt_score(p.overall.median)}; the teams range from "
            f"{fmt_score(low[0])} ({low[1]}) to {fmt_score(high[0])} ({high[1]})."
        )
    if p.gaps:
        g = p.gaps[0]
        out.append(
            f"The gap holding most teams back: {g.title} ({len(g.held_back)} of {len(p.teams)} "
            f"teams); {len(p.gaps)} gaps are shared by two or more teams."
        )
    if p.versions:
        out.append(
            "Some teams answered another questionnaire version; affected numbers are marked †."
        )
    return tuple(out)
