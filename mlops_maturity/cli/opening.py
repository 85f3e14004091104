"""Open an assessment session: a new answer file, or one to continue; locked while it runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.assessment.model import Assessment
from mlops_maturity.assessment.pending import read_pending
from mlops_maturity.cli import navigation as nav
from mlops_maturity.cli.lock import SessionLock
from mlops_maturity.cli.progress import Pace
from mlops_maturity.cli.session import Session
from mlops_maturity.errors import OutputExistsError
from mlops_maturity.questionnaire.load import load_questionnaire, reference_for, resolve
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.resources import builtin_questionnaires


def default_path(questionnaire_id: str, today: dt.date | None = None) -> Path:
    """``answers-mlops-2026-11-23.yaml`` in the current folder."""
    return Path(f"answers-{questionnaire_id}-{(today or dt.date.today()).isoformat()}.yaml")


def start(
    reference: str | None,
    *,
    resume: Path | None,
    save: Path | None,
    force: bool,
    only: tuple[str, ...] = (),
) -> Session:
    """A new session, or one continued from an answer file (``reference`` then overrides the
    questionnaire the file names); the answer file is locked until the session closes."""
    if resume is not None:
        return _resumed(resume, reference, only)
    assert reference is not None
    return _new(reference, save, force=force, only=only)


def _resumed(path: Path, reference: str | None, only: tuple[str, ...]) -> Session:
    lock = _locked(path)
    try:
        override = None if reference is None else resolve(reference)
        assessment, questionnaire = load_answers(path, questionnaire=override)
        assessment, pending = _pending(path, assessment, questionnaire)
        scope = nav.scope_of(questionnaire, only)
    except BaseException:
        lock.release()
        raise
    return Session(
        questionnaire,
        assessment,
        path,
        resumed=True,
        pending=pending,
        lock=lock,
        scope=scope,
        pace=Pace.of(questionnaire),
    )


def _new(reference: str, save: Path | None, *, force: bool, only: tuple[str, ...]) -> Session:
    questionnaire = load_questionnaire(reference)
    source = None if reference in builtin_questionnaires() else resolve(reference)
    scope = nav.scope_of(questionnaire, only)
    path = save or default_path(questionnaire.id)
    lock = _locked(path)
    if path.exists() and not force:
        lock.release()
        raise OutputExistsError(
            f"{path} already exists; continue it with --resume {path}, "
            "choose another file with --save, or start over with --force"
        )
    assessment = Assessment(
        questionnaire=reference_for(reference, path), version=questionnaire.version
    )
    return Session(
        questionnaire,
        assessment,
        path,
        lock=lock,
        scope=scope,
        pace=Pace.of(questionnaire),
        source=source,
    )


def _locked(path: Path) -> SessionLock:
    lock = SessionLock(path)
    lock.acquire()
    return lock


def _pending(
    path: Path, assessment: Assessment, q: Questionnaire
) -> tuple[Assessment, dict[str, str]]:
    """Notes kept for questions that had no answer yet; one answered since joins its answer."""
    try:
        notes = read_pending(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return assessment, {}
    answers = dict(assessment.answers)
    for qid, note in [(k, v) for k, v in notes.items() if k in answers]:
        if not answers[qid].note:
            answers[qid] = answers[qid].model_copy(update={"note": note})
    pending = {k: v for k, v in notes.items() if k in q.placed and k not in answers}
    return assessment.model_copy(update={"answers": answers}), pending
