"""Measure the compare budget of DESIGN.md: under one second of work beyond start-up.

- ``compare`` of 40 quarterly results of one team, and ``compare --across`` of 100 teams, of
  the full built-in ``mlops`` questionnaire, written as JSON results (what the budget names)
- beyond start-up: the median wall time minus that of the command's start-up, measured as
  ``mlops-maturity compare MISSING-FILE``: the same process, Typer building the command's eleven
  options (about 0.1 to 0.3 s more than ``--help``, see benchmarks/README.md), stopping at the
  first file check, before anything is imported to read results. Runs alternate after a
  warm-up so that a noisy machine slows both alike; ``--help`` is printed for reference

The same sets as answer files (scored on every run) are measured too and printed for
information; they are not part of the budget. Run: python benchmarks/compare.py [--runs N].
Exits 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "history" / "mlops-litware-2026-q4.yaml"
BUDGET = 1.0  # seconds of work beyond start-up
QUARTERS, TEAMS = 40, 100
# NOTE: an installed tool runs from bytecode that pip compiled; let the warm-up write it.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def varied(base: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The example's answers with every choice question answered at random."""
    from mlops_maturity.questionnaire.load import load_questionnaire
    from mlops_maturity.questionnaire.model import BooleanQuestion, ChoiceQuestion

    q = load_questionnaire("mlops")
    answers = dict(base["answers"])
    for qid, placed in q.placed.items():
        question = placed.question
        if isinstance(question, ChoiceQuestion):
            ids = [o.id for o in q.options_of(question)]
            if question.type == "single":
                answers[qid] = rng.choice(ids)
            else:
                answers[qid] = rng.sample(ids, rng.randint(0, len(ids)))
        elif isinstance(question, BooleanQuestion):
            answers[qid] = rng.random() < 0.5
    return {**base, "answers": answers}


def write_sets(folder: Path) -> dict[str, Path]:
    """Four folders: 40 quarters and 100 teams, each as answer files and as JSON results."""
    import yaml

    from mlops_maturity.assessment.load import load_answers
    from mlops_maturity.scoring.engine import score

    base = yaml.safe_load(EXAMPLE.read_text())
    rng = random.Random(20261201)
    sets = {name: folder / name for name in ("quarters", "teams", "quarters-json", "teams-json")}
    for path in sets.values():
        path.mkdir()
    subjects = [
        ("quarters", f"{2017 + i // 4}-Q{i % 4 + 1}", base["subject"]["team"])
        for i in range(QUARTERS)
    ]
    subjects += [("teams", "2026-Q3", f"Team {i:03}") for i in range(TEAMS)]
    for i, (kind, period, team) in enumerate(subjects):
        data = varied(base, rng)
        data["subject"] = {"organization": "Example Corp", "team": team, "period": period}
        answers = sets[kind] / f"{i:03}.yaml"
        answers.write_text(yaml.safe_dump(data, sort_keys=False))
        assessment, q = load_answers(answers)
        result = score(q, assessment).model_dump_json()
        (sets[f"{kind}-json"] / f"{i:03}.json").write_text(result)
    return sets


def once(command: list[str], code: int = 0) -> float:
    """Wall time of one run of ``command``, which must exit with ``code``."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=ENV, check=False)
    spent = time.perf_counter() - start
    if done.returncode != code:
        sys.exit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr.decode()}")
    return spent


def medians(commands: list[tuple[list[str], int]], runs: int) -> list[float]:
    """Median wall time of each command, all run in turn ``runs`` times after a warm-up."""
    for command, code in commands:
        once(command, code)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for spent, (command, code) in zip(times, commands, strict=True):
            spent.append(once(command, code))
    return [statistics.median(t) for t in times]


def main() -> int:
    """Print each measurement; exit 1 if a budgeted one is over."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    tool = shutil.which("mlops-maturity") or sys.exit("install the project first")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        sets = write_sets(Path(tmp))
        cases = [
            (f"{QUARTERS} quarters (JSON)", ["compare", str(sets["quarters-json"])], True),
            (f"{TEAMS} teams (JSON)", ["compare", "--across", str(sets["teams-json"])], True),
            (f"{QUARTERS} quarters (answers)", ["compare", str(sets["quarters"])], False),
            (f"{TEAMS} teams (answers)", ["compare", "--across", str(sets["teams"])], False),
        ]
        start_up = [tool, "compare", str(Path(tmp) / "missing.yaml")]
        for name, args, budgeted in cases:
            mine, base, help_ = medians(
                [([tool, *args], 0), (start_up, 1), ([tool, "--help"], 0)], runs
            )
            extra = mine - base
            over = budgeted and extra > BUDGET
            failed |= over
            verdict = ("OVER BUDGET" if over else "ok") if budgeted else "(not budgeted)"
            print(
                f"{name:24} {mine * 1000:5.0f} ms; start-up {base * 1000:3.0f} ms "
                f"(--help {help_ * 1000:3.0f} ms): {extra * 1000:4.0f} ms beyond start-up, "
                f"budget {BUDGET * 1000:.0f} ms {verdict}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
