"""The questionnaire cache gives back exactly what validation gave, and never a stale copy."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from mlops_maturity.errors import QuestionnaireError
from mlops_maturity.questionnaire import cache
from mlops_maturity.questionnaire.load import load_questionnaire
from mlops_maturity.resources import builtin_questionnaires
from tests.conftest import VALID


@pytest.mark.parametrize("ident", sorted(builtin_questionnaires()))
def test_cached_questionnaire_equals_the_validated_one(
    ident: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLOPS_MATURITY_NO_CACHE", "1")
    fresh = load_questionnaire(ident)
    monkeypatch.delenv("MLOPS_MATURITY_NO_CACHE")
    load_questionnaire(ident)  # fills the cache
    content = builtin_questionnaires()[ident].read_bytes()
    assert cache.get(content) is not None
    again = load_questionnaire(ident)
    assert again == fresh
    assert list(again.placed) == list(fresh.placed)


def test_an_edited_file_is_validated_again(tmp_path: Path) -> None:
    path = tmp_path / "q.yaml"
    path.write_text((VALID / "tiny.yaml").read_text())
    assert load_questionnaire(path).title == "Tiny"
    path.write_text(path.read_text().replace("score: 4}", "score: 9}", 1))
    with pytest.raises(QuestionnaireError, match="score 9 is outside the scale"):
        load_questionnaire(path)


def test_an_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load_questionnaire(VALID / "tiny.yaml").id == "tiny"


@pytest.mark.parametrize(
    "entry",
    [b"not a pickle", pickle.dumps(({}, "a string")), pickle.dumps("no tuple"), b""],
    ids=["garbage", "wrong-type", "wrong-shape", "empty"],
)
def test_a_broken_entry_is_ignored_and_the_file_reloaded(tmp_path: Path, entry: bytes) -> None:
    path = tmp_path / "q.yaml"
    path.write_text((VALID / "tiny.yaml").read_text())
    load_questionnaire(path)  # fills the cache
    folder = cache.cache_dir()
    assert folder is not None
    (folder / f"{cache.key(path.read_bytes())}.pickle").write_bytes(entry)
    assert load_questionnaire(path).id == "tiny"


def test_the_cache_keeps_a_bounded_number_of_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for i in range(6):
        path = tmp_path / f"q{i}.yaml"
        path.write_text((VALID / "tiny.yaml").read_text().replace("title: Tiny", f"title: T{i}"))
        load_questionnaire(path)
    assert len(list((tmp_path / "cache" / "mlops-maturity").glob("*.pickle"))) == 3


def test_a_questionnaire_nested_98_groups_deep_loads_again_from_the_cache() -> None:
    first = load_questionnaire(VALID / "deep.yaml")
    again = load_questionnaire(VALID / "deep.yaml")  # from the cache
    assert first == again and list(again.placed) == ["q"]
