"""Check the installation: Python, the shipped data, and the system libraries PDF needs."""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Literal

from mlops_maturity import __version__
from mlops_maturity.resources import builtin_questionnaires, data_dir

Status = Literal["ok", "warn", "fail"]
INSTALL_HINT = (
    "install Pango: on Debian/Ubuntu `apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
    "libharfbuzz-subset0`, on macOS `brew install pango`"
)


@dataclass(frozen=True)
class Check:
    """One line of the doctor's report."""

    name: str
    status: Status
    detail: str


def load_weasyprint_ffi() -> Any:
    """WeasyPrint's system-library bindings; raises OSError when Pango cannot be loaded."""
    # NOTE: WeasyPrint prints its own installation advice to stdout when a library is
    # missing; results go to stdout, so keep it quiet and give our own message instead.
    with contextlib.redirect_stdout(io.StringIO()):
        from weasyprint.text import ffi

    return ffi


def pango_version(ffi: Any) -> str:
    """Pango's version as text, e.g. ``1.50.12``."""
    number = int(ffi.pango.pango_version())
    return f"{number // 10000}.{number // 100 % 100}.{number % 100}"


def checks() -> list[Check]:
    """Everything the doctor looks at, in order."""
    found: list[Check] = [
        Check("mlops-maturity", "ok", __version__),
        Check(
            "python",
            "ok" if sys.version_info >= (3, 11) else "fail",
            sys.version.split()[0] + ("" if sys.version_info >= (3, 11) else " (3.11+ needed)"),
        ),
        Check("questionnaires", "ok", f"{len(builtin_questionnaires())} built in"),
    ]
    try:
        data_dir("report_templates")
        found.append(Check("report templates", "ok", "found"))
    except FileNotFoundError as exc:
        found.append(Check("report templates", "fail", str(exc)))
    return found + _pdf_checks()


def _pdf_checks() -> list[Check]:
    try:
        version = metadata.version("weasyprint")
    except metadata.PackageNotFoundError:
        return [Check("weasyprint", "fail", "not installed; PDF reports are unavailable")]
    found = [Check("weasyprint", "ok", version)]
    try:
        ffi = load_weasyprint_ffi()
    except OSError as exc:
        detail = f"cannot be loaded ({exc}); {INSTALL_HINT}. PDF reports are unavailable."
        return [*found, Check("pango", "fail", detail)]
    found.append(Check("pango", "ok", pango_version(ffi)))
    if ffi.harfbuzz_subset is None:
        detail = "missing: install libharfbuzz-subset0; PDF writing is several times slower"
        found.append(Check("harfbuzz-subset", "warn", detail))
    else:
        found.append(Check("harfbuzz-subset", "ok", "present (fast PDF font subsetting)"))
    return found


def render_checks(found: list[Check]) -> str:
    """The checks as aligned text."""
    width = max(len(c.name) for c in found)
    mark = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}
    return "".join(f"{mark[c.status]}  {c.name:<{width}}  {c.detail}\n" for c in found)
