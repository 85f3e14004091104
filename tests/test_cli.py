"""The command line end to end: exit codes, streams, files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, VALID, Run

TINY = str(VALID / "tiny.yaml")


def answer_file(
    tmp_path: Path, answers: str = "  q1: sometimes\n  q2: yes\n  q3: 2\n  q4: [ci]\n"
) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(
        f"questionnaire: {TINY}\n"
        "subject: {organization: Example Corp, team: Fraud ML, period: 2026-Q3}\n"
        f"answers:\n{answers}"
    )
    return path


def test_report_terminal(run: Run, tmp_path: Path) -> None:
    out = run(["report", str(answer_file(tmp_path))]).stdout
    assert "Level 2 · Repeatable" in out
    assert "2.33 / 4" in out
    assert "Example Corp · Fraud ML · 2026-Q3" in out
    assert "Add registry" in out


def test_report_json_has_the_documented_keys(run: Run, tmp_path: Path) -> None:
    data = json.loads(run(["report", str(answer_file(tmp_path)), "--format", "json"]).stdout)
    assert list(data) == [
        "schema_version",
        "tool_version",
        "questionnaire",
        "subject",
        "respondent",
        "commentary",
        "workshop",
        "levels",
        "bands",
        "aggregation",
        "unanswered",
        "headline",
        "overall",
        "groups",
        "answers",
        "missing",
        "provisional",
        "recommendations",
    ]
    assert data["overall"]["level"] == {
        "id": "repeatable",
        "name": "Repeatable",
        "value": 2,
        "description": "",
    }
    assert data["overall"]["staged_level"]["value"] == 0
    assert data["overall"]["completeness"] == 1.0
    assert data["bands"][0] == {
        "range": "(-inf, 1)",
        "level": {"id": "none", "name": "None", "value": 0, "description": ""},
    }
    assert data["aggregation"] == "weighted_mean"
    assert set(data["groups"][0]) >= {"id", "title", "score", "level", "completeness", "groups"}
    assert set(data["recommendations"][0]) >= {
        "question",
        "title",
        "why",
        "how",
        "effort",
        "impact",
    }


def test_output_file_is_never_overwritten_without_force(run: Run, tmp_path: Path) -> None:
    answers = str(answer_file(tmp_path))
    target = tmp_path / "report.json"
    target.write_text("keep me")
    result = run(["report", answers, "-f", "json", "-o", str(target)], code=1)
    assert "already exists; use --force" in result.stderr
    assert target.read_text() == "keep me"
    run(["report", answers, "-f", "json", "-o", str(target), "--force"])
    assert json.loads(target.read_text())["questionnaire"]["id"] == "tiny"


@pytest.mark.parametrize(
    ("threshold", "code"), [pytest.param("2", 0, id="above"), pytest.param("2.5", 1, id="under")]
)
def test_fail_under_gate(run: Run, tmp_path: Path, threshold: str, code: int) -> None:
    result = run(
        ["report", str(answer_file(tmp_path)), "-f", "json", "--fail-under", threshold], code=code
    )
    assert ("gate failed" in result.stderr) is (code == 1)


def test_broken_answer_file_gives_one_clear_message(run: Run, tmp_path: Path) -> None:
    result = run(["report", str(answer_file(tmp_path, "  q1: often\n"))], code=1)
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"error: {tmp_path / 'answers.yaml'}:4:7: answers.q1: expected one of"
    )
    assert "Traceback" not in result.stderr


def test_broken_questionnaire_reports_with_line(run: Run) -> None:
    path = DATA / "questionnaires" / "invalid" / "bands-gap.yaml"
    result = run(["questionnaires", "validate", str(path)], code=1)
    assert f"{path}:13:15: scale.bands[1].range: range [2, 4] leaves a gap" in result.stderr


def test_validate_ok(run: Run) -> None:
    result = run(["questionnaires", "validate", TINY, str(VALID / "samm.yaml")])
    assert result.stdout.splitlines() == [
        f"ok: {TINY} (tiny 1, 4 questions)",
        f"ok: {VALID / 'samm.yaml'} (samm 2.0, 18 questions)",
    ]


def test_show_json_has_a_flat_question_list(run: Run) -> None:
    data = json.loads(run(["questionnaires", "show", TINY, "--format", "json"]).stdout)
    assert [(q["id"], q["type"], q["group"]) for q in data["questions"]] == [
        ("q1", "single", ["people"]),
        ("q2", "boolean", ["people"]),
        ("q3", "number", ["tech"]),
        ("q4", "multiple", ["tech"]),
    ]
    assert data["questions"][0]["options"][0] == {"id": "never", "label": "Never", "score": 0.0}
    assert data["questions"][2]["bands"][0] == {"range": "[0, 1)", "score": 0.0, "label": ""}


def test_show_terminal_outline(run: Run) -> None:
    out = run(["questionnaires", "show", TINY]).stdout
    assert "Tiny (tiny 1), 4 questions" in out
    assert "  - q3 (number): Deploys per month" in out


def test_list_json(run: Run) -> None:
    entries = json.loads(run(["questionnaires", "list", "--format", "json"]).stdout)
    assert all(set(e) >= {"id", "title", "version", "questions"} for e in entries)


@pytest.mark.parametrize("kind", ["questionnaire", "answers", "benchmarks"])
def test_schema_is_draft_07(run: Run, kind: str) -> None:
    schema = json.loads(run(["questionnaires", "schema", kind]).stdout)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)


def test_answers_schema_for_a_questionnaire_lists_its_questions(run: Run) -> None:
    schema = json.loads(run(["questionnaires", "schema", "answers", "-q", TINY]).stdout)
    answers = schema["properties"]["answers"]
    assert sorted(answers["properties"]) == ["q1", "q2", "q3", "q4"]
    assert answers["properties"]["q1"]["anyOf"][0] == {"enum": ["never", "sometimes", "always"]}


def test_schema_kind_is_checked(run: Run) -> None:
    assert (
        "expected 'questionnaire', 'answers' or 'benchmarks'"
        in run(["questionnaires", "schema", "bogus"], code=2).stderr
    )


def test_template_then_report(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "blank.yaml"
    run(["template", "-q", TINY, "-o", str(target)])
    text = target.read_text()
    assert text.startswith("# yaml-language-server: $schema=answers.schema.json\n")
    assert "  # ── Tech\n" in text and "  #     reg: Registry\n" in text
    out = run(["report", str(target)]).stdout
    assert "0 of 4 (0%)" in out
    filled = text.replace("  q1:\n", "  q1: always\n")
    target.write_text(filled)
    assert "1 of 4 (25%)" in run(["report", str(target)]).stdout
    assert "already exists" in run(["template", "-q", TINY, "-o", str(target)], code=1).stderr


def test_assess_with_answers_runs_without_prompts(run: Run, tmp_path: Path) -> None:
    out = run(["assess", "--answers", str(answer_file(tmp_path)), "-f", "json"]).stdout
    assert json.loads(out)["overall"]["score"] == pytest.approx(7 / 3)


def test_assess_without_terminal_is_a_clear_error(run: Run) -> None:
    result = run(["assess", "-q", TINY], code=1)
    assert "no terminal to ask questions in; pass --answers FILE" in result.stderr


def test_internal_errors_exit_3_without_traceback(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("mlops_maturity.scoring.engine.score", boom)
    result = run(["report", str(answer_file(tmp_path))], code=3)
    assert "internal error: RuntimeError: kaboom" in result.stderr
    assert "please report" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_version(run: Run) -> None:
    assert run(["--version"]).stdout.startswith("mlops-maturity ")


def test_unknown_command_is_a_usage_error(run: Run) -> None:
    run(["frobnicate"], code=2)


def test_answers_for_another_questionnaire_version_are_flagged(run: Run, tmp_path: Path) -> None:
    path = answer_file(tmp_path)
    path.write_text(path.read_text().replace("subject:", 'version: "0.9"\nsubject:'))
    result = run(["report", str(path), "-f", "json"])
    assert f"warning: {path} was answered for tiny 0.9; scoring it against 1" in result.stderr


def test_an_answer_to_a_skipped_question_is_flagged(run: Run, tmp_path: Path) -> None:
    path = answer_file(tmp_path, "  q1: always\n  q2: no\n  q3: 2\n  q4: [ci]\n")
    result = run(["report", str(path)])
    assert (
        f"warning: {path}: answers.q4 is ignored: its condition on q2 does not hold"
        in result.stderr
    )


def test_notes_appear_in_the_terminal_report(run: Run, tmp_path: Path) -> None:
    path = answer_file(tmp_path, "  q1: {value: always, note: Only the fraud model.}\n")
    assert "q1: Only the fraud model." in run(["report", str(path)]).stdout


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [pytest.param("markdown", "## Executive summary"), pytest.param("html", "<!DOCTYPE html>")],
)
def test_document_formats(run: Run, tmp_path: Path, fmt: str, marker: str) -> None:
    out = run(["report", str(answer_file(tmp_path)), "-f", fmt]).stdout
    assert marker in out
    assert "Example Corp" in out


def test_target_level_must_be_a_level(run: Run, tmp_path: Path) -> None:
    result = run(["report", str(answer_file(tmp_path)), "--target-level", "9"], code=1)
    assert result.stderr == (
        "error: --target-level '9' is not a level of this questionnaire; its levels are "
        "0 (none, “None”), 1 (initial, “Initial”), 2 (repeatable, “Repeatable”), "
        "3 (defined, “Defined”), 4 (optimised, “Optimised”)\n"
    )


@pytest.mark.parametrize("level", ["3", "defined", "Defined", " DEFINED "])
def test_target_level_by_number_id_or_name(run: Run, tmp_path: Path, level: str) -> None:
    out = run(["report", str(answer_file(tmp_path)), "-f", "json", "--target-level", level])
    assert [g["target"] for g in json.loads(out.stdout)["groups"]] == [3, 3]


def test_target_level_reaches_the_json(run: Run, tmp_path: Path) -> None:
    out = run(["report", str(answer_file(tmp_path)), "-f", "json", "--target-level", "3"]).stdout
    assert [g["target"] for g in json.loads(out)["groups"]] == [3, 3]


def test_pdf_without_pango_says_what_to_install(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "mlops_maturity.render.pdf.pango_problem", lambda: "install Pango: apt-get …"
    )
    target = tmp_path / "report.pdf"
    result = run(["report", str(answer_file(tmp_path)), "-f", "pdf", "-o", str(target)], code=1)
    assert "error: install Pango: apt-get …" in result.stderr
    assert not target.exists()


@pytest.mark.slow
def test_pdf_is_written(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    run(["report", str(answer_file(tmp_path)), "-f", "pdf", "-o", str(target)])
    assert target.read_bytes().startswith(b"%PDF-")


def test_template_for_a_custom_questionnaire_points_back_at_it(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(VALID)
    target = tmp_path / "team" / "answers.yaml"
    target.parent.mkdir()
    run(["template", "-q", "tiny.yaml", "-o", str(target)])
    expected = os.path.relpath(VALID / "tiny.yaml", target.parent)
    assert f"questionnaire: {expected}\n" in target.read_text()
    monkeypatch.chdir(VALID.parent)  # a folder that holds the questionnaire
    assert "0 of 4 (0%)" in run(["report", str(target)]).stdout
    monkeypatch.chdir(tmp_path)  # elsewhere, the questionnaire must be named on purpose
    refused = run(["report", str(target)], code=1).stderr
    assert "is not a .yaml file in this answer file's folder" in refused
    named = run(["report", str(target), "--questionnaire", str(VALID / "tiny.yaml")]).stdout
    assert "0 of 4 (0%)" in named


@pytest.mark.parametrize("secret", ["/etc/passwd", "/etc/hostname", "../../../../etc/passwd"])
def test_an_answer_file_cannot_make_the_tool_read_any_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, secret: str
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "answers.yaml"
    path.write_text(f"questionnaire: {secret}\nanswers: {{}}\n")
    result = run(["report", str(path)], code=1)
    assert "is not a .yaml file in this answer file's folder" in result.stderr
    assert "root:x:" not in result.stderr and ":0:0:" not in result.stderr


def test_a_file_that_is_not_a_questionnaire_is_not_quoted(run: Run, tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("password: hunter2\nhost: db.example\n")
    path = tmp_path / "answers.yaml"
    path.write_text("questionnaire: notes.yaml\nanswers: {}\n")
    result = run(["report", str(path)], code=1)
    assert result.stderr == (
        f"error: {tmp_path / 'notes.yaml'}: is not a questionnaire "
        "(expected a mapping with id, title, version, scale and groups)\n"
    )


def test_a_reader_that_stops_early_is_not_an_internal_error(tmp_path: Path) -> None:
    answers = answer_file(tmp_path)
    command = [sys.executable, "-m", "mlops_maturity", "report", str(answers), "-f", "html"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -0`
    stderr = process.stderr.read().decode()
    assert process.wait() == 1
    assert stderr == ""


def test_a_draft_is_marked_in_every_format_and_fails_a_gate(run: Run, tmp_path: Path) -> None:
    path = answer_file(tmp_path, "  q1: sometimes\n  q3: 2\n")
    terminal = run(["report", str(path)])
    assert (
        "warning: " in terminal.stderr
        and "is a draft: 2 of 4 questions answered" in terminal.stderr
    )
    assert "Draft: 2 of 4 questions answered." in terminal.stdout
    assert (
        "> Draft: 2 of 4 questions answered." in run(["report", str(path), "-f", "markdown"]).stdout
    )
    html = run(["report", str(path), "-f", "html"]).stdout
    assert '<div class="watermark draft-mark" aria-hidden="true">Draft: 2 of 4' in html
    data = json.loads(run(["report", str(path), "-f", "json"]).stdout)
    assert (data["provisional"], data["missing"]) == (True, ["q2", "q4"])
    gated = run(["report", str(path), "-f", "json", "--fail-under", "1"], code=1)
    assert "gate failed: the result is a draft (2 question(s) unanswered)" in gated.stderr
    run(["report", str(path), "-f", "json", "--fail-under", "1", "--allow-incomplete"])


def test_a_finished_result_is_not_a_draft(run: Run, tmp_path: Path) -> None:
    result = run(["report", str(answer_file(tmp_path))])
    assert "draft" not in (result.stdout + result.stderr).lower()


def test_northwind_with_ten_answers_removed_fails_the_gate(run: Run, tmp_path: Path) -> None:
    import yaml

    source = Path(__file__).parent.parent / "examples" / "mlops-northwind-2026-q3.yaml"
    data = yaml.safe_load(source.read_text())
    data["answers"] = dict(list(data["answers"].items())[10:])
    path = tmp_path / "draft.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    result = run(["report", str(path), "-f", "json", "--fail-under", "1"], code=1)
    assert "is a draft" in result.stderr
    assert "gate failed: the result is a draft (" in result.stderr


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("template -q ml", ["ml-test-score", "mlops"]),
        ("report a.yaml -f ", ["terminal", "json", "markdown", "html", "pdf", "csv", "badge"]),
        ("compare -f m", ["markdown"]),
    ],
)
def test_the_shell_completes_questionnaire_ids_and_formats(words: str, expected: list[str]) -> None:
    line = f"mlops-maturity {words}"
    env = {
        **os.environ,
        "_MLOPS_MATURITY_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(line.split()) - (0 if line.endswith(" ") else 1)),
    }
    done = subprocess.run(
        [sys.executable, "-m", "mlops_maturity"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == expected
