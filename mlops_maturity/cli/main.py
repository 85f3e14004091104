"""The ``mlops-maturity`` command: each command module registers its commands on the one
application, and a run loads only the modules of the command it runs."""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Sequence

import typer

from mlops_maturity.cli.app import EXIT_USER_ERROR, app, told_stdout_failed
from mlops_maturity.cli.streams import guard_streams

__all__ = ["app", "load_commands", "main"]

# NOTE: the modules that register each top-level command, in the order help lists them. Typer
# builds every registered command's options on every run, and importing them all costs a
# report about a fifth of its start-up; help, completion and a mistyped command load them all.
MODULES = {
    "assess": ("assess",),
    "report": ("report",),
    "template": ("catalog",),
    "doctor": ("catalog",),
    "compare": ("compare",),
    "questionnaires": ("catalog",),
    "workshop": ("merge", "workshop"),
    "metrics": ("metrics",),
}
ALL = tuple(dict.fromkeys(module for modules in MODULES.values() for module in modules))
ROOT_OPTIONS = {"--debug"}  # the options a command may follow without needing the others


def load_commands(argv: Sequence[str] | None = None) -> typer.Typer:
    """The application with the commands ``argv`` runs registered (without ``argv``, all)."""
    for module in ALL if argv is None else modules_for(argv):
        importlib.import_module(f"mlops_maturity.cli.{module}")
    return app


def modules_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The command modules a command line needs: its command's, or all of them."""
    if any(name.startswith("_MLOPS_MATURITY_COMPLETE") for name in os.environ):
        return ALL
    for arg in argv:
        if arg in ROOT_OPTIONS:
            continue
        return MODULES.get(arg, ALL)
    return ALL


def _without_plugin_search() -> None:
    """Stand in for pydantic's plugin loader while every plugin is turned off.

    Even then the loader first imports ``importlib.metadata``, about a tenth of a report's
    start-up, only to find the setting and return no plugins; the stand-in returns none at once.
    A test checks that pydantic still asks its loader for ``get_plugins`` and nothing else.
    """
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") != "__all__":
        return
    name = "pydantic.plugin._loader"
    if name not in sys.modules:
        loader = types.ModuleType(name, "No plugins: PYDANTIC_DISABLE_PLUGINS is __all__.")
        loader.get_plugins = tuple  # type: ignore[attr-defined]
        sys.modules[name] = loader


def main() -> None:
    """Entry point of the ``mlops-maturity`` command."""
    # NOTE: pydantic looks for third-party plugins by scanning every installed package's entry
    # points on first use, which costs more start-up than the rest of a report; this command
    # has no use for them. Library users keep pydantic's default.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _without_plugin_search()
    guard_streams()
    try:
        load_commands(sys.argv[1:])(prog_name="mlops-maturity")
    except OSError as exc:
        # NOTE: help, usage errors and --version are written before any command runs.
        if not told_stdout_failed(exc):
            raise
        sys.exit(EXIT_USER_ERROR)
