"""``metrics dora`` end to end: files, a git repository built here, answers written with --into."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from mlops_maturity.assessment.load import load_answers
from tests.conftest import Run
from tests.test_metrics import DEPLOYMENTS, INCIDENTS

PERIOD = ["--from", "2026-07-01", "--to", "2026-08-31"]


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    deployments, incidents = tmp_path / "deployments.csv", tmp_path / "incidents.csv"
    deployments.write_text(DEPLOYMENTS)
    incidents.write_text(INCIDENTS)
    return str(deployments), str(incidents)


def dora(files: tuple[str, str], *more: str) -> list[str]:
    return ["metrics", "dora", "--deployments", files[0], "--incidents", files[1], *PERIOD, *more]


def test_terminal_output(run: Run, files: tuple[str, str]) -> None:
    assert run(dora(files)).stdout == (
        "DORA metrics, 2026-07-01 to 2026-08-31 (2 months, UTC)\n"
        "Deployments from deployments.csv; incidents from incidents.csv\n"
        "\n"
        "All models: 6 deployments, 5 changes, 3 incidents\n"
        "Metric                      Value            2021  2022    2023    2024\n"
        "Deployment frequency        3 a month        High  Medium  Medium  Medium\n"
        "Lead time, median           6 hours          High  High    Elite   Elite\n"
        "Lead time, 90th percentile  38.4 hours       –     –       –       –\n"
        "Change failure rate         66.67% (4 of 6)  Low   Low     Low     Low\n"
        "Time to restore, median     3 hours          High  High    High    High\n"
        "Rework rate                 16.67% (1 of 6)  –     –       –       –\n"
        "\n"
        "A cluster here is the DORA cluster the value resembles on that one metric, in each "
        "report year;\nDORA's clusters are profiles across all four metrics. DORA published no "
        "clusters for rework\nrate, nor for the 90th percentile.\n"
    )


def test_json_and_markdown_by_model(run: Run, files: tuple[str, str]) -> None:
    data = json.loads(run(dora(files, "--by", "model", "-f", "json")).stdout)
    assert [m["model"] for m in data["models"]] == ["churn", "fraud"]
    assert data["models"][1]["lead_time"]["value"] == 13.0
    assert data["period"] == {
        "first": "2026-07-01",
        "last": "2026-08-31",
        "months": 2.0,
        "timezone": "UTC",
    }
    done = run(dora(files, "--by", "model", "-f", "markdown"))
    assert "### `fraud`\n\n3 deployments, 2 changes, 1 incidents.\n" in done.stdout
    assert "| Lead time, median | 13 hours | High | High | Elite | Elite |" in done.stdout
    assert done.stderr == (
        "warning: 1 incident(s) name no deployment or model; they count only for all models\n"
    )


def test_into_creates_the_answer_file_from_the_questionnaire(
    run: Run, files: tuple[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "answers.yaml"
    done = run(dora(files, "--into", str(target)))
    assert done.stderr.splitlines()[:6] == [
        f"Wrote {target}: 5 measured answer(s)",
        "  deploy-frequency: 3.0 (dora.deployment_frequency)",
        "  lead-time: 6.0 (dora.lead_time)",
        "  recovery-time: 3.0 (dora.time_to_restore)",
        "  change-fail-rate: 66.67 (dora.change_failure_rate)",
        "  rework-rate: 16.67 (dora.rework_rate)",
    ]
    assessment, q = load_answers(target)
    assert q.id == "dora"
    assert {k: (a.value, a.note) for k, a in assessment.answers.items()} == {
        "deploy-frequency": (
            3.0,
            "Measured: 6 deployments in 2 months, 2026-07-01 to 2026-08-31, from deployments.csv",
        ),
        "lead-time": (
            6.0,
            "Measured: median of 5 changes, 2026-07-01 to 2026-08-31, from deployments.csv",
        ),
        "recovery-time": (
            3.0,
            "Measured: median of 3 incidents, 2026-07-01 to 2026-08-31, from incidents.csv",
        ),
        "change-fail-rate": (
            66.67,
            "Measured: 4 of 6 deployments failed, were rolled back or caused an incident, "
            "2026-07-01 to 2026-08-31, from deployments.csv and incidents.csv",
        ),
        "rework-rate": (
            16.67,
            "Measured: 1 of 6 deployments were unplanned fixes, 2026-07-01 to 2026-08-31, "
            "from deployments.csv",
        ),
    }
    assert "# Over the last three months, how many times a month" in target.read_text()


def test_into_never_replaces_an_answer_without_force(
    run: Run, files: tuple[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "answers.yaml"
    before = "questionnaire: dora\nanswers:\n  lead-time: 96\n  ci-merge-daily: agree\n"
    target.write_text(before)
    done = run(dora(files, "--into", str(target)), code=1)
    assert done.stderr == (
        f"error: {target}: answers.lead-time: already answered 96; the records give 6.0. Use "
        "--force to replace it\n"
    )
    assert target.read_text() == before
    run(dora(files, "--into", str(target), "--force"))
    assessment, _ = load_answers(target)
    assert assessment.value("lead-time") == 6.0
    assert assessment.value("ci-merge-daily") == "agree"
    again = run(dora(files, "--into", str(target)))
    assert again.stderr.startswith(f"{target} already has these measured answers; nothing to")


def test_into_a_questionnaire_without_a_rework_question(
    run: Run, files: tuple[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "mlops.yaml"
    done = run(dora(files, "--into", str(target), "-q", "mlops"))
    assert done.stderr.splitlines()[1:] == [
        "  out-deploy-frequency: 3.0 (dora.deployment_frequency)",
        "  out-lead-time: 6.0 (dora.lead_time)",
        "  out-change-failure-rate: 66.67 (dora.change_failure_rate)",
        "  out-restore-time: 3.0 (dora.time_to_restore)",
        "  (no question of mlops asks for dora.rework_rate)",
    ]
    assert len(load_answers(target)[0].answers) == 4


def test_into_needs_questions_that_declare_a_metric(
    run: Run, files: tuple[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "quick.yaml"
    done = run(dora(files, "--into", str(target), "-q", "quick"), code=1)
    assert done.stderr == (
        "error: questionnaire quick has no question that declares metric:; use one that does "
        "(dora, mlops or platform)\n"
    )
    assert not target.exists()


def test_unmeasurable_metrics_leave_answers_as_they_were(run: Run, tmp_path: Path) -> None:
    plain = tmp_path / "plain.jsonl"
    plain.write_text('{"time": "2026-07-01T10:00Z", "model": "a", "outcome": "succeeded"}\n')
    target = tmp_path / "answers.yaml"
    target.write_text("questionnaire: dora\nanswers:\n  lead-time: 96\n")
    args = ["metrics", "dora", "--deployments", str(plain), *PERIOD, "--into", str(target)]
    done = run(args)
    assert "  lead-time: left as it was; not measurable: the deployments give neither" in (
        done.stderr
    )
    assert load_answers(target)[0].value("lead-time") == 96


def test_bad_data_writes_nothing(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "deployments.csv"
    bad.write_text("time,model,outcome\n2026-07-01T10:00Z,a,succeeded\n2026-07-32T10:00Z,a,ok\n")
    target = tmp_path / "answers.yaml"
    done = run(["metrics", "dora", "--deployments", str(bad), "--into", str(target)], code=1)
    assert done.stderr == (
        f"error: {bad}: row 3, column time: cannot read '2026-07-32T10:00Z' as a time; "
        "expected ISO 8601 such as 2026-07-01T09:30:00Z\n"
        f"error: {bad}: row 3, column outcome: expected succeeded, failed or rolled back; got "
        "'ok'\n"
        "2 problems found.\n"
    )
    assert done.stdout == ""
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--git", "REPO"], "error: give the deployments: --deployments FILE (CSV or JSON Lines),"),
        (["--tag", "v*"], "error: --tag names the tags of a repository; give it with --git REPO"),
        (["--deployments", "d.txt"], "error: d.txt: expected a .csv or .jsonl (JSON Lines) file"),
        (["--deployments", "none.csv"], "error: none.csv: no such file"),
        (["--deployments", "d.csv", "--from", "1 July"], "error: --from '1 July': expected a"),
        (["--deployments", "d.csv", "--timezone", "Mars"], "error: --timezone 'Mars': unknown"),
    ],
)
def test_usage_mistakes(run: Run, args: list[str], message: str) -> None:
    assert run(["metrics", "dora", *args], code=1).stderr.startswith(message)


def commit(repo: Path, message: str, when: str, committed: str | None = None) -> None:
    git(repo, "commit", "--allow-empty", "-m", message, when=when, committed=committed)


def git(
    repo: Path, *args: str, when: str = "2026-07-01T00:00Z", committed: str | None = None
) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "A. Example",
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "A. Example",
        "GIT_COMMITTER_EMAIL": "a@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": committed or when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)
    return done.stdout.decode().strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """c1, c2 (tag v1.0, annotated) · c3 (v1.1, lightweight) · c4, c5 (v1.2) · docs-1."""
    path = tmp_path / "routing"
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    commit(path, "c1", "2026-07-01T08:00Z")
    commit(path, "c2", "2026-07-01T10:00Z")
    git(path, "tag", "-a", "v1.0", "-m", "v1.0", when="2026-07-01T12:00Z")
    # NOTE: a lightweight tag takes its commit's committer time; the author time is 6 h before.
    commit(path, "c3", "2026-07-02T09:00Z", committed="2026-07-02T15:00Z")
    git(path, "tag", "v1.1")
    commit(path, "c4", "2026-07-03T00:00Z")
    commit(path, "c5", "2026-07-04T00:00Z")
    git(path, "tag", "-a", "v1.2", "-m", "v1.2", when="2026-07-05T00:00Z")
    git(path, "tag", "docs-1")
    return path


def test_deployments_from_git_tags(run: Run, repo: Path) -> None:
    args = ["metrics", "dora", "--git", str(repo), "--tag", "v*", "--from", "2026-07-01"]
    data = json.loads(run([*args, "--to", "2026-07-31", "-f", "json"]).stdout)
    o = data["overall"]
    assert data["deployments_from"] == "git tags v* in routing"
    assert (o["deployments"], o["changes"]) == (3, 5)
    # lead times 4 and 2 (v1.0), 6 (v1.1), 48 and 24 (v1.2) hours
    got = [o[k]["value"] for k in ("deployment_frequency", "lead_time", "lead_time_p90")]
    assert got == [3.0, 6.0, 38.4]
    assert o["change_failure_rate"]["value"] == 0.0
    assert o["rework_rate"]["reason"].startswith("the deployments are not marked")


def test_incidents_name_tags_as_deployments(run: Run, repo: Path, tmp_path: Path) -> None:
    incidents = tmp_path / "incidents.csv"
    incidents.write_text("start,restored,deployment\n2026-07-02T16:00Z,2026-07-02T17:30Z,v1.1\n")
    args = ["metrics", "dora", "--git", str(repo), "--tag", "v*", "--incidents", str(incidents)]
    o = json.loads(run([*args, "-f", "json"]).stdout)["overall"]
    assert (o["change_failure_rate"]["value"], o["time_to_restore"]["value"]) == (33.33, 1.5)


def test_models_from_tag_names(run: Run, repo: Path) -> None:
    git(repo, "tag", "fraud/v1", "v1.0")
    git(repo, "tag", "churn/v1", "v1.2")
    args = ["metrics", "dora", "--git", str(repo), "--tag", "{model}/v*", "--by", "model"]
    data = json.loads(run([*args, "-f", "json"]).stdout)
    assert [(m["model"], m["changes"]) for m in data["models"]] == [("churn", 5), ("fraud", 2)]


def test_a_repository_without_matching_tags(run: Run, repo: Path, tmp_path: Path) -> None:
    done = run(["metrics", "dora", "--git", str(repo), "--tag", "release-*"], code=1)
    assert done.stderr == (
        f"error: {repo}: no tag matches --tag 'release-*'; its tags are: docs-1, v1.0, v1.1, v1.2\n"
    )
    done = run(["metrics", "dora", "--git", str(tmp_path), "--tag", "v*"], code=1)
    assert done.stderr == f"error: {tmp_path}: not a git repository\n"


def test_commit_ids_in_a_deployment_file_are_looked_up_in_git(
    run: Run, repo: Path, tmp_path: Path
) -> None:
    c2, c5 = git(repo, "rev-parse", "--short", "v1.0^{commit}"), git(repo, "rev-parse", "v1.2^{}")
    deployments = tmp_path / "deployments.csv"
    deployments.write_text(
        "time,model,outcome,commit\n"
        f"2026-07-01T12:00Z,routing,succeeded,{c2}\n"
        f"2026-07-05T00:00Z,routing,succeeded,{c5}\n"
    )
    args = ["metrics", "dora", "--deployments", str(deployments), "--git", str(repo)]
    o = json.loads(run([*args, "-f", "json"]).stdout)["overall"]
    # c1 and c2 with the first; c3 (author time 2026-07-02T09:00Z), c4, c5 with the second
    assert (o["changes"], o["lead_time"]["value"]) == (5, 24.0)
    deployments.write_text(
        deployments.read_text() + "2026-07-06T00:00Z,routing,succeeded,abcdef12\n"
    )
    done = run([*args], code=1)
    assert done.stderr == (
        f"error: {deployments}: row 4, column commit: no commit abcdef12 in {repo} (or the id "
        "is ambiguous)\n"
    )
    without = ["metrics", "dora", "--deployments", str(deployments), "-f", "json"]
    o = json.loads(run(without).stdout)["overall"]
    assert o["lead_time"]["reason"] == (
        "the deployments name commits but not when they were made; add --git REPO to read the "
        "commit times"
    )


def test_reports_show_the_measured_notes(run: Run, files: tuple[str, str], tmp_path: Path) -> None:
    target = tmp_path / "answers.yaml"
    run(dora(files, "--into", str(target)))
    answers = json.loads(run(["report", str(target), "-f", "json"]).stdout)["answers"]
    measured = [a["question"] for a in answers if a["note"].startswith("Measured: ")]
    assert measured == [
        "deploy-frequency",
        "lead-time",
        "recovery-time",
        "change-fail-rate",
        "rework-rate",
    ]


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "metrics"


def test_the_example_records_give_the_example_answers(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "answers.yaml"
    shutil.copy(EXAMPLE / "dora-litware-2026-q3.yaml", target)
    quarter = ["--from", "2026-07-01", "--to", "2026-09-30"]
    for kind in ("csv", "jsonl"):
        args = ["metrics", "dora", "--deployments", str(EXAMPLE / f"deployments.{kind}")]
        args += ["--incidents", str(EXAMPLE / f"incidents.{kind}"), *quarter]
        done = run([*args, "--into", str(target), "--by", "model"])
        assert "All models: 36 deployments, 34 changes, 7 incidents\n" in done.stdout
        answer = load_answers(target)[0].answers["lead-time"]
        assert (answer.value, answer.note) == (
            20.75,
            f"Measured: median of 34 changes, 2026-07-01 to 2026-09-30, from deployments.{kind}",
        )
    assert done.stderr.startswith(f"Wrote {target}: 5 measured answer(s)\n")


def test_a_note_of_its_own_is_kept_unless_forced(
    run: Run, files: tuple[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "answers.yaml"
    target.write_text("questionnaire: dora\nanswers:\n  lead-time: {value: 6, note: By hand.}\n")
    done = run(dora(files, "--into", str(target)), code=1)
    assert done.stderr == (
        f"error: {target}: answers.lead-time: already answered 6 with a note of its own. Use "
        "--force to replace the note with how the value was measured\n"
    )
