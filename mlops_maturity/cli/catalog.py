"""Commands about questionnaires: list, show, validate, schema; blank templates; doctor."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from mlops_maturity.cli.app import (
    EXIT_USER_ERROR,
    ForceOpt,
    OutputOpt,
    QuestionnaireOpt,
    app,
    boundary,
    err,
    questionnaires_app,
)
from mlops_maturity.cli.delivery import emit
from mlops_maturity.errors import InputFileError
from mlops_maturity.render.formats import ListFormat


@app.command()
@boundary
def template(
    questionnaire: QuestionnaireOpt = "mlops",
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Write a blank answer file: every question as a comment with its allowed answers."""
    from mlops_maturity.assessment.template import build_template
    from mlops_maturity.questionnaire.load import load_questionnaire, reference_for

    q = load_questionnaire(questionnaire)
    target = None if output in (None, "-") else Path(str(output))
    emit(build_template(q, reference_for(questionnaire, target)), output, force=force)
    if output not in (None, "-"):
        err(f"Wrote {output}. Fill it in, then run: mlops-maturity report {output}")


@app.command()
@boundary
def doctor() -> None:
    """Check the installation: Python, shipped data, and the libraries PDF reports need."""
    from mlops_maturity.cli.doctor import checks, render_checks

    found = checks()
    sys.stdout.write(render_checks(found))
    if any(c.status == "fail" for c in found):
        raise typer.Exit(EXIT_USER_ERROR)


@questionnaires_app.command("list")
@boundary
def list_questionnaires(
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.terminal,
) -> None:
    """List the built-in questionnaires."""
    from mlops_maturity.questionnaire.catalog import list_builtin, render_list

    entries = list_builtin()
    emit(render_list(entries, json=fmt is ListFormat.json), None, force=False)


@questionnaires_app.command("show")
@boundary
def show_questionnaire(
    questionnaire: Annotated[str, typer.Argument(help="Built-in id or YAML path.")],
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.terminal,
) -> None:
    """Show a questionnaire's groups and questions (JSON gives a flat question list)."""
    from mlops_maturity.questionnaire.catalog import render_questionnaire
    from mlops_maturity.questionnaire.load import load_questionnaire

    q = load_questionnaire(questionnaire)
    emit(render_questionnaire(q, json=fmt is ListFormat.json), None, force=False)


@questionnaires_app.command("validate")
@boundary
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Questionnaire files to check.")],
) -> None:
    """Check questionnaire files and report every problem with file:line:column."""
    from mlops_maturity.questionnaire.load import load_questionnaire

    failed = 0
    for path in paths:
        try:
            q = load_questionnaire(path)
        except InputFileError as exc:
            failed += 1
            for problem in exc.problems:
                err(f"error: {problem}")
            continue
        sys.stdout.write(f"ok: {path} ({q.id} {q.version}, {len(q.placed)} questions)\n")
    if failed:
        err(f"{failed} of {len(paths)} file(s) invalid.")
        raise typer.Exit(EXIT_USER_ERROR)


@questionnaires_app.command("schema")
@boundary
def schema(
    kind: Annotated[str, typer.Argument(help="'questionnaire' or 'answers'.")] = "questionnaire",
    questionnaire: Annotated[
        str | None,
        typer.Option("--questionnaire", "-q", help="For answers: list this one's question ids."),
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Print the JSON Schema (draft-07) of questionnaire files or of answer files."""
    from mlops_maturity.assessment.schema import schema_text

    if kind not in {"questionnaire", "answers"}:
        raise typer.BadParameter("expected 'questionnaire' or 'answers'", param_hint="KIND")
    emit(schema_text(kind, questionnaire), output, force=force)
