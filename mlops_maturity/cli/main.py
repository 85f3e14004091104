"""The ``mlops-maturity`` command: every command module registered on the one application."""

from __future__ import annotations

import os
import sys

# NOTE: each of these modules registers its commands on the application.
from mlops_maturity.cli import (  # noqa: F401
    assess,
    catalog,
    compare,
    merge,
    metrics,
    report,
    workshop,
)
from mlops_maturity.cli.app import EXIT_USER_ERROR, app, err
from mlops_maturity.cli.streams import guard_streams, silence_stdout, stdout_failed

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``mlops-maturity`` command."""
    # NOTE: pydantic looks for third-party plugins by scanning every installed package's entry
    # points on first use, which costs more start-up than the rest of a report; this command
    # has no use for them. Library users keep pydantic's default.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    guard_streams()
    try:
        app(prog_name="mlops-maturity")
    except OSError as exc:
        # NOTE: help, usage errors and --version are written before any command runs.
        if not stdout_failed(exc):
            raise
        silence_stdout()
        err(f"error: cannot write to standard output: {exc.strerror or exc}")
        sys.exit(EXIT_USER_ERROR)
