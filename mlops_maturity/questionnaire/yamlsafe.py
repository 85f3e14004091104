"""Read YAML safely and keep the position of every value, so errors can name file:line:column."""

from __future__ import annotations

import re
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from mlops_maturity.errors import Problem

MAX_BYTES = 2 * 1024 * 1024
_BOOL_TAG = "tag:yaml.org,2002:bool"
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_MERGE_TAG = "tag:yaml.org,2002:merge"
# NOTE: YAML 1.1 reads yes/no/on/off as booleans ("the Norway problem"). Option ids such as
# `no` must stay strings, so only true/false are booleans here; callers accept "yes"/"no" as text.
_BOOL_PATTERN = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_Base):  # type: ignore[misc]
    """A safe loader that refuses duplicate keys and keeps yes/no as strings.

    Aliases are refused after composing (see ``_refuse_aliases``), which works for the fast
    libyaml parser as well as the pure-Python one.
    """

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, re.Pattern[str]]]]] = {}

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        # NOTE: PyYAML's scalar constructors raise plain ValueError for an impossible date
        # (2026-13-45) or `!!int abc`; give them the node's position like every other error.
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError, AttributeError) as exc:
            if isinstance(exc, yaml.YAMLError):
                raise
            # NOTE: a ValueError says what is wrong (month must be in 1..12); others are noise.
            detail = f" ({exc})" if type(exc) is ValueError else ""
            message = f"cannot read {node.value!r} as {_tag_name(node.tag)}{detail}"
            raise ConstructorError(None, None, message, node.start_mark) from None

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            # NOTE: a text key is compared as written, without building it first: answer files
            # of 100,000 entries spend their time here.
            if isinstance(key_node, ScalarNode) and key_node.tag == _STR_TAG:
                key: Any = key_node.value
            else:
                key = self.construct_object(key_node, deep=deep)
            _check_key(key, key_node, seen)
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep)
        return mapping


def _construct(loader: StrictLoader, root: Node) -> Any:
    """The plain data of a document, as the loader would build it, in about half the time.

    Text, lists and mappings (nearly everything in these files) are built here directly;
    any other value, a merge key and a nesting too deep for this walk go to the loader.
    """
    try:
        return _build(loader, root)
    except RecursionError:
        return loader.construct_document(root)


def _build(loader: StrictLoader, node: Node) -> Any:
    tag = node.tag
    if tag == _STR_TAG and isinstance(node, ScalarNode):
        return node.value
    if tag == _SEQ_TAG and isinstance(node, SequenceNode):
        return [_build(loader, child) for child in node.value]
    if tag != _MAP_TAG or not isinstance(node, MappingNode):
        return loader.construct_object(node, deep=True)
    if any(key.tag == _MERGE_TAG for key, _ in node.value):
        return loader.construct_object(node, deep=True)
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if key_node.tag == _STR_TAG and isinstance(key_node, ScalarNode):
            key = key_node.value
        else:
            key = _build(loader, key_node)
        _check_key(key, key_node, mapping)
        mapping[key] = _build(loader, value_node)
    return mapping


def _check_key(key: Any, node: Node, seen: dict[Any, Any] | set[Any]) -> None:
    if isinstance(key, list | dict):
        raise ConstructorError(
            None,
            None,
            "a key must be a plain value (text or a number), not a list or mapping",
            node.start_mark,
        )
    if key in seen:
        raise ConstructorError(
            None, None, f"duplicate key {key!r}; each key may appear once", node.start_mark
        )


def _tag_name(tag: str) -> str:
    """``tag:yaml.org,2002:timestamp`` → ``a date``."""
    names = {"timestamp": "a date", "int": "a whole number", "float": "a number", "bool": "yes/no"}
    return names.get(tag.rsplit(":", 1)[-1], tag)


def _strict_resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        table[first] = [(tag, rx) for tag, rx in entries if tag != _BOOL_TAG]
    for first in "tTfF":
        table.setdefault(first, []).insert(0, (_BOOL_TAG, _BOOL_PATTERN))
    return table


StrictLoader.yaml_implicit_resolvers = _strict_resolvers()


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: the plain data and the node tree that remembers positions."""

    file: str
    data: Any
    root: Node | None
    # NOTE: keys of each mapping node, indexed on first use, so that locating N problems in
    # a mapping of N entries takes N steps, not N².
    index: dict[int, dict[str, tuple[Node, Node]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def problem(self, loc: Sequence[str | int], message: str, *, at_key: bool = False) -> Problem:
        """Build a problem for the value at ``loc``, with its line and column when known."""
        node = locate(self.root, loc, at_key=at_key, index=self.index)
        line = column = None
        if node is not None:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
        return Problem(self.file, message, format_path(loc), line, column)


class YamlFileError(Exception):
    """The file could not be read as safe YAML; carries one located problem."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def read_yaml(path: Path, *, display: str | None = None) -> Document:
    """Parse ``path`` safely, refusing files too large, aliases and duplicate keys."""
    return parse_bytes(read_capped(path, display=display), display or str(path))


