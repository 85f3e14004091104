"""Fuzzing the loaders: any bytes or any YAML-shaped data either load or raise our own error."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.errors import MaturityError
from mlops_maturity.questionnaire.load import load_questionnaire
from tests.conftest import VALID

SEED_QUESTIONNAIRE = (VALID / "types.yaml").read_text()
SEED_ANSWERS = (
    f"questionnaire: {VALID / 'types.yaml'}\n"
    "answers:\n  single: low\n  multiple: [a]\n  boolean: yes\n  number: 3\n  text: hi\n"
)
SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def mutate(text: str, data: st.DataObject) -> str:
    """The text with a few characters replaced, inserted or deleted."""
    chars = list(text)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(chars)))
        what = data.draw(st.sampled_from(["replace", "insert", "delete"]))
        new = data.draw(st.sampled_from(list(":-[]{}&*!|>'\"#\t\n 0aZ.%@`,?")))
        if what == "insert" or at == len(chars):
            chars.insert(at, new)
        elif what == "replace":
            chars[at] = new
        else:
            del chars[at]
    return "".join(chars)


def loads_or_refuses(load: Any, path: Path) -> None:
    with contextlib.suppress(MaturityError):  # our own error: a message the boundary shows
        load(path)


@SETTINGS
@given(data=st.data())
def test_mutated_questionnaires_load_or_raise_our_error(
    tmp_path: Path, data: st.DataObject
) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(mutate(SEED_QUESTIONNAIRE, data))
    loads_or_refuses(load_questionnaire, path)


@SETTINGS
@given(data=st.data())
def test_mutated_answer_files_load_or_raise_our_error(tmp_path: Path, data: st.DataObject) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(mutate(SEED_ANSWERS, data))
    loads_or_refuses(load_answers, path)


@SETTINGS
@given(
    answers=st.dictionaries(
        st.sampled_from(["single", "multiple", "boolean", "number", "text", "x"]),
        values,
        max_size=6,
    ),
    extra=st.dictionaries(
        st.sampled_from(
            ["subject", "targets", "respondent", "workshop", "commentary", "benchmark_year"]
        ),
        values,
        max_size=3,
    ),
)
def test_any_shape_of_answer_file_loads_or_raises_our_error(
    tmp_path: Path, answers: dict[str, Any], extra: dict[str, Any]
) -> None:
    path = tmp_path / "answers.yaml"
    data = {"questionnaire": str(VALID / "types.yaml"), **extra, "answers": answers}
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    loads_or_refuses(load_answers, path)


@SETTINGS
@given(content=st.binary(max_size=300))
def test_any_bytes_load_or_raise_our_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    loads_or_refuses(load_answers, path)
    loads_or_refuses(load_questionnaire, path)
