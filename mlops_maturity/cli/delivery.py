"""Deliver a rendered report: to stdout or a file (never over an existing one without --force)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mlops_maturity.errors import MaturityError, OutputExistsError
from mlops_maturity.render.formats import OutputFormat

if TYPE_CHECKING:
    from mlops_maturity.scoring.result import Result


def emit(content: str | bytes, output: str | None, *, force: bool) -> None:
    """Write rendered output to stdout or to a file (never over an existing one without force)."""
    if output is None or output == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        sys.stdout.flush()
        return
    from mlops_maturity.files import write_atomic

    path = Path(output)
    refuse_overwrite(path, force=force)
    write_atomic(path, content)


def refuse_overwrite(path: Path, *, force: bool) -> None:
    """Stop before replacing a file the user already has, unless they said --force."""
    if path.exists() and not force:
        raise OutputExistsError(f"{path} already exists; use --force to overwrite it")


def show_result(result: Result, fmt: OutputFormat, output: str | None, *, force: bool) -> None:
    """Render a result; the terminal format to stdout keeps its colours."""
    to_stdout = output is None or output == "-"
    if fmt is OutputFormat.terminal and to_stdout:
        from rich.console import Console

        from mlops_maturity.render.terminal import render_terminal

        render_terminal(result, Console(emoji=False))
        return
    from mlops_maturity.render import render

    if fmt is OutputFormat.pdf:
        emit(render_pdf_with_progress(result, to_stdout=to_stdout), output, force=force)
        return
    emit(render(result, fmt), output, force=force)


def render_pdf_with_progress(result: Result, *, to_stdout: bool) -> bytes:
    """Check Pango, then render the PDF with a spinner on stderr (it takes a few seconds)."""
    from mlops_maturity.render.pdf import pango_problem, render_pdf

    if to_stdout and sys.stdout.isatty():
        raise MaturityError("a PDF cannot be shown in the terminal; write it with -o FILE.pdf")
    problem = pango_problem()
    if problem is not None:
        raise MaturityError(problem)
    if not sys.stderr.isatty():
        return render_pdf(result)
    from rich.console import Console

    with Console(stderr=True).status("Rendering the PDF report…"):
        return render_pdf(result)


def apply_target(result: Result, target_level: int | None) -> Result:
    """Point every group without its own target at ``--target-level``."""
    if target_level is None:
        return result
    from mlops_maturity.scoring.engine import with_target_level

    known = [lv.value for lv in result.levels if lv.value is not None]
    if target_level not in known:
        raise MaturityError(
            f"--target-level {target_level} is not a level of this questionnaire "
            f"({', '.join(map(str, known))})"
        )
    return with_target_level(result, target_level)
