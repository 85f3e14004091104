"""Loading questionnaires: every valid file loads, every invalid one gives its expected message."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_maturity.errors import MaturityError, QuestionnaireError
from mlops_maturity.questionnaire.checks import check_coverage
from mlops_maturity.questionnaire.intervals import parse_interval
from mlops_maturity.questionnaire.load import load_questionnaire, resolve
from mlops_maturity.resources import builtin_questionnaires
from tests.conftest import DATA

INVALID = sorted((DATA / "questionnaires" / "invalid").glob("*.yaml"))
VALID = sorted((DATA / "questionnaires" / "valid").glob("*.yaml"))


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_questionnaires_load(path: Path) -> None:
    assert load_questionnaire(path).placed


def test_there_are_many_invalid_cases() -> None:
    assert len(INVALID) >= 25


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_questionnaire_gives_expected_messages(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(path.parent)
    expected = path.with_suffix(".expected").read_text().strip().splitlines()
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(Path(path.name))
    assert [str(p) for p in caught.value.problems] == expected


@pytest.mark.parametrize("ident", sorted(builtin_questionnaires()))
def test_builtin_questionnaires_are_valid(ident: str) -> None:
    q = load_questionnaire(ident)
    assert q.id == ident


def test_resolve_unknown_questionnaire_names_the_builtins() -> None:
    with pytest.raises(MaturityError, match="unknown questionnaire 'nope'; built-in ones are"):
        resolve("nope")


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        pytest.param("[0, 1)", [0, 0.5], [1, -0.1], id="half-open"),
        pytest.param("(3, 5]", [3.01, 5], [3, 5.01], id="open-closed"),
        pytest.param("[30, inf)", [30, 1e9], [29.9], id="unbounded"),
        pytest.param("[0, 0]", [0], [0.001], id="point"),
    ],
)
def test_interval_membership(text: str, inside: list[float], outside: list[float]) -> None:
    interval = parse_interval(text)
    assert all(x in interval for x in inside)
    assert not any(x in interval for x in outside)
    assert str(parse_interval(str(interval))) == str(interval)


@pytest.mark.parametrize(
    ("ranges", "messages"),
    [
        pytest.param(["[0, 1)", "[1, 2]"], [], id="adjacent"),
        pytest.param(["[0, 1]", "(1, 2]"], [], id="adjacent-other-side"),
        pytest.param(
            ["[0, 1]", "[1, 2]"],
            ["range [1, 2] overlaps the one before it ([0, 1])"],
            id="touching-closed",
        ),
        pytest.param(
            ["[0, 1)", "(1, 2]"], ["range (1, 2] leaves a gap after [0, 1)"], id="touching-open"
        ),
        pytest.param(
            ["[1, 2]"], ["the first range [1, 2] does not include 0"], id="low-not-covered"
        ),
        pytest.param(["[0, 2)"], ["the last range does not include 2"], id="high-not-covered"),
    ],
)
def test_coverage(ranges: list[str], messages: list[str]) -> None:
    assert [m for _, m in check_coverage(ranges, (), 0, 2)] == messages
