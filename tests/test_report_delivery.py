"""The report command: formats from extensions, files it writes, and the consultant's options."""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import shutil
import stat
import threading
from pathlib import Path

import pytest

from tests.conftest import DATA, Run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PRACTICE = DATA / "reports" / "practice-answers.yaml"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("report.json", '{\n  "schema_version": 2'),
        ("report.md", "# Practice assessment"),
        ("report.html", "<!DOCTYPE html>"),
        ("report.csv", "group,question_id,question"),
        ("badge.svg", '<svg xmlns="http://www.w3.org/2000/svg"'),
    ],
)
def test_the_format_follows_the_extension(run: Run, tmp_path: Path, name: str, starts: str) -> None:
    target = tmp_path / name
    result = run(["report", str(PRACTICE), "-o", str(target)])
    assert target.read_text().startswith(starts)
    assert result.stderr.endswith(f"Wrote {target}\n")
    assert result.stdout == ""


@pytest.mark.slow
def test_a_pdf_says_how_many_pages_it_wrote(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    result = run(["report", str(PRACTICE), "-o", str(target)])
    assert target.read_bytes().startswith(b"%PDF")
    assert result.stderr.startswith(f"Wrote {target} (") and result.stderr.endswith(" pages)\n")


def test_a_format_that_disagrees_with_the_extension_is_refused(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    result = run(["report", str(PRACTICE), "-f", "markdown", "-o", str(target)], code=1)
    assert result.stderr == (
        f"error: -o {target} looks like pdf but --format is markdown; drop --format, "
        "or name the file for markdown\n"
    )
    assert not target.exists()


def test_an_unknown_extension_without_a_format_is_the_terminal_text(
    run: Run, tmp_path: Path
) -> None:
    target = tmp_path / "report.out"
    run(["report", str(PRACTICE), "-o", str(target)])
    assert "Practice assessment 2.1" in target.read_text()


def test_csv_has_one_row_per_question(run: Run) -> None:
    rows = list(csv.DictReader(io.StringIO(run(["report", str(PRACTICE), "-f", "csv"]).stdout)))
    assert len(rows) == 9
    first = rows[0]
    assert first == {
        "group": "Build › Data",
        "question_id": "data-versioned",
        "question": "Are training data sets versioned?",
        "status": "answered",
        "answer": "Sometimes",
        "score": "1.00",
        "max_score": "3",
        "level": "1",
        "met": "no",
        "note": "",
    }
    assert [r["status"] for r in rows if r["question_id"] == "deploy-rollback"] == [
        "not_applicable"
    ]


def test_csv_cells_never_become_formulas(run: Run, tmp_path: Path) -> None:
    shutil.copy(DATA / "reports" / "practice.yaml", tmp_path / "practice.yaml")
    path = tmp_path / "answers.yaml"
    text = PRACTICE.read_text().replace(
        "  data-checks: no\n", "  data-checks: {value: no, note: '=cmd|calc'}\n"
    )
    path.write_text(text)
    rows = list(csv.DictReader(io.StringIO(run(["report", str(path), "-f", "csv"]).stdout)))
    assert [r["note"] for r in rows if r["question_id"] == "data-checks"] == ["'=cmd|calc"]


def test_the_badge_names_the_level_and_is_drawn_offline(run: Run) -> None:
    svg = run(["report", str(EXAMPLES / "quick-contoso-2026-q3.yaml"), "-f", "badge"]).stdout
    assert 'aria-label="MLOps maturity: Level 1 · DevOps but no MLOps"' in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<image" not in svg and "<script" not in svg


def test_prepared_by_logo_and_accent_reach_the_report(run: Run, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    html = run(
        [
            "report", str(PRACTICE), "-f", "html", "--prepared-by", "Example Advisory",
            "--logo", str(logo), "--accent", "#7a1f5c",
        ]
    ).stdout  # fmt: skip
    assert "<tr><th>Prepared by</th><td>Example Advisory</td></tr>" in html
    assert '<img class="logo" src="data:image/png;base64,' in html
    assert ":root { --accent: #7a1f5c; }" in html


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--accent", "#ffee00", "error: --accent: #ffee00 is too light for text on white"),
        ("--accent", "red;}</style>", "error: --accent: expected a colour as #rrggbb"),
        ("--logo", "missing.png", "error: --logo missing.png: no such file"),
        ("--logo", "NOTES", "expected a PNG or SVG image"),
    ],
)
def test_branding_mistakes_are_refused_before_any_work(
    run: Run, tmp_path: Path, option: str, value: str, message: str
) -> None:
    (tmp_path / "NOTES").write_text("not an image")
    value = str(tmp_path / value) if option == "--logo" and value == "NOTES" else value
    result = run(["report", str(PRACTICE), "-f", "html", option, value], code=1)
    assert message in result.stderr
    assert result.stdout == ""


def test_commentary_from_the_answer_file_is_shown(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    shutil.copy(DATA / "reports" / "practice.yaml", tmp_path / "practice.yaml")
    text = PRACTICE.read_text() + (
        "commentary:\n  summary: The team moved fast this quarter.\n"
        "  groups: {monitor: Drift work starts in October.}\n"
    )
    path.write_text(text)
    markdown = run(["report", str(path), "-f", "markdown"]).stdout
    assert "> The team moved fast this quarter." in markdown
    assert "> Drift work starts in October." in markdown
    data = json.loads(run(["report", str(path), "-f", "json"]).stdout)
    assert data["commentary"] == {
        "summary": "The team moved fast this quarter.",
        "groups": {"monitor": "Drift work starts in October."},
    }


def test_commentary_for_an_unknown_group_is_located(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    shutil.copy(DATA / "reports" / "practice.yaml", tmp_path / "practice.yaml")
    path.write_text(PRACTICE.read_text() + "commentary:\n  groups: {monitr: x}\n")
    result = run(["report", str(path)], code=1)
    assert "commentary.groups.monitr: unknown group 'monitr'; did you mean 'monitor'?" in (
        result.stderr
    )


def test_the_terminal_report_shows_targets(run: Run) -> None:
    out = run(["report", str(PRACTICE)]).stdout
    assert "Target   36% of the way" in out
    assert "Answered  Target" in out


def test_measured_answers_are_shown_as_measured(run: Run) -> None:
    path = EXAMPLES / "metrics" / "dora-litware-2026-q3.yaml"
    data = json.loads(run(["report", str(path), "-f", "json"]).stdout)
    measured = [a["question"] for a in data["answers"] if a["measured"]]
    assert len(measured) == 5
    text = run(["report", str(path), "-f", "markdown"]).stdout
    assert "<br>**Measured:** *36 deployments in 3 months, 2026-07-01 to 2026-09-30" in text
    assert "| Deployment frequency | 12 deployments per month" in text and "(measured) |" in text


def test_a_link_at_o_is_followed_and_a_link_to_nothing_needs_force(
    run: Run, tmp_path: Path
) -> None:
    (tmp_path / "real.md").write_text("old")
    (tmp_path / "link.md").symlink_to("real.md")
    (tmp_path / "dangling.md").symlink_to("missing.md")
    args = ["report", str(PRACTICE)]
    assert "already exists" in run([*args, "-o", str(tmp_path / "link.md")], code=1).stderr
    refused = run([*args, "-o", str(tmp_path / "dangling.md")], code=1).stderr
    assert "is a link to missing.md, which does not exist; use --force" in refused
    assert not (tmp_path / "missing.md").exists()
    run([*args, "-o", str(tmp_path / "link.md"), "--force"])
    run([*args, "-o", str(tmp_path / "dangling.md"), "--force"])
    assert (tmp_path / "link.md").is_symlink() and (tmp_path / "dangling.md").is_symlink()
    assert (tmp_path / "real.md").read_text().startswith("# ")
    assert (tmp_path / "missing.md").read_text() == (tmp_path / "real.md").read_text()


def test_a_pipe_at_o_needs_no_force_and_stays_a_pipe(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    run(["report", str(PRACTICE), "-f", "markdown", "-o", str(fifo)])
    reader.join(timeout=10)
    assert received[0].startswith(b"# ") and stat.S_ISFIFO(fifo.stat().st_mode)
