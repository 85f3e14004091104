"""The Markdown report: compared with a golden file, and escaped for wikis.

To accept a deliberate change of the report, regenerate the golden file and review its diff:
    UPDATE_GOLDEN=1 pytest tests/test_render_markdown.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.render.markdown import md_escape, render_markdown
from mlops_maturity.scoring.engine import score
from tests.conftest import DATA, assessment, questionnaire, view_of

GOLDEN = DATA / "golden" / "report.md"


def rendered(answers: str) -> str:
    found, q = load_answers(Path(DATA / "reports" / answers))
    return render_markdown(view_of(score(q, found)))


def test_report_matches_the_golden_file() -> None:
    text = rendered("practice-answers.yaml")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2.03 / 4", "2.03 / 4", id="numbers-untouched"),
        pytest.param("<script>x</script>", r"\<script\>x\</script\>", id="html"),
        pytest.param("a | b", r"a \| b", id="table-pipe"),
        pytest.param("*b* _i_ `c` ~s~", r"\*b\* \_i\_ \`c\` \~s\~", id="emphasis"),
        pytest.param("[x](http://e.com)", r"\[x\](http:\/\/e.com)", id="link"),
        pytest.param("see www.e.com", r"see www\.e.com", id="autolink"),
        pytest.param("# title", r"\# title", id="heading"),
        pytest.param("- item", r"\- item", id="list"),
        pytest.param("1. first", r"1\. first", id="ordered-list"),
        pytest.param("a &amp; b", r"a \&amp; b", id="entity"),
        pytest.param("one\n\n| two", r"one \| two", id="one-line"),
    ],
)
def test_md_escape(text: str, expected: str) -> None:
    assert md_escape(text) == expected


def test_hostile_text_stays_text() -> None:
    text = rendered("hostile-answers.yaml")
    # NOTE: the only raw HTML is the template's own <br> inside table cells.
    assert re.findall(r"(?<!\\)<(?!br>)", text) == []
    assert r"\<script\>alert('note')\</script\>" in text
    assert re.findall(r"(?<!\\)\]\(", text) == [] and "http://" not in text


def test_nothing_answered() -> None:
    text = render_markdown(view_of(score(questionnaire("tiny"), assessment("tiny", {}))))
    assert "The team has no score yet: no scored question has been answered." in text
    assert "No recommendations yet: answer some questions first." in text
    assert "| People | — | not scored | — | 0/2 |" not in text  # top-level rows are bold
    assert "| **People** | — | not scored | — | 0/2 |" in text


def test_scores_that_map_to_labels_are_listed_instead_of_a_heat_map() -> None:
    answers = {"data-1": "automated", "data-2": "manual", "model-1": "no"}
    text = render_markdown(view_of(score(mlts_leaving_blanks_out(), assessment("mlts", answers))))
    assert "### Capabilities by level" not in text
    assert "| Data | 1.50 / 2 | First pass at productionization |" in text


def mlts_leaving_blanks_out() -> Questionnaire:
    """The ML Test Score fixture with blanks left out rather than counted as zero."""
    return questionnaire("mlts").model_copy(update={"unanswered": "exclude"})
