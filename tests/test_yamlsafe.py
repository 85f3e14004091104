"""Safe YAML: no aliases, no duplicate keys, a size cap, yes/no kept as text, positions kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_maturity.questionnaire.yamlsafe import (
    MAX_BYTES,
    StrictLoader,
    YamlFileError,
    format_path,
    parse_yaml,
    read_yaml,
)

ROOT = Path(__file__).resolve().parent.parent
BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_billion_laughs_is_refused_quickly() -> None:
    with pytest.raises(YamlFileError, match=r"aliases .* are not allowed") as caught:
        parse_yaml(BOMB, "bomb.yaml")
    assert caught.value.problem.line == 1


def test_duplicate_keys_are_refused_with_position() -> None:
    with pytest.raises(YamlFileError) as caught:
        parse_yaml("a: 1\nb:\n  c: 2\n  c: 3\n", "dup.yaml")
    assert str(caught.value.problem) == (
        "dup.yaml:4:3: invalid YAML: duplicate key 'c'; each key may appear once"
    )


def test_norway_values_stay_text_but_true_is_boolean() -> None:
    doc = parse_yaml("a: no\nb: yes\nc: on\nd: off\ne: true\nf: False\n", "n.yaml")
    assert doc.data == {"a": "no", "b": "yes", "c": "on", "d": "off", "e": True, "f": False}


def test_size_cap(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * (MAX_BYTES + 1))
    with pytest.raises(YamlFileError, match="the limit is"):
        read_yaml(big)


def test_not_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "latin.yaml"
    bad.write_bytes(b"title: caf\xe9\n")
    with pytest.raises(YamlFileError, match="not UTF-8"):
        read_yaml(bad)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(YamlFileError, match="no such file"):
        read_yaml(tmp_path / "absent.yaml")
    with pytest.raises(YamlFileError, match="is a directory"):
        read_yaml(tmp_path)


def test_problem_points_at_the_value() -> None:
    doc = parse_yaml("groups:\n  - id: a\n    weight: heavy\n", "g.yaml")
    problem = doc.problem(("groups", 0, "weight"), "expected a number")
    assert str(problem) == "g.yaml:3:13: groups[0].weight: expected a number"
    key = doc.problem(("groups", 0, "weight"), "unknown key", at_key=True)
    assert (key.line, key.column) == (3, 5)


def test_format_path() -> None:
    assert format_path(("groups", 0, "questions", 2, "weight")) == "groups[0].questions[2].weight"


def _as_the_loader_builds_it(text: str) -> object:
    loader = StrictLoader(text)
    try:
        return loader.construct_document(loader.get_single_node())
    finally:
        loader.dispose()


@pytest.mark.parametrize(
    "path",
    [*sorted(ROOT.glob("questionnaires/*.yaml")), *sorted(ROOT.glob("examples/**/*.yaml"))],
    ids=lambda p: p.name,
)
def test_the_fast_construction_builds_what_the_loader_builds(path: Path) -> None:
    text = path.read_text()
    assert parse_yaml(text, path.name).data == _as_the_loader_builds_it(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: [x, 2.5, true, null, 2026-10-01]\nc: {d: no, 3: e}\n",
        "!!set {a, b}\n",
        "[" * 900 + "]" * 900 + "\n",  # deeper than the fast walk goes
    ],
    ids=["scalars", "tagged", "deep"],
)
def test_the_fast_construction_agrees_on_every_kind_of_node(text: str) -> None:
    assert parse_yaml(text, "t.yaml").data == _as_the_loader_builds_it(text)


def test_a_merge_key_is_refused_with_its_place() -> None:
    with pytest.raises(YamlFileError, match=r"t\.yaml:1:8: invalid YAML: .*merge"):
        parse_yaml("base: {<<: {a: 1}, b: 2}\n", "t.yaml")
