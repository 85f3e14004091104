"""The terminal report, written with rich to a console the caller provides."""

from __future__ import annotations

import textwrap

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from mlops_maturity.render.text import (
    completeness_text,
    fit,
    flatten_groups,
    fmt_score,
    fraction,
    level_text,
    levels_are_steps,
    staged_text,
    subject_line,
)
from mlops_maturity.render.wording import draft_note
from mlops_maturity.scoring.result import LevelRef, Result

BAR_WIDTH = 20
TOP_RECOMMENDATIONS = 5


def indented(console: Console, text: str, *, indent: int = 3, style: str = "") -> None:
    """Print wrapped text with every line indented (and no trailing spaces)."""
    width = max(20, console.width - indent)
    for line in textwrap.wrap(" ".join(text.split()), width) or [""]:
        console.print(Text(" " * indent + line, style=style), overflow="ignore", crop=False)


def bar(share: float, width: int = BAR_WIDTH) -> Text:
    """A horizontal bar filled to ``share`` (0 to 1)."""
    filled = round(share * width)
    return Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim")


def render_terminal(result: Result, console: Console, *, top: int = TOP_RECOMMENDATIONS) -> None:
    """Print the report: overall, a bar per group, missing answers, top recommendations."""
    console.print(_headline(result))
    if result.provisional:
        console.print(Text(draft_note(result) or "", style="bold yellow"))
    console.print(_groups_table(result, console.width))
    _benchmarks(result, console)
    _notes(result, console)
    if result.missing:
        zero = any(a.counted_as is not None for a in result.answers)
        rule = "count as zero in the scores" if zero else "are left out of the scores"
        console.print(
            Text.assemble(
                (f"{len(result.missing)} question(s) not answered yet", "yellow"),
                f"; they {rule}.",
            )
        )
    _recommendations(result, console, top)


def _headline(result: Result) -> Panel:
    o = result.overall
    steps = levels_are_steps(result)
    subject = subject_line(result) + (f" · {result.respondent}" if result.respondent else "")
    lines = [
        Text(subject, style="dim"),
        Text.assemble(("Overall  ", "bold"), (level_text(o.level, numbered=steps), "bold cyan")),
        Text(f"Score    {fmt_score(o.score, o.max_score)}"),
    ]
    staged = staged_text(o, result)
    if staged is not None and o.score is not None:
        why = (
            "all its practices in place"
            if o.staged_status == "reached"
            else "a practice of it is missing"
        )
        lines.append(Text.assemble(f"Staged   {staged}", (f"  ({why})", "dim")))
    lines.append(Text(f"Answered {completeness_text(o)}"))
    if o.level is not None and o.level.description:
        lines += [Text(""), Text(" ".join(o.level.description.split()), style="italic")]
    title = f"{result.questionnaire.title} {result.questionnaire.version}"
    return Panel(Group(*lines), title=Text(title), expand=False)


def _groups_table(result: Result, console_width: int) -> Text:
    """Score, bar, level and completeness per group, as fixed-width columns.

    Laid out by hand: the widths are known, and a rich Table measuring 25 rows costs more
    than the rest of the report.
    """
    wide = console_width >= 100
    bar_width, text_width = (BAR_WIDTH, 40) if wide else (10, 24)
    steps = levels_are_steps(result)
    rows = [
        (
            depth,
            fit("  " * depth + group.title, text_width),
            bar(fraction(group.score, group.min_score, group.max_score), bar_width),
            "—" if group.score is None else f"{group.score:.2f}",
            fit(short_level(group.level, numbered=steps), text_width),
            f"{group.answered}/{group.applicable}",
        )
        for depth, group in flatten_groups(result.groups)
    ]
    name_w = max([len("Group"), *(len(r[1]) for r in rows)])
    level_w = max([len("Level"), *(len(r[4]) for r in rows)])
    out = Text.assemble(
        ("Group".ljust(name_w) + "  " + " " * bar_width + "  " + "Score".rjust(5) + "  ", "bold"),
        ("Level".ljust(level_w) + "  " + "Answered".rjust(8), "bold"),
    )
    for depth, name, graph, score, level, answered in rows:
        out.append("\n")
        out.append(name.ljust(name_w), style="bold" if depth == 0 else "")
        out.append("  ")
        out.append_text(graph)
        out.append(f"  {score:>5}  {level.ljust(level_w)}  {answered:>8}")
    return out


def _benchmarks(result: Result, console: Console) -> None:
    placed = [a for a in result.answers if a.benchmark is not None]
    if not placed:
        return
    first = placed[0].benchmark
    assert first is not None
    console.print(Text.assemble("\n", ("Benchmarks", "bold"), f" ({first.source}, {first.year})"))
    for answer in placed:
        assert answer.benchmark is not None
        cluster = answer.benchmark.cluster or "below every cluster"
        console.print(Text.assemble(f"  {answer.question}: {answer.label} → ", (cluster, "bold")))


def _notes(result: Result, console: Console) -> None:
    noted = [a for a in result.answers if a.note or (a.type == "text" and a.label)]
    if not noted:
        return
    console.print("\n[bold]Notes[/]")
    for answer in noted:
        text = answer.note if answer.type != "text" else answer.label
        indented(console, f"{answer.question}: {text}", indent=2)


def short_level(level: LevelRef | None, *, numbered: bool) -> str:
    """``2 · Automated training`` for a table whose header already says Level."""
    if level is None or level.value is None or not numbered:
        return level_text(level)
    return f"{level.value} · {level.name}"


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
        indented(console, rec.why)
        indented(console, f"How: {rec.how}")
        indented(console, f"From {rec.question}: {rec.answer}", style="dim")
