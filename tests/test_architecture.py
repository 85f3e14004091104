"""The shape of the code: a pure core, a light start-up, a renderer for every format."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from mlops_maturity.render import RENDERERS
from mlops_maturity.render.formats import OutputFormat

PACKAGE = Path(__file__).resolve().parent.parent / "mlops_maturity"
# NOTE: the folders are the pipeline's stages; a module imports only from its own stage and
# the stages below it. Stages of equal rank sit beside each other and do not import each other.
RANK = {
    "": 0,  # errors, files, resources: shared by all
    "questionnaire": 1,
    "assessment": 2,
    "scoring": 3,
    "metrics": 3,
    "workshop": 4,
    "history": 5,
    "render": 6,
    "cli": 7,
}
PURE = ["scoring", "metrics", "workshop", "history"]
UI = {"rich", "typer", "prompt_toolkit", "weasyprint", "jinja2"}
EFFECTS = {"print", "open", "input", "write_text", "write_bytes", "write_atomic", "stdout"}


def modules(stage: str | None = None) -> list[Path]:
    folders = [PACKAGE / stage] if stage else [PACKAGE, *(p for p in PACKAGE.iterdir())]
    return sorted(
        path
        for folder in folders
        if folder.is_dir() and not folder.name.startswith(("_", "."))
        for path in folder.glob("*.py")
        if path.name != "__main__.py"  # the entry point runs the command line
    )


def stage_of(module: str) -> str:
    """``mlops_maturity.scoring.engine`` → ``scoring``; shared modules → ``""``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in RANK else ""


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)


def test_every_module_lives_in_a_stage() -> None:
    stray = [p.name for p in modules() if p.parent != PACKAGE and p.parent.name not in RANK]
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert stray == []
    assert top == {"__init__", "__main__", "errors", "files", "resources"}


@pytest.mark.parametrize("path", modules(), ids=name)
def test_stages_import_only_from_below(path: Path) -> None:
    here = stage_of(name(path))
    wrong = sorted(
        module
        for module in imports(path)
        if module.startswith("mlops_maturity.")
        and (there := stage_of(module)) != here
        and (RANK[there] >= RANK[here])
    )
    assert wrong == [], f"{name(path)} ({here or 'shared'}) imports from a later stage"


@pytest.mark.parametrize("path", [p for s in PURE for p in modules(s)], ids=name)
def test_pure_stages_touch_no_user_interface_and_no_files(path: Path) -> None:
    roots = {module.split(".")[0] for module in imports(path)}
    assert roots & UI == set()
    used = {n.id for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.Name)}
    used |= {n.attr for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.Attribute)}
    assert used & EFFECTS == set()


@pytest.mark.parametrize("path", modules("questionnaire") + modules("assessment"), ids=name)
def test_loading_stages_touch_no_user_interface(path: Path) -> None:
    assert {module.split(".")[0] for module in imports(path)} & UI == set()


def test_command_line_start_up_imports_nothing_heavy() -> None:
    probe = (
        "import sys, mlops_maturity.cli; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'pydantic', 'yaml', 'prompt_toolkit', 'jinja2', 'weasyprint'}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(OutputFormat)


def test_the_stand_in_for_pydantics_plugin_loader_still_fits_pydantic() -> None:
    """The command replaces pydantic's plugin loader while all plugins are off (see main.py)."""
    import pydantic.plugin

    folder = Path(pydantic.plugin.__path__[0])
    users = [p.name for p in folder.glob("*.py") if "_loader" in p.read_text()]
    assert users == ["_schema_validator.py"]
    lines = [line.strip() for line in (folder / "_schema_validator.py").read_text().splitlines()]
    assert [line for line in lines if "_loader" in line] == ["from ._loader import get_plugins"]
    assert (
        "def get_plugins() -> Iterable[PydanticPluginProtocol]:"
        in (folder / "_loader.py").read_text()
    )


def test_a_report_run_loads_only_its_own_command_modules() -> None:
    probe = (
        "import sys; from mlops_maturity.cli.main import load_commands, modules_for; "
        "load_commands(['--debug', 'report', 'x.yaml']); "
        "print(sorted(m for m in sys.modules if m.startswith('mlops_maturity.cli.'))); "
        "print(modules_for([]) == modules_for(['--help', 'report']) == modules_for(['bogus']))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded, everything = out.stdout.splitlines()
    assert "mlops_maturity.cli.report" in loaded and "mlops_maturity.cli.compare" not in loaded
    assert everything == "True"
