"""The command line: Typer commands, prompts and the interactive session, output delivery."""

from mlops_maturity.cli.main import app, main

__all__ = ["app", "main"]
