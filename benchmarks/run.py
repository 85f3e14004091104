"""Run every benchmark in turn and print one table of the budgets of DESIGN.md.

Each script measures its own budget as a ratio or a difference taken in one run on this
machine (see its docstring); this one only runs them one after the other, so that they do not
slow each other down, and sums up. Run: python benchmarks/run.py [NAME ...]. Exits 1 when any
budget is exceeded, 2 when a script could not run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# NOTE: in the order of the pipeline; each runs alone.
SCRIPTS = ("startup", "pdf", "workshop", "compare", "metrics", "assess")


def run(name: str) -> tuple[int, list[str], float]:
    """A script's exit code, the lines it printed, and how long it took."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(HERE / f"{name}.py")], capture_output=True, text=True, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if done.returncode not in (0, 1):
        lines += [f"failed to run: {line}" for line in done.stderr.splitlines()[-3:]]
    return done.returncode, lines, time.perf_counter() - start


def main() -> int:
    """Run the chosen benchmarks (all by default) and print what each measured."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(SCRIPTS))
    names = parser.parse_args().names or [s for s in SCRIPTS if (HERE / f"{s}.py").exists()]
    unknown = [n for n in names if n not in SCRIPTS]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r}; expected one of {', '.join(SCRIPTS)}")
    codes = {}
    for name in names:
        code, lines, seconds = run(name)
        codes[name] = code
        verdict = {0: "within budget", 1: "OVER BUDGET"}.get(code, "could not run")
        print(f"== {name} ({seconds:.0f} s): {verdict}")
        print("\n".join(f"   {line}" for line in lines), flush=True)
    over = [n for n, c in codes.items() if c == 1]
    broken = [n for n, c in codes.items() if c not in (0, 1)]
    print(f"\n{len(names) - len(over) - len(broken)} of {len(names)} within budget", end="")
    print(f"; over: {', '.join(over)}" if over else "", end="")
    print(f"; could not run: {', '.join(broken)}" if broken else "")
    return 2 if broken else 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
