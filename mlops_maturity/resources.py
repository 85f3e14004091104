"""Find the files that ship with the tool, from a checkout or from an installed wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder of shipped data called ``name`` (``questionnaires`` or ``report_templates``).

    A wheel carries it inside the package (``_data/``); a checkout has it at the top level.
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the installation is incomplete: {name}/ is missing")


def builtin_questionnaires() -> dict[str, Path]:
    """Built-in questionnaire files by id (the file name without ``.yaml``)."""
    return dict(_builtin_questionnaires())


# NOTE: the shipped files do not change while the tool runs; merging 200 answer files would
# otherwise list the folder 400 times.
@cache
def _builtin_questionnaires() -> tuple[tuple[str, Path], ...]:
    folder = data_dir("questionnaires")
    return tuple((path.stem, path) for path in sorted(folder.glob("*.yaml")))


def builtin_benchmarks() -> dict[str, Path]:
    """Shared benchmark files by id (``questionnaires/benchmarks/ID.yaml``)."""
    folder = data_dir("questionnaires") / "benchmarks"
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))}
