"""``workshop import-forms`` on disk: read the export and mapping, write one file per respondent."""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mlops_maturity.errors import InputFileError, MaturityError, Problem

if TYPE_CHECKING:
    from mlops_maturity.assessment.model import Subject
    from mlops_maturity.questionnaire.model import Questionnaire
    from mlops_maturity.workshop.forms import Export
    from mlops_maturity.workshop.plan import Plan

MAX_BYTES = 20 * 1024 * 1024
SAVE_AS_CSV = (
    "{name} is an Excel workbook; import-forms reads CSV. Open it in Excel and choose "
    "File › Save As › CSV UTF-8 (Microsoft Forms: Open results in Excel, then save as CSV)"
)


@dataclass(frozen=True)
class Request:
    """What the command was asked to do."""

    export: Path
    mapping: Path
    folder: Path
    subject: dict[str, str | None]
    force: bool = False


def decode(content: bytes, name: str) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in: UTF-8 first, then Windows-1252."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16"), "UTF-16"
    try:
        return content.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        message = f"not UTF-8 or Windows-1252 text (byte {exc.start + 1}); save it as CSV UTF-8"
        raise InputFileError([Problem(name, message)]) from None


def read_bytes(path: Path) -> bytes:
    """The export's bytes; a workbook, a folder, a missing or huge file is a clear error."""
    name = str(path)
    if path.suffix.lower() in {".xlsx", ".xls", ".xlsm", ".ods"}:
        raise MaturityError(SAVE_AS_CSV.format(name=name))
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputFileError([Problem(name, f"larger than {MAX_BYTES} bytes")])
        content = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError([Problem(name, "no such file")]) from None
    except IsADirectoryError:
        raise InputFileError([Problem(name, "is a folder, expected a CSV file")]) from None
    except OSError as exc:
        raise InputFileError([Problem(name, f"cannot read: {exc.strerror}")]) from None
    if content.startswith(b"PK\x03\x04"):
        raise MaturityError(SAVE_AS_CSV.format(name=name))
    return content


def load_plan(path: Path) -> tuple[Plan, Questionnaire, Path]:
    """The mapping file checked against its questionnaire, and where that questionnaire is."""
    from mlops_maturity.questionnaire.load import load_questionnaire, resolve
    from mlops_maturity.questionnaire.yamlsafe import YamlFileError, read_yaml
    from mlops_maturity.workshop.mapping import read_mapping
    from mlops_maturity.workshop.plan import build_plan

    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        raise InputFileError([exc.problem]) from None
    mapping = read_mapping(doc)
    try:
        source = resolve(mapping.questionnaire, relative_to=path.parent)
    except MaturityError as exc:
        raise InputFileError([doc.problem(("questionnaire",), str(exc))]) from None
    q = load_questionnaire(source)
    return build_plan(doc, mapping, q), q, source


def subject_of(mapping: Subject, given: dict[str, str | None]) -> Subject:
    """The mapping's subject with what the command line gave instead."""
    chosen = {key: value for key, value in given.items() if value is not None}
    return mapping.model_copy(update=chosen)


def import_export(request: Request) -> list[str]:
    """Read, check and write everything; return the lines to show on stderr."""
    from mlops_maturity.questionnaire.load import reference_for
    from mlops_maturity.resources import builtin_questionnaires
    from mlops_maturity.workshop.forms import read_export
    from mlops_maturity.workshop.sheet import ExportError

    plan, q, source = load_plan(request.mapping)
    name = str(request.export)
    text, encoding = decode(read_bytes(request.export), name)
    subject = subject_of(plan.mapping.subject, request.subject)
    ref = plan.mapping.questionnaire
    builtin = ref in builtin_questionnaires()
    reference = reference_for(ref if builtin else str(source), request.folder / "answers.yaml")
    try:
        found = read_export(text, name, plan, q, reference=reference, subject=subject)
    except ExportError as exc:
        # NOTE: an unmapped or missing column often explains the errors; show them first.
        sys.stderr.writelines(f"warning: {warning}\n" for warning in exc.warnings)
        raise
    lines = [f"warning: {w}" for w in found.warnings]
    if encoding != "UTF-8":
        lines.insert(0, f"note: {name} is not UTF-8; read it as {encoding}")
    if not any((subject.organization, subject.team, subject.period)):
        lines.append(
            "warning: the answer files name no subject; give --subject-organization, "
            "--subject-team and --period, or subject: in the mapping"
        )
    return lines + write_all(found, q, request)


def write_all(found: Export, q: Questionnaire, request: Request) -> list[str]:
    """Write one answer file per respondent, none at all if one would replace a file."""
    from mlops_maturity.assessment.dump import dump_answers
    from mlops_maturity.cli.delivery import refuse_overwrite
    from mlops_maturity.files import write_atomic

    if request.folder.exists() and not request.folder.is_dir():
        raise MaturityError(f"{request.folder} is a file; -o names the folder for answer files")
    if not found.respondents:
        raise MaturityError(f"{request.export} has no respondent with an answer; nothing written")
    targets = [request.folder / f"{person.stem}.yaml" for person in found.respondents]
    for target in targets:
        refuse_overwrite(target, force=request.force)
    lines = []
    for person, target in zip(found.respondents, targets, strict=True):
        write_atomic(target, dump_answers(person.assessment, q))
        count = len(person.assessment.answers)
        lines.append(f"Wrote {target} ({person.respondent}, row {person.row}, {count} answers)")
    layout = {"google": "Google Forms", "microsoft": "Microsoft Forms"}[found.layout]
    lines.append(
        f"{len(targets)} respondents from {request.export} ({layout} layout). "
        f"Next: mlops-maturity workshop merge {request.folder}/*.yaml"
    )
    return lines
