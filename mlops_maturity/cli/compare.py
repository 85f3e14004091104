"""``compare``: results of one subject over time, or of many teams side by side (``--across``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlops_maturity.cli.app import ForceOpt, OutputOpt, TargetOpt, app, boundary
from mlops_maturity.render.compare_formats import CompareFormat

if TYPE_CHECKING:
    from mlops_maturity.history.model import Comparison, Portfolio
    from mlops_maturity.render.view import ReportOptions

FormatOpt = Annotated[
    CompareFormat | None,
    typer.Option(
        "--format", "-f", help="Output format (default: from -o's extension, else terminal)."
    ),
]
PreparedOpt = Annotated[str, typer.Option("--prepared-by", help="Who prepared the report.")]
LogoOpt = Annotated[
    Path | None, typer.Option("--logo", help="A PNG or SVG logo for the cover (HTML, PDF).")
]
AccentOpt = Annotated[
    str | None, typer.Option("--accent", help="Accent colour as #rrggbb (HTML, PDF).")
]


@app.command()
@boundary
def compare(
    files: Annotated[
        list[Path],
        typer.Argument(help="Answer files, workshop files or JSON results, or folders of them."),
    ],
    across: Annotated[
        bool,
        typer.Option("--across", help="Compare teams: the latest result of each, side by side."),
    ] = False,
    allow_mixed: Annotated[
        bool,
        typer.Option(
            "--allow-mixed",
            help="Compare anyway across subjects, questionnaires or repeated periods (stated).",
        ),
    ] = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    target_level: TargetOpt = None,
    prepared_by: PreparedOpt = "",
    logo: LogoOpt = None,
    accent: AccentOpt = None,
) -> None:
    """Compare results over time (ordered by period), or across teams with --across."""
    from mlops_maturity.cli.compare_load import expand, load_entries, warn_drafts
    from mlops_maturity.cli.delivery import refuse_overwrite
    from mlops_maturity.cli.report import report_options

    chosen = compare_format(fmt, output)
    paths = expand(files)  # NOTE: before the models are imported: a wrong name fails fast
    options = report_options(5, prepared_by, logo, accent)
    if output not in (None, "-"):
        refuse_overwrite(Path(str(output)), force=force)
    from mlops_maturity.history.compare import compare as over_time
    from mlops_maturity.history.portfolio import portfolio

    entries, definitions = load_entries(paths, target_level)
    if across:
        value: Comparison | Portfolio = portfolio(
            entries, allow_mixed=allow_mixed, definitions=definitions
        )
    else:
        value = over_time(entries, allow_mixed=allow_mixed, definitions=definitions)
    warn_drafts(entries)
    deliver(value, chosen, output, options, force=force)


def compare_format(fmt: CompareFormat | None, output: str | None) -> CompareFormat:
    """The format asked for, or the one ``-o``'s extension names (never the badge)."""
    from mlops_maturity.cli.delivery import choose_format
    from mlops_maturity.errors import MaturityError
    from mlops_maturity.render.formats import OutputFormat

    chosen = choose_format(None if fmt is None else OutputFormat(fmt.value), output)
    if chosen.value not in CompareFormat.__members__:
        raise MaturityError(
            f"compare cannot write a {chosen.value} (-o {output}); name the file for one of: "
            f"{', '.join(CompareFormat)}"
        )
    return CompareFormat(chosen.value)


def deliver(
    value: Comparison | Portfolio,
    fmt: CompareFormat,
    output: str | None,
    options: ReportOptions,
    *,
    force: bool,
) -> None:
    """Render the comparison once and write it to stdout or the file, saying where it went."""
    from mlops_maturity.cli.delivery import Renderers, deliver_view
    from mlops_maturity.render.compare_render import (
        RENDERERS,
        build,
        render_pdf_pages,
        render_terminal,
    )

    renderers = Renderers(render_terminal, RENDERERS, render_pdf_pages)
    deliver_view(lambda: build(value, options), renderers, fmt, output, force=force)
