"""An interactive assessment: ask what is missing, save after every answer, score at the end."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mlops_maturity.assessment.dump import dump_answers
from mlops_maturity.assessment.load import load_answers
from mlops_maturity.assessment.model import Answer, Assessment
from mlops_maturity.errors import OutputExistsError
from mlops_maturity.files import write_atomic
from mlops_maturity.questionnaire.load import load_questionnaire, reference_for
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.scoring.answers import score_answers
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.result import Result


def progress_line(position: int, total: int, titles: list[str]) -> str:
    """``12 / 48 · Process › Release``."""
    return f"{position} / {total} · {' › '.join(titles)}"


@dataclass
class Session:
    """One person answering one questionnaire, saved to ``path`` after every answer."""

    questionnaire: Questionnaire
    assessment: Assessment
    path: Path
    resumed: bool = False

    def save(self) -> None:
        """Write the answers so far (atomically)."""
        write_atomic(self.path, dump_answers(self.assessment, self.questionnaire))

    def saved_message(self) -> str:
        """Where the answers are, in words."""
        return f"{len(self.assessment.answers)} answer(s) saved to {self.path}."

    def welcome(self) -> str:
        """What the person is about to do, in two lines."""
        missing, total = self.pending()
        q = self.questionnaire
        todo = f"{len(missing)} of {total} questions left" if self.resumed else f"{total} questions"
        return (
            f"{q.title} {q.version}: {todo}.\n"
            f"Answers are saved to {self.path} as you go; Ctrl-C stops safely, --resume continues."
        )

    def pending(self) -> tuple[list[str], int]:
        """Questions still to ask (conditions applied) and the number that apply in all."""
        statuses = score_answers(self.questionnaire, self.assessment)
        applicable = [qid for qid, a in statuses.items() if a.status != "skipped"]
        # NOTE: a question waiting on an unanswered one is still to ask, but only once known.
        missing = [qid for qid in applicable if statuses[qid].status in {"missing", "waiting"}]
        return missing, len(applicable)

    def run(self) -> None:
        """Ask the subject (when new) and then every missing question, saving as we go."""
        from mlops_maturity.cli import prompts

        prompts.say(self.welcome())
        if not self.resumed:
            subject, respondent = prompts.ask_subject(
                self.assessment.subject, self.assessment.respondent
            )
            self.assessment = self.assessment.model_copy(
                update={"subject": subject, "respondent": respondent}
            )
        self.save()
        while True:
            missing, total = self.pending()
            if not missing:
                return
            statuses = score_answers(self.questionnaire, self.assessment)
            ready = [qid for qid in missing if statuses[qid].status == "missing"]
            if not ready:
                return
            placed = self.questionnaire.placed[ready[0]]
            position = total - len(missing) + 1
            line = progress_line(position, total, [g.title for g in placed.groups])
            answer: Answer = prompts.ask_question(self.questionnaire, placed.question, line)
            answers = {**self.assessment.answers, placed.question.id: answer}
            self.assessment = self.assessment.model_copy(update={"answers": answers})
            self.save()

    def result(self) -> Result:
        """Score what has been answered."""
        return score(self.questionnaire, self.assessment)


def default_path(questionnaire_id: str, today: dt.date | None = None) -> Path:
    """``answers-mlops-2026-11-23.yaml`` in the current folder."""
    return Path(f"answers-{questionnaire_id}-{(today or dt.date.today()).isoformat()}.yaml")


def start(reference: str, *, resume: Path | None, save: Path | None, force: bool) -> Session:
    """A new session, or one continued from an answer file."""
    if resume is not None:
        assessment, questionnaire = load_answers(resume)
        return Session(questionnaire, assessment, resume, resumed=True)
    questionnaire = load_questionnaire(reference)
    path = save or default_path(questionnaire.id)
    if path.exists() and not force:
        raise OutputExistsError(
            f"{path} already exists; continue it with --resume {path}, "
            "choose another file with --save, or start over with --force"
        )
    assessment = Assessment(
        questionnaire=reference_for(reference, path), version=questionnaire.version
    )
    return Session(questionnaire, assessment, path)
