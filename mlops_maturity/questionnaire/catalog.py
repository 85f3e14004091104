"""Describe questionnaires for people and scripts: the built-in list and one questionnaire."""

from __future__ import annotations

import json as jsonlib
from typing import Any

from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.model import (
    BooleanQuestion,
    ChoiceQuestion,
    Group,
    NumberQuestion,
    Questionnaire,
)
from mlops_maturity.resources import builtin_questionnaires


def list_builtin() -> list[dict[str, Any]]:
    """One entry per built-in questionnaire: id, title, version, number of questions."""
    entries = []
    for ident in builtin_questionnaires():
        q = load_questionnaire(ident)
        entries.append(
            {
                "id": q.id,
                "title": q.title,
                "version": q.version,
                "questions": len(q.placed),
                "description": q.description,
            }
        )
    return entries


def render_list(entries: list[dict[str, Any]], *, json: bool) -> str:
    """The list as JSON or as aligned text."""
    if json:
        return jsonlib.dumps(entries, indent=2, ensure_ascii=False) + "\n"
    width = max((len(e["id"]) for e in entries), default=2)
    lines = [f"{'ID':<{width}}  QUESTIONS  TITLE"]
    lines += [
        f"{e['id']:<{width}}  {e['questions']:>9}  {e['title']} {e['version']}" for e in entries
    ]
    return "\n".join(lines) + "\n"


def question_entry(q: Questionnaire, question: Any, path: tuple[str, ...]) -> dict[str, Any]:
    """The flat description of a question that scripts build answer files from."""
    entry: dict[str, Any] = {
        "id": question.id,
        "type": question.type,
        "group": list(path),
        "text": question.text,
        "help": question.help,
        "weight": question.weight,
        "level": question.level,
        "not_applicable": question.not_applicable,
        "sources": list(question.sources),
    }
    if question.when is not None:
        entry["when"] = question.when.model_dump(by_alias=True, exclude_none=True)
    if isinstance(question, ChoiceQuestion):
        entry["options"] = [
            {"id": o.id, "label": o.label, "score": o.score} for o in q.options_of(question)
        ]
    elif isinstance(question, BooleanQuestion):
        yes = q.scale.max if question.yes_score is None else question.yes_score
        no = q.scale.min if question.no_score is None else question.no_score
        entry["options"] = [
            {"id": "yes", "label": "Yes", "score": yes},
            {"id": "no", "label": "No", "score": no},
        ]
    elif isinstance(question, NumberQuestion):
        entry.update(unit=question.unit, min=question.min, max=question.max)
        entry["integer"] = question.integer
        entry["bands"] = [b.model_dump() for b in question.bands]
    return entry


def questionnaire_json(q: Questionnaire) -> dict[str, Any]:
    """The validated questionnaire plus a flat ``questions`` list."""
    data = q.model_dump(mode="json", by_alias=True)
    data["questions"] = [question_entry(q, p.question, p.path) for p in q.placed.values()]
    return data


def render_questionnaire(q: Questionnaire, *, json: bool) -> str:
    """A questionnaire as JSON, or as an indented outline for reading."""
    if json:
        return jsonlib.dumps(questionnaire_json(q), indent=2, ensure_ascii=False) + "\n"
    lines = [f"{q.title} ({q.id} {q.version}), {len(q.placed)} questions"]
    if q.description:
        lines.append(q.description.strip())
    lines.append("Levels: " + ", ".join(f"{lv.value} {lv.name}" for lv in q.scale.levels))
    lines += _outline(q, q.groups, 0)
    return "\n".join(lines) + "\n"


def _outline(q: Questionnaire, groups: tuple[Group, ...], depth: int) -> list[str]:
    lines = []
    pad = "  " * depth
    for group in groups:
        lines.append(f"{pad}{group.title} [{group.id}]")
        for question in group.questions:
            lines.append(f"{pad}  - {question.id} ({question.type}): {question.text}")
        lines += _outline(q, group.groups, depth + 1)
    return lines
