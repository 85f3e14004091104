"""Read the records ``metrics dora`` needs: deployment and incident files, and git with ``git``."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from mlops_maturity.errors import MaturityError
from mlops_maturity.metrics.changes import (
    Commit,
    deployments_from_tags,
    from_columns,
    parse_log,
    parse_tags,
    ship,
    tag_matcher,
)
from mlops_maturity.metrics.parse import parse_deployments, parse_incidents
from mlops_maturity.metrics.records import Deployment, Incident, Records
from mlops_maturity.metrics.tabular import Kind, Table

KINDS: dict[str, Kind] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
TAG_FORMAT = (
    "%(refname:strip=2)%09%(objecttype)%09%(objectname)%09%(*objectname)%09%(creatordate:unix)"
)


@dataclass(frozen=True)
class Sources:
    """Where the records come from, as the options gave them."""

    deployments: Path | None = None
    incidents: Path | None = None
    git: Path | None = None
    tag: str | None = None


def read_text(path: Path) -> tuple[str, Kind]:
    """A record file's text and its kind (by extension: .csv, or .jsonl / .ndjson)."""
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise MaturityError(f"{path}: expected a .csv or .jsonl (JSON Lines) file")
    try:
        return path.read_text(encoding="utf-8-sig"), kind
    except FileNotFoundError:
        raise MaturityError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise MaturityError(f"{path}: is a folder; expected a .csv or .jsonl file") from None
    except UnicodeDecodeError as exc:
        raise MaturityError(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8"
        ) from None


def gather(sources: Sources, zone: dt.tzinfo | None) -> Records:
    """Every record, checked and linked: deployments, the changes they shipped, incidents."""
    _check_options(sources)
    if sources.deployments is not None:
        deployments, changes, gap, marked, name = _from_file(sources, zone)
    else:
        assert sources.git is not None and sources.tag is not None
        deployments, changes, gap, marked, name = _from_tags(sources.git, sources.tag)
    incidents: tuple[Incident, ...] = ()
    if sources.incidents is not None:
        text, kind = read_text(sources.incidents)
        by_id = dict(zip(map(attrgetter("id"), deployments), deployments, strict=True))
        by_id.pop("", None)
        incidents = parse_incidents(text, str(sources.incidents), kind, zone, by_id, name)
    return Records(
        deployments=deployments,
        incidents=incidents,
        changes=tuple(changes),
        lead_time_gap=gap,
        rework_marked=marked,
        deployment_source=name,
        incident_source="" if sources.incidents is None else sources.incidents.name,
    )


def _check_options(s: Sources) -> None:
    if s.tag is not None and s.git is None:
        raise MaturityError("--tag names the tags of a repository; give it with --git REPO")
    if s.tag is not None and s.deployments is not None:
        raise MaturityError(
            "--tag reads the deployments from git tags; give either --deployments or --tag"
        )
    if s.deployments is None and s.tag is None:
        raise MaturityError(
            "give the deployments: --deployments FILE (CSV or JSON Lines), or --git REPO --tag "
            "PATTERN to take them from tags"
        )


Found = tuple[tuple[Deployment, ...], list[tuple[float, ...]], str, bool, str]


def _from_file(sources: Sources, zone: dt.tzinfo | None) -> Found:
    path = sources.deployments
    assert path is not None
    text, kind = read_text(path)
    deployments, columns = parse_deployments(text, str(path), kind, zone)
    marked = "unplanned" in columns
    if sources.git is not None:
        if "commit" not in columns:
            gap = f"{path.name} has no commit column to look up in {sources.git}"
            return deployments, [()] * len(deployments), gap, marked, path.name
        resolved = _resolve(sources.git, deployments, Table(str(path), kind))
        changes = ship(resolved, _commits(sources.git, [d.commit for d in resolved]))
        return deployments, changes, "", marked, path.name
    changes, gap = from_columns(deployments, columns)
    return deployments, changes, gap, marked, path.name


def _from_tags(repo: Path, pattern: str) -> Found:
    _check_repo(repo)
    tags = parse_tags(_git(repo, "for-each-ref", f"--format={TAG_FORMAT}", "refs/tags"))
    label = repo.resolve().name
    deployments = deployments_from_tags(tags, tag_matcher(pattern, label))
    if not deployments:
        names = ", ".join(t.name for t in tags[:5]) + (", …" if len(tags) > 5 else "")
        had = f"its tags are: {names}" if tags else "it has no tags"
        raise MaturityError(f"{repo}: no tag matches --tag {pattern!r}; {had}")
    changes = ship(deployments, _commits(repo, [d.commit for d in deployments]))
    return deployments, changes, "", False, f"git tags {pattern} in {label}"


def _git(repo: Path, *args: str, stdin: str | None = None) -> str:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), "-c", "log.showSignature=false", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise MaturityError("git is not installed (--git reads the repository with it)") from None
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise MaturityError(f"{repo}: git {args[0]} failed: {detail}")
    return done.stdout


def _check_repo(repo: Path) -> None:
    if not repo.is_dir():
        raise MaturityError(f"{repo}: no such folder (--git names a git repository)")
    try:
        _git(repo, "rev-parse", "--git-dir")
    except MaturityError:
        raise MaturityError(f"{repo}: not a git repository") from None


def _commits(repo: Path, heads: list[str]) -> dict[str, Commit]:
    wanted = sorted({h for h in heads if h})
    if not wanted:
        return {}
    return parse_log(
        _git(repo, "log", "--stdin", "--format=%H%x09%at%x09%P", stdin="\n".join(wanted) + "\n")
    )


def _resolve(
    repo: Path, deployments: tuple[Deployment, ...], table: Table
) -> tuple[Deployment, ...]:
    """The deployments with full commit ids; an unknown or ambiguous id is a problem."""
    _check_repo(repo)
    ids = sorted({d.commit for d in deployments if d.commit})
    out = _git(repo, "cat-file", "--batch-check", stdin="".join(f"{i}^{{commit}}\n" for i in ids))
    full: dict[str, str] = {}
    for wanted, line in zip(ids, out.splitlines(), strict=True):
        sha, _, kind = line.partition(" ")
        if kind.startswith("commit"):
            full[wanted] = sha
    for d in deployments:
        if d.commit and d.commit not in full:
            table.add(d.row, "commit", f"no commit {d.commit} in {repo} (or the id is ambiguous)")
    table.fail_if_any()
    return tuple(d._replace(commit=full.get(d.commit, "")) for d in deployments)


def zone_of(name: str | None) -> tuple[dt.tzinfo, str]:
    """The time zone --timezone names (UTC when not given)."""
    if name is None:
        return dt.UTC, "UTC"
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name), name
    except (ZoneInfoNotFoundError, ValueError):
        raise MaturityError(
            f"--timezone {name!r}: unknown time zone; use a name such as Europe/Berlin or UTC"
        ) from None


def day_of(text: str | None, option: str) -> dt.date | None:
    """A --from or --to date."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise MaturityError(f"{option} {text!r}: expected a date such as 2026-07-01") from None
