"""Importing forms exports: both layouts, grids, encodings, empty cells, ragged rows, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from mlops_maturity.assessment.model import Subject
from mlops_maturity.cli.forms_files import decode, load_plan
from mlops_maturity.errors import InputFileError
from mlops_maturity.questionnaire.model import Questionnaire
from mlops_maturity.workshop.cells import Labels, split_choices
from mlops_maturity.workshop.forms import Export, file_stem, read_export, unique_stem
from mlops_maturity.workshop.plan import Plan
from mlops_maturity.workshop.sheet import letter
from mlops_maturity.workshop.stamps import read_stamp
from tests.conftest import DATA

FORMS = DATA / "forms"
SUBJECT = Subject(organization="Example Corp", team="Fraud ML")


@pytest.fixture(autouse=True)
def _in_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages name files as given; run beside them so that they read mapping.yaml."""
    monkeypatch.chdir(FORMS)


def plan_of(name: str = "mapping.yaml") -> tuple[Plan, Questionnaire]:
    plan, q, _ = load_plan(Path(name))
    return plan, q


def imported(csv: str, mapping: str = "mapping.yaml", text: str | None = None) -> Export:
    plan, q = plan_of(mapping)
    if text is None:
        text, _ = decode((FORMS / csv).read_bytes(), csv)
    subject = plan.mapping.subject
    return read_export(text, csv, plan, q, reference="forms.yaml", subject=subject)


def answers(export: Export) -> dict[str, dict[str, Any]]:
    return {
        p.respondent: {
            k: (a.value, a.note) if a.note else a.value for k, a in p.assessment.answers.items()
        }
        for p in export.respondents
    }


def problems(csv: str, text: str, mapping: str = "mapping.yaml") -> list[str]:
    with pytest.raises(InputFileError) as caught:
        imported(csv, mapping, text)
    return [str(p) for p in caught.value.problems]


GOOGLE = {
    "Ana Pérez": {
        "release": ("scripted", "Only on Fridays"),
        "checks": ["unit", "data"],
        "rollback": True,
        "frequency": 13.04,  # 3 per week, in deployments per month
        "gpu": "n/a",
        "blameless": "agree",
        "ownership": "neutral",
        "context": "Fine, thanks.",
    },
    "Bo Chen": {
        "release": "pipeline",
        "checks": ["board", "shadow", "review"],
        "rollback": False,
        "frequency": 12,
        "gpu": "pool",
        "blameless": "disagree",
        "ownership": "agree",
    },
    # no name given: the e-mail address; a short (ragged) row, curly quotes, odd spacing and case
    "cy.diallo@example.org": {
        "release": "manual",
        "rollback": "don't know",
        "blameless": "don't know",
    },
}


@pytest.mark.parametrize("csv", ["google.csv", "google-bom.csv", "google-cp1252.csv"])
def test_google_layout_with_grid_notes_bom_and_windows_1252(csv: str) -> None:
    export = imported(csv)
    assert export.layout == "google"
    assert answers(export) == GOOGLE
    assert [(p.row, p.stem) for p in export.respondents] == [
        (2, "ana-perez"),
        (3, "bo-chen"),
        (5, "cy-diallo-example-org"),
    ]
    first = export.respondents[0].assessment
    assert first.questionnaire == "forms.yaml" and first.version == "1"
    # 10/14/2026 shows the month comes first, so 10/6/2026 is October the 6th; the last is taken
    assert first.subject == Subject(
        organization="Example Corp", team="Fraud ML", date=dt.date(2026, 10, 14)
    )
    assert first.respondent == "Ana Pérez"
    assert export.warnings == ()


