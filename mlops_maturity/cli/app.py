"""The Typer application, its shared options, and the one place errors become exit codes."""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer

from mlops_maturity import __version__
from mlops_maturity.errors import InputFileError, MaturityError

F = TypeVar("F", bound=Callable[..., Any])
EXIT_USER_ERROR, EXIT_INTERNAL, EXIT_INTERRUPTED = 1, 3, 130
MAX_SHOWN = 50  # problems listed before "… and N more"

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
workshop_app = typer.Typer(
    help="Workshops: merge respondents' answers, import form exports, map forms to questions.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(workshop_app, name="workshop")
_debug = {"on": False}

OutputOpt = Annotated[
    str | None, typer.Option("--output", "-o", help="Write here instead of stdout ('-' = stdout).")
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]
TargetOpt = Annotated[
    str | None,
    typer.Option(
        "--target-level", help="Target level (number, id or name) for every group without one."
    ),
]


def complete_questionnaire(incomplete: str) -> list[str]:
    """Shell completion: the built-in questionnaire ids that start with what was typed."""
    from mlops_maturity.resources import builtin_questionnaires

    return [ident for ident in builtin_questionnaires() if ident.startswith(incomplete)]


QuestionnaireOpt = Annotated[
    str,
    typer.Option(
        "--questionnaire",
        "-q",
        help="Built-in questionnaire id, or a YAML path.",
        autocompletion=complete_questionnaire,
    ),
]


def err(message: str) -> None:
    """Write a diagnostic line to stderr; file names and values in it are shown, never acted on."""
    from mlops_maturity.render.text import visible

    sys.stderr.write(visible(message.rstrip("\n")) + "\n")


def report_problems(exc: InputFileError) -> None:
    """Every problem of a file, up to a screenful, then how many more there are."""
    for problem in exc.problems[:MAX_SHOWN]:
        err(f"error: {problem}")
    more = len(exc.problems) - MAX_SHOWN
    if more > 0:
        err(f"… and {more:,} more.")
    if len(exc.problems) > 1:
        err(f"{len(exc.problems):,} problems found.")


@contextmanager
def without_cycle_collector() -> Iterator[None]:
    """Run a command without Python's cycle collector.

    A command reads its inputs into objects that live to its end: 100 results to compare, a
    hundred thousand records, 200 respondents. It makes almost no reference cycles, yet the
    collector would walk all of them again and again, up to a third of a run. Without it, a
    PDF report peaks 3 MB higher. ``assess``, which runs for an hour, collects again with
    what it loaded frozen.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def boundary(fn: F) -> F:
    """Turn user errors into one clear message and exit 1; anything unexpected into exit 3."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from mlops_maturity.cli.streams import silence_stdout

        try:
            with without_cycle_collector():
                found = fn(*args, **kwargs)
            sys.stdout.flush()  # NOTE: a full disk shows here, not after the exit code is set
            return found
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except InputFileError as exc:
            report_problems(exc)
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
            silence_stdout()
            raise typer.Exit(EXIT_USER_ERROR) from None
        except Exception as exc:
            if _debug["on"]:
                raise
            if told_stdout_failed(exc):
                raise typer.Exit(EXIT_USER_ERROR) from None
            err(f"internal error: {type(exc).__name__}: {exc}")
            err("This is a bug in mlops-maturity; please report it with the output of --debug.")
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper  # type: ignore[return-value]


def told_stdout_failed(exc: BaseException) -> bool:
    """If ``exc`` is standard output refusing what was written, say so once and drop the rest."""
    from mlops_maturity.cli.streams import silence_stdout, stdout_failed

    if not isinstance(exc, OSError) or not stdout_failed(exc):
        return False
    silence_stdout()
    err(f"error: cannot write to standard output: {exc.strerror or exc}")
    return True


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


def stdin_is_terminal() -> bool:
    """Whether we can prompt (a seam for tests)."""
    return sys.stdin.isatty()
