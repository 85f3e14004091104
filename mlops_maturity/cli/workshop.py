"""``workshop mapping`` and ``workshop import-forms``: collect respondents' answers from forms."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

# NOTE: the `workshop` sub-application lives in cli/app.py, shared with `workshop merge`.
from mlops_maturity.cli.app import (
    ForceOpt,
    OutputOpt,
    QuestionnaireOpt,
    boundary,
    err,
    workshop_app,
)


@workshop_app.command("mapping")
@boundary
def mapping(
    questionnaire: QuestionnaireOpt = "mlops",
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Write a starting mapping for import-forms, from the questionnaire's own wording."""
    from mlops_maturity.cli.delivery import emit
    from mlops_maturity.questionnaire.load import load_questionnaire, reference_for
    from mlops_maturity.workshop.mapping_text import build_mapping

    q = load_questionnaire(questionnaire)
    target = None if output in (None, "-") else Path(str(output))
    emit(build_mapping(q, reference_for(questionnaire, target)), output, force=force)
    if target is not None:
        err(
            f"Wrote {output}. Adapt its headers and labels to your form, then run: "
            f"mlops-maturity workshop import-forms EXPORT.csv --mapping {output} -o answers/"
        )


@workshop_app.command("import-forms")
@boundary
def import_forms(
    export: Annotated[
        Path, typer.Argument(metavar="EXPORT.csv", help="Google or Microsoft Forms CSV export.")
    ],
    mapping_file: Annotated[
        Path,
        typer.Option("--mapping", "-m", metavar="FILE", help="Mapping file (workshop mapping)."),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="DIR", help="Folder for one answer file each."),
    ],
    organization: Annotated[
        str | None, typer.Option("--subject-organization", help="The organisation assessed.")
    ] = None,
    team: Annotated[str | None, typer.Option("--subject-team", help="The team assessed.")] = None,
    period: Annotated[
        str | None, typer.Option("--period", help="The period assessed, e.g. 2026-Q3.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace answer files that already exist.")
    ] = False,
) -> None:
    """Turn a forms export (one row per respondent) into one answer file per respondent."""
    from mlops_maturity.cli.forms_files import Request, import_export

    given = {"organization": organization, "team": team, "period": period}
    request = Request(export, mapping_file, output, given, force=force)
    for line in import_export(request):
        err(line)
