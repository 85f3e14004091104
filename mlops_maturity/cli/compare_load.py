"""Read what `compare` is given: answer and workshop files (scored here) and JSON results."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mlops_maturity.cli.app import err
from mlops_maturity.errors import MaturityError

if TYPE_CHECKING:
    from mlops_maturity.history.order import Entry
    from mlops_maturity.questionnaire.model import Questionnaire
    from mlops_maturity.scoring.result import Result

SUFFIXES = (".yaml", ".yml", ".json")
MAX_JSON = 20 * 1024 * 1024
SCHEMA_KEY = re.compile(rb'\s*\{\s*"schema_version"\s*:\s*(\d+)\s*,')


def expand(paths: Sequence[Path]) -> list[Path]:
    """The files named, with each folder replaced by its answer files and results (not nested)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p
                for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
            if not inside:
                raise MaturityError(
                    f"{path}: no answer files or results (.yaml, .yml, .json) in it"
                )
            found += inside
        elif path.is_file():
            found.append(path)
        else:
            raise MaturityError(f"{path}: no such file or folder")
    return found


def load_entries(
    paths: Sequence[Path], target_level: str | None = None
) -> tuple[list[Entry], dict[str, Questionnaire]]:
    """Each file (folders expanded) as a result, and the questionnaires at hand by fingerprint."""
    from mlops_maturity.cli.delivery import apply_target
    from mlops_maturity.history.order import Entry

    entries: list[Entry] = []
    definitions: dict[str, Questionnaire] = {}
    for path in expand(paths):
        if path.suffix.lower() == ".json":
            result = read_result(path)
        else:
            result, questionnaire = score_answers(path)
            definitions[result.questionnaire.hash] = questionnaire
        entries.append(Entry(str(path), apply_target(result, target_level)))
    _builtin_definitions(entries, definitions)
    return entries, definitions


def read_result(path: Path) -> Result:
    """A JSON result, from any schema up to today's; newer or broken ones are refused clearly."""
    from pydantic import ValidationError
    from pydantic_core import from_json

    from mlops_maturity.scoring.result import Result, UnknownSchemaError, result_from_json

    if path.stat().st_size > MAX_JSON:
        raise MaturityError(f"{path}: the file is over {MAX_JSON} bytes; is it a result?")
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise MaturityError(f"{path}: cannot read: {exc.strerror}") from None
    if _current_schema(content):
        with contextlib.suppress(ValueError):
            # NOTE: a result of today's schema is read in one step, three times faster than
            # parsing then validating; any problem is reported by the full path below.
            return Result.model_validate_json(content)
    try:
        data = from_json(content)
    except ValueError:
        _invalid_json(path, content)
    try:
        return result_from_json(data)
    except UnknownSchemaError as exc:
        raise MaturityError(f"{path}: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise MaturityError(
            f"{path}: not a result written by mlops-maturity ({where}: {first['msg']})"
        ) from None
    except ValueError as exc:
        raise MaturityError(f"{path}: not a result written by mlops-maturity ({exc})") from None


def _current_schema(content: bytes) -> bool:
    """Whether a result says it is of today's schema in its first key, as ours do."""
    from mlops_maturity.scoring.result import SCHEMA_VERSION

    found = SCHEMA_KEY.match(content)
    return found is not None and int(found[1]) == SCHEMA_VERSION


def _invalid_json(path: Path, content: bytes) -> None:
    """Raise with the line and column the json module finds, the way editors count them."""
    try:
        json.loads(content)
    except json.JSONDecodeError as exc:
        raise MaturityError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    except UnicodeDecodeError:
        raise MaturityError(f"{path}: invalid JSON: not UTF-8 text") from None
    raise MaturityError(f"{path}: invalid JSON")


def score_answers(path: Path) -> tuple[Result, Questionnaire]:
    """An answer (or workshop) file scored against its questionnaire."""
    from mlops_maturity.assessment.load import load_answers
    from mlops_maturity.scoring.engine import score

    assessment, questionnaire = load_answers(path)
    if assessment.version is not None and assessment.version != questionnaire.version:
        err(
            f"warning: {path} was answered for {questionnaire.id} {assessment.version}; "
            f"scoring it against {questionnaire.version} (questions are matched by id)"
        )
    return score(questionnaire, assessment), questionnaire


def _builtin_definitions(entries: list[Entry], definitions: dict[str, Questionnaire]) -> None:
    """For JSON results, the built-in questionnaire when it is the very one that scored them."""
    hashes = {e.result.questionnaire.hash for e in entries}
    if len(hashes) < 2:
        return  # one questionnaire: nothing to compare between versions
    from mlops_maturity.questionnaire.load import load_questionnaire
    from mlops_maturity.resources import builtin_questionnaires
    from mlops_maturity.scoring.engine import questionnaire_hash

    tried: set[str] = set()
    for entry in entries:
        ref = entry.result.questionnaire
        if ref.hash in definitions or ref.id in tried or ref.id not in builtin_questionnaires():
            continue
        tried.add(ref.id)
        builtin = load_questionnaire(ref.id)
        definitions.setdefault(questionnaire_hash(builtin), builtin)


DRAFTS = 3  # draft warnings shown one by one; more are summed up in one line


def warn_drafts(entries: Sequence[Entry]) -> None:
    """A warning on stderr for each draft (provisional) result, or one for many of them."""
    drafts = [e for e in entries if e.result.provisional]
    if len(drafts) > DRAFTS:
        names = ", ".join(e.source for e in drafts[:DRAFTS])
        err(
            f"warning: {len(drafts)} of {len(entries)} results are drafts (some questions "
            f"unanswered): {names} and {len(drafts) - DRAFTS} more"
        )
        return
    for entry in drafts:
        o, period = entry.result.overall, entry.result.subject.period or "its period"
        err(
            f"warning: {entry.source} ({period}) is a draft: {o.answered} of "
            f"{o.applicable} questions answered"
        )