def test_microsoft_layout_with_semicolons_quiz_columns_and_anonymous_rows() -> None:
    export = imported("microsoft.csv", "mapping-microsoft.yaml")
    assert export.layout == "microsoft"
    assert answers(export) == {
        "Dee Okafor": {
            "release": "manual",
            "checks": ["unit", "shadow"],
            "rollback": True,
            "frequency": 2.17,  # every 2 weeks
            "gpu": "none",
            "blameless": "agree",
            "ownership": "neutral",
        },
        "Respondent 2": {
            "release": "scripted",
            "checks": ["data", "review"],
            "rollback": False,
            "frequency": 1200,
            "gpu": "n/a",
            "blameless": "disagree",
            "ownership": "disagree",
        },
    }
    assert [p.stem for p in export.respondents] == ["dee-okafor", "respondent-2"]
    assert export.respondents[0].assessment.subject.date == dt.date(2026, 10, 14)


HEADER = (
    "Timestamp,Email Address,How do models reach production?,Which checks run before a release?"
)


def test_errors_name_row_and_column_and_list_every_unknown_label() -> None:
    text = (FORMS / "errors.csv").read_text()
    assert problems("errors.csv", text) == [
        'errors.csv:2:C "How do models reach production?": release: unknown label '
        "'Through a pipline, with tests'; the closest known label is "
        "'Through a pipeline, with tests'",
        'errors.csv:2:D "Which checks run before a release?": checks: unknown label '
        "'Unit test'; the closest known label is 'Unit tests'",
        'errors.csv:2:D "Which checks run before a release?": checks: unknown label '
        "'Data checks, such as schemas, ranges and nuls'; the closest known label is "
        "'Data checks, such as schemas, ranges and nulls'",
        "errors.csv:3:A \"Timestamp\": no such date: '32/13/2026 9:00'",
        'errors.csv:3:C "How do models reach production?": release: '
        "n/a is not an answer this question allows",
        'errors.csv:3:F "How many deployments a month?": frequency: expected a number of '
        "deployments per month, for example 12 or 3 per week; got 'lots'",
        "errors.csv:4:B \"Email Address\": 'Ana.Perez@example.org' also answered in row 2; "
        "keep one of the rows",
        "errors.csv:4:E \"Can you roll back in minutes?\": rollback: unknown label 'Maybe'; "
        "the closest known label is 'Yes'",
        'errors.csv:4:F "How many deployments a month?": frequency: '
        "-3 is below the minimum 0 (deployments per month)",
        "errors.csv:4:I: a value past the header row's last column (8)",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            f"{HEADER}\n2026-10-06 09:00,a@example.org,Not applicable,\n",
            'x.csv:2:C "How do models reach production?": release: '
            "'Not applicable' (n/a) is not an answer this question allows",
            id="n/a-not-allowed",
        ),
        pytest.param(
            f'{HEADER}\n2026-10-06 25:00,a@example.org,"By hand, from a laptop",\n',
            "x.csv:2:A \"Timestamp\": no such time of day in '2026-10-06 25:00'",
            id="bad-time",
        ),
        pytest.param(
            f'{HEADER}\nyesterday,a@example.org,"By hand, from a laptop",\n',
            'x.csv:2:A "Timestamp": expected a date and time such as 2026-10-06 09:00, '
            "got 'yesterday'",
            id="not-a-timestamp",
        ),
        pytest.param(
            f"{HEADER},How do models reach production?\n,a@example.org,,,\n",
            'x.csv:1:E "How do models reach production?": a second column headed like '
            'column C "How do models reach production?"; rename one of them in the form',
            id="header-twice",
        ),
        pytest.param(
            "Timestamp,Your name,Colour\n10/6/2026,Ana,Blue\n",
            "x.csv: no question column of mapping.yaml is in this file; is it the export of that "
            "form?",
            id="another-form",
        ),
        pytest.param("\n\n", "x.csv: no header row; expected a forms export as CSV", id="empty"),
        pytest.param(
            f'{HEADER}\n10/6/2026,a@example.org,"By hand\n',
            "x.csv: row 2 is not readable as CSV (unexpected end of data)",
            id="unclosed-quote",
        ),
    ],
)
def test_each_error_names_its_place(text: str, expected: str) -> None:
    assert problems("x.csv", text) == [expected]


