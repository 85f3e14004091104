"""The terminal portfolio: teams, a heat map of groups × teams, shared gaps, best teams."""

from __future__ import annotations

import textwrap

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from mlops_maturity.render.compare_terminal import Page, hang, say
from mlops_maturity.render.portfolio import HeatCell, HeatLine, PortfolioView
from mlops_maturity.render.text import fit

CELL = 9  # characters per team column: "2.25 2 *"
NAME = 30


def print_portfolio(view: PortfolioView, console: Console) -> None:
    """Headline, teams, the heat map in tables of a few teams each, gaps and best teams."""
    console.print(_headline(view))
    page = Page(console.width)
    _body(view, page)
    page.flush(console)


def _body(view: PortfolioView, console: Page) -> None:
    for line in (*view.drafts, *view.differences):
        say(console, line, style="bold yellow")
    console.print()
    for sentence in view.summary:
        say(console, sentence)
    per_table = max(1, (console.width - NAME - CELL - 4) // (CELL + 1))
    if len(view.teams) <= per_table:
        _teams(view, console)
        console.print()
        console.print(heat_table(view, list(range(len(view.teams)))))
        legend = "Each cell: score and level; * the best team; median: the organisation's."
    else:
        console.print()
        console.print(area_table(view))
        legend = (
            "Each cell: score and level; * the best team. Too many teams for a table of "
            "capabilities here: Markdown, HTML, PDF and CSV have every capability."
        )
    say(console, f"{legend} {view.flag_note}", style="dim")
    _gaps(view, console)
    _best(view, console)
    for v in view.versions:
        console.print(Text.assemble("\n", ("Questionnaire versions ", "bold"), v.label))
        for line in v.lines:
            hang(console, Text("-"), line, indent=2)


def _headline(view: PortfolioView) -> Panel:
    overall = view.heat[0]
    scores = sorted(t.score for t in view.teams if t.score != "—")
    drafts = sum(t.draft for t in view.teams)
    lines = [
        Text(f"{len(view.teams)} teams" + (f", {drafts} a draft" if drafts else ""), style="dim"),
        Text.assemble(("Median   ", "bold"), (f"{overall.median}", "bold cyan")),
    ]
    if scores:
        lines.append(Text(f"Range    {scores[0]} to {scores[-1]}"))
    title = Text(f"{view.questionnaire} · {view.organisation}")
    return Panel(Group(*lines), title=title, expand=False)


def _teams(view: PortfolioView, console: Page) -> None:
    width = min(NAME, max(len(t.label) for t in view.teams))
    console.print(Text(f"\n{'Team'.ljust(width)}  Period    Score  vs median  Level", style="bold"))
    for t in view.teams:
        draft = "  (draft)" if t.draft else ""
        console.print(
            Text(
                f"{fit(t.label, width).ljust(width)}  {fit(t.period, 8):<8}  {t.score:>5}  "
                f"{t.distance:>9}  {t.level}{draft}"
            )
        )


def heat_table(view: PortfolioView, teams: list[int]) -> Text:
    """Groups down, the given teams across, then the median; cells coloured by level."""
    heads = [_head(view.teams[i].label) for i in teams]
    out = Text()
    for n in range(max(len(h) for h in heads)):
        out.append(("" if n else "Group").ljust(NAME), style="bold")
        for head in heads:
            out.append(" " + (head[n] if n < len(head) else "").rjust(CELL), style="bold")
        out.append(" " + ("" if n else "median").rjust(CELL) + "\n", style="bold")
    out.rstrip()
    for line in view.heat:
        out.append("\n")
        _heat_row(out, line, teams)
    return out


def area_table(view: PortfolioView) -> Text:
    """Teams down, the whole and each area across, then the median: for many teams."""
    lines = [line for line in view.heat if line.depth <= 0]
    heads = [_head(line.title) for line in lines]
    out = Text()
    for n in range(max(len(h) for h in heads)):
        out.append(("" if n else "Team").ljust(NAME), style="bold")
        for head in heads:
            out.append(" " + (head[n] if n < len(head) else "").rjust(CELL), style="bold")
        out.append("\n")
    for i, team in enumerate(view.teams):
        out.append(fit(team.label + (" (draft)" if team.draft else ""), NAME).ljust(NAME))
        for line in lines:
            out.append(" ")
            out.append(_cell(line.cells[i]), style=f"{line.cells[i].ink} on {line.cells[i].colour}")
        out.append("\n")
    out.append("Median".ljust(NAME), style="bold")
    for line in lines:
        out.append(" " + f"{line.median} {line.median_level}".strip().rjust(CELL), style="bold")
    return out


def _head(label: str) -> list[str]:
    """A team name on at most two lines of a column, words kept whole where they fit."""
    lines = textwrap.wrap(label, CELL, break_long_words=False) or [""]
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    return [fit(line, CELL) for line in lines]


def _heat_row(out: Text, line: HeatLine, teams: list[int]) -> None:
    name = "  " * max(0, line.depth) + line.title
    out.append(fit(name, NAME).ljust(NAME), style="bold" if line.depth <= 0 else "")
    for i in teams:
        out.append(" ")
        out.append(_cell(line.cells[i]), style=f"{line.cells[i].ink} on {line.cells[i].colour}")
    out.append(" " + f"{line.median} {line.median_level}".strip().rjust(CELL), style="bold")


def _cell(cell: HeatCell) -> str:
    text = f"{cell.score} {cell.level}".strip() + (" *" if cell.best else "  ")
    return fit(text, CELL).rjust(CELL)


def _gaps(view: PortfolioView, console: Page) -> None:
    console.print(Text("\nGaps most teams share", style="bold"))
    if not view.gaps:
        say(console, "No gap is shared by two or more teams.", indent=2)
    for g in view.gaps:
        hang(console, Text(f"{g.rank:>2}.", style="bold"), g.title, indent=1)
        blocking = f"; {g.blocking}" if g.blocking else ""
        say(console, f"{g.count}{blocking}", indent=5)
        say(console, f"{g.area}: {g.text}", indent=5, style="dim")
    if view.more_gaps:
        say(console, f"… and {view.more_gaps} more (JSON has them all).", indent=5, style="dim")


def _best(view: PortfolioView, console: Page) -> None:
    if not view.best:
        return
    console.print(Text("\nBest team per capability", style="bold"))
    width = min(NAME, max(len(b[0]) for b in view.best))
    for title, teams, score, median in view.best:
        head = Text(f"{fit(title, width).ljust(width)}  {score}")
        hang(console, head, f"{teams} (median {median})", indent=2)
