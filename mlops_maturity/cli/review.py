"""The review at the end of a session, and the lists to pick a question or a questionnaire from."""

from __future__ import annotations

from collections.abc import Sequence

from mlops_maturity.cli import prompts
from mlops_maturity.cli.asking import columns, label_of
from mlops_maturity.cli.layout import Item, choice_title, entry_title, message, wrap
from mlops_maturity.cli.navigation import Statuses, by_group, open_questions, shown
from mlops_maturity.cli.progress import menu_title
from mlops_maturity.questionnaire.model import Questionnaire

TAGS = {"missing": "not answered", "unknown": "don't know", "waiting": "waits on another answer"}
BACK = "__back__"


def review_lines(
    q: Questionnaire, scope: Sequence[str], statuses: Statuses, width: int
) -> list[str]:
    """The review: how much is answered, then what is still open, by group."""
    counted = [qid for qid in scope if statuses[qid].status != "skipped"]
    done = [qid for qid in counted if statuses[qid].status in {"answered", "not_applicable"}]
    todo = [qid for qid in counted if statuses[qid].status in TAGS]
    if not todo:
        return ["", f"Review: all {len(counted)} questions answered."]
    lines = ["", f"Review: {len(done)} of {len(counted)} questions answered. Still open:"]
    for title, qids in by_group(q, todo):
        lines += wrap(title, width, "  ", "    ")
        for qid in qids:
            text = f"{q.placed[qid].question.text} ({TAGS[statuses[qid].status]})"
            lines += wrap(text, width, "    • ", "      ")
    return lines


def review(q: Questionnaire, scope: Sequence[str], statuses: Statuses) -> str:
    """Show the review and ask what next: ``open`` (answer them), ``change`` or ``finish``."""
    width = columns()
    prompts.say(review_lines(q, scope, statuses, width))
    count = len(open_questions(scope, statuses))
    items = [Item(f"Answer the {count} open question{'s' if count != 1 else ''}", "open")]
    items = items if count else []
    items.append(Item("Change an answer", "change"))
    draft = " (a draft while questions are open)" if count else ""
    items.append(Item(choice_title(f"Finish and see the report{draft}", width), "finish"))
    chosen = "open" if count else "finish"
    return prompts.pick(message("What next?", width, prompts.PICK_HINT), items, chosen)


def pick_question(q: Questionnaire, scope: Sequence[str], statuses: Statuses) -> str | None:
    """A question to change, chosen by group and then by question; None to go back."""
    groups = by_group(q, shown(scope, statuses))
    while True:
        width = columns()
        items = [
            Item(choice_title(f"{title} ({len(qids)})", width), str(index))
            for index, (title, qids) in enumerate(groups)
        ]
        items.append(Item("← Back to the review", BACK))
        chosen = prompts.pick(message("Which group?", width, prompts.PICK_HINT), items)
        if chosen == BACK:
            return None
        qids = groups[int(chosen)][1]
        items = [Item(_entry(q, qid, statuses, width), qid) for qid in qids]
        items.append(Item("← Back to the groups", BACK))
        picked = prompts.pick(message("Which question?", width, prompts.PICK_HINT), items)
        if picked != BACK:
            return picked


def _entry(q: Questionnaire, qid: str, statuses: Statuses, width: int) -> str:
    status = statuses[qid]
    question = q.placed[qid].question
    answer = TAGS["missing"] if status.status == "missing" else label_of(q, question, status.value)
    return entry_title(question.text, answer, width)


def pick_questionnaire(choices: Sequence[Questionnaire]) -> str:
    """One of the built-in questionnaires, the shortest first, each with its size and time."""
    width = columns()
    items = [
        Item(choice_title(f"{menu_title(q)}: {q.title}", width), q.id)
        for q in sorted(choices, key=lambda q: (len(q.placed), q.id))
    ]
    # NOTE: the quick check is where a newcomer should start, whatever else is installed.
    ask = message("Which questionnaire?", width, prompts.PICK_HINT)
    picked = prompts.pick(ask, items, "quick")
    prompts.say(wrap(f"Questionnaire: {picked}", width, "  "))
    return picked
