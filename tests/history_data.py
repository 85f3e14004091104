"""Results of the tiny test questionnaire for the history tests, scored from literal answers."""

from __future__ import annotations

from typing import Any

from mlops_maturity.history.order import Entry
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.scoring.engine import questionnaire_hash, score
from mlops_maturity.scoring.result import Result
from tests.conftest import DATA, assessment, questionnaire

TINY_2 = DATA / "history" / "tiny-2.yaml"

# people = mean(q1, q2); tech = q3 (and q4 when q2 is yes); overall weights people 1, tech 2.
Q1 = {"q1": "never", "q2": False, "q3": 2}  # people 0, tech 2, overall 1.333333333
Q2 = {"q1": "sometimes", "q2": True, "q3": 5, "q4": ["ci"]}  # people 3, tech 3, overall 3


def tiny_result(
    answers: dict[str, Any],
    period: str = "",
    *,
    team: str = "Fraud ML",
    organization: str = "Example Corp",
    date: str | None = None,
    q: Questionnaire | None = None,
    **extra: Any,
) -> Result:
    """A result of the tiny questionnaire (or ``q``) for a subject and period."""
    q = q or questionnaire("tiny")
    subject: dict[str, Any] = {"organization": organization, "team": team, "period": period}
    if date is not None:
        subject["date"] = date
    return score(q, assessment(q.id, answers, subject=subject, **extra))


def entry(source: str, result: Result) -> Entry:
    """A result as read from ``source``."""
    return Entry(source, result)


def tiny_2() -> Questionnaire:
    """Version 2 of the tiny questionnaire: q1 renamed q1-often, q3's bands moved."""
    return load_questionnaire(TINY_2)


def definitions(*qs: Questionnaire) -> dict[str, Questionnaire]:
    """Questionnaires by fingerprint, as the command line collects them."""
    return {questionnaire_hash(q): q for q in qs}
