"""Measure the budget of ``workshop merge``: 200 respondents × the full ``mlops`` questionnaire.

The figure is the median CPU time (user + system) of merging 200 generated answer files less
that of merging two, so that start-up and other work on a shared machine do not count; wall
times are printed beside it. Budget: under one second beyond start-up.

Run: python benchmarks/workshop.py [--runs N]. Exits 1 when the budget is exceeded.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_S = 1.0
RESPONDENTS = 200


def write_respondents(folder: Path, count: int) -> list[Path]:
    """``count`` answer files of made-up respondents, each answering every question."""
    from mlops_maturity.assessment.dump import dump_answers
    from mlops_maturity.assessment.model import Answer, Assessment, Subject
    from mlops_maturity.questionnaire.load import load_questionnaire
    from mlops_maturity.questionnaire.model import ChoiceQuestion, NumberQuestion

    q = load_questionnaire("mlops")
    rng = random.Random(7)
    paths = []
    for i in range(count):
        answers = {}
        for qid, placed in q.placed.items():
            question = placed.question
            if isinstance(question, ChoiceQuestion):
                options = [o.id for o in q.options_of(question)]
                value: object = options[rng.randrange(len(options))]
                if question.type == "multiple":
                    value = [value]
            elif isinstance(question, NumberQuestion):
                value = rng.randrange(0, 40)
            elif question.type == "boolean":
                value = rng.random() < 0.5
            else:
                value = f"Note {i}"
            answers[qid] = Answer(value=value)  # type: ignore[arg-type]
        assessment = Assessment(
            questionnaire="mlops",
            subject=Subject(organization="Example Corp", team="Fraud ML", period="2026-Q3"),
            respondent=f"Respondent {i:03d}",
            answers=answers,
        )
        path = folder / f"r{i:03d}.yaml"
        path.write_text(dump_answers(assessment, q))
        paths.append(path)
    return paths


def cpu_and_wall(command: list[str]) -> tuple[float, float]:
    """The CPU time (user + system) and wall time of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main() -> int:
    """Print the figure; exit 1 if it is over budget."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_respondents(Path(tmp), RESPONDENTS)
        tool = [sys.executable, "-m", "mlops_maturity", "workshop", "merge"]
        big = [*tool, *map(str, paths), "-o", str(Path(tmp) / "all.yaml"), "--force"]
        small = [*tool, *map(str, paths[:2]), "-o", str(Path(tmp) / "two.yaml"), "--force"]
        cpu_and_wall(big)  # warm-up: caches and bytecode
        pairs = [(cpu_and_wall(big), cpu_and_wall(small)) for _ in range(runs)]
    cpu = statistics.median(b[0] - s[0] for b, s in pairs)
    wall = statistics.median(b[1] - s[1] for b, s in pairs)
    verdict = "ok" if cpu < BUDGET_S else "OVER BUDGET"
    print(
        f"workshop merge   {RESPONDENTS} respondents × mlops: {cpu:.2f} s CPU "
        f"({wall:.2f} s wall) beyond start-up (budget {BUDGET_S:g} s) {verdict}"
    )
    return 0 if cpu < BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
