"""Shared fixtures: test questionnaires, assessments and one runner for the command line."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from typer.testing import Result as RunResult

from mlops_maturity.assessment.model import Assessment
from mlops_maturity.cli.main import load_commands
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.render.view import ReportOptions, ReportView, build_view
from mlops_maturity.scoring.result import Result

DATA = Path(__file__).parent / "data"
VALID = DATA / "questionnaires" / "valid"

Run = Callable[..., RunResult]

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext is missing: install poppler-utils"
)


def pdf_pages(pdf: bytes | Path, tmp_path: Path) -> list[str]:
    """The text of each page of a PDF (its bytes or its file), laid out as on paper."""
    path = pdf if isinstance(pdf, Path) else tmp_path / "document.pdf"
    if isinstance(pdf, bytes):
        path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.split("\f")[:-1]


# Data sums to 1.5 and Model to 2.5 in the ML Test Score fixture (tests/data/.../mlts.yaml).
MLTS_ANSWERS = {
    "data-1": "automated",
    "data-2": "manual",
    "data-3": "no",
    "model-1": "automated",
    "model-2": "automated",
    "model-3": "manual",
}


def view_of(result: Result, **options: Any) -> ReportView:
    """The report view of a result, with report options such as ``roadmap_steps``."""
    return build_view(result, ReportOptions(**options))


def questionnaire(name: str) -> Questionnaire:
    """A questionnaire from tests/data/questionnaires/valid."""
    return load_questionnaire(VALID / f"{name}.yaml")


def assessment(name: str, answers: dict[str, Any], **extra: Any) -> Assessment:
    """An assessment of a test questionnaire with already-normalised answers."""
    return Assessment.model_validate({"questionnaire": name, "answers": answers, **extra})


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the questionnaire cache of the tests away from the user's own, and start empty."""
    from mlops_maturity.questionnaire import load

    load._LOADED.clear()
    load._SEEN.clear()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("MLOPS_MATURITY_NO_CACHE", raising=False)


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Invoke the command line; assert the exit code and show both streams when it differs."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")

    def invoke(args: Sequence[str], *, code: int = 0, input: str | None = None) -> RunResult:
        result = CliRunner().invoke(load_commands(), list(args), input=input)
        assert result.exit_code == code, (
            f"exit {result.exit_code} != {code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
            f"\nexception: {result.exception!r}"
        )
        return result

    return invoke