def test_warnings_name_unmapped_and_missing_columns_and_unclear_dates() -> None:
    text = (
        "Timestamp,How do models reach production?,Which checks run before a releas?,Colour\n"
        '10/6/2026 9:00,"By hand, from a laptop",Review,Blue\n'
    )
    export = imported("x.csv", text=text)
    assert export.warnings == (
        'x.csv:1:C "Which checks run before a releas?": not in the mapping; skipped; '
        "the mapping expects 'Which checks run before a release?' for checks",
        'x.csv:1:D "Colour": not in the mapping; skipped',
        "mapping.yaml:13:13: questions.checks.column: no column "
        "'Which checks run before a release?' in x.csv; checks stays unanswered",
        "mapping.yaml:15:13: questions.rollback.column: no column "
        "'Can you roll back in minutes?:' in x.csv; rollback stays unanswered",
        "mapping.yaml:17:13: questions.frequency.column: no column "
        "'How many deployments a month?' in x.csv; frequency stays unanswered",
        "mapping.yaml:19:13: questions.gpu.column: no column 'How are GPUs shared?' in x.csv; "
        "gpu stays unanswered",
        "mapping.yaml:21:13: questions.context.column: no column 'Anything else?' in x.csv; "
        "context stays unanswered",
        "mapping.yaml:25:45: grids[0].rows.Incidents are reviewed without blame: no column "
        "'How far do you agree? [Incidents are reviewed without blame]' in x.csv; blameless "
        "stays unanswered",
        "mapping.yaml:26:37: grids[0].rows.Each model has a named owner: no column 'How far do "
        "you agree? [Each model has a named owner]' in x.csv; ownership stays unanswered",
        "x.csv: no respondent column (Name, Your name, Full name, Email Address, Email, "
        "Username) is filled in; respondents are numbered",
        "x.csv: timestamps such as 10/6/2026 may put the day or the month first; the subject's "
        "date is left empty (set date_order: in the mapping, or give subject: date:)",
    )
    assert answers(export) == {"Respondent 1": {"release": "manual"}}
    assert export.respondents[0].assessment.subject.date is None


def test_a_row_with_only_a_name_writes_no_file_and_a_note_needs_an_answer() -> None:
    text = (
        "Your name,How do models reach production?,Anything to add about releases?\n"
        "Ana,,It depends\n"
        'Bo,"By hand, from a laptop",\n'
    )
    export = imported("x.csv", text=text)
    assert answers(export) == {"Bo": {"release": "manual"}}
    assert export.warnings[-2:] == (
        'x.csv:2:C "Anything to add about releases?": a note without an answer to release; '
        "left out",
        "x.csv:2: Ana answered nothing; no file",
    )


def test_contradicting_timestamps_leave_the_date_empty_with_a_warning() -> None:
    text = (
        "Timestamp,Your name,How do models reach production?\n"
        '14/10/2026 9:00,Ana,"By hand, from a laptop"\n'
        '10/15/2026 9:00,Bo,"By hand, from a laptop"\n'
    )
    export = imported("x.csv", text=text)
    assert export.warnings[-1] == (
        "x.csv: timestamps put the day first in row 2 and the month first in row 3; the "
        "subject's date is left empty (set date_order: in the mapping, or give subject: date:)"
    )
    assert export.respondents[0].assessment.subject.date is None


LABELS = Labels.of(
    [
        ("Unit tests", "unit"),
        ("Data checks, such as schemas, ranges and nulls", "data"),
        ("Review", "review"),
        ("Review, by a board", "board"),
        ("Shadow runs; live traffic, no effect", "shadow"),
    ]
)


