"""``workshop merge``: many respondents' answer files become one workshop file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlops_maturity.cli.app import ForceOpt, OutputOpt, boundary, err, workshop_app
from mlops_maturity.errors import MaturityError

if TYPE_CHECKING:
    from mlops_maturity.assessment.model import Assessment, Strategy
    from mlops_maturity.questionnaire.model import Questionnaire
    from mlops_maturity.workshop.merge import Decision, Respondent


@workshop_app.command("merge")
@boundary
def merge_command(
    files: Annotated[list[Path], typer.Argument(help="Answer files (or workshop files) to merge.")],
    output: OutputOpt = None,
    strategy: Annotated[
        str, typer.Option("--strategy", help="How to agree: median (default), mean or min.")
    ] = "median",
    decisions: Annotated[
        Path | None, typer.Option("--decisions", help="The facilitator's decisions (YAML).")
    ] = None,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Leave respondents' names out of the file.")
    ] = False,
    force: ForceOpt = False,
) -> None:
    """Merge respondents' answer files into one workshop file for the report."""
    from mlops_maturity.assessment.dump import dump_answers
    from mlops_maturity.cli.delivery import emit
    from mlops_maturity.workshop.merge import merge

    if strategy not in {"median", "mean", "min"}:
        raise typer.BadParameter("expected median, mean or min", param_hint="--strategy")
    if len(files) < 2 and not decisions:
        raise MaturityError("give the answer files of at least two respondents")
    q, base, people = read_respondents(files)
    settled = {} if decisions is None else read_decisions(decisions, q)
    chosen: Strategy = strategy  # type: ignore[assignment]
    merged = merge(q, base, people, strategy=chosen, decisions=settled, anonymous=anonymous)
    emit(dump_answers(merged, q), output, force=force)
    split = _disagreements(q, merged)
    if output not in (None, "-"):
        err(f"Wrote {output}: {len(people)} respondents, {split} disagreement(s) to discuss.")


def read_respondents(files: list[Path]) -> tuple[Questionnaire, Assessment, list[Respondent]]:
    """Load every file; they must answer one questionnaire version about one subject."""
    from mlops_maturity.assessment.load import load_answers
    from mlops_maturity.workshop.merge import respondents_of

    first, q = load_answers(files[0])
    people = []
    for path in files:
        found, other = load_answers(path)
        _same(path, files[0], found, first, (other.id, other.version), (q.id, q.version))
        if not found.respondent and found.workshop is None:
            found = found.model_copy(update={"respondent": path.stem})
            err(f"warning: {path} names no respondent; calling them {path.stem!r}")
        people += respondents_of(found, str(path))
    return q, first, people


def _same(
    path: Path,
    first_path: Path,
    found: Assessment,
    first: Assessment,
    questionnaire: tuple[str, str],
    expected: tuple[str, str],
) -> None:
    if questionnaire != expected:
        raise MaturityError(
            f"{path} answers {questionnaire[0]} {questionnaire[1]}, but {first_path} answers "
            f"{expected[0]} {expected[1]}: a workshop merges answers to one questionnaire version"
        )
    mine, theirs = _subject(found), _subject(first)
    if [p.casefold() for p in mine] != [p.casefold() for p in theirs]:
        raise MaturityError(
            f"{path} is about {_about(mine)}, but {first_path} is about "
            f"{_about(theirs)}: a workshop merges answers about one team"
        )


def _subject(assessment: Assessment) -> tuple[str, ...]:
    s = assessment.subject
    return tuple(" ".join(part.split()) for part in (s.organization, s.team, s.period))


def _about(subject: tuple[str, ...]) -> str:
    return " · ".join(part for part in subject if part) or "no subject"


def read_decisions(path: Path, q: Questionnaire) -> dict[str, Decision]:
    """The facilitator's decisions: question id → value and reason, every problem located."""
    from mlops_maturity.cli.decisions import load_decisions

    return load_decisions(path, q)


def _disagreements(q: Questionnaire, merged: Assessment) -> int:
    from mlops_maturity.scoring.responses import disagreement, step

    count = 0
    for qid, answer in merged.answers.items():
        question = q.placed[qid].question
        steps = [step(q, question, r.value) for r in answer.responses]
        count += disagreement(question, steps)[1]
    return count
