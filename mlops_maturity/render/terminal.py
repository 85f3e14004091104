"""The terminal report, written with rich to a console the caller provides."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mlops_maturity.render.text import (
    completeness_text,
    flatten_groups,
    fmt_score,
    fraction,
    level_text,
    subject_line,
)
from mlops_maturity.result import Result

BAR_WIDTH = 20
TOP_RECOMMENDATIONS = 5


def bar(share: float, width: int = BAR_WIDTH) -> Text:
    """A horizontal bar filled to ``share`` (0 to 1)."""
    filled = round(share * width)
    return Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim")


def render_terminal(result: Result, console: Console, *, top: int = TOP_RECOMMENDATIONS) -> None:
    """Print the report: overall, a bar per group, missing answers, top recommendations."""
    console.print(_headline(result))
    console.print(_groups_table(result))
    if result.missing:
        console.print(
            f"[yellow]{len(result.missing)} question(s) not answered yet[/]; they are left out "
            "of the scores, not counted as zero."
        )
    _recommendations(result, console, top)


def _headline(result: Result) -> Panel:
    o = result.overall
    lines = [
        Text.assemble(("Overall  ", "bold"), (level_text(o.level), "bold cyan")),
        Text(f"Score    {fmt_score(o.score, o.max_score)}"),
    ]
    if o.staged_level is not None:
        lines.append(
            Text.assemble(
                f"Staged   {level_text(o.staged_level)}",
                ("  (highest level with all its practices in place)", "dim"),
            )
        )
    lines.append(Text(f"Answered {completeness_text(o)}"))
    title = f"{result.questionnaire.title} {result.questionnaire.version}"
    subtitle = subject_line(result)
    if result.respondent:
        subtitle += f" · {result.respondent}"
    return Panel(Group(*lines), title=title, subtitle=subtitle, expand=False)


def _groups_table(result: Result) -> Table:
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("Group")
    table.add_column("", no_wrap=True)
    table.add_column("Score", justify="right")
    table.add_column("Level")
    table.add_column("Answered", justify="right")
    for depth, group in flatten_groups(result.groups):
        style = "bold" if depth == 0 else ""
        table.add_row(
            Text("  " * depth + group.title, style=style),
            bar(fraction(group.score, group.min_score, group.max_score)),
            fmt_score(group.score),
            level_text(group.level),
            f"{group.answered}/{group.applicable}",
        )
    return table


def _recommendations(result: Result, console: Console, top: int) -> None:
    recs = result.recommendations[:top]
    if not recs:
        answered = any(a.status == "answered" for a in result.answers)
        console.print(
            "[green]No recommendations: every answer is already at its best.[/]"
            if answered
            else "No recommendations yet: answer some questions first."
        )
        return
    console.print(f"\n[bold]Next steps[/] (top {len(recs)} of {len(result.recommendations)})")
    for i, rec in enumerate(recs, 1):
        console.print(
            Text.assemble(
                (f"{i}. {rec.title}", "bold"),
                (f"  impact {rec.impact}, effort {rec.effort}", "dim"),
            )
        )
        console.print(Padding(Text(rec.why), (0, 0, 0, 3), expand=False))
        console.print(Padding(Text(f"How: {rec.how}"), (0, 0, 0, 3), expand=False))
        console.print(
            Padding(Text(f"From {rec.question}: {rec.answer}", style="dim"), (0, 0, 0, 3))
        )
