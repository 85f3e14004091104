"""A blank answer file: every question as comments with its allowed answers."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from mlops_maturity.questionnaire.catalog import question_entry
from mlops_maturity.questionnaire.model import Questionnaire

SCHEMA_FILE = "answers.schema.json"


def _plain(text: str) -> str:
    """One line for a comment, whatever the questionnaire holds: a line break would end the
    comment, and a control character is not allowed in YAML (or would act on a terminal)."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in " ".join(text.split()))


def _comment(text: str, indent: str, width: int = 96) -> list[str]:
    lines = []
    for paragraph in text.strip().splitlines() or [""]:
        wrapped = textwrap.wrap(_plain(paragraph), width=width - len(indent) - 2) or [""]
        lines += [f"{indent}# {line}".rstrip() for line in wrapped]
    return lines


def _allowed(entry: dict[str, Any]) -> list[str]:
    kind = entry["type"]
    if kind in {"single", "multiple", "boolean"}:
        head = {
            "single": "one of:",
            "multiple": "a list of any of, e.g. [a, b]:",
            "boolean": "yes or no:",
        }[kind]
        out = [head] + [f"  {o['id']}: {_plain(o['label'])}" for o in entry["options"]]
    elif kind == "number":
        unit = f" ({_plain(entry['unit'])})" if entry["unit"] else ""
        low = "no minimum" if entry["min"] is None else f"at least {entry['min']:g}"
        high = "" if entry["max"] is None else f", at most {entry['max']:g}"
        out = [f"a number{unit}, {low}{high}"]
    else:
        out = ["free text (not scored)"]
    if entry["not_applicable"]:
        out.append("or n/a if it does not apply to you")
    return out


def build_template(q: Questionnaire, reference: str) -> str:
    """The text of a blank answer file for ``q``; ``reference`` is what ``questionnaire:`` says."""
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        f"# Answer file for {_plain(q.title)} ({q.id} {_plain(q.version)}).",
        "# Fill in an answer after each question id; leave it empty to skip it for now.",
        "# Any answer can carry a note:  question-id: {value: ..., note: ...}",
        "# Then run: mlops-maturity report THIS_FILE",
        "# For completion in your editor, create the schema next to this file with:",
        f"#   mlops-maturity questionnaires schema answers -q {reference} -o {SCHEMA_FILE}",
        f"questionnaire: {reference}",
        f"version: {json.dumps(q.version, ensure_ascii=False)}",
        "subject:",
        "  organization:",
        "  team:",
        "  period:          # e.g. 2026-Q3",
        "  date:            # YYYY-MM-DD",
        "respondent:",
    ]
    years = sorted({b.year for b in q.benchmarks})
    if years:
        lines.append(
            f"benchmark_year:    # compare with benchmarks of {', '.join(map(str, years))}"
            f" (default {years[-1]})"
        )
    lines.append("answers:")
    current: tuple[str, ...] = ()
    for placed in q.placed.values():
        if placed.path != current:
            current = placed.path
            titles = " › ".join(_plain(g.title) for g in placed.groups)
            lines += ["", f"  # ── {titles}"]
        entry = question_entry(q, placed.question, placed.path)
        lines += _comment(placed.question.text, "  ")
        if placed.question.when is not None:
            when = placed.question.when
            lines.append(f"  #   (only asked when {when.question} matches {_condition(entry)})")
        for line in _allowed(entry):
            wrapped = textwrap.wrap(line, width=88, subsequent_indent="      ")
            lines += [f"  #   {part}" for part in wrapped or [line]]
        lines.append(f"  {placed.question.id}:")
    return "\n".join(lines) + "\n"


def _condition(entry: dict[str, Any]) -> str:
    when = dict(entry["when"])
    when.pop("question", None)
    return ", ".join(f"{k} {v}" for k, v in when.items())
