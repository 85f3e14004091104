"""The CSV export: one row per question, so the results open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from mlops_maturity.render.sections import area_of
from mlops_maturity.render.text import fmt_score
from mlops_maturity.render.view import ReportView
from mlops_maturity.render.wording import answer_text

COLUMNS = (
    "group",
    "question_id",
    "question",
    "status",
    "answer",
    "score",
    "max_score",
    "level",
    "met",
    "note",
)
# NOTE: a cell starting with these is run as a formula by spreadsheets (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """Text a spreadsheet shows as written, never as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def render_csv(view: ReportView) -> str:
    """Every question with its group path, answer in words, score, level and note."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for answer in view.result.answers:
        met = "" if answer.met is None else ("yes" if answer.met else "no")
        writer.writerow(
            [
                cell(area_of(view.sections, answer.group)),
                answer.question,
                cell(answer.text),
                answer.status,
                cell(answer_text(answer)),
                "" if answer.score is None else fmt_score(answer.score),
                "" if answer.max_score is None else f"{answer.max_score:g}",
                "" if answer.level is None else str(answer.level),
                met,
                cell(answer.note),
            ]
        )
    return buffer.getvalue()
