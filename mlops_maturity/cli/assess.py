"""``assess``: answer a questionnaire in the terminal, saved as you go, then see the report."""

from __future__ import annotations

import gc
import shlex
import signal
import sys
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlops_maturity.cli.app import (
    EXIT_INTERRUPTED,
    EXIT_USER_ERROR,
    ForceOpt,
    OutputOpt,
    TargetOpt,
    app,
    boundary,
    complete_questionnaire,
    err,
    stdin_is_terminal,
)
from mlops_maturity.cli.report import FormatOpt
from mlops_maturity.errors import MaturityError

if TYPE_CHECKING:
    from mlops_maturity.cli.session import Session

ChoiceOpt = Annotated[
    str | None,
    typer.Option(
        "--questionnaire",
        "-q",
        help="Built-in questionnaire id, or a YAML path (for --resume and --answers: the one "
        "to use whatever the file names); left out on a terminal, a list to pick.",
        metavar="ID|PATH",
        autocompletion=complete_questionnaire,
    ),
]
OnlyOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--only", help="Ask only the questions of this group (repeat for more).", metavar="GROUP"
    ),
]
ReviewOpt = Annotated[
    bool, typer.Option("--review", help="With --resume: open the review of the answers at once.")
]
# NOTE: a stop by signal exits as shells report it (128 + the signal's number).
STOPS = {signal.SIGTERM: "Stopped (SIGTERM).", signal.SIGHUP: "Stopped: the terminal closed."}


@app.command()
@boundary
def assess(
    questionnaire: ChoiceOpt = None,
    answers: Annotated[
        Path | None, typer.Option("--answers", "-a", help="Answer file: score it, no prompts.")
    ] = None,
    resume: Annotated[
        Path | None, typer.Option("--resume", "-r", help="Continue an interrupted assessment.")
    ] = None,
    save: Annotated[
        Path | None, typer.Option("--save", "-s", help="Where answers are saved as you go.")
    ] = None,
    review: ReviewOpt = False,
    only: OnlyOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    target_level: TargetOpt = None,
) -> None:
    """Answer a questionnaire one question at a time, then see the report."""
    from mlops_maturity.cli.delivery import apply_target, choose_format, show_result
    from mlops_maturity.cli.report import score_file, warn_if_draft

    chosen = choose_format(fmt, output)
    _check_options(questionnaire, answers, resume, save, review, only)
    if output in (None, "-") and _closed(sys.stdout):
        # NOTE: said before the questions, not after an hour of answering them.
        raise MaturityError("standard output is closed; write the report to a file with -o FILE")
    if answers is not None:
        override = None if questionnaire is None else _questionnaire_file(questionnaire)
        result = apply_target(score_file(answers, override), target_level)
        warn_if_draft(result, answers)
        show_result(result, chosen, output, force=force)
        return
    if _closed(sys.stdin) or not stdin_is_terminal():
        raise MaturityError(
            "no terminal to ask questions in; pass --answers FILE "
            "(start one with: mlops-maturity template -o FILE)"
        )
    session = _interview(questionnaire, resume, save, force, tuple(only or ()), review)
    err(session.saved_message())
    show_result(apply_target(session.result(), target_level), chosen, output, force=force)


def _closed(stream: object) -> bool:
    from mlops_maturity.cli.streams import ClosedStream

    return stream is None or isinstance(stream, ClosedStream)


def _check_options(
    questionnaire: str | None,
    answers: Path | None,
    resume: Path | None,
    save: Path | None,
    review: bool,
    only: list[str] | None,
) -> None:
    """Refuse options that cannot go together, saying which (exit 2)."""
    if review and resume is None:
        raise typer.BadParameter("it opens the review of an answer file: add --resume FILE")
    if resume is not None and save is not None:
        raise typer.BadParameter(
            "FILE is saved to as you go; leave out --save", param_hint="'--resume'"
        )
    if answers is not None and (resume or save or review or only):
        raise typer.BadParameter(
            "scores FILE without prompts; --resume, --save, --review and --only are for "
            "answering in the terminal",
            param_hint="'--answers'",
        )


