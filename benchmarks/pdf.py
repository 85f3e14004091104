"""Measure the PDF budget of DESIGN.md as a ratio taken in one run on one machine.

- ``render_pdf`` of the full ``mlops`` example ≤ 1.3 × WeasyPrint alone turning the same
  finished HTML into a PDF (medians of N alternating runs, after a warm-up run)
- peak memory of a process that loads the answer file, scores it and renders the PDF < 250 MB

Run: python benchmarks/pdf.py [--runs N] [FILE]. Exits 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "mlops-northwind-2026-q3.yaml"
RATIO_BUDGET, MEMORY_BUDGET_MB = 1.3, 250


def median_times(
    first: Callable[[], object], second: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Median wall times of two pieces of work, run alternately so that noise hits both alike."""
    first(), second()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for work, spent in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            work()
            spent.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def render_once(path: Path) -> int:
    """The memory probe: what `report FILE --format pdf` does, in a fresh process."""
    from mlops_maturity.assessment.load import load_answers
    from mlops_maturity.render.pdf import render_pdf
    from mlops_maturity.render.view import build_view
    from mlops_maturity.scoring.engine import score

    assessment, questionnaire = load_answers(path)
    return len(render_pdf(build_view(score(questionnaire, assessment))))


def peak_memory_mb(path: Path) -> float:
    """Peak resident memory of a child process that renders the PDF once."""
    subprocess.run([sys.executable, __file__, "--child", str(path)], check=True)
    # NOTE: ru_maxrss is in kilobytes on Linux (bytes on macOS); the child is our only one.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale


def time_ratio(path: Path, runs: int) -> float:
    """Print the timings of render_pdf and of WeasyPrint alone on its HTML; return the ratio."""
    from weasyprint import HTML

    from mlops_maturity.assessment.load import load_answers
    from mlops_maturity.render.html import render_html
    from mlops_maturity.render.pdf import PDF_VARIANT, render_pdf
    from mlops_maturity.render.view import build_view
    from mlops_maturity.resources import data_dir
    from mlops_maturity.scoring.engine import score

    assessment, questionnaire = load_answers(path)
    result = score(questionnaire, assessment)
    html = render_html(build_view(result))
    base = str(data_dir("report_templates")) + "/"

    def alone_once() -> None:
        # NOTE: the same tagged PDF/UA output, so the ratio counts only what the tool adds.
        HTML(string=html, base_url=base).write_pdf(pdf_variant=PDF_VARIANT)

    ours, alone = median_times(lambda: render_pdf(build_view(result)), alone_once, runs)
    pages = len(HTML(string=html, base_url=base).render().pages)
    print(f"input            {path.name}: {len(result.answers)} questions, {pages} pages")
    print(f"render_pdf       {ours * 1000:7.0f} ms (median of {runs})")
    print(f"WeasyPrint alone {alone * 1000:7.0f} ms on the same HTML")
    print(f"ratio            {ours / alone:7.2f}    (budget {RATIO_BUDGET})")
    return ours / alone


def main() -> int:
    """Print the time ratio and the peak memory; exit 1 if one is over budget."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", type=Path, default=EXAMPLE)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        render_once(args.file)
        return 0
    memory = peak_memory_mb(args.file)
    ratio = time_ratio(args.file, args.runs)
    print(f"peak memory      {memory:7.0f} MB (budget {MEMORY_BUDGET_MB} MB)")
    failed = ratio > RATIO_BUDGET or memory >= MEMORY_BUDGET_MB
    print("OVER BUDGET" if failed else "ok")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
