"""Deliver a rendered report: to stdout or a file (never over an existing one without --force)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from mlops_maturity.errors import MaturityError, OutputExistsError
from mlops_maturity.render.formats import BY_EXTENSION, OutputFormat

if TYPE_CHECKING:
    from rich.console import Console

    from mlops_maturity.render.view import ReportOptions
    from mlops_maturity.scoring.result import Result

V = TypeVar("V")
E = TypeVar("E", bound=StrEnum)


def choose_format(fmt: OutputFormat | None, output: str | None) -> OutputFormat:
    """The format asked for, or the one ``-o``'s extension names; a disagreement is an error."""
    return pick_format(fmt, output, BY_EXTENSION, OutputFormat.terminal)


def pick_format(fmt: E | None, output: str | None, by_extension: Mapping[str, E], default: E) -> E:
    """``fmt``, or the format ``-o``'s extension names, or ``default``; a disagreement is an
    error that says both."""
    suffix = "" if output in (None, "-") else Path(str(output)).suffix.lower()
    implied = by_extension.get(suffix)
    if fmt is None:
        return implied or default
    if implied is not None and implied is not fmt:
        raise MaturityError(
            f"-o {output} looks like {implied.value} but --format is {fmt.value}; "
            f"drop --format, or name the file for {fmt.value}"
        )
    return fmt


def emit(content: str | bytes, output: str | None, *, force: bool) -> None:
    """Write rendered output to stdout or to a file (never over an existing one without force).

    A failed write (disk full, a read-only folder, stdout closed) is the user's situation,
    not a bug: it ends with a clear message.
    """
    if output is None or output == "-":
        try:
            if isinstance(content, bytes):
                sys.stdout.buffer.write(content)
            else:
                sys.stdout.write(content)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise MaturityError(f"cannot write to standard output: {exc.strerror}") from None
        return
    from mlops_maturity.files import write_atomic

    path = check_output(output)
    refuse_overwrite(path, force=force)
    try:
        write_atomic(path, content)
    except OSError as exc:
        raise MaturityError(f"cannot write {path}: {exc.strerror or exc}") from None


def check_output(output: str) -> Path:
    """A file name that can be written: not empty, not a folder, in a folder that exists."""
    if not output.strip():
        raise MaturityError("-o needs a file name (or - for standard output)")
    path = Path(output)
    if path.is_dir():
        raise MaturityError(f"-o {output} is a folder; name a file in it")
    if not path.parent.is_dir():
        raise MaturityError(
            f"-o {output}: the folder {path.parent} does not exist; create it first"
        )
    return path


def refuse_overwrite(path: Path, *, force: bool) -> None:
    """Stop before replacing a file the user already has, unless they said --force.

    A device or a pipe (``/dev/null``, a FIFO) is written to, never replaced, so it needs no
    --force; a link to nothing would create the file it names, which is said first.
    """
    if force:
        return
    if path.is_symlink() and not path.exists():
        raise OutputExistsError(
            f"{path} is a link to {os.readlink(path)}, which does not exist; "
            "use --force to write there"
        )
    if path.exists() and (path.is_file() or path.is_dir()):
        raise OutputExistsError(f"{path} already exists; use --force to overwrite it")


def show_result(
    result: Result,
    fmt: OutputFormat,
    output: str | None,
    options: ReportOptions | None = None,
    *,
    force: bool,
) -> None:
    """Build the report view once, render it, and say where a file went."""
    from mlops_maturity.render import RENDERERS
    from mlops_maturity.render.pdf import render_pdf_pages
    from mlops_maturity.render.terminal import render_terminal
    from mlops_maturity.render.view import build_view

    renderers = Renderers(render_terminal, RENDERERS, render_pdf_pages)
    deliver_view(lambda: build_view(result, options), renderers, fmt, output, force=force)


@dataclass(frozen=True)
class Renderers(Generic[V]):
    """How one kind of view becomes each format: printed, as text or bytes, or as PDF pages."""

    terminal: Callable[[V, Console], None]
    formats: Mapping[Any, Callable[[V], str | bytes]]  # by format: a StrEnum of formats
    pdf: Callable[[V], tuple[bytes, int]]


def deliver_view(
    build: Callable[[], V], renderers: Renderers[V], fmt: str, output: str | None, *, force: bool
) -> None:
    """Build a view once (after checking where it goes), render it, and say where a file went."""
    to_stdout = output is None or output == "-"
    if fmt == "pdf" and to_stdout and sys.stdout.isatty():
        raise MaturityError("a PDF cannot be shown in the terminal; write it with -o FILE.pdf")
    if not to_stdout:
        refuse_overwrite(check_output(str(output)), force=force)
    view = build()
    if fmt == "terminal" and to_stdout:
        from rich.console import Console

        renderers.terminal(view, Console(emoji=False))
        return
    pages = None
    content: str | bytes
    if fmt == "pdf":
        content, pages = render_pdf_with_progress(renderers.pdf, view)
    else:
        content = renderers.formats[fmt](view)
    emit(content, output, force=force)
    if not to_stdout:
        size = "" if pages is None else f" ({pages} page{'s' if pages != 1 else ''})"
        sys.stderr.write(f"Wrote {output}{size}\n")


def render_pdf_with_progress(
    render: Callable[[V], tuple[bytes, int]], view: V
) -> tuple[bytes, int]:
    """Check Pango, then render the PDF with a spinner on stderr (it takes a few seconds)."""
    from mlops_maturity.render.pdf import pango_problem

    problem = pango_problem()
    if problem is not None:
        raise MaturityError(problem)
    if not sys.stderr.isatty():
        return render(view)
    from rich.console import Console

    with Console(stderr=True).status("Rendering the PDF…"):
        return render(view)


def apply_target(result: Result, target_level: str | None) -> Result:
    """Point every group without its own target at ``--target-level`` (number, id or name)."""
    if target_level is None:
        return result
    from mlops_maturity.render.targets import resolve_level
    from mlops_maturity.scoring.engine import with_target_level

    try:
        level = resolve_level(result, target_level)
    except ValueError as exc:
        raise MaturityError(f"--target-level {exc}") from None
    return with_target_level(result, level)
