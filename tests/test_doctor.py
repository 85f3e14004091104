"""The doctor names what is missing and how to install it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from mlops_maturity.cli.doctor import checks, pango_version
from tests.conftest import Run


def fake_ffi(subset: object) -> SimpleNamespace:
    return SimpleNamespace(
        pango=SimpleNamespace(pango_version=lambda: 15012), harfbuzz_subset=subset
    )


def test_pango_version_is_readable() -> None:
    assert pango_version(fake_ffi(None)) == "1.50.12"


def test_missing_pango_fails_with_the_packages_to_install(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> None:
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr("mlops_maturity.cli.doctor.load_weasyprint_ffi", missing)
    result = run(["doctor"], code=1)
    assert "FAIL  pango" in result.stdout
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" in result.stdout
    assert "brew install pango" in result.stdout


def test_missing_harfbuzz_subset_is_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mlops_maturity.cli.doctor.load_weasyprint_ffi", lambda: fake_ffi(None))
    by_name = {c.name: c for c in checks()}
    assert by_name["pango"].detail == "1.50.12"
    assert by_name["harfbuzz-subset"].status == "warn"
    assert "libharfbuzz-subset0" in by_name["harfbuzz-subset"].detail


def test_healthy_installation(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mlops_maturity.cli.doctor.load_weasyprint_ffi", lambda: fake_ffi(object()))
    out = run(["doctor"]).stdout
    assert "ok    harfbuzz-subset" in out
    assert "ok    python" in out
