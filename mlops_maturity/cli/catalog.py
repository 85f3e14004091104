"""Commands about questionnaires: list, show, validate, schema; blank and printable templates."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
from mlops_maturity.errors import InputFileError, MaturityError
from mlops_maturity.render.formats import ListFormat

if TYPE_CHECKING:
    from mlops_maturity.questionnaire.model import Questionnaire


class TemplateFormat(StrEnum):
    """What ``template`` writes: a blank answer file, or a printable questionnaire."""

    yaml = "yaml"
    html = "html"
    pdf = "pdf"


TEMPLATE_EXTENSIONS = {
    ".yaml": TemplateFormat.yaml,
    ".yml": TemplateFormat.yaml,
    ".html": TemplateFormat.html,
    ".htm": TemplateFormat.html,
    ".pdf": TemplateFormat.pdf,
}


def template_format(fmt: TemplateFormat | None, output: str | None) -> TemplateFormat:
    """The format asked for, or the one ``-o``'s extension names; a disagreement is an error."""
    from mlops_maturity.cli.delivery import pick_format

    return pick_format(fmt, output, TEMPLATE_EXTENSIONS, TemplateFormat.yaml)


@app.command()
@boundary
def template(
    questionnaire: QuestionnaireOpt = "mlops",
    fmt: Annotated[
        TemplateFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="yaml: a blank answer file (default); html or pdf: a printable questionnaire.",
        ),
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Write a blank answer file, or a printable questionnaire for workshops on paper."""
    from mlops_maturity.assessment.template import build_template
    from mlops_maturity.questionnaire.load import load_questionnaire, reference_for

    kind = template_format(fmt, output)
    q = load_questionnaire(questionnaire)
    if kind is not TemplateFormat.yaml:
        printable(q, kind, output, force=force)
        return
    target = None if output in (None, "-") else Path(str(output))
    emit(build_template(q, reference_for(questionnaire, target)), output, force=force)
    if output not in (None, "-"):
        err(f"Wrote {output}. Fill it in, then run: mlops-maturity report {output}")


def printable(q: Questionnaire, kind: TemplateFormat, output: str | None, *, force: bool) -> None:
    """Render the printable questionnaire as HTML or PDF and deliver it."""
    from mlops_maturity.cli.delivery import refuse_overwrite
    from mlops_maturity.render.pdf import pango_problem
    from mlops_maturity.render.printable import (
        render_questionnaire_html,
        render_questionnaire_pdf,
    )

    to_stdout = output in (None, "-")
    if kind is TemplateFormat.pdf and to_stdout and sys.stdout.isatty():
        raise MaturityError("a PDF cannot be shown in the terminal; write it with -o FILE.pdf")
    if not to_stdout:
        refuse_overwrite(Path(str(output)), force=force)
    pages = None
    content: str | bytes
    if kind is TemplateFormat.pdf:
        problem = pango_problem()
        if problem is not None:
            raise MaturityError(problem)
        content, pages = render_questionnaire_pdf(q)
    else:
        content = render_questionnaire_html(q)
    emit(content, output, force=force)
    if not to_stdout:
        size = "" if pages is None else f" ({pages} page{'s' if pages != 1 else ''})"
        err(f"Wrote {output}{size}. Print it on A4, one copy per respondent.")


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
    emit(_shown(render_list(entries, json=fmt is ListFormat.json), fmt), None, force=False)


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
    emit(_shown(render_questionnaire(q, json=fmt is ListFormat.json), fmt), None, force=False)


def _shown(text: str, fmt: ListFormat) -> str:
    """Text for a terminal with its control characters shown, never acted on; JSON as it is."""
    from mlops_maturity.render.text import visible

    return text if fmt is ListFormat.json else visible(text)


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
    kind: Annotated[
        str, typer.Argument(help="'questionnaire', 'answers' or 'benchmarks'.")
    ] = "questionnaire",
    questionnaire: Annotated[
        str | None,
        typer.Option("--questionnaire", "-q", help="For answers: list this one's question ids."),
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Print the JSON Schema (draft-07) of questionnaire, answer or shared benchmark files."""
    from mlops_maturity.assessment.schema import schema_text
    from mlops_maturity.questionnaire.schema import SCHEMAS

    if kind not in SCHEMAS:
        *first, last = (f"'{k}'" for k in SCHEMAS)
        raise typer.BadParameter(f"expected {', '.join(first)} or {last}", param_hint="KIND")
    emit(schema_text(kind, questionnaire), output, force=force)
