"""``metrics dora``: DORA's four keys and rework rate from deployment and incident records."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlops_maturity.cli.app import app, boundary, err
from mlops_maturity.metrics.formats import MetricsFormat

if TYPE_CHECKING:
    from mlops_maturity.metrics.into import Fill
    from mlops_maturity.metrics.result import DoraMetrics
    from mlops_maturity.questionnaire.model import Questionnaire

metrics_app = typer.Typer(
    help="Measure delivery metrics from the records a team already has.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(metrics_app, name="metrics")


class Breakdown(StrEnum):
    """What to break the metrics down by."""

    model = "model"


@metrics_app.command("dora")
@boundary
def dora(
    deployments: Annotated[
        Path | None,
        typer.Option("--deployments", metavar="FILE", help="Deployments: CSV or JSON Lines."),
    ] = None,
    incidents: Annotated[
        Path | None,
        typer.Option("--incidents", metavar="FILE", help="Incidents: CSV or JSON Lines."),
    ] = None,
    git: Annotated[
        Path | None,
        typer.Option(
            "--git", metavar="REPO", help="A git repository: commit times, or tags with --tag."
        ),
    ] = None,
    tag: Annotated[
        str | None,
        typer.Option(
            "--tag", metavar="PATTERN", help="Tags that are deployments, e.g. 'v*' or '{model}/v*'."
        ),
    ] = None,
    first: Annotated[
        str | None, typer.Option("--from", metavar="DATE", help="First day of the period.")
    ] = None,
    last: Annotated[
        str | None, typer.Option("--to", metavar="DATE", help="Last day of the period.")
    ] = None,
    by: Annotated[
        Breakdown | None, typer.Option("--by", help="Also give the metrics of each model.")
    ] = None,
    fmt: Annotated[MetricsFormat, typer.Option("--format", "-f")] = MetricsFormat.terminal,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into", metavar="ANSWERS.yaml", help="Write the measured answers into this file."
        ),
    ] = None,
    questionnaire: Annotated[
        str | None,
        typer.Option(
            "--questionnaire",
            "-q",
            metavar="ID|PATH",
            help="For a new --into file (default: dora).",
        ),
    ] = None,
    timezone: Annotated[
        str | None,
        typer.Option(
            "--timezone",
            metavar="ZONE",
            help="Zone of times written without one, and of the dates.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace answers already in the --into file.")
    ] = False,
) -> None:
    """Compute DORA's four keys and rework rate from deployment and incident records."""
    from mlops_maturity.cli.records import (
        Sources,
        day_of,
        gather,
        zone_of,
    )
    from mlops_maturity.metrics.compute import compute
    from mlops_maturity.metrics.period import make_period
    from mlops_maturity.metrics.report import RENDERERS
    from mlops_maturity.questionnaire.load import load_questionnaire

    zone, zone_name = zone_of(timezone)
    period_days = day_of(first, "--from"), day_of(last, "--to")
    benchmarks = load_questionnaire("dora").benchmarks
    records = gather(Sources(deployments, incidents, git, tag), zone if timezone else None)
    times = [d.time for d in records.deployments]
    period = make_period(*period_days, times, zone, zone_name)
    result = compute(records, period, benchmarks, by_model=by is not None)
    if into is not None:
        fill_into(into, result, questionnaire, force=force)
    elif questionnaire is not None:
        err("warning: --questionnaire only matters with --into; it is ignored")
    sys.stdout.write(RENDERERS[fmt](result))
    for warning in result.warnings:
        err(f"warning: {warning}")


def fill_into(path: Path, result: DoraMetrics, questionnaire: str | None, *, force: bool) -> None:
    """Write the measured answers into an answer file, creating it from the questionnaire."""
    from mlops_maturity.errors import MaturityError
    from mlops_maturity.files import write_atomic
    from mlops_maturity.metrics.into import summary

    q, fills, text = (_existing if path.exists() else _new)(path, result, questionnaire, force)
    if not fills:
        raise MaturityError(
            f"questionnaire {q.id} has no question that declares metric:; "
            "use one that does (dora, mlops or platform)"
        )
    written = sum(1 for f in fills if f.answer is not None)
    if text is None:
        err(f"{path} already has these measured answers; nothing to write")
    else:
        write_atomic(path, text)
        err(f"Wrote {path}: {written} measured answer(s)")
    for line in summary(fills, q):
        err(line)


Planned = tuple["Questionnaire", list["Fill"], str | None]


def _existing(path: Path, result: DoraMetrics, questionnaire: str | None, force: bool) -> Planned:
    """The answer file's new text, with the measured answers in (None: nothing changes)."""
    from mlops_maturity.assessment.dump import dump_answers
    from mlops_maturity.assessment.load import load_answers
    from mlops_maturity.errors import MaturityError
    from mlops_maturity.metrics.into import apply, plan
    from mlops_maturity.questionnaire.load import load_questionnaire

    assessment, q = load_answers(path)
    if questionnaire is not None and load_questionnaire(questionnaire).id != q.id:
        raise MaturityError(f"{path} answers questionnaire {q.id}, not {questionnaire}; drop -q")
    fills = plan(q, assessment, result)
    updated = apply(assessment, fills, force=force, file=str(path))
    return q, fills, None if updated == assessment else dump_answers(updated, q)


def _new(path: Path, result: DoraMetrics, questionnaire: str | None, force: bool) -> Planned:
    """A blank answer file of the questionnaire with the measured answers filled in."""
    from mlops_maturity.assessment.model import Assessment
    from mlops_maturity.assessment.template import build_template
    from mlops_maturity.metrics.into import fill_template, plan
    from mlops_maturity.questionnaire.load import load_questionnaire, reference_for

    ref = questionnaire or "dora"
    q = load_questionnaire(ref)
    fills = plan(q, Assessment(questionnaire=ref), result)
    return q, fills, fill_template(build_template(q, reference_for(ref, path)), fills)