def _questionnaire_file(reference: str) -> Path:
    """The questionnaire ``-q`` names (an id or a path), for a file that names another."""
    from mlops_maturity.questionnaire.load import resolve

    return resolve(reference)


def _interview(
    reference: str | None,
    resume: Path | None,
    save: Path | None,
    force: bool,
    only: tuple[str, ...],
    review: bool,
) -> Session:
    """Run the session on the terminal; stopped, say where the answers are and exit."""
    from mlops_maturity.cli.opening import start
    from mlops_maturity.cli.terminal import Stopped, received, session_terminal

    with session_terminal():
        try:
            if reference is None and resume is None:
                reference = _pick_builtin()
        except (KeyboardInterrupt, EOFError, Stopped) as exc:
            _tell(f"\n{_how(exc)[0]} Nothing was saved.")
            raise typer.Exit(_how(exc)[1]) from None
        session = start(reference, resume=resume, save=save, force=force, only=only)
        reference = reference if session.resumed else None
        # NOTE: what is loaded now (the questionnaire, the modules) lives to the end; frozen,
        # the collector no longer walks it, which took 50 ms at a time between two questions.
        # A session runs for an hour, so unlike other commands it does collect.
        gc.freeze()
        gc.enable()
        code: int | None = None
        try:
            session.run(review_first=review)
        except (KeyboardInterrupt, EOFError, Stopped, OSError) as exc:
            if isinstance(exc, OSError) and received() is None:
                raise
            code = _stopped(session, exc, only, reference)
        finally:
            gc.unfreeze()
            session.close()
    if code is not None:
        raise typer.Exit(code)
    return session


def _pick_builtin() -> str:
    from mlops_maturity.cli.review import pick_questionnaire
    from mlops_maturity.questionnaire.load import load_questionnaire
    from mlops_maturity.resources import builtin_questionnaires

    return pick_questionnaire([load_questionnaire(ident) for ident in builtin_questionnaires()])


def _stopped(session: Session, exc: BaseException, only: tuple[str, ...], given: str | None) -> int:
    """Save what is unsaved, say how to continue (if a file was written); the exit code."""
    from mlops_maturity.cli.layout import wrap
    from mlops_maturity.cli.terminal import repair

    repair()  # before a word is printed
    how, code = _how(exc)
    with suppress(Exception):
        session.flush()
    if not session.written:
        _tell(f"\n{how} Nothing was saved.")  # so there is nothing to continue
        return code
    # NOTE: the sentence is wrapped to the terminal; the command stays on one line to copy.
    text = f"{how} {session.saved_message()} Continue with:"
    _tell("\n" + "\n".join(wrap(text, _columns())))
    _tell(f"  {resume_command(session, only, given)}")
    return code


def _how(exc: BaseException) -> tuple[str, int]:
    """What stopped the session, in words, and the exit code that says it."""
    from mlops_maturity.cli.terminal import received

    signum = received()
    if signum in STOPS:
        return STOPS[signal.Signals(signum)], 128 + signum
    if isinstance(exc, EOFError):
        return "The input ended.", EXIT_USER_ERROR
    return "Interrupted.", EXIT_INTERRUPTED


def _columns() -> int:
    from mlops_maturity.cli.asking import columns

    with suppress(Exception):
        return columns()
    return 80


def resume_command(session: Session, only: tuple[str, ...], given: str | None = None) -> str:
    """``mlops-maturity assess --resume FILE``, with what else it needs to find its place."""
    words = ["mlops-maturity", "assess", "--resume", str(session.path)]
    needed = given or session.needs_questionnaire()
    words += ["-q", needed] if needed else []
    for group in only:
        words += ["--only", group]
    return shlex.join(words)


def _tell(message: str) -> None:
    # NOTE: after SIGHUP the terminal may be gone; the answers are saved all the same.
    with suppress(OSError, ValueError):
        err(message)
