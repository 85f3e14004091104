"""``workshop mapping``, ``workshop import-forms`` and ``template -f html|pdf`` end to end."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mlops_maturity.assessment.load import load_answers
from tests.conftest import DATA, Run

FORMS = DATA / "forms"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "workshop"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the test questionnaire, its mappings and exports; the working directory."""
    for name in ("forms.yaml", "mapping.yaml", "google.csv", "errors.csv", "google-cp1252.csv"):
        shutil.copy(FORMS / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_mapping_is_written_once(run: Run, here: Path) -> None:
    result = run(["workshop", "mapping", "-q", "quick", "-o", "quick-mapping.yaml"])
    assert result.stderr == (
        "Wrote quick-mapping.yaml. Adapt its headers and labels to your form, then run: "
        "mlops-maturity workshop import-forms EXPORT.csv --mapping quick-mapping.yaml -o answers/\n"
    )
    assert "questionnaire: quick\n" in (here / "quick-mapping.yaml").read_text()
    again = run(["workshop", "mapping", "-q", "quick", "-o", "quick-mapping.yaml"], code=1)
    assert again.stderr == (
        "error: quick-mapping.yaml already exists; use --force to overwrite it\n"
    )
    assert run(["workshop", "mapping", "-q", "quick"]).stdout.startswith("# Mapping of a Google")


def test_import_writes_one_answer_file_per_respondent(run: Run, here: Path) -> None:
    result = run(
        [
            "workshop",
            "import-forms",
            "google.csv",
            "--mapping",
            "mapping.yaml",
            "-o",
            "answers",
            "--period",
            "2026-Q4",
            "--subject-team",
            "Payments ML",
        ]
    )
    assert result.stdout == ""
    assert result.stderr == (
        "Wrote answers/ana-perez.yaml (Ana Pérez, row 2, 8 answers)\n"
        "Wrote answers/bo-chen.yaml (Bo Chen, row 3, 7 answers)\n"
        "Wrote answers/cy-diallo-example-org.yaml (cy.diallo@example.org, row 5, 3 answers)\n"
        "3 respondents from google.csv (Google Forms layout). "
        "Next: mlops-maturity workshop merge answers/*.yaml\n"
    )
    assert (here / "answers" / "bo-chen.yaml").read_text() == (
        "questionnaire: ../forms.yaml\n"
        "version: '1'\n"
        "subject:\n"
        "  organization: Example Corp\n"
        "  team: Payments ML\n"
        "  period: 2026-Q4\n"
        "  date: 2026-10-14\n"
        "respondent: Bo Chen\n"
        "answers:\n"
        "  release: pipeline\n"
        "  checks: [board, shadow, review]\n"
        "  rollback: no\n"
        "  frequency: 12\n"
        "  gpu: pool\n"
        "  blameless: disagree\n"
        "  ownership: agree\n"
    )
    for path in sorted((here / "answers").iterdir()):
        assessment, q = load_answers(path)
        assert q.id == "forms" and assessment.subject.team == "Payments ML"


def test_import_never_replaces_a_file_without_force(run: Run, here: Path) -> None:
    args = ["workshop", "import-forms", "google.csv", "--mapping", "mapping.yaml", "-o", "out"]
    (here / "out").mkdir()
    (here / "out" / "bo-chen.yaml").write_text("mine\n")
    result = run(args, code=1)
    assert result.stderr == "error: out/bo-chen.yaml already exists; use --force to overwrite it\n"
    assert sorted(p.name for p in (here / "out").iterdir()) == ["bo-chen.yaml"]
    run([*args, "--force"])
    assert (here / "out" / "bo-chen.yaml").read_text().startswith("questionnaire: ../forms.yaml")


def test_errors_are_all_listed_and_nothing_is_written(run: Run, here: Path) -> None:
    result = run(
        ["workshop", "import-forms", "errors.csv", "--mapping", "mapping.yaml", "-o", "out"],
        code=1,
    )
    lines = result.stderr.splitlines()
    assert lines[0] == 'warning: errors.csv:1:H "Favourite colour": not in the mapping; skipped'
    assert (
        'error: errors.csv:2:C "How do models reach production?": release: unknown label '
        "'Through a pipline, with tests'; the closest known label is "
        "'Through a pipeline, with tests'"
    ) in lines
    assert lines[-1] == "10 problems found."
    assert "Traceback" not in result.stderr
    assert not (here / "out").exists()


def test_windows_1252_is_read_and_said(run: Run, here: Path) -> None:
    result = run(
        ["workshop", "import-forms", "google-cp1252.csv", "--mapping", "mapping.yaml", "-o", "a"]
    )
    assert result.stderr.startswith(
        "note: google-cp1252.csv is not UTF-8; read it as Windows-1252\n"
    )
    assert "respondent: Ana Pérez\n" in (here / "a" / "ana-perez.yaml").read_text()


@pytest.mark.parametrize(
    ("export", "message"),
    [
        pytest.param(
            "results.xlsx",
            "error: results.xlsx is an Excel workbook; import-forms reads CSV. Open it in Excel "
            "and choose File › Save As › CSV UTF-8 (Microsoft Forms: Open results in Excel, then "
            "save as CSV)\n",
            id="xlsx",
        ),
        pytest.param("missing.csv", "error: missing.csv: no such file\n", id="missing"),
    ],
)
def test_unreadable_exports_are_one_clear_message(
    run: Run, here: Path, export: str, message: str
) -> None:
    args = ["workshop", "import-forms", export, "--mapping", "mapping.yaml", "-o", "out"]
    assert run(args, code=1).stderr == message


def test_the_subject_is_asked_for_when_missing(run: Run, here: Path) -> None:
    text = (
        (here / "mapping.yaml")
        .read_text()
        .replace("subject: {organization: Example Corp, team: Fraud ML}\n", "")
    )
    (here / "bare.yaml").write_text(text)
    args = ["workshop", "import-forms", "google.csv", "--mapping", "bare.yaml", "-o", "out"]
    assert (
        "warning: the answer files name no subject; give --subject-organization, --subject-team "
        "and --period, or subject: in the mapping\n"
    ) in run(args).stderr


def test_the_example_workshop_imports_to_its_answer_files(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "answers"
    run(
        [
            "workshop",
            "import-forms",
            str(EXAMPLE / "forms-export.csv"),
            "--mapping",
            str(EXAMPLE / "mapping.yaml"),
            "-o",
            str(out),
        ]
    )
    written = {p.name: p.read_text() for p in sorted(out.iterdir())}
    kept = {p.name: p.read_text() for p in sorted((EXAMPLE / "answers").iterdir())}
    assert len(written) == 6
    assert written == kept


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["-f", "html"], "<!DOCTYPE html>"),
        (["-o", "blank.html"], "<!DOCTYPE html>"),
        (["-f", "yaml"], "# yaml-language-server"),
        ([], "# yaml-language-server"),
    ],
)
def test_template_format_follows_the_option_or_the_extension(
    run: Run, here: Path, args: list[str], start: str
) -> None:
    result = run(["template", "-q", "forms.yaml", *args])
    text = (here / "blank.html").read_text() if "-o" in args else result.stdout
    assert text.startswith(start)


def test_template_format_and_extension_must_agree(run: Run, here: Path) -> None:
    result = run(["template", "-q", "quick", "-f", "pdf", "-o", "blank.html"], code=1)
    assert result.stderr == (
        "error: -o blank.html looks like html but --format is pdf; drop --format, "
        "or name the file for pdf\n"
    )


@pytest.mark.slow
def test_template_pdf_says_how_many_pages(run: Run, here: Path) -> None:
    result = run(["template", "-q", "quick", "-o", "quick.pdf"])
    assert result.stderr == "Wrote quick.pdf (6 pages). Print it on A4, one copy per respondent.\n"
    assert (here / "quick.pdf").read_bytes().startswith(b"%PDF-")
    assert "already exists" in run(["template", "-q", "quick", "-o", "quick.pdf"], code=1).stderr
