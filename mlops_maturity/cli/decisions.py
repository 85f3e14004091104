"""Read a facilitator's decisions file: for a question, the settled value and why."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlops_maturity.errors import InputFileError, Problem

if TYPE_CHECKING:
    from mlops_maturity.questionnaire.model import Questionnaire
    from mlops_maturity.questionnaire.yamlsafe import Document
    from mlops_maturity.workshop.merge import Decision

KEYS = ("value", "reason")


def load_decisions(path: Path, q: Questionnaire) -> dict[str, Decision]:
    """``decisions: {question id: {value: …, reason: …}}``; every problem is reported at once."""
    from mlops_maturity.questionnaire.yamlsafe import YamlFileError, read_yaml

    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        raise InputFileError([exc.problem]) from None
    entries = doc.data.get("decisions") if isinstance(doc.data, dict) else None
    if not isinstance(entries, dict):
        message = "expected decisions: followed by question id: {value: …, reason: …}"
        raise InputFileError([Problem(doc.file, message)])
    found: dict[str, Decision] = {}
    problems: list[Problem] = []
    for key, entry in entries.items():
        decision = _decision(doc, q, str(key), entry, problems)
        if decision is not None:
            found[str(key)] = decision
    if problems:
        raise InputFileError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))
    return found


def _decision(
    doc: Document, q: Questionnaire, qid: str, entry: Any, problems: list[Problem]
) -> Decision | None:
    from mlops_maturity.assessment.values import normalise
    from mlops_maturity.workshop.merge import Decision

    loc: tuple[str | int, ...] = ("decisions", qid)
    if qid not in q.placed:
        close = difflib.get_close_matches(qid, list(q.placed), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        problems.append(doc.problem(loc, f"unknown question {qid!r}{hint}", at_key=True))
        return None
    if not isinstance(entry, dict) or set(entry) - set(KEYS) or "value" not in entry:
        problems.append(doc.problem(loc, "expected {value: …, reason: …}"))
        return None
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        problems.append(doc.problem(loc, "a decision needs a reason: say why it was settled so"))
        return None
    try:
        value = normalise(q, q.placed[qid].question, entry["value"])
    except ValueError as exc:
        problems.append(doc.problem((*loc, "value"), str(exc)))
        return None
    return Decision(value, " ".join(reason.split()))
