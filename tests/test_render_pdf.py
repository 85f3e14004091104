"""The PDF report: its text and page furniture (via pdftotext), and the URL policy under attack."""

from __future__ import annotations

import builtins
import http.server
import re
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.render.pdf import (
    html_to_pdf,
    inside,
    offline_fetcher,
    pango_problem,
    render_pdf,
)
from mlops_maturity.resources import data_dir
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.result import Result
from tests.conftest import DATA, needs_pdftotext, pdf_pages, view_of


def scored(answers: str) -> Result:
    found, q = load_answers(Path(DATA / "reports" / answers))
    return score(q, found)


@pytest.mark.slow
@needs_pdftotext
def test_pdf_has_cover_contents_summary_groups_roadmap_and_page_numbers(tmp_path: Path) -> None:
    text = pdf_pages(render_pdf(view_of(scored("practice-answers.yaml"))), tmp_path)
    count = len(text)
    cover, contents = text[0], text[1]
    assert "Example Corp" in cover and "Practice assessment, version 2.1" in cover
    assert "2026-09-30" in cover and "R. Tester" in cover and "Page" not in cover
    assert re.search(r"Executive summary \.[ .]+ 3\n", contents)
    assert re.search(r"Appendix: how the scores are computed \.[ .]+ \d+\n", contents)
    for number, page in enumerate(text[1:], 2):
        assert f"Page {number} of {count}" in page
        assert "Example Corp · Fraud ML · 2026-Q3" in page  # the running header
        assert len([line for line in page.splitlines() if line.strip()]) > 3, "an empty page"
    body = "\n".join(text)
    for part in [
        "Fraud ML (Example Corp) is at level 1 (Managed) overall",
        "1.1 Data",
        "1.2 Code",
        "2.1 Deployment",
        "2.2 Monitoring",
        "Phase 2: Reach level 2 (Defined)",
        "Add CI",
        "How groups are combined",
    ]:
        assert part in body


@pytest.mark.slow
@needs_pdftotext
def test_long_tables_repeat_their_header_and_keep_rows_whole(tmp_path: Path) -> None:
    result = scored("practice-answers.yaml")
    step = result.recommendations[0]
    many = tuple(
        step.model_copy(update={"title": f"Step number {i:02d}", "how": "Do it. " * 30})
        for i in range(40)
    )
    long = view_of(result.model_copy(update={"recommendations": many}), roadmap_steps=40)
    text = pdf_pages(render_pdf(long), tmp_path)
    roadmap = [page for page in text if "Step number" in page and "Roadmap" in page.split("\n")[0]]
    assert len(roadmap) >= 3
    for page in roadmap:
        assert re.search(r"#\s+Step\s+Area\s+Owner\s+Impact · effort", page)
    titles = re.findall(r"Step number (\d\d)", "\n".join(roadmap))
    assert titles == [f"{i:02d}" for i in range(40)]  # each once: no row is split in two


class Recorder(http.server.BaseHTTPRequestHandler):
    """A local server that notes every request it gets."""

    seen: list[str] = []  # noqa: RUF012

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Recorder.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.slow
def test_hostile_notes_and_questionnaire_text_fetch_nothing() -> None:
    fetcher = offline_fetcher(data_dir("report_templates"))
    pdf = render_pdf(view_of(scored("hostile-answers.yaml")), fetcher=fetcher)
    assert pdf.startswith(b"%PDF")
    assert b"/EmbeddedFile" not in pdf
    assert fetcher.asked == []  # escaped: no URL ever reached WeasyPrint


@pytest.mark.slow
def test_the_fetcher_refuses_every_url_even_in_raw_html(server: str) -> None:
    # NOTE: defence in depth: this HTML skips the escaping, as a template bug would.
    hostile = f"""<html><head>
      <link rel="attachment" href="file:///etc/hostname">
      <link rel="stylesheet" href="{server}/style.css">
      <style>@import url("{server}/import.css"); body {{ background: url({server}/bg.png) }}</style>
      <link rel="stylesheet" href="report.css">
      </head><body>
      <img src="{server}/img.png"> <img src="../../../../etc/passwd">
      <img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E">
      <svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd" width="9" height="9"/></svg>
      <a href="{server}/link">link</a>
      </body></html>"""  # noqa: E501
    fetcher = offline_fetcher(data_dir("report_templates"))
    pdf, _ = html_to_pdf(hostile, fetcher=fetcher)
    assert b"/EmbeddedFile" not in pdf
    assert Recorder.seen == []
    allowed = [url for url in fetcher.asked if url not in fetcher.refused]
    assert len(allowed) == 2  # the inline data: image and our own stylesheet
    assert allowed[0].startswith("file://") and allowed[0].endswith("/report_templates/report.css")
    assert allowed[1].startswith("data:image/svg+xml,")
    refused = {re.sub(r"^http://127\.0\.0\.1:\d+", "http://server", u) for u in fetcher.refused}
    assert refused == {
        "file:///etc/hostname",
        "http://server/style.css",
        "http://server/import.css",
        "http://server/bg.png",
        "http://server/img.png",
        "file:///etc/passwd",
    }


def test_the_fetcher_follows_no_redirects() -> None:
    fetcher = offline_fetcher(data_dir("report_templates"))
    handlers = fetcher.handlers
    assert not any(isinstance(h, urllib.request.HTTPRedirectHandler) for h in handlers)


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        pytest.param("file://{folder}/report.css", True, id="inside"),
        pytest.param("file://localhost{folder}/report.css", True, id="localhost"),
        pytest.param("file://{folder}/../secret.txt", False, id="dot-dot"),
        pytest.param("file://{folder}/link/secret.txt", False, id="symlink-out"),
        pytest.param("file://{folder}/report.css?x=1", False, id="query"),
        pytest.param("file://evil.example{folder}/report.css", False, id="remote-host"),
        pytest.param("http://127.0.0.1{folder}/report.css", False, id="http"),
        pytest.param("file:///etc/passwd", False, id="elsewhere"),
    ],
)
def test_inside(tmp_path: Path, url: str, allowed: bool) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "report.css").write_text("p {}")
    (tmp_path / "secret.txt").write_text("secret")
    (folder / "link").symlink_to(tmp_path)
    assert inside(folder, url.format(folder=folder)) is allowed


def test_pango_problem_names_the_packages_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def failing(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0': error 0x7e")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", failing)
    message = pango_problem()
    assert message is not None
    assert "cannot load library 'libpango-1.0-0'" in message
    assert "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" in message
    assert "brew install pango" in message


def test_no_pango_problem_when_weasyprint_loads() -> None:
    assert pango_problem() is None


@pytest.mark.slow
@needs_pdftotext
def test_a_draft_says_so_on_every_page(tmp_path: Path) -> None:
    found, q = load_answers(
        Path(__file__).parent.parent / "examples" / "mlops-northwind-2026-q3.yaml"
    )
    kept = dict(list(found.answers.items())[10:])
    result = score(q, found.model_copy(update={"answers": kept}))
    o = result.overall
    mark = f"Draft: {o.answered} of {o.applicable} questions answered"
    text = pdf_pages(render_pdf(view_of(result)), tmp_path)
    assert len(text) > 10
    assert [number for number, page in enumerate(text, 1) if mark not in page] == []
    assert "Scores, levels and the roadmap may change" in "\n".join(text)
