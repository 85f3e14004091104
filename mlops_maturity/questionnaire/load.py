"""Load a questionnaire file and report every problem in it at once."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from mlops_maturity.errors import MaturityError, Problem, QuestionnaireError
from mlops_maturity.questionnaire.checks import cross_check
from mlops_maturity.questionnaire.model import BenchmarkFile, Questionnaire
from mlops_maturity.questionnaire.validation import problems_from_validation, validated
from mlops_maturity.questionnaire.yamlsafe import Document, YamlFileError, parse_bytes, read_capped
from mlops_maturity.resources import builtin_benchmarks, builtin_questionnaires


def resolve(ref: str | Path, *, relative_to: Path | None = None) -> Path:
    """Find a questionnaire by built-in id or by path (relative to an answer file's folder)."""
    text = str(ref)
    builtins = builtin_questionnaires()
    if text in builtins:
        return builtins[text]
    path = Path(text)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    if path.suffix in {".yaml", ".yml"} or path.exists():
        return path
    known = ", ".join(builtins) or "none"
    raise MaturityError(f"unknown questionnaire {text!r}; built-in ones are: {known}")


def reference_for(ref: str, answer_file: Path | None) -> str:
    """What an answer file at ``answer_file`` should say in ``questionnaire:`` to find ``ref``.

    A built-in id stays as it is; a path is made relative to the answer file's folder, because
    that is where it is looked up from.
    """
    if ref in builtin_questionnaires():
        return ref
    folder = (answer_file.parent if answer_file is not None else Path.cwd()).resolve()
    return os.path.relpath(Path(ref).resolve(), folder)


def load_questionnaire(ref: str | Path, *, relative_to: Path | None = None) -> Questionnaire:
    """Load and validate a questionnaire; raise QuestionnaireError listing every problem."""
    from mlops_maturity.questionnaire import cache

    path = resolve(ref, relative_to=relative_to)
    seen = _seen(path) if cache.cache_dir() is not None else None
    if seen is not None and seen in _SEEN:
        return _SEEN[seen]
    try:
        content = read_capped(path)
        key = cache.key(content) if cache.cache_dir() is not None else ""
        if key in _LOADED:
            return _remember(key, _LOADED[key], seen)
        cached = _from_cache(cache.get(content))
        if cached is not None:
            return _remember(key, cached, seen)
        doc = parse_bytes(content, str(path))
    except YamlFileError as exc:
        raise QuestionnaireError([exc.problem]) from None
    questionnaire, includes = validate_document(doc, folder=path.parent)
    cache.put(content, questionnaire, includes)
    return _remember(key, questionnaire, seen)


# NOTE: a questionnaire is immutable, so one process may share it: merging 200 answer files
# of one questionnaire reads it once, not 200 times. A file is known again by its place,
# size and time of change; the same content at another place by its digest.
_LOADED: dict[str, Questionnaire] = {}
_SEEN: dict[tuple[object, ...], Questionnaire] = {}
Seen = tuple[object, ...]


def _seen(path: Path) -> Seen | None:
    try:
        info = path.stat()
    except OSError:
        return None  # reading it says what is wrong
    return (str(path.resolve()), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _remember(key: str, questionnaire: Questionnaire, seen: Seen | None) -> Questionnaire:
    if not key:  # caching is turned off: every load reads the file
        return questionnaire
    if len(_LOADED) >= 16:
        _LOADED.clear()
        _SEEN.clear()
    _LOADED[key] = questionnaire
    if seen is not None:
        _SEEN[seen] = questionnaire
    return questionnaire


def _from_cache(found: object | None) -> Questionnaire | None:
    """A cached questionnaire; anything else in the entry means loading it afresh."""
    return found if isinstance(found, Questionnaire) else None


def validate_document(doc: Document, *, folder: Path) -> tuple[Questionnaire, dict[str, str]]:
    """Validate parsed YAML as a questionnaire, with the benchmark files it includes.

    Returns the questionnaire and the digest of each included file, by path.
    """
    # NOTE: a file with none of a questionnaire's keys is not a misspelt questionnaire, and
    # listing its keys as unknown would quote it: say what it is not, and nothing more.
    if not isinstance(doc.data, dict) or not {"id", "title", "scale", "groups"} & set(doc.data):
        message = (
            "is not a questionnaire (expected a mapping with id, title, version, scale and groups)"
        )
        raise QuestionnaireError([Problem(doc.file, message)])
    try:
        questionnaire = Questionnaire.model_validate(doc.data)
    except ValidationError as exc:
        raise QuestionnaireError(problems_from_validation(doc, exc)) from None
    questionnaire, includes = include_benchmarks(questionnaire, doc, folder)
    problems = [doc.problem(loc, message) for loc, message in cross_check(questionnaire)]
    if problems:
        raise QuestionnaireError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))
    return questionnaire, includes


def include_benchmarks(
    q: Questionnaire, doc: Document, folder: Path
) -> tuple[Questionnaire, dict[str, str]]:
    """Add the tables of every file in ``include_benchmarks`` to the questionnaire's own."""
    from mlops_maturity.questionnaire.cache import digest

    tables = list(q.benchmarks)
    includes: dict[str, str] = {}
    problems: list[Problem] = []
    for i, ref in enumerate(q.include_benchmarks):
        path = _benchmark_path(ref, folder)
        if path is None:
            known = ", ".join(builtin_benchmarks()) or "none"
            message = f"no benchmark file {ref!r} (built-in ones are: {known})"
            problems.append(doc.problem(("include_benchmarks", i), message))
            continue
        try:
            content = read_capped(path)
            tables += _benchmark_file(parse_bytes(content, str(path))).benchmarks
        except YamlFileError as exc:
            problems.append(exc.problem)
            continue
        except QuestionnaireError as exc:
            problems += exc.problems
            continue
        includes[str(path.resolve())] = digest(content)
    if problems:
        raise QuestionnaireError(problems)
    return q.model_copy(update={"benchmarks": tuple(tables)}), includes


def _benchmark_path(ref: str, folder: Path) -> Path | None:
    builtins = builtin_benchmarks()
    if ref in builtins:
        return builtins[ref]
    path = folder / ref
    return path if path.suffix in {".yaml", ".yml"} and path.is_file() else None


def _benchmark_file(doc: Document) -> BenchmarkFile:
    expected = "expected a mapping with id, title, benchmarks"
    return validated(doc, BenchmarkFile, expected, QuestionnaireError)
