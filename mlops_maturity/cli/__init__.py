"""The command line: Typer commands, prompts and the interactive session, output delivery."""

from __future__ import annotations


def main() -> None:
    """Entry point of the ``mlops-maturity`` command (see ``cli/main.py``)."""
    from mlops_maturity.cli.main import main as run

    run()
