"""Which changes each deployment shipped: commits first reachable from its commit, from git."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mlops_maturity.errors import MaturityError
from mlops_maturity.metrics.records import Deployment


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit's author time (POSIX seconds) and its parents."""

    time: float
    parents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tag:
    """A tag that points at a commit, with the time it was made."""

    name: str
    commit: str
    time: float


def parse_log(text: str) -> dict[str, Commit]:
    """``git log --format=%H%x09%at%x09%P`` output as commits by id."""
    commits: dict[str, Commit] = {}
    for line in text.splitlines():
        sha, _, rest = line.partition("\t")
        stamp, _, parents = rest.partition("\t")
        if sha and stamp:
            commits[sha] = Commit(float(stamp), tuple(parents.split()))
    return commits


def parse_tags(text: str) -> list[Tag]:
    """``git for-each-ref`` output (name, type, object, peeled object, creator date) as tags.

    Tags that do not point at a commit (a tree or a blob) are left out.
    """
    tags: list[Tag] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) != 5 or not parts[4]:
            continue
        name, kind, target, peeled, stamp = parts
        commit = peeled if kind == "tag" else target if kind == "commit" else ""
        if commit and (kind == "commit" or peeled):
            tags.append(Tag(name, commit, float(stamp)))
    return tags


def tag_matcher(pattern: str, default_model: str) -> Callable[[str], str | None]:
    """A function giving the model of a tag name matching ``pattern``, or None.

    ``*`` matches any text (slashes too), ``?`` one character; ``{model}`` matches the model's
    name (``{model}/v*`` reads ``fraud/v1.2`` as a deployment of ``fraud``). Without ``{model}``
    every tag is a deployment of ``default_model``.
    """
    if pattern.count("{model}") > 1:
        raise MaturityError(f"--tag {pattern!r}: {{model}} may appear only once")
    parts = [
        re.escape(p).replace(r"\*", ".*").replace(r"\?", ".") for p in pattern.split("{model}")
    ]
    regex = re.compile("(?P<model>.+?)".join(parts) + r"\Z", re.DOTALL)

    def model_of(name: str) -> str | None:
        match = regex.match(name)
        if match is None:
            return None
        return match.groupdict().get("model") or default_model

    return model_of


def deployments_from_tags(
    tags: Sequence[Tag], model_of: Callable[[str], str | None]
) -> tuple[Deployment, ...]:
    """A deployment for each matching tag (all succeeded: git knows no outcomes), in time order."""
    found = [
        Deployment(row=0, time=tag.time, model=model, id=tag.name, commit=tag.commit)
        for tag in tags
        if (model := model_of(tag.name)) is not None
    ]
    found.sort(key=lambda d: (d.time, d.id))
    return tuple(d._replace(row=i) for i, d in enumerate(found, start=1))


def ship(deployments: Sequence[Deployment], commits: dict[str, Commit]) -> list[tuple[float, ...]]:
    """For each deployment, the commit times of the changes it shipped first (for its model).

    Deployments are taken in time order; one that failed ships nothing, so its changes count
    for the next one that did not fail. A commit is shipped by the first deployment whose commit
    reaches it through its parents.
    """
    shipped: dict[str, set[str]] = {}
    out: list[tuple[float, ...]] = [()] * len(deployments)
    order = sorted(range(len(deployments)), key=lambda i: (deployments[i].time, i))
    for i in order:
        deployment = deployments[i]
        if deployment.outcome == "failed" or not deployment.commit:
            continue
        seen = shipped.setdefault(deployment.model, set())
        stack, times = [deployment.commit], []
        while stack:
            sha = stack.pop()
            if sha in seen or sha not in commits:
                continue
            seen.add(sha)
            times.append(commits[sha].time)
            stack.extend(commits[sha].parents)
        out[i] = tuple(times)
    return out


def from_first_commits(deployments: Sequence[Deployment]) -> list[tuple[float, ...]]:
    """One change per deployment that did not fail: the one whose first commit time it gives."""
    return [
        (d.first_commit,) if d.first_commit is not None and d.outcome != "failed" else ()
        for d in deployments
    ]


def from_columns(
    deployments: Sequence[Deployment], columns: frozenset[str]
) -> tuple[list[tuple[float, ...]], str]:
    """Changes from first commit times when the file has them, else why lead time is unknown."""
    if "first_commit" in columns:
        return from_first_commits(deployments), ""
    gap = (
        "the deployments name commits but not when they were made; add --git REPO to read "
        "the commit times"
        if "commit" in columns
        else "the deployments give neither first_commit nor commit"
    )
    return [()] * len(deployments), gap
