"""The terminal comparison: a table of scores with arrows, then what moved and why."""

from __future__ import annotations

import textwrap

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from mlops_maturity.render.compare_details import MoveLine
from mlops_maturity.render.comparison import ComparisonView, ScoreLine
from mlops_maturity.render.text import fit

STYLE = {"up": "green", "down": "red", "same": "dim", "none": "dim"}
MOVES = 3  # gains and regressions shown, each
ANSWERS = 3  # answers shown per movement
TITLES = 8  # recommendations shown per list


class Page:
    """Lines gathered for a single print: rich spends about a millisecond on every call."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.lines: list[Text] = []

    def print(self, text: Text | str = "") -> None:
        """Add a line (or lines, separated by newlines) of already wrapped text."""
        self.lines.append(text if isinstance(text, Text) else Text(text))

    def flush(self, console: Console) -> None:
        """Print every line gathered, as it is."""
        console.print(Text("\n").join(self.lines), soft_wrap=True)


def say(page: Page, text: str, *, indent: int = 0, style: str = "") -> None:
    """Add wrapped text with every line indented (and no trailing spaces)."""
    width = max(20, page.width - indent)
    for line in textwrap.wrap(" ".join(text.split()), width) or [""]:
        page.print(Text(" " * indent + line, style=style))


def hang(page: Page, head: Text, text: str, *, indent: int) -> None:
    """``head`` then ``text``, wrapped with the following lines under the text."""
    lead = indent + len(head.plain) + 1
    lines = textwrap.wrap(" ".join(text.split()), max(20, page.width - lead)) or [""]
    page.print(Text.assemble(" " * indent, head, " ", lines[0]))
    for line in lines[1:]:
        page.print(Text(" " * lead + line))


def print_comparison(view: ComparisonView, console: Console) -> None:
    """Headline, summary, the table of scores, movements, recommendations, progress, versions."""
    console.print(_headline(view))
    page = Page(console.width)
    _body(view, page)
    page.flush(console)


def _body(view: ComparisonView, console: Page) -> None:
    for line in view.drafts:
        say(console, f"{line}.", style="bold yellow")
    for line in view.differences:
        say(console, f"Mixed set: {line}", style="bold yellow")
    console.print()
    for sentence in view.summary:
        say(console, sentence)
    console.print()
    console.print(score_table(view, console.width))
    say(console, "▲ higher  ▼ lower  = unchanged  * a draft. " + view.flag_note, style="dim")
    _moves(console, "Biggest gains", view.gains, "No capability gained.")
    _moves(console, "Biggest regressions", view.regressions, "No capability fell.")
    _steps(view, console)
    _progress(view, console)
    _versions(view, console)


def _headline(view: ComparisonView) -> Panel:
    first, last = view.periods[0], view.periods[-1]
    overall = view.lines[0]
    lines = [
        Text(view.subject, style="dim"),
        Text.assemble(("Overall  ", "bold"), (view.headline, "bold cyan")),
        Text.assemble(
            f"Score    {overall.scores[-1]}  ",
            (overall.first.text, STYLE[overall.first.direction]),
            f" since {first.label}",
        ),
        Text(f"Periods  {view.span}"),
    ]
    if last.draft:
        lines.append(Text(f"Draft    {last.label}: {last.draft}", style="yellow"))
    return Panel(Group(*lines), title=Text(view.questionnaire), expand=False)


def score_table(view: ComparisonView, width: int) -> Text:
    """Scores per period, the changes with arrows, level and staged level, laid out by hand."""
    lines = view.lines
    heads = [view.periods[i].label + ("*" if view.periods[i].draft else "") for i in view.shown]
    level_w = max(len("Level"), *(len(ln.level) for ln in lines))
    staged_w = max(len("Staged"), *(len(ln.staged) for ln in lines))
    change_w = max(len("vs first"), *(len(ln.first.text) for ln in lines))
    col_w = max(7, *(len(h) for h in heads))
    name_w = min(26 if width >= 100 else 22, max(len("Area"), *(len(_name(ln)) for ln in lines)))
    room = width - name_w - 2 * (change_w + 2) - (level_w + 2) - (staged_w + 2)
    keep = _keep(len(heads), max(2, room // (col_w + 1)))
    out = Text(fit("Area", name_w).ljust(name_w), style="bold")
    for k in keep:
        out.append(" " + heads[k].rjust(col_w), style="bold")
    out.append(f"  {'vs prev'.rjust(change_w)}  {'vs first'.rjust(change_w)}", style="bold")
    out.append(f"  {'Level'.ljust(level_w)}  Staged", style="bold")
    for line in lines:
        out.append("\n")
        _row(out, line, keep, (name_w, col_w, change_w, level_w, staged_w))
    return out


def _name(line: ScoreLine) -> str:
    return "  " * max(0, line.depth) + line.title


def _keep(count: int, fits: int) -> list[int]:
    """Positions of the shown periods that fit: the first and the latest ones."""
    if count <= fits:
        return list(range(count))
    return [0, *range(count - fits + 1, count)]


def _row(out: Text, line: ScoreLine, keep: list[int], widths: tuple[int, ...]) -> None:
    name_w, col_w, change_w, level_w, _ = widths
    bold = "bold" if line.depth <= 0 else ""
    out.append(fit(_name(line), name_w).ljust(name_w), style=bold)
    for k in keep:
        out.append(" ")
        out.append(line.scores[k].rjust(col_w), style=STYLE[line.arrows[k]] if k else "")
    for change in (line.previous, line.first):
        out.append("  ")
        out.append(change.text.rjust(change_w), style=STYLE[change.direction])
    out.append(f"  {line.level.ljust(level_w)}  ")
    out.append(line.staged, style="bold" if line.staged_moved else "")


def _moves(console: Page, heading: str, moves: tuple[MoveLine, ...], none: str) -> None:
    console.print(Text("\n" + heading, style="bold"))
    if not moves:
        say(console, none, indent=2)
    for m in moves[:MOVES]:
        area = f" ({m.area})" if m.area and m.area != m.title else ""
        console.print(
            Text.assemble(
                "  ",
                (m.change.text, STYLE[m.change.direction]),
                (f"  {m.title}{area}", "bold"),
                (f"  {m.step}", "dim"),
            )
        )
        for a in m.answers[:ANSWERS]:
            hang(console, Text(a.change, style=STYLE[_way(a.change)]), a.text, indent=5)
            say(console, f"was: {a.before}", indent=13, style="dim")
            say(console, f"now: {a.after}", indent=13)
            for note in a.notes:
                say(console, f"Note: {note}", indent=13, style="italic")
        if len(m.answers) > ANSWERS:
            more = len(m.answers) - ANSWERS
            say(
                console, f"… and {more} more answer{'s' if more > 1 else ''}", indent=5, style="dim"
            )


def _way(change: str) -> str:
    return {"▲": "up", "▼": "down", "=": "same"}.get(change[:1], "none")


def _steps(view: ComparisonView, console: Page) -> None:
    if not view.steps:
        return
    latest, earlier = view.steps[0], view.steps[1:]
    console.print(
        Text.assemble(
            "\n",
            ("Recommendations ", "bold"),
            f"{latest.label}: {len(latest.closed)} closed, {len(latest.new)} new",
        )
    )
    for mark, items, style in (("✓", latest.closed, "green"), ("+", latest.new, "yellow")):
        for title, why, _ in items[:TITLES]:
            console.print(Text.assemble(f"  {mark} ", (title, style), (f"  ({why})", "dim")))
        if len(items) > TITLES:
            say(console, f"… and {len(items) - TITLES} more", indent=4, style="dim")
    others = len(latest.replaced) + len(latest.set_aside)
    if others:
        say(
            console,
            f"{others} more replaced or set aside; Markdown, HTML and PDF list them.",
            indent=2,
            style="dim",
        )
    counted = [(s.label, len(s.closed), len(s.new)) for s in earlier] + list(view.earlier)
    if counted:
        counts = "; ".join(f"{label}: {closed} closed, {new} new" for label, closed, new in counted)
        say(console, f"Earlier: {counts}.", indent=2, style="dim")


def _progress(view: ComparisonView, console: Page) -> None:
    if not view.progress:
        return
    console.print(Text.assemble("\n", ("Progress to target", "bold"), f" ({view.progress_note})"))
    width = min(30, max(len("  " * max(0, p.depth) + p.title) for p in view.progress))
    console.print(Text(f"  {'Area'.ljust(width)}  Target    Baseline  Now   Progress", style="dim"))
    for p in view.progress:
        name = fit("  " * max(0, p.depth) + p.title, width).ljust(width)
        console.print(
            Text(f"  {name}  {p.target:<8}  {p.baseline:>8}  {p.now:>4}  {p.progress:>8}")
        )


def _versions(view: ComparisonView, console: Page) -> None:
    for v in view.versions:
        console.print(Text.assemble("\n", ("Questionnaire changed ", "bold"), v.label))
        for line in v.lines:
            hang(console, Text("-"), line, indent=2)
        say(console, v.affected, indent=2)
        if v.note:
            say(console, v.note, indent=2, style="dim")
