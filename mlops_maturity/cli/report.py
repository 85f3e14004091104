"""``report``: score an answer file and deliver the report in the format asked for."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlops_maturity.cli.app import (
    EXIT_USER_ERROR,
    ForceOpt,
    OutputOpt,
    TargetOpt,
    app,
    boundary,
    err,
)
from mlops_maturity.cli.delivery import show_result
from mlops_maturity.render.formats import OutputFormat

if TYPE_CHECKING:
    from mlops_maturity.render.view import ReportOptions
    from mlops_maturity.scoring.result import Result

FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format", "-f", help="Report format (default: from -o's extension, else terminal)."
    ),
]
StepsOpt = Annotated[
    int, typer.Option("--roadmap-steps", min=1, max=50, help="Steps per roadmap phase.")
]
PreparedOpt = Annotated[str, typer.Option("--prepared-by", help="Who prepared the report.")]
LogoOpt = Annotated[
    Path | None, typer.Option("--logo", help="A PNG or SVG logo for the cover (HTML, PDF).")
]
AccentOpt = Annotated[
    str | None, typer.Option("--accent", help="Accent colour as #rrggbb (HTML, PDF).")
]


def gate(result: Result, fail_under: float | None, *, allow_incomplete: bool = False) -> None:
    """Exit 1 when the overall score is under the CI threshold, or the result is a draft."""
    if fail_under is None:
        return
    from mlops_maturity.render.text import fmt_score

    if result.provisional and not allow_incomplete:
        err(
            f"gate failed: the result is a draft ({len(result.missing)} question(s) unanswered); "
            "answer them, or pass --allow-incomplete to gate on the draft's score"
        )
        raise typer.Exit(EXIT_USER_ERROR)
    score = result.overall.score
    if score is None or score < fail_under:
        err(f"gate failed: overall score {fmt_score(score)} is under {fail_under:g}")
        raise typer.Exit(EXIT_USER_ERROR)


def warn_if_draft(result: Result, source: Path) -> None:
    """Say on stderr that a provisional result is a draft, and why."""
    if result.provisional:
        o = result.overall
        more = f" and {len(result.missing) - 5} more" if len(result.missing) > 5 else ""
        err(
            f"warning: {source} is a draft: {o.answered} of {o.applicable} questions answered; "
            f"unanswered: {', '.join(result.missing[:5])}{more}"
        )


def report_options(
    steps: int, prepared_by: str, logo: Path | None, accent: str | None
) -> ReportOptions:
    """Check the branding options before any work is done."""
    from mlops_maturity.cli.branding import read_logo
    from mlops_maturity.errors import MaturityError
    from mlops_maturity.render.colours import check_accent
    from mlops_maturity.render.view import ReportOptions

    try:
        colour = None if accent is None else check_accent(accent)
    except ValueError as exc:
        raise MaturityError(f"--accent: {exc}") from None
    return ReportOptions(
        roadmap_steps=steps,
        prepared_by=" ".join(prepared_by.split()),
        logo=None if logo is None else read_logo(logo),
        accent=colour,
    )


def score_file(file: Path, questionnaire_path: Path | None = None) -> Result:
    """Load an answer file, score it, and warn about what the user may not expect."""
    from mlops_maturity.assessment.load import load_answers
    from mlops_maturity.scoring.engine import score

    assessment, questionnaire = load_answers(file, questionnaire=questionnaire_path)
    if assessment.version is not None and assessment.version != questionnaire.version:
        err(
            f"warning: {file} was answered for {questionnaire.id} {assessment.version}; "
            f"scoring it against {questionnaire.version} (questions are matched by id)"
        )
    result = score(questionnaire, assessment)
    for answer in result.answers:
        if answer.status == "skipped" and answer.question in assessment.answers:
            when = questionnaire.placed[answer.question].question.when
            err(
                f"warning: {file}: answers.{answer.question} is ignored: its condition on "
                f"{when.question} does not hold"
            )
    return result


@app.command()
@boundary
def report(
    file: Annotated[Path, typer.Argument(help="An answer file (YAML).")],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fail_under: Annotated[
        float | None, typer.Option("--fail-under", help="Exit 1 if the overall score is lower.")
    ] = None,
    allow_incomplete: Annotated[
        bool,
        typer.Option("--allow-incomplete", help="Let --fail-under pass a draft (unanswered)."),
    ] = False,
    force: ForceOpt = False,
    target_level: TargetOpt = None,
    roadmap_steps: StepsOpt = 5,
    prepared_by: PreparedOpt = "",
    logo: LogoOpt = None,
    accent: AccentOpt = None,
    questionnaire: Annotated[
        Path | None,
        typer.Option(
            "--questionnaire",
            help="Score against this questionnaire file, whatever the file names.",
        ),
    ] = None,
) -> None:
    """Score an answer file and print the report."""
    from mlops_maturity.cli.delivery import apply_target, choose_format

    if fail_under is not None and not math.isfinite(fail_under):
        raise typer.BadParameter("expected a finite number, such as 2.5", param_hint="--fail-under")
    chosen = choose_format(fmt, output)
    options = report_options(roadmap_steps, prepared_by, logo, accent)
    result = apply_target(score_file(file, questionnaire), target_level)
    warn_if_draft(result, file)
    show_result(result, chosen, output, options, force=force)
    gate(result, fail_under, allow_incomplete=allow_incomplete)
