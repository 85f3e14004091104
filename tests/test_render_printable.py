"""The printable questionnaire: what each question shows, escaping, and the PDF's pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.render.pdf import html_to_pdf, offline_fetcher
from mlops_maturity.render.printable import (
    Heading,
    Printed,
    build_form,
    render_questionnaire_html,
    render_questionnaire_pdf,
)
from mlops_maturity.resources import data_dir
from tests.conftest import DATA, needs_pdftotext, pdf_pages

FORMS = load_questionnaire(DATA / "forms" / "forms.yaml")


def test_every_question_is_numbered_with_its_boxes_under_its_group() -> None:
    form = build_form(FORMS)
    assert form.count == 8
    assert [(h.depth, h.number, h.title, len(h.questions)) for h in form.headings] == [
        (0, "1", "Delivery", 5),
        (0, "2", "Culture", 3),
    ]
    delivery: Heading = form.headings[0]
    assert delivery.questions[0] == Printed(
        number=1,
        id="release",
        text="How do models reach production?",
        help="",
        kind="single",
        instruction="Tick one box.",
        boxes=(
            "By hand, from a laptop",
            "With a script; someone runs it",
            "Through a pipeline, with tests",
        ),
        extras=("Don't know",),
        unit="",
        condition="",
    )
    checks, rollback, frequency, gpu = delivery.questions[1:]
    assert (checks.instruction, len(checks.boxes)) == ("Tick every box that applies.", 5)
    assert (rollback.boxes, rollback.extras) == (("Yes", "No"), ("Don't know",))
    assert (frequency.instruction, frequency.unit, frequency.boxes) == (
        "Write a number.",
        "deployments per month",
        (),
    )
    assert gpu.extras == ("n/a (does not apply)", "Don't know")
    assert gpu.help == "Count training and serving alike."
    assert gpu.condition == (
        "Answer only if your answer to question 1 is “With a script; someone runs it” or "
        "“Through a pipeline, with tests”."
    )
    context = form.headings[1].questions[2]
    assert (context.number, context.instruction, context.extras) == (8, "Write your answer.", ())


def test_the_html_has_a_cover_with_fields_and_every_question() -> None:
    html = render_questionnaire_html(FORMS)
    assert "<title>Forms import: questionnaire</title>" in html
    for field in ("Name", "Role", "Team", "Organisation", "Date"):
        assert f'<tr><th scope="row">{field}</th><td></td></tr>' in html
    assert '<h2><span class="number">1</span> Delivery</h2>' in html
    assert (
        '<li><span class="box" aria-hidden="true">☐</span>'
        '<span class="label">Review, by a board</span></li>'
    ) in html
    assert '<span class="unit">deployments per month</span>' in html
    assert '<span class="label">n/a (does not apply)</span>' in html
    assert html.count('<div class="question">') == 8
    assert html.count('<span class="note-label">Note</span>') == 7  # not under free text
    assert "@page" in html and "size: A4" in html


def test_hostile_text_is_escaped() -> None:
    html = render_questionnaire_html(load_questionnaire(DATA / "reports" / "hostile.yaml"))
    assert "<script" not in html and "<iframe" not in html and "<object" not in html
    assert "Hostile &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; assessment" in html
    assert html.count("<style>") == 1
    fetcher = offline_fetcher(data_dir("report_templates"))
    html_to_pdf(html, fetcher=fetcher)
    assert fetcher.asked == []


@pytest.mark.slow
@needs_pdftotext
def test_the_pdf_has_a_cover_then_questions_with_page_furniture(tmp_path: Path) -> None:
    pdf, count = render_questionnaire_pdf(load_questionnaire("quick"))
    text = pdf_pages(pdf, tmp_path)
    assert count == len(text) == 6
    cover = text[0]
    assert "Quick MLOps maturity check" in cover and "14 questions · version 1.1" in cover
    assert re.search(r"Name\s*\n", cover) and "Organisation" in cover and "How to answer" in cover
    assert "(`mlops`)" not in cover and "(mlops)" in cover
    assert "Name: ____" not in cover and "Page 1 of 6" in cover
    second = text[1]
    assert re.match(r"\s*Quick MLOps maturity check\s+Name: _+\n", second)
    assert "1 People" in second and "Page 2 of 6" in second
    assert (
        "☐ Each role works alone; the data scientist hands over a model file and moves on" in second
    )
    assert "ppl-collaboration" in second and "Note" in second
    assert re.search(r"\n1 +When a model goes from an idea to production", second)
    assert "14 What do you watch once a model is live?" in text[5]
    assert re.search(r"☐ n/a \(does not apply\) +☐ Don't know", text[5])
