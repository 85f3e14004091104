"""The PDF report: the HTML report through WeasyPrint 70, with a deny-by-default URL fetcher."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from mlops_maturity.render.html import render_html
from mlops_maturity.resources import data_dir

if TYPE_CHECKING:
    from mlops_maturity.render.view import ReportView

PDF_VARIANT = "pdf/ua-1"
PANGO_HELP = (
    "PDF reports need the Pango text libraries, which WeasyPrint could not load ({error}).\n"
    "Install them, then run the command again:\n"
    "  Debian/Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0\n"
    "  macOS:         brew install pango\n"
    "Other formats (--format html, markdown) work without them."
)


def inside(folder: Path, url: str) -> bool:
    """Whether ``url`` is a plain ``file:`` URL of a file inside ``folder`` (links resolved)."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost") or parts.query:
        return False
    path = Path(unquote(parts.path))
    if ".." in path.parts:
        return False
    # NOTE: resolve() follows symlinks, so a link inside the folder cannot point outside it.
    return path.resolve().is_relative_to(folder.resolve())


def offline_fetcher(folder: Path) -> Any:
    """A WeasyPrint URL fetcher that allows ``data:`` URLs and files in ``folder``, nothing else.

    It keeps the URLs it was asked for in ``asked`` and those it refused in ``refused``.
    """
    from weasyprint.urls import URLFetcher

    class OfflineFetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            # NOTE: no redirects at all; each fetch is checked here, never by urllib.
            super().__init__(allow_redirects=False, timeout=5)
            self.asked: list[str] = []
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            self.asked.append(url)
            if url.startswith("data:") or inside(folder, url):
                return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"blocked by the report's URL policy: {url[:80]}")

    return OfflineFetcher()


def render_pdf(view: ReportView, *, fetcher: Any = None) -> bytes:
    """The report as an A4 PDF. ``fetcher`` is for tests that inspect what was asked for."""
    return html_to_pdf(render_html(view), fetcher=fetcher)[0]


def render_pdf_pages(view: ReportView) -> tuple[bytes, int]:
    """The report as an A4 PDF, and how many pages it has."""
    return html_to_pdf(render_html(view))


def html_to_pdf(html: str, *, fetcher: Any = None) -> tuple[bytes, int]:
    """Lay out finished report HTML with WeasyPrint; nothing is read from outside the templates.

    Returns the PDF and its number of pages.
    """
    from weasyprint import HTML

    folder = data_dir("report_templates")
    document = HTML(
        string=html,
        base_url=str(folder) + "/",
        url_fetcher=fetcher if fetcher is not None else offline_fetcher(folder),
    ).render(presentational_hints=False)
    # NOTE: PDF/UA-1 writes the tags screen readers need, plus a title and language.
    pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT)
    return pdf, len(document.pages)


def pango_problem() -> str | None:
    """A message naming the packages to install when WeasyPrint cannot load Pango, else None."""
    try:
        # NOTE: WeasyPrint prints its own advice to stdout when a library is missing, and
        # stdout may be the report; keep it quiet and give our message instead.
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint  # noqa: F401
    except OSError as error:
        return PANGO_HELP.format(error=str(error).splitlines()[0] if str(error) else "OSError")
    return None
