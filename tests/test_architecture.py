"""The shape of the code: a pure core, a light start-up, a renderer for every format."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from mlops_maturity.formats import OutputFormat
from mlops_maturity.render import RENDERERS

PACKAGE = Path(__file__).resolve().parent.parent / "mlops_maturity"
CORE = [
    "model",
    "questionnaire",
    "answers",
    "assessment",
    "scoring",
    "question_scoring",
    "recommend",
    "result",
    "validation",
    "yamlsafe",
    "errors",
]
UI = {"rich", "typer", "questionary", "prompt_toolkit", "weasyprint", "jinja2"}


def imported(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("module", CORE)
def test_core_modules_do_not_touch_the_user_interface(module: str) -> None:
    assert imported(module) & UI == set()


def test_command_line_start_up_imports_nothing_heavy() -> None:
    probe = (
        "import sys, mlops_maturity.cli; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'pydantic', 'yaml', 'questionary', 'jinja2', 'weasyprint'}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(OutputFormat)
