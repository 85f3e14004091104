"""`compare` end to end: the examples, every format, old and new results, and bad sets."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, Run, needs_pdftotext, pdf_pages

ROOT = Path(__file__).resolve().parent.parent
HISTORY = ROOT / "examples" / "history"
PORTFOLIO = ROOT / "examples" / "portfolio"
RESULTS = DATA / "results"


def test_the_history_example_in_the_terminal(run: Run) -> None:
    done = run(["compare", str(HISTORY)])
    out = done.stdout
    assert "Litware Insurance · Claims Triage ML" in out
    assert "2026-Q1  2026-Q2  2026-Q3 2026-Q4*" in out
    assert (
        "Overall                        1.75    1.49†     2.08     2.29   ▲ +0.22  ▲ +0.55†" in out
    )
    assert "▼ −1.25  Ownership (People)  2026-Q1 → 2026-Q2" in out
    assert "Recommendations 2026-Q3 → 2026-Q4: 11 closed, 12 new" in out
    assert "Questionnaire changed 2026-Q1 (mlops 1.9) → 2026-Q2 (mlops 2.0)" in out
    assert "(looks renamed from tech-model-catalogue)" in out
    assert "is a draft: 82 of 84 questions answered" in done.stderr


def test_the_portfolio_example_in_the_terminal(run: Run) -> None:
    out = run(["compare", "--across", str(PORTFOLIO)]).stdout
    assert "Customer Churn      2026-Q3    0.93      −0.93  Level 0 · No MLOps  (draft)" in out
    assert "Gaps most teams share" in out
    assert "Best team per capability" in out


def test_json_of_a_comparison_and_of_a_portfolio(run: Run) -> None:
    data = json.loads(run(["compare", str(HISTORY), "-f", "json"]).stdout)
    assert (data["schema_version"], data["kind"]) == (1, "comparison")
    assert [p["label"] for p in data["periods"]] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert [p["provisional"] for p in data["periods"]] == [False, False, False, True]
    assert list(data) == [
        "schema_version", "kind", "questionnaire", "subject", "levels", "periods", "overall",
        "groups", "gains", "regressions", "steps", "progress", "versions", "differences",
    ]  # fmt: skip
    across = json.loads(run(["compare", "--across", str(PORTFOLIO), "-f", "json"]).stdout)
    assert across["kind"] == "portfolio"
    assert [t["label"] for t in across["teams"]] == [
        "Customer Churn",
        "Demand Forecasting",
        "Dynamic Pricing",
        "Route Planning",
    ]


def test_markdown_and_csv_follow_the_file_name(run: Run, tmp_path: Path) -> None:
    md, table = tmp_path / "history.md", tmp_path / "history.csv"
    assert run(["compare", str(HISTORY), "-o", str(md)]).stderr.endswith(f"Wrote {md}\n")
    assert md.read_text().startswith("# Progress over time: Litware Insurance · Claims Triage ML")
    run(["compare", str(HISTORY), "-o", str(table)])
    assert table.read_text().splitlines()[1].startswith(",Overall,0,2026-Q1,2026-03-27,no,1.9,")


def test_an_existing_file_is_never_overwritten_without_force(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "history.md"
    out.write_text("mine")
    done = run(["compare", str(HISTORY), "-o", str(out)], code=1)
    assert done.stderr == f"error: {out} already exists; use --force to overwrite it\n"
    assert out.read_text() == "mine"
    run(["compare", str(HISTORY), "-o", str(out), "--force"])
    assert out.read_text().startswith("# Progress over time")


def test_a_badge_is_not_a_comparison_format(run: Run, tmp_path: Path) -> None:
    done = run(["compare", str(HISTORY), "-o", str(tmp_path / "x.svg")], code=1)
    assert "compare cannot write a badge" in done.stderr


def test_a_schema_1_result_and_a_result_of_today_are_read(run: Run, tmp_path: Path) -> None:
    later = tmp_path / "northwind-2026-q4.yaml"
    text = (ROOT / "examples" / "mlops-northwind-2026-q3.yaml").read_text()
    later.write_text(
        text.replace("period: 2026-Q3", "period: 2026-Q4").replace("2026-09-30", "2026-12-15")
    )
    out = run(["compare", str(RESULTS / "v1-mlops-northwind-2026-q3.json"), str(later)]).stdout
    assert "Questionnaire changed 2026-Q3 (mlops 1.0) → 2026-Q4 (mlops 2.0)" in out
    assert "Options and scoring could not be compared" in out
    today = run(
        [
            "compare",
            str(RESULTS / "v2-mlops-litware-2026-q3.json"),
            str(HISTORY / "mlops-litware-2026-q4.yaml"),
        ]
    )
    assert "2026-Q3 2026-Q4*" in today.stdout


def test_a_newer_result_schema_is_refused_clearly(run: Run, tmp_path: Path) -> None:
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"schema_version": 9}))
    done = run(["compare", str(newer), str(HISTORY / "mlops-litware-2026-q4.yaml")], code=1)
    assert done.stderr == (
        f"error: {newer}: written with result schema 9; this version of mlops-maturity reads "
        "schemas 1 to 2: upgrade mlops-maturity to read it\n"
    )


def test_a_mixed_set_is_refused_unless_allowed(run: Run) -> None:
    files = [
        str(HISTORY / "mlops-litware-2026-q2.yaml"),
        str(PORTFOLIO / "mlops-wwi-route-planning-2026-q3.yaml"),
    ]
    done = run(["compare", *files], code=1)
    assert done.stderr.startswith("error: these results are of different subjects (")
    assert "Traceback" not in done.stderr
    out = run(["compare", *files, "--allow-mixed"]).stdout
    assert "Mixed set: These results are of different subjects, compared anyway" in out


def test_an_out_of_order_set_is_refused(run: Run, tmp_path: Path) -> None:
    early = tmp_path / "q3.yaml"
    text = (HISTORY / "mlops-litware-2026-q3.yaml").read_text()
    early.write_text(text.replace("date: 2026-09-25", "date: 2026-05-01"))
    done = run(["compare", str(HISTORY / "mlops-litware-2026-q2.yaml"), str(early)], code=1)
    assert done.stderr.startswith(f"error: out of order: {early} is for 2026-Q3, after 2026-Q2")


def test_a_file_that_is_not_an_answer_file_is_named(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(HISTORY / "mlops-litware-2026-q4.yaml", folder)
    (folder / "notes.yaml").write_text("just: notes\n")
    done = run(["compare", str(folder)], code=1)
    assert f"error: {folder / 'notes.yaml'}" in done.stderr


@pytest.mark.slow
@needs_pdftotext
def test_the_history_pdf(run: Run, tmp_path: Path) -> None:
    pdf = tmp_path / "history.pdf"
    assert "pages)" in run(["compare", str(HISTORY), "-o", str(pdf)]).stderr
    text = "\f".join(pdf_pages(pdf, tmp_path))
    assert "Trends by area" in text and "Scores by period" in text
    assert "Draft: 2026-Q4" in text


def test_control_sequences_in_compared_files_are_shown_never_acted_on(
    run: Run, tmp_path: Path
) -> None:
    evil = '"Litware \\e]0;owned\\a Insurance \\u202eevil"'
    sources = [*HISTORY.glob("mlops-litware-2026-q[34].yaml"), *PORTFOLIO.glob("*.yaml")]
    for source in sources:
        folder = tmp_path / source.parent.name
        folder.mkdir(exist_ok=True)
        text = re.sub(r"organization: .*", lambda _: f"organization: {evil}", source.read_text())
        (folder / source.name).write_text(re.sub(r"note: .*", lambda _: f"note: {evil}", text))
    for args in (["compare", "history"], ["compare", "--across", "portfolio"]):
        out = run([args[0], *args[1:-1], str(tmp_path / args[-1])]).stdout
        assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
        assert "\\x1b]0;owned\\x07" in out
