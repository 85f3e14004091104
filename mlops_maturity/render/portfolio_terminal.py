"""The terminal portfolio: teams, a heat map of groups × teams, shared gaps, best teams."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from mlops_maturity.render.compare_terminal import say
from mlops_maturity.render.portfolio import HeatCell, HeatLine, PortfolioView
from mlops_maturity.render.text import fit

CELL = 8  # characters per team column: "2.25 2*"
NAME = 30


def print_portfolio(view: PortfolioView, console: Console) -> None:
    """Headline, teams, the heat map in tables of a few teams each, gaps and best teams."""
    console.print(_headline(view))
    for line in (*view.drafts, *view.differences):
        say(console, line, style="bold yellow")
    console.print()
    for sentence in view.summary:
        say(console, sentence)
    _teams(view, console)
    per_table = max(1, (console.width - NAME - CELL - 4) // (CELL + 1))
    names = [t.label for t in view.teams]
    for start in range(0, len(names), per_table):
        console.print()
        console.print(heat_table(view, list(range(start, min(start + per_table, len(names))))))
    say(
        console,
        "Each cell: score and level; * the best team; median: the organisation's. "
        + view.flag_note,
        style="dim",
    )
    _gaps(view, console)
    _best(view, console)
    for v in view.versions:
        console.print(Text.assemble("\n", ("Questionnaire versions ", "bold"), v.label))
        for line in v.lines:
            say(console, f"- {line}", indent=2)


def _headline(view: PortfolioView) -> Panel:
    overall = view.heat[0]
    lines = [
        Text(f"{len(view.teams)} teams", style="dim"),
        Text.assemble(("Median   ", "bold"), (f"{overall.median}", "bold cyan")),
    ]
    title = Text(f"{view.questionnaire} · {view.organisation}")
    return Panel(Group(*lines), title=title, expand=False)


def _teams(view: PortfolioView, console: Console) -> None:
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
    out = Text("Group".ljust(NAME), style="bold")
    for i in teams:
        out.append(" " + fit(view.teams[i].label, CELL).rjust(CELL), style="bold")
    out.append(" " + "median".rjust(CELL), style="bold")
    for line in view.heat:
        out.append("\n")
        _heat_row(out, line, teams)
    return out


def _heat_row(out: Text, line: HeatLine, teams: list[int]) -> None:
    name = "  " * max(0, line.depth) + line.title
    out.append(fit(name, NAME).ljust(NAME), style="bold" if line.depth <= 0 else "")
    for i in teams:
        out.append(" ")
        out.append(_cell(line.cells[i]), style=f"{line.cells[i].ink} on {line.cells[i].colour}")
    out.append(" " + f"{line.median} {line.median_level}".strip().rjust(CELL), style="bold")


def _cell(cell: HeatCell) -> str:
    text = f"{cell.score} {cell.level}".strip() + ("*" if cell.best else "")
    return fit(text, CELL).rjust(CELL)


def _gaps(view: PortfolioView, console: Console) -> None:
    console.print(Text("\nGaps most teams share", style="bold"))
    if not view.gaps:
        say(console, "No gap is shared by two or more teams.", indent=2)
    for g in view.gaps:
        blocking = f"; {g.blocking}" if g.blocking else ""
        console.print(
            Text.assemble(f"{g.rank:>3}. ", (g.title, "bold"), (f"  {g.count}{blocking}", "dim"))
        )
        say(console, f"{g.area}: {g.text}", indent=5, style="dim")
        say(console, f"Teams: {g.teams}", indent=5)
    if view.more_gaps:
        say(console, f"… and {view.more_gaps} more (JSON has them all).", indent=5, style="dim")


def _best(view: PortfolioView, console: Console) -> None:
    if not view.best:
        return
    console.print(Text("\nBest team per capability", style="bold"))
    width = min(NAME, max(len(b[0]) for b in view.best))
    for title, teams, score, median in view.best:
        console.print(
            Text(f"  {fit(title, width).ljust(width)}  {score}  {teams}  (median {median})")
        )
