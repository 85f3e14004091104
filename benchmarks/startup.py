"""Measure the start-up budgets of DESIGN.md as ratios taken in one run on one machine.

- ``mlops-maturity --help`` ≤ 1.5 × ``python -c "import typer"``
- a terminal report of the full built-in questionnaire from an answer file
  ≤ 2 × ``python -c "import typer, yaml, pydantic, rich.console"``

Run: python benchmarks/startup.py [--runs N]. Exits 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "mlops-northwind-2026-q3.yaml"


# NOTE: an installed tool runs from bytecode that pip compiled; let the warm-up run write it
# even where PYTHONDONTWRITEBYTECODE is set, or every run would recompile our modules.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def once(command: list[str]) -> float:
    """Wall time of one run of ``command``."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=ENV)
    return time.perf_counter() - start


def walls(ours: list[str], baseline: list[str], runs: int) -> tuple[float, float]:
    """Median wall times of both commands, run alternately so that noise hits both alike."""
    once(ours), once(baseline)  # warm-up: caches, page cache
    mine, base = [], []
    for _ in range(runs):
        mine.append(once(ours))
        base.append(once(baseline))
    return statistics.median(mine), statistics.median(base)


def main() -> int:
    """Print each budget's ratio; exit 1 if one is over."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    tool = shutil.which("mlops-maturity") or sys.exit("install the project first")
    python = sys.executable
    cases = [
        ("--help", [tool, "--help"], [python, "-c", "import typer"], 1.5),
        (
            "terminal report",
            [tool, "report", str(EXAMPLE), "--format", "terminal"],
            [python, "-c", "import typer, yaml, pydantic, rich.console"],
            2.0,
        ),
    ]
    failed = False
    for name, ours, baseline, budget in cases:
        mine, base = walls(ours, baseline, runs)
        ratio = mine / base
        verdict = "ok" if ratio <= budget else "OVER BUDGET"
        failed |= ratio > budget
        print(
            f"{name:16} {mine * 1000:7.0f} ms vs {base * 1000:5.0f} ms  ratio {ratio:4.2f} "
            f"(budget {budget}) {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
