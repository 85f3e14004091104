"""The terminal report, written with rich to a console the caller provides."""

from __future__ import annotations

import textwrap

from rich.console import Console, Group, RenderableType
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
    visible,
)
from mlops_maturity.render.view import ReportView

BAR_WIDTH = 20
DETAILED = 5  # steps shown with why and how; later ones by title


class Out:
    """The report's lines, collected and printed at once: one print is much faster than 500."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.parts: list[RenderableType] = []

    def add(self, *parts: RenderableType) -> None:
        """Add renderables (rich Text, panels); text is shown, never acted on by the terminal."""
        for part in parts:
            shown = visible(part.plain) if isinstance(part, Text) else ""
            if isinstance(part, Text) and shown != part.plain:
                # NOTE: hostile text loses its styling here, not its safety.
                self.parts.append(Text(shown, style=part.style))
            else:
                self.parts.append(part)

    def wrapped(self, text: str, *, indent: int = 3, style: str = "") -> None:
        """Add wrapped text with every line indented (and no trailing spaces).

        A score and its maximum ("1.39 / 4") stay on one line.
        """
        width = max(20, self.console.width - indent)
        kept = visible(" ".join(text.split())).replace(" / ", "\0/\0")
        lines = [line.replace("\0", " ") for line in textwrap.wrap(kept, width)] or [""]
        self.parts.append(Text("\n".join(" " * indent + line for line in lines), style=style))

    def show(self) -> None:
        """Print everything collected."""
        self.console.print(Group(*self.parts), overflow="ignore", crop=False)


def bar(share: float, width: int = BAR_WIDTH) -> Text:
    """A horizontal bar filled to ``share`` (0 to 1)."""
    filled = round(share * width)
    return Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim")


def render_terminal(view: ReportView, console: Console) -> None:
    """Print the report: headline, summary, a bar per group, benchmarks, notes, the roadmap."""
    out = Out(console)
    out.add(_headline(view))
    if view.draft_note:
        out.wrapped(view.draft_note, indent=0, style="bold yellow")
    if view.result.commentary.summary:
        out.wrapped(view.result.commentary.summary, indent=0, style="italic")
    out.add(Text(""))
    for sentence in view.summary:
        out.wrapped(sentence, indent=0)
    _agenda(view, out)
    out.add(Text(""))
    out.add(_groups_table(view, console.width))
    _benchmarks(view, out)
    _notes(view, out)
    _unanswered(view, out)
    _roadmap(view, out)
    out.show()


def _headline(view: ReportView) -> Panel:
    result, o = view.result, view.result.overall
    subject = view.subject + (f" · {result.respondent}" if result.respondent else "")
    lines = [
        Text(visible(subject), style="dim"),
        Text.assemble(("Overall  ", "bold"), (visible(view.headline), "bold cyan")),
        Text(f"Score    {view.score}"),
    ]
    if view.second is not None:
        label, text = view.second
        lines.append(Text(f"{label.split()[0]:<8} {visible(text)}"))
    lines.append(Text(f"Answered {completeness_text(o)}"))
    if view.to_target is not None:
        lines.append(Text(f"Target   {fmt_percent(view.to_target)} of the way"))
    title = visible(f"{result.questionnaire.title} {result.questionnaire.version}")
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
            fit("  " * depth + visible(group.title), text_width),
            bar(fraction(group.score, group.min_score, group.max_score), bar_width),
            fmt_score(group.score),
            fit(visible(short_group_level(group, view.result)), level_width),
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


def _agenda(view: ReportView, out: Out) -> None:
    if view.workshop is None:
        return
    out.add(Text(""))
    out.wrapped(view.workshop, indent=0, style="dim")
    if not view.agenda:
        return
    out.add(Text.assemble("\n", ("Discussion agenda", "bold"), f" ({_count(len(view.agenda))})"))
    for i, item in enumerate(view.agenda, 1):
        out.wrapped(f"{i}. {item.answer.text}", indent=0, style="bold")
        for line in item.said:
            out.wrapped(line)
        for note in item.notes:
            out.wrapped(f"Note: {note}", style="italic")
        if item.answer.decision:
            out.wrapped(f"Decided: {item.agreed}. {item.answer.decision}", style="green")
        else:
            out.wrapped(f"Agreed for now: {item.agreed}", style="dim")


def _count(n: int) -> str:
    return f"{n} disagreement{'s' if n != 1 else ''}"


def _benchmarks(view: ReportView, out: Out) -> None:
    for table in view.benchmarks:
        out.add(Text.assemble("\n", ("Benchmarks", "bold"), f" ({table.source})"))
        years = "  ".join(f"{y}{'*' if y == table.chosen else ''}".ljust(7) for y in table.years)
        width = max(20, min(44, out.console.width - 4 - 9 * len(table.years)))
        out.add(Text(f"  {'Metric: answer'.ljust(width)}  {years}".rstrip(), style="dim"))
        for row in table.rows:
            cells = "  ".join(c.ljust(7) for c in row.clusters)
            label = fit(f"{row.metric}: {row.answer}", width)
            out.add(Text(f"  {label.ljust(width)}  {cells}".rstrip()))
        out.wrapped(
            "* the year this report compares with. Each cell is the cluster the answer "
            "resembles on that metric alone.",
            indent=2,
            style="dim",
        )


def _notes(view: ReportView, out: Out) -> None:
    answers = view.result.answers
    noted = [a for a in answers if a.note or (a.type == "text" and a.label)]
    if not noted:
        return
    out.add(Text.assemble("\n", ("Notes", "bold")))
    for answer in noted:
        text = answer.note if answer.type != "text" else answer.label
        out.wrapped(f"{answer.question}: {text}", indent=2)


def _unanswered(view: ReportView, out: Out) -> None:
    if view.to_find_out:
        out.add(Text.assemble("\n", ("To find out", "bold"), " (answered “don't know”)"))
        for answer in view.to_find_out:
            out.wrapped(f"{answer.question}: {answer.text}", indent=2)
    if view.not_answered:
        zero = view.result.unanswered == "zero"
        rule = "they count as zero in the scores" if zero else "they are left out of the scores"
        out.add(
            Text.assemble(
                "\n",
                (f"{len(view.not_answered)} question(s) not answered yet", "yellow"),
                f"; {rule}: ",
                ", ".join(a.question for a in view.not_answered[:8]),
                " …" if len(view.not_answered) > 8 else "",
            )
        )


def _roadmap(view: ReportView, out: Out) -> None:
    plan = view.roadmap
    if not plan.phases:
        answered = any(a.status == "answered" for a in view.result.answers)
        out.add(
            Text("\nNo recommendations: every answer is already at its best.", style="green")
            if answered
            else Text("\nNo recommendations yet: answer some questions first.")
        )
        return
    total = len(plan.steps()) + len(plan.backlog)
    out.add(Text.assemble("\n", ("Roadmap", "bold"), f" ({len(plan.steps())} of {total} steps)"))
    shown = 0
    for phase in plan.phases:
        out.add(Text(phase.title, style="bold cyan"))
        for step in phase.steps:
            _step(out, step, detailed=shown < DETAILED)
            shown += 1
    if plan.backlog:
        out.wrapped(
            f"{len(plan.backlog)} more step(s) in the backlog (Markdown, HTML and PDF list them).",
            indent=0,
            style="dim",
        )


def _step(out: Out, step: Step, *, detailed: bool) -> None:
    rec = step.rec
    meta = [f"impact {rec.impact}, effort {rec.effort}"]
    if rec.owner:
        meta.append(f"owner: {rec.owner}")
    if step.after:
        meta.append("after " + ", ".join(step.after))
    title, said = f"{step.number} {rec.title}", "; ".join(meta)
    if len(title) + 2 + len(said) <= out.console.width:
        out.add(Text.assemble((title, "bold"), (f"  {said}", "dim")))
    else:
        out.wrapped(title, indent=0, style="bold")
        out.wrapped(said, style="dim")
    out.wrapped(f"Today: {rec.answer}", style="dim")
    if detailed:
        out.wrapped(rec.why)
        out.wrapped(f"How: {rec.how}")
