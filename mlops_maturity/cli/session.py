"""An interactive assessment: ask, go back, skip, review; saved after every answer and note."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from mlops_maturity.assessment.dump import dump_answers
from mlops_maturity.assessment.model import Answer, Assessment
from mlops_maturity.assessment.pending import pending_block
from mlops_maturity.cli import navigation as nav
from mlops_maturity.cli import prompts
from mlops_maturity.cli.asking import Asked, Reply, ask_question, ask_subject, columns
from mlops_maturity.cli.layout import wrap
from mlops_maturity.cli.lock import SessionLock
from mlops_maturity.cli.progress import Pace, minutes_of, progress_line, time_left
from mlops_maturity.cli.review import pick_question, review
from mlops_maturity.files import remove_stale_temporaries, write_atomic
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.scoring.answers import score_answers
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.result import AnswerResult, Result


@dataclass
class Session:
    """One person answering one questionnaire, saved to ``path`` after every answer and note."""

    questionnaire: Questionnaire
    assessment: Assessment
    path: Path
    resumed: bool = False
    scope: tuple[str, ...] = ()
    pending: dict[str, str] = field(default_factory=dict)  # notes of unanswered questions
    lock: SessionLock | None = None
    written: bool = False
    passed: set[str] = field(default_factory=set)  # skipped for now in this session
    reached: int = -1  # the furthest position in ``scope`` shown so far
    pace: Pace = field(default_factory=Pace)
    source: Path | None = None  # the questionnaire file, when it is not a built-in one
    _statuses: dict[str, AnswerResult] | None = None
    _cleaned: bool = False
    _unsaved: bool = False

    def __post_init__(self) -> None:
        self.scope = self.scope or tuple(self.questionnaire.placed)
        self.written = self.written or self.resumed

    @property
    def statuses(self) -> dict[str, AnswerResult]:
        """Every question's status now (answered, missing, waiting, skipped, unknown, …)."""
        if self._statuses is None:
            self._statuses = score_answers(self.questionnaire, self.assessment)
        return self._statuses

    def save(self) -> None:
        """Write the answers and the notes so far (atomically; a stop signal waits for it)."""
        from mlops_maturity.cli.terminal import saving

        text = dump_answers(self.assessment, self.questionnaire) + pending_block(self.pending)
        with saving():
            if not self._cleaned:
                remove_stale_temporaries(self.path)
                self._cleaned = True
            write_atomic(self.path, text)
        self.written, self._unsaved = True, False

    def flush(self) -> None:
        """Save whatever a stop may have caught between a change and its save."""
        if self._unsaved:
            self.save()

    def close(self) -> None:
        """Let go of the answer file."""
        if self.lock is not None:
            self.lock.release()

    def needs_questionnaire(self) -> str | None:
        """The questionnaire to name when resuming, if the answer file cannot name it itself.

        An answer file may name a questionnaire only in its own folder or the one above it
        (or the current folder, which may differ when the session is resumed).
        """
        if self.source is None:
            return None
        where, near = self.source.resolve(), self.path.parent.resolve()
        return None if where.is_relative_to(near.parent) else str(where)

    def saved_message(self) -> str:
        """Where the answers are, in words."""
        count, notes = len(self.assessment.answers), len(self.pending)
        extra = f" and {notes} note{'s' if notes != 1 else ''}" if notes else ""
        return f"{count} answer{'s' if count != 1 else ''}{extra} saved to {self.path}."

    def welcome(self) -> str:
        """What the person is about to do, in a few lines."""
        q = self.questionnaire
        open_now = nav.OPEN | {"waiting"}
        todo = len([qid for qid in self.scope if self.statuses[qid].status in open_now])
        size = (
            f"{todo} of {len(self.scope)} questions left"
            if self.resumed
            else (f"{len(self.scope)} questions, about {minutes_of(q)} min")
        )
        return (
            f"{q.title} {q.version}: {size}.\n"
            f"Answers are saved to {self.path} as you go. Every question offers Back, Skip for "
            "now and Don't know; a review comes at the end. Ctrl-C stops safely; --resume "
            "continues."
        )

    def run(self, *, review_first: bool = False) -> None:
        """Ask the subject (when new), then every question due, then the review until finished."""
        width = columns()
        for paragraph in self.welcome().split("\n"):
            prompts.say(wrap(paragraph, width), "bold")
        if not self.resumed:
            subject, respondent = ask_subject(self.assessment.subject, self.assessment.respondent)
            self._update(
                assessment=self.assessment.model_copy(
                    update={"subject": subject, "respondent": respondent}
                )
            )
            self.save()
        if not review_first:
            self.walk()
        self.review()

    def walk(self) -> None:
        """Every question due, in order, with Back and Skip for now."""
        qid = nav.first_due(self.scope, self.statuses, self.passed)
        while qid is not None:
            self.reached = max(self.reached, self.scope.index(qid))
            before = nav.previous(self.scope, self.statuses, qid)
            reply = self.ask(qid, can_go_back=before is not None)
            if reply == "back":
                qid = before
                continue
            if reply == "skip":
                self.passed.add(qid)
            qid = nav.following(self.scope, self.statuses, qid, self.reached, self.passed)

    def walk_through(self, qids: list[str]) -> None:
        """The questions given, one after the other (Back goes to the one before)."""
        index = 0
        while 0 <= index < len(qids):
            if self.statuses[qids[index]].status in nav.HIDDEN:
                index += 1
                continue
            reply = self.ask(qids[index], can_go_back=index > 0)
            index += -1 if reply == "back" else 1

    def review(self) -> None:
        """The review screen, until the person finishes."""
        while True:
            choice = review(self.questionnaire, self.scope, self.statuses)
            if choice == "finish":
                return
            if choice == "open":
                self.passed.clear()
                self.walk_through(nav.open_questions(self.scope, self.statuses))
            elif (qid := pick_question(self.questionnaire, self.scope, self.statuses)) is not None:
                self.ask(qid, can_go_back=False)

    def ask(self, qid: str, *, can_go_back: bool) -> Reply:
        """Ask one question; record and save its answer."""
        current = self.assessment.answers.get(qid)
        asked = Asked(
            progress=self.progress(qid),
            current=current,
            note=current.note if current is not None else self.pending.get(qid, ""),
            can_go_back=can_go_back,
            on_note=lambda note: self.keep_note(qid, note),
        )
        started = time.monotonic()
        reply = ask_question(self.questionnaire, self.questionnaire.placed[qid].question, asked)
        if isinstance(reply, Answer):
            self.pace.add(time.monotonic() - started)
            self.pending.pop(qid, None)
            self._answer(qid, reply)
        return reply

    def keep_note(self, qid: str, note: str) -> None:
        """Save a note the moment it is confirmed, with the answer or, until then, on its own."""
        current = self.assessment.answers.get(qid)
        if current is not None:
            self._answer(qid, current.model_copy(update={"note": note}))
            return
        if note:
            self.pending[qid] = note
        else:
            self.pending.pop(qid, None)
        self.save()

    def progress(self, qid: str) -> str:
        """``23 / 79 · Process › Release · about 35 min left``."""
        counted = [q for q in self.scope if self.statuses[q].status != "skipped"]
        position = counted.index(qid) + 1 if qid in counted else len(counted)
        left = nav.remaining(self.scope, self.statuses, self.passed)
        estimate = time_left(left * self.pace.per_question()) if left else ""
        titles = [g.title for g in self.questionnaire.placed[qid].groups]
        return progress_line(position, len(counted), titles, estimate)

    def result(self) -> Result:
        """Score what has been answered."""
        return score(self.questionnaire, self.assessment)

    def _answer(self, qid: str, answer: Answer) -> None:
        answers = {**self.assessment.answers, qid: answer}
        self._update(self.assessment.model_copy(update={"answers": answers}))
        self.save()

    def _update(self, assessment: Assessment) -> None:
        self.assessment = assessment
        self._statuses, self._unsaved = None, True
