"""The terminal and JSON renderers."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console

from mlops_maturity.assessment.model import Answer
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.render import render
from mlops_maturity.render.formats import OutputFormat
from mlops_maturity.render.terminal import render_terminal
from mlops_maturity.render.text import fmt_score, level_text
from mlops_maturity.scoring.engine import score
from tests.conftest import VALID, Run, assessment, questionnaire, view_of


def terminal_text(answers: dict[str, object]) -> str:
    result = score(questionnaire("tiny"), assessment("tiny", answers, subject={"team": "Fraud ML"}))
    buffer = io.StringIO()
    render_terminal(view_of(result), Console(file=buffer, width=100, color_system=None))
    return buffer.getvalue()


def test_terminal_report_lists_groups_missing_and_next_steps() -> None:
    text = terminal_text({"q1": "never", "q2": False})
    assert "Overall  Level 0 · None" in text
    assert "Staged" not in text  # the staged level agrees with the score level
    assert "Answered 2 of 3 (67%)" in text  # q4 is waiting for nothing: q2 = no skips it
    assert "Draft: 2 of 3 questions answered." in text
    assert "People  ░░░░░░░░░░░░░░░░░░░░   0.00  Level 0 of 4       2/2" in text
    assert "1 question(s) not answered yet; they are left out of the scores: q3" in text
    assert "Phase 1: Reach level 1 (Initial)\n1.1 Start  impact high, effort low\n" in text
    assert "   Today: Never\n   w\n   How: h\n" in text
    assert "Phase 2: Reach level 2 (Repeatable)\n2.1 Do it" in text
    assert "Fraud ML" in text


def test_terminal_report_with_nothing_answered() -> None:
    text = terminal_text({})
    assert "Overall  not scored" in text
    assert "Staged" not in text
    assert "No recommendations yet: answer some questions first." in text


def test_json_renderer_round_trips() -> None:
    result = score(questionnaire("tiny"), assessment("tiny", {"q1": "always"}))
    text = render(result, OutputFormat.json)
    assert isinstance(text, str)
    assert json.loads(text)["answers"][0]["label"] == "Always"


def test_wording_helpers() -> None:
    assert fmt_score(None) == "—"
    assert fmt_score(2.5, 4) == "2.50 / 4"
    assert fmt_score(2, 4.5) == "2.00 / 4.5"
    assert fmt_score(7 / 3) == "2.33"
    assert level_text(None) == "not scored"


def test_user_text_is_never_read_as_markup(tmp_path: Path) -> None:
    text = (VALID / "tiny.yaml").read_text()
    text = text.replace("title: Tiny", 'title: "[/bold] Tiny [red]"').replace(
        "title: People", 'title: "People [/]"'
    )
    path = tmp_path / "tiny.yaml"
    path.write_text(text)
    result = score(
        load_questionnaire(path),
        assessment(
            "tiny",
            {"q1": "never"},
            subject={"organization": "[bold]Acme[/]"},
        ).model_copy(update={"answers": {"q1": Answer(value="never", note="[link=x]y[/link]")}}),
    )
    buffer = io.StringIO()
    render_terminal(view_of(result), Console(file=buffer, width=100, color_system=None))
    out = buffer.getvalue()
    assert "[/bold] Tiny [red]" in out
    assert "People [/]" in out
    assert "[bold]Acme[/]" in out
    assert "q1: [link=x]y[/link]" in out


ESCAPES = '"\\e]0;owned\\a \\e[2J \\e]8;;http://x\\e\\\\link\\e]8;;\\e\\\\ \\u202eevil"'


def test_terminal_control_sequences_in_user_text_are_shown_not_acted_on(
    tmp_path: Path, run: Run
) -> None:
    questionnaire = (VALID / "tiny.yaml").read_text().replace("title: Tiny", f"title: {ESCAPES}")
    (tmp_path / "q.yaml").write_text(questionnaire)
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "questionnaire: q.yaml\n"
        f"subject: {{organization: {ESCAPES}}}\n"
        f"answers:\n  q1: {{value: never, note: {ESCAPES}}}\n"
    )
    out = run(["report", str(answers)]).stdout
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "\\x1b]0;owned\\x07" in out and "\\u202eevil" in out


def test_questionnaire_listings_and_templates_show_control_sequences_never_act_on_them(
    tmp_path: Path, run: Run
) -> None:
    text = (VALID / "tiny.yaml").read_text().replace("title: Tiny", f"title: {ESCAPES}")
    (tmp_path / "q.yaml").write_text(text.replace("text: Do you?", f"text: {ESCAPES}"))
    shown = run(["questionnaires", "show", str(tmp_path / "q.yaml")]).stdout
    template = run(["template", "-q", str(tmp_path / "q.yaml")]).stdout
    for out in (shown, template):
        assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "\\x1b]0;owned\\x07" in shown
    assert "# Answer file for \\u001b]0;owned\\u0007 \\u001b[2J" in template
    # NOTE: the blank answer file is still valid YAML, every comment on its own lines.
    run(["template", "-q", str(tmp_path / "q.yaml"), "-o", str(tmp_path / "blank.yaml")])
    assert "of 4 questions answered" in run(["report", str(tmp_path / "blank.yaml")]).stderr
