"""``assess``: answer a questionnaire in the terminal, saved as you go, then see the report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlops_maturity.cli.app import (
    EXIT_INTERRUPTED,
    ForceOpt,
    OutputOpt,
    QuestionnaireOpt,
    TargetOpt,
    app,
    boundary,
    err,
    stdin_is_terminal,
)
from mlops_maturity.cli.report import FormatOpt
from mlops_maturity.errors import MaturityError


@app.command()
@boundary
def assess(
    questionnaire: QuestionnaireOpt = "mlops",
    answers: Annotated[
        Path | None, typer.Option("--answers", "-a", help="Answer file: score it, no prompts.")
    ] = None,
    resume: Annotated[
        Path | None, typer.Option("--resume", "-r", help="Continue an interrupted assessment.")
    ] = None,
    save: Annotated[
        Path | None, typer.Option("--save", "-s", help="Where answers are saved as you go.")
    ] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    target_level: TargetOpt = None,
) -> None:
    """Answer a questionnaire one question at a time, then see the report."""
    from mlops_maturity.cli.delivery import apply_target, choose_format, show_result
    from mlops_maturity.cli.report import score_file, warn_if_draft

    chosen = choose_format(fmt, output)
    if answers is not None:
        result = apply_target(score_file(answers), target_level)
        warn_if_draft(result, answers)
        show_result(result, chosen, output, force=force)
        return
    from mlops_maturity.cli.session import Session, start

    if not stdin_is_terminal():
        raise MaturityError(
            "no terminal to ask questions in; pass --answers FILE "
            "(start one with: mlops-maturity template -o FILE)"
        )
    session: Session = start(questionnaire, resume=resume, save=save, force=force)
    try:
        session.run()
    except KeyboardInterrupt:
        err(f"\nInterrupted. {session.saved_message()}")
        err(f"Continue with: mlops-maturity assess --resume {session.path}")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    err(session.saved_message())
    show_result(apply_target(session.result(), target_level), chosen, output, force=force)
