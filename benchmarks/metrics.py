"""Measure the budgets of ``metrics dora`` on generated records, beyond the command's start-up.

- 100,000 deployments and 10,000 incidents: under 2 s more than the same command on one record
- a git repository of 10,000 commits and 500 tags: under 5 s more than on a repository of one

Each figure is the median CPU time (user + system, the command and the git it runs) of the
big case less that of the same command on one record, so that other work on a shared machine
does not count; wall times are printed beside it.

Run: python benchmarks/metrics.py [--runs N]. Exits 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
OUTCOMES = ["succeeded"] * 17 + ["failed", "rolled back", "succeeded"]


def write_records(folder: Path, deployments: int, incidents: int) -> tuple[Path, Path]:
    """A deployment file over one year (40 models) and incidents caused by some deployments."""
    rng = random.Random(14)
    lines = ["id,time,model,outcome,first_commit,commit,unplanned"]
    for i in range(deployments):
        at = START + dt.timedelta(seconds=i * 31_536_000 // max(deployments, 1))
        first = at - dt.timedelta(minutes=rng.randint(10, 20_000))
        lines.append(
            f"d{i},{at.isoformat()},model-{i % 40},{rng.choice(OUTCOMES)},{first.isoformat()},"
            f"{rng.getrandbits(40):010x},{'yes' if i % 9 == 0 else 'no'}"
        )
    d = folder / f"deployments-{deployments}.csv"
    d.write_text("\n".join(lines) + "\n")
    lines = ["id,start,restored,deployment,severity"]
    step = max(deployments // max(incidents, 1), 1)
    for n in range(incidents):
        start = START + dt.timedelta(seconds=n * step * 31_536_000 // max(deployments, 1) + 600)
        end = start + dt.timedelta(minutes=rng.randint(5, 3000))
        lines.append(f"i{n},{start.isoformat()},{end.isoformat()},d{n * step},sev{n % 3 + 1}")
    i = folder / f"incidents-{incidents}.csv"
    i.write_text("\n".join(lines) + "\n")
    return d, i


def write_repository(folder: Path, commits: int, tags: int) -> Path:
    """A repository built with ``git fast-import``: a line of commits, a tag every few."""
    repo = folder / f"repo-{commits}"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    every = max(commits // tags, 1)
    parts: list[str] = []
    for n in range(1, commits + 1):
        stamp = int(START.timestamp()) + n * 1800
        message = f"change {n}\n"
        parts.append(
            f"commit refs/heads/main\nmark :{n}\n"
            f"author A. Example <a@example.org> {stamp} +0000\n"
            f"committer A. Example <a@example.org> {stamp} +0000\n"
            f"data {len(message)}\n{message}"
            f"M 644 inline file.txt\ndata {len(str(n))}\n{n}\n"
        )
        if n % every == 0 and n // every <= tags:
            tag = f"v{n // every}"
            parts.append(
                f"tag {tag}\nfrom :{n}\ntagger A. Example <a@example.org> {stamp + 3600} +0000\n"
                f"data {len(tag)}\n{tag}\n"
            )
    stream = "".join(parts).encode()
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], input=stream, check=True)
    return repo


def timed(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system, of the command and the git it
    runs) over ``runs`` runs, after one warm-up."""
    subprocess.run(command, check=True, capture_output=True, env=ENV)
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=ENV)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    """Generate the data, time each case against the same command on tiny data, print, judge."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    tool = shutil.which("mlops-maturity") or sys.exit("install the project first")
    dora = [tool, "metrics", "dora", "-f", "json"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, big = write_records(folder, 1, 1), write_records(folder, 100_000, 10_000)
        tiny_repo, repo = write_repository(folder, 1, 1), write_repository(folder, 10_000, 500)
        records = [
            [*dora, "--deployments", str(files[0]), "--incidents", str(files[1]), "--by", "model"]
            for files in (small, big)
        ]
        git = [[*dora, "--git", str(r), "--tag", "v*", "--by", "model"] for r in (tiny_repo, repo)]
        cases = [
            ("100,000 deployments + 10,000 incidents", records, 2.0),
            ("git: 10,000 commits, 500 tags", git, 5.0),
        ]
        failed = False
        for name, (baseline, ours), budget in cases:
            (base_wall, base_cpu), (wall, cpu) = timed(baseline, runs), timed(ours, runs)
            beyond = cpu - base_cpu
            verdict = "ok" if beyond < budget else "OVER BUDGET"
            failed |= beyond >= budget
            print(
                f"{name:40} {beyond:5.2f} s CPU beyond start-up (budget {budget:.0f} s) "
                f"{verdict}; wall {wall:.2f} s vs {base_wall:.2f} s on one record"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
