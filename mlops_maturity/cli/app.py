"""The command line: thin commands around the core, and the one place errors become exit codes."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from mlops_maturity import __version__
from mlops_maturity.cli.delivery import apply_target, emit, show_result
from mlops_maturity.errors import InputFileError, MaturityError
from mlops_maturity.render.formats import ListFormat, OutputFormat

if TYPE_CHECKING:
    from mlops_maturity.scoring.result import Result

F = TypeVar("F", bound=Callable[..., Any])
EXIT_USER_ERROR, EXIT_INTERNAL, EXIT_INTERRUPTED = 1, 3, 130

app = typer.Typer(
    name="mlops-maturity",
    help="Assess how mature a team's MLOps practice is and get a prioritised roadmap.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # NOTE: plain help; rich-formatted help imports rich.markdown and doubles start-up time.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
questionnaires_app = typer.Typer(
    help="List, show and validate questionnaires; print JSON Schemas for editors.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(questionnaires_app, name="questionnaires")
_debug = {"on": False}

OutputOpt = Annotated[
    str | None, typer.Option("--output", "-o", help="Write here instead of stdout ('-' = stdout).")
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]
TargetOpt = Annotated[
    int | None,
    typer.Option("--target-level", help="Target level for every group without one of its own."),
]
QuestionnaireOpt = Annotated[
    str, typer.Option("--questionnaire", "-q", help="Built-in questionnaire id, or a YAML path.")
]


def err(message: str) -> None:
    """Write a diagnostic line to stderr."""
    sys.stderr.write(message.rstrip("\n") + "\n")


def boundary(fn: F) -> F:
    """Turn user errors into one clear message and exit 1; anything unexpected into exit 3."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except InputFileError as exc:
            for problem in exc.problems:
                err(f"error: {problem}")
            if len(exc.problems) > 1:
                err(f"{len(exc.problems)} problems found.")
            raise typer.Exit(EXIT_USER_ERROR) from None
        except MaturityError as exc:
            err(f"error: {exc}")
            raise typer.Exit(EXIT_USER_ERROR) from None
        except KeyboardInterrupt:
            err("Interrupted.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # NOTE: the reader stopped early (`| head`); not a bug. Silence the final flush
            # the way rich does for the terminal report, and stop.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(EXIT_USER_ERROR) from None
        except Exception as exc:
            if _debug["on"]:
                raise
            err(f"internal error: {type(exc).__name__}: {exc}")
            err("This is a bug in mlops-maturity; please report it with the output of --debug.")
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"mlops-maturity {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Assess how mature a team's MLOps practice is and get a prioritised roadmap."""
    _debug["on"] = debug


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
        err(
            f"warning: {source} is a draft: {o.answered} of {o.applicable} questions answered; "
            f"unanswered: {', '.join(result.missing[:5])}"
            + (f" and {len(result.missing) - 5} more" if len(result.missing) > 5 else "")
        )


def stdin_is_terminal() -> bool:
    """Whether we can prompt (a seam for tests)."""
    return sys.stdin.isatty()


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
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = (
        OutputFormat.terminal
    ),
    output: OutputOpt = None,
    force: ForceOpt = False,
    target_level: TargetOpt = None,
) -> None:
    """Answer a questionnaire one question at a time, then see the report."""
    if answers is not None:
        report(answers, fmt, output, None, False, force, target_level)
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
    show_result(apply_target(session.result(), target_level), fmt, output, force=force)


@app.command()
@boundary
def report(
    file: Annotated[Path, typer.Argument(help="An answer file (YAML).")],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = (
        OutputFormat.terminal
    ),
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
) -> None:
    """Score an answer file and print the report."""
    from mlops_maturity.assessment.load import load_answers
    from mlops_maturity.scoring.engine import score

    assessment, questionnaire = load_answers(file)
    if assessment.version is not None and assessment.version != questionnaire.version:
        err(
            f"warning: {file} was answered for {questionnaire.id} {assessment.version}; "
            f"scoring it against {questionnaire.version} (questions are matched by id)"
        )
    result = score(questionnaire, assessment)
    for answer in result.answers:
        if answer.status == "skipped" and answer.question in assessment.answers:
            err(
                f"warning: {file}: answers.{answer.question} is ignored: its condition on "
                f"{questionnaire.placed[answer.question].question.when.question} does not hold"
            )
    result = apply_target(result, target_level)
    warn_if_draft(result, file)
    show_result(result, fmt, output, force=force)
    gate(result, fail_under, allow_incomplete=allow_incomplete)


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


def main() -> None:
    """Entry point of the ``mlops-maturity`` command."""
    # NOTE: pydantic looks for third-party plugins by scanning every installed package's entry
    # points on first use, which costs more start-up than the rest of a report; this command
    # has no use for them. Library users keep pydantic's default.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app(prog_name="mlops-maturity")
