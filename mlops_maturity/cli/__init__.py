"""The command line: Typer commands, prompts and the interactive session, output delivery."""

from mlops_maturity.cli.app import main

__all__ = ["main"]