@pytest.mark.parametrize(
    ("cell", "separator", "found", "unknown"),
    [
        ("Unit tests, Data checks, such as schemas, ranges and nulls", ", ", ["unit", "data"], []),
        ("Review, by a board, Review", ", ", ["board", "review"], []),  # longest first
        ("Review, Unit tests", ", ", ["review", "unit"], []),
        ("Shadow runs; live traffic, no effect, Review", ", ", ["shadow", "review"], []),
        ("Unit tests;Shadow runs; live traffic, no effect;", ";", ["unit", "shadow"], []),
        ("  unit   TESTS ;review", ";", ["unit", "review"], []),
        ("Unit test, Reveiw", ", ", [], ["Unit test", "Reveiw"]),
        ("Review, Data checks, such as schema", ", ", ["review"], ["Data checks, such as schema"]),
        ("Other: we ask Sam, Review", ", ", ["review"], ["Other: we ask Sam"]),
    ],
)
def test_ticked_options_are_split_by_known_labels(
    cell: str, separator: str, found: list[str], unknown: list[str]
) -> None:
    assert split_choices(cell, separator, LABELS) == (found, unknown)


@pytest.mark.parametrize(
    ("text", "order", "date"),
    [
        ("2026-10-06 09:00:00", "auto", dt.date(2026, 10, 6)),
        ("2026-10-06T09:00:00Z", "auto", dt.date(2026, 10, 6)),
        ("2026/10/06 9:00:00", "auto", dt.date(2026, 10, 6)),
        ("10/6/2026 9:00", "month-first", dt.date(2026, 10, 6)),
        ("10/6/2026 9:00:00", "day-first", dt.date(2026, 6, 10)),
        ("10/6/26 9:00 AM", "month-first", dt.date(2026, 10, 6)),
        ("6.10.2026 09:00", "auto", dt.date(2026, 10, 6)),  # dots: day first
        ("10/06/2026, 17:45:02 GMT+1", "month-first", dt.date(2026, 10, 6)),
        ("14/10/2026", "day-first", dt.date(2026, 10, 14)),
    ],
)
def test_timestamps_in_locale_and_iso_formats(text: str, order: Any, date: dt.date) -> None:
    assert read_stamp(text).date(order) == date


def test_decoding_tries_utf8_then_windows_1252() -> None:
    assert decode("Pérez".encode(), "x.csv") == ("Pérez", "UTF-8")
    assert decode(b"\xef\xbb\xbfP\xc3\xa9rez", "x.csv") == ("Pérez", "UTF-8")
    assert decode("Pérez’s".encode("cp1252"), "x.csv") == ("Pérez’s", "Windows-1252")
    assert decode("Pérez".encode("utf-16"), "x.csv") == ("Pérez", "UTF-16")
    with pytest.raises(InputFileError, match=r"x.csv: not UTF-8 or Windows-1252 text \(byte 1\)"):
        decode(b"\x81\x8d", "x.csv")


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Ana Pérez", "ana-perez"),
        ("ana.perez@example.org", "ana-perez-example-org"),
        ("../../etc/passwd", "etc-passwd"),
        ("Ωμέγα", "respondent"),
        ("CON", "con-answers"),
        ("x" * 80, "x" * 60),
    ],
)
def test_file_names_are_safe(name: str, stem: str) -> None:
    assert file_stem(name) == stem


def test_file_names_stay_apart() -> None:
    taken: set[str] = set()
    assert [unique_stem(s, taken) for s in ["ana", "ana", "ana-2", "ana"]] == [
        "ana",
        "ana-2",
        "ana-2-2",
        "ana-3",
    ]


def test_column_letters() -> None:
    assert [letter(i) for i in (0, 25, 26, 51, 701, 702)] == ["A", "Z", "AA", "AZ", "ZZ", "AAA"]


def test_subject_is_kept_when_given(tmp_path: Path) -> None:
    plan, q = plan_of()
    text = 'Your name,How do models reach production?\nAna,"By hand, from a laptop"\n'
    subject = Subject(team="Fraud ML", date=dt.date(2026, 1, 2))
    export = read_export(text, "x.csv", plan, q, reference="forms.yaml", subject=subject)
    assert export.respondents[0].assessment.subject == subject