def parse_bytes(content: bytes, name: str) -> Document:
    """Decode UTF-8 and parse; ``name`` is used in messages."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlFileError(Problem(name, f"not UTF-8 text ({exc.reason})")) from None
    return parse_yaml(text, name)


def read_capped(path: Path, *, display: str | None = None) -> bytes:
    """The bytes of ``path`` (``-`` is standard input), refusing anything over the size cap.

    Only regular files are read: a FIFO would wait for ever and ``/dev/zero`` never ends.
    A stream on standard input is cut off at the same cap as a file.
    """
    name = display or str(path)
    if str(path) == "-":
        try:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or "it is closed"
            raise YamlFileError(
                Problem("<stdin>", f"cannot read standard input: {reason}")
            ) from None
        if len(data) > MAX_BYTES:
            message = f"the input is longer than the limit of {MAX_BYTES} bytes"
            raise YamlFileError(Problem("<stdin>", message))
        return data
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise YamlFileError(Problem(name, "is a directory, expected a YAML file"))
        if not stat.S_ISREG(info.st_mode):
            raise YamlFileError(Problem(name, "is not a regular file (a pipe or device?)"))
        if info.st_size > MAX_BYTES:
            message = f"file is {info.st_size} bytes; the limit is {MAX_BYTES}"
            raise YamlFileError(Problem(name, message))
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise YamlFileError(Problem(name, "no such file")) from None
    except OSError as exc:
        raise YamlFileError(Problem(name, f"cannot read: {exc.strerror}")) from None
    if len(data) > MAX_BYTES:  # the file grew while we read it
        raise YamlFileError(Problem(name, f"file is over the limit of {MAX_BYTES} bytes"))
    return data


def parse_yaml(text: str, name: str) -> Document:
    """Parse YAML text; ``name`` is used in messages."""
    loader = StrictLoader(text)
    try:
        root = loader.get_single_node()
        # NOTE: an alias is written `*name`; text without a `*` has none to look for.
        if "*" in text:
            _refuse_aliases(root)
        data = _construct(loader, root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.problem, exc.context) if part) or "invalid YAML"
        if exc.problem and exc.context and "while" in exc.context:
            message = exc.problem
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        raise YamlFileError(Problem(name, f"invalid YAML: {message}", "", line, column)) from None
    except yaml.reader.ReaderError as exc:
        message = (
            f"invalid YAML: character #x{exc.character:04x} is not allowed (at byte {exc.position})"
        )
        raise YamlFileError(Problem(name, message)) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Problem(name, f"invalid YAML: {exc}")) from None
    finally:
        loader.dispose()
    return Document(name, data, root)


def _refuse_aliases(root: Node | None) -> None:
    """An alias composes to the very node it names; finding a node twice means an alias."""
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise ComposerError(
                None,
                None,
                "YAML anchors and aliases (&name, *name) are not allowed; repeat the value instead",
                node.start_mark,
            )
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


def locate(
    root: Node | None,
    loc: Sequence[str | int],
    *,
    at_key: bool = False,
    index: dict[int, dict[str, tuple[Node, Node]]] | None = None,
) -> Node | None:
    """Walk ``loc`` down the node tree; parts that do not match (pydantic tags) are skipped."""
    node = root
    key_node: Node | None = None
    index = {} if index is None else index
    for part in loc:
        if isinstance(node, MappingNode):
            keys = index.get(id(node))
            if keys is None:
                keys = index[id(node)] = {}
                for k, v in node.value:
                    if isinstance(k, ScalarNode):
                        keys.setdefault(k.value, (k, v))
            if str(part) in keys:
                key_node, node = keys[str(part)]
        elif (
            isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value)
        ):
            key_node, node = None, node.value[part]
    if at_key and key_node is not None:
        return key_node
    return node


def format_path(loc: Sequence[str | int]) -> str:
    """Render a location as ``groups[0].questions[2].weight``, cutting the middle of a deep one."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    if len(out) > MAX_PATH:
        out = out[: MAX_PATH // 2] + " … " + out[-MAX_PATH // 2 :]
    return out


MAX_PATH = 160
