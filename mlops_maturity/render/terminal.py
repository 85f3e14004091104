"""The terminal report, written with rich to a console the caller provides."""

from __future__ import annotations

import textwrap

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from mlops_maturity.render.roadmap import Step
from mlops_maturity.render.text import (
    completeness_text,
    fit,
    flatten_groups,
    fmt_percent,
    fmt_score,
    fraction,
    short_group_level,
)
from mlops_maturity.render.view import ReportView

BAR_WIDTH = 20
DETAILED = 5  # steps shown with why and how; later ones by title


def indented(console: Console, text: str, *, indent: int = 3, style: str = "") -> None:
    """Print wrapped text with every line indented (and no trailing spaces)."""
    width = max(20, console.width - indent)
    for line in textwrap.wrap(" ".join(text.split()), width) or [""]:
        console.print(Text(" " * indent + line, style=style), overflow="ignore", crop=False)


def bar(share: float, width: int = BAR_WIDTH) -> Text:
    """A horizontal bar filled to ``share`` (0 to 1)."""
    filled = round(share * width)
    return Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim")


def render_terminal(view: ReportView, console: Console) -> None:
    """Print the report: headline, summary, a bar per group, benchmarks, notes, the roadmap."""
    console.print(_headline(view))
    if view.draft_note:
        indented(console, view.draft_note, indent=0, style="bold yellow")
    if view.result.commentary.summary:
        indented(console, view.result.commentary.summary, indent=0, style="italic")
    console.print()
    for sentence in view.summary:
        indented(console, sentence, indent=0)
    console.print()
    console.print(_groups_table(view, console.width))
    _benchmarks(view, console)
    _notes(view, console)
    _unanswered(view, console)
    _roadmap(view, console)


def _headline(view: ReportView) -> Panel:
    result, o = view.result, view.result.overall
    subject = view.subject + (f" · {result.respondent}" if result.respondent else "")
    lines = [
        Text(subject, style="dim"),
        Text.assemble(("Overall  ", "bold"), (view.headline, "bold cyan")),
        Text(f"Score    {view.score}"),
    ]
    if view.second is not None:
        label, text = view.second
        lines.append(Text(f"{label.split()[0]:<8} {text}"))
    lines.append(Text(f"Answered {completeness_text(o)}"))
    if view.to_target is not None:
        lines.append(Text(f"Target   {fmt_percent(view.to_target)} of the way"))
    title = f"{result.questionnaire.title} {result.questionnaire.version}"
    return Panel(Group(*lines), title=Text(title), expand=False)


def _groups_table(view: ReportView, console_width: int) -> Text:
    """Score, bar, level and completeness per group, as fixed-width columns.

    Laid out by hand: the widths are known, and a rich Table measuring 25 rows costs more
    than the rest of the report.
    """
    wide = console_width >= 100
    bar_width, text_width = (BAR_WIDTH, 34) if wide else (10, 24)
    level_width = 16 if wide else 12
    targets = view.targets
    rows = [
        (
            depth,
            fit("  " * depth + group.title, text_width),
            bar(fraction(group.score, group.min_score, group.max_score), bar_width),
            fmt_score(group.score),
            fit(short_group_level(group, view.result), level_width),
            f"{group.answered}/{group.applicable}",
            fmt_percent(targets[group.id].percent) if group.id in targets else "",
        )
        for depth, group in flatten_groups(view.result.groups)
    ]
    name_w = max([len("Group"), *(len(r[1]) for r in rows)])
    level_w = max([len("Level"), *(len(r[4]) for r in rows)])
    head = f"{'Group'.ljust(name_w)}  {' ' * bar_width}  {'Score':>5}  {'Level'.ljust(level_w)}"
    head += "  Answered" + ("  Target" if targets else "")
    out = Text(head, style="bold")
    for depth, name, graph, score, level, answered, target in rows:
        out.append("\n")
        out.append(name.ljust(name_w), style="bold" if depth == 0 else "")
        out.append("  ")
        out.append_text(graph)
        out.append(f"  {score:>5}  {level.ljust(level_w)}  {answered:>8}")
        if targets:
            out.append(f"  {target:>6}")
    return out


def _benchmarks(view: ReportView, console: Console) -> None:
    for table in view.benchmarks:
        console.print(Text.assemble("\n", ("Benchmarks", "bold"), f" ({table.source})"))
        years = "  ".join(f"{y}{'*' if y == table.chosen else ''}".ljust(7) for y in table.years)
        console.print(Text(f"  {'Metric: answer'.ljust(44)}  {years}", style="dim"))
        for row in table.rows:
            cells = "  ".join(c.ljust(7) for c in row.clusters)
            label = fit(f"{row.metric}: {row.answer}", 44)
            console.print(Text(f"  {label.ljust(44)}  {cells}"))
        indented(
            console,
            "* the year this report compares with. Each cell is the cluster the answer "
            "resembles on that metric alone.",
            indent=2,
            style="dim",
        )


def _notes(view: ReportView, console: Console) -> None:
    answers = view.result.answers
    noted = [a for a in answers if a.note or (a.type == "text" and a.label)]
    if not noted:
        return
    console.print("\n[bold]Notes[/]")
    for answer in noted:
        text = answer.note if answer.type != "text" else answer.label
        indented(console, f"{answer.question}: {text}", indent=2)


def _unanswered(view: ReportView, console: Console) -> None:
    if view.to_find_out:
        console.print("\n[bold]To find out[/] (answered “don't know”)")
        for answer in view.to_find_out:
            indented(console, f"{answer.question}: {answer.text}", indent=2)
    if view.not_answered:
        zero = view.result.unanswered == "zero"
        rule = "they count as zero in the scores" if zero else "they are left out of the scores"
        console.print(
            Text.assemble(
                "\n",
                (f"{len(view.not_answered)} question(s) not answered yet", "yellow"),
                f"; {rule}: ",
                ", ".join(a.question for a in view.not_answered[:8]),
                " …" if len(view.not_answered) > 8 else "",
            )
        )


def _roadmap(view: ReportView, console: Console) -> None:
    plan = view.roadmap
    if not plan.phases:
        answered = any(a.status == "answered" for a in view.result.answers)
        console.print(
            "\n[green]No recommendations: every answer is already at its best.[/]"
            if answered
            else "\nNo recommendations yet: answer some questions first."
        )
        return
    total = len(plan.steps()) + len(plan.backlog)
    console.print(
        Text.assemble("\n", ("Roadmap", "bold"), f" ({len(plan.steps())} of {total} steps)")
    )
    shown = 0
    for phase in plan.phases:
        console.print(Text(phase.title, style="bold cyan"))
        for step in phase.steps:
            _step(console, step, detailed=shown < DETAILED)
            shown += 1
    if plan.backlog:
        indented(
            console,
            f"{len(plan.backlog)} more step(s) in the backlog (Markdown, HTML and PDF list them).",
            indent=0,
            style="dim",
        )


def _step(console: Console, step: Step, *, detailed: bool) -> None:
    rec = step.rec
    meta = [f"impact {rec.impact}, effort {rec.effort}"]
    if rec.owner:
        meta.append(f"owner: {rec.owner}")
    if step.after:
        meta.append("after " + ", ".join(step.after))
    console.print(
        Text.assemble((f"{step.number} {rec.title}", "bold"), (f"  {'; '.join(meta)}", "dim"))
    )
    indented(console, f"Today: {rec.answer}", style="dim")
    if detailed:
        indented(console, rec.why)
        indented(console, f"How: {rec.how}")
