"""The DORA metrics from hand-made records: parsing, edge cases, the four keys and clusters."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from mlops_maturity.errors import InputFileError, MaturityError
from mlops_maturity.metrics.changes import (
    Commit,
    Tag,
    deployments_from_tags,
    from_columns,
    parse_log,
    parse_tags,
    ship,
    tag_matcher,
)
from mlops_maturity.metrics.compute import compute
from mlops_maturity.metrics.parse import parse_deployments, parse_incidents
from mlops_maturity.metrics.period import make_period, months_between
from mlops_maturity.metrics.records import Deployment, Period, Records
from mlops_maturity.metrics.result import DoraMetrics, Measure
from mlops_maturity.metrics.tabular import Kind
from mlops_maturity.questionnaire.load import load_questionnaire

DEPLOYMENTS = """\
id,time,model,outcome,first_commit,unplanned
d1,2026-07-01T10:00Z,fraud,succeeded,2026-07-01T08:00Z,no
d2,2026-07-02T10:00Z,fraud,failed,2026-07-01T10:00Z,no
d3,2026-07-03T12:00Z,fraud,succeeded,2026-07-02T12:00Z,yes
d4,2026-07-10T00:00Z,churn,rolled back,2026-07-09T18:00Z,no
d5,2026-07-20T00:00Z,churn,succeeded,2026-07-19T20:00Z,no
d6,2026-08-15T00:00Z,churn,succeeded,2026-08-13T00:00Z,no
"""
INCIDENTS = """\
id,start,restored,deployment,severity
i1,2026-07-05T00:00Z,2026-07-05T03:00Z,d3,sev2
i2,2026-07-21T00:00Z,2026-07-21T00:30Z,,sev3
i3,2026-07-25T00:00Z,2026-07-25T05:00Z,d5,sev1
"""
UTC = dt.UTC
BENCHMARKS = load_questionnaire("dora").benchmarks


def records(
    deployments: str,
    incidents: str | None = None,
    *,
    kind: Kind = "csv",
    zone: dt.tzinfo | None = None,
) -> Records:
    """Records as ``gather`` builds them from files, with lead times from first commits."""
    found, columns = parse_deployments(deployments, "deployments.csv", kind, zone)
    by_id = {d.id: d for d in found if d.id}
    linked = (
        parse_incidents(incidents, "incidents.csv", kind, zone, by_id, "deployments.csv")
        if incidents is not None
        else ()
    )
    changes, gap = from_columns(found, columns)
    return Records(
        deployments=found,
        incidents=linked,
        changes=tuple(changes),
        lead_time_gap=gap,
        rework_marked="unplanned" in columns,
        deployment_source="deployments.csv",
        incident_source="" if incidents is None else "incidents.csv",
    )


def period(first: str = "2026-07-01", last: str = "2026-08-31") -> Period:
    return make_period(dt.date.fromisoformat(first), dt.date.fromisoformat(last), [], UTC, "UTC")


def problems(deployments: str, incidents: str | None = None, kind: Kind = "csv") -> list[str]:
    with pytest.raises(InputFileError) as caught:
        records(deployments, incidents, kind=kind)
    return [str(p) for p in caught.value.problems]


def values(measures: tuple[Measure, ...]) -> list[float | None]:
    return [m.value for m in measures]


def clusters(m: Measure) -> dict[int, str | None]:
    return {p.year: p.cluster for p in m.clusters}


def test_the_four_keys_and_rework_rate_overall() -> None:
    result = compute(records(DEPLOYMENTS, INCIDENTS), period(), BENCHMARKS)
    o = result.overall
    assert (o.deployments, o.changes, o.incidents, o.open_incidents) == (6, 5, 3, 0)
    # lead times 2, 24, 6, 4, 48 hours (d2 failed, so shipped nothing); restore 3, 0.5, 5
    assert values(o.measures()) == [3.0, 6.0, 38.4, 66.67, 3.0, 16.67]
    assert (o.change_failure_rate.part, o.change_failure_rate.count) == (4, 6)
    assert (o.rework_rate.part, o.lead_time.count, o.time_to_restore.count) == (1, 5, 3)
    assert result.period.months == 2.0
    assert result.warnings == ()


def test_each_metric_is_placed_in_the_cluster_of_every_report_year() -> None:
    o = compute(records(DEPLOYMENTS, INCIDENTS), period(), BENCHMARKS).overall
    assert clusters(o.deployment_frequency) == {
        2021: "High",
        2022: "Medium",
        2023: "Medium",
        2024: "Medium",
    }
    assert clusters(o.lead_time) == {2021: "High", 2022: "High", 2023: "Elite", 2024: "Elite"}
    assert clusters(o.change_failure_rate) == {2021: "Low", 2022: "Low", 2023: "Low", 2024: "Low"}
    assert clusters(o.time_to_restore) == {2021: "High", 2022: "High", 2023: "High", 2024: "High"}
    assert o.lead_time_p90.clusters == ()
    assert o.rework_rate.clusters == ()


def test_per_model() -> None:
    result = compute(records(DEPLOYMENTS, INCIDENTS), period(), BENCHMARKS, by_model=True)
    churn, fraud = result.models
    assert (churn.model, fraud.model) == ("churn", "fraud")
    assert values(fraud.measures()) == [1.5, 13.0, 21.8, 66.67, 3.0, 33.33]
    assert values(churn.measures()) == [1.5, 6.0, 39.6, 66.67, 5.0, 0.0]
    assert result.warnings == (
        "1 incident(s) name no deployment or model; they count only for all models",
    )


def test_a_period_without_deployments_has_frequency_zero_and_nothing_else() -> None:
    result = compute(records(DEPLOYMENTS), period("2026-09-01", "2026-09-30"), BENCHMARKS)
    o = result.overall
    assert values(o.measures()) == [0.0, None, None, None, None, None]
    assert [m.reason for m in o.measures()][1:] == [
        "no deployments in the period",
        "no deployments in the period",
        "no deployments in the period",
        "no incident records (give --incidents FILE)",
        "no deployments in the period",
    ]
    assert clusters(o.deployment_frequency) == {2021: "Low", 2022: "Low", 2023: "Low", 2024: "Low"}


def test_incidents_of_a_period_without_deployments_still_give_time_to_restore() -> None:
    late = "id,start,restored\ni9,2026-09-02T00:00Z,2026-09-02T02:00Z\n"
    o = compute(records(DEPLOYMENTS, late), period("2026-09-01", "2026-09-30"), BENCHMARKS).overall
    assert o.time_to_restore.value == 2.0
    assert o.change_failure_rate.value is None


def test_an_open_incident_marks_its_deployment_failed_but_has_no_restore_time() -> None:
    open_ = "start,restored,deployment\n2026-07-05T00:00Z,,d1\n"
    o = compute(records(DEPLOYMENTS, open_), period(), BENCHMARKS).overall
    assert (o.change_failure_rate.part, o.open_incidents) == (3, 1)
    assert o.time_to_restore.value is None
    assert o.time_to_restore.reason == "no incident of the period has been restored yet"


def test_without_marks_or_commit_times_rework_and_lead_time_are_not_measurable() -> None:
    plain = "time,model,outcome\n2026-07-01T10:00Z,fraud,succeeded\n"
    o = compute(records(plain), period(), BENCHMARKS).overall
    assert values(o.measures()) == [0.5, None, None, 0.0, None, None]
    assert o.lead_time.reason == "the deployments give neither first_commit nor commit"
    assert o.rework_rate.reason == (
        "the deployments are not marked as planned or unplanned (column unplanned)"
    )


def test_json_lines_give_the_same_records() -> None:
    lines = (
        '{"id": "d1", "time": "2026-07-01T10:00Z", "service": "fraud", "outcome": "success",'
        ' "first_commit": "2026-07-01T08:00Z", "unplanned": true}\n'
        "\n"
        '{"id": "d2", "time": "2026-07-02T10:00+02:00", "model": "fraud", "outcome": "rollback"}\n'
    )
    found = records(lines, kind="jsonl").deployments
    assert [(d.model, d.outcome, d.unplanned) for d in found] == [
        ("fraud", "succeeded", True),
        ("fraud", "rolled back", False),
    ]
    assert found[1].time == dt.datetime(2026, 7, 2, 8, tzinfo=UTC).timestamp()


def test_times_without_a_zone_need_one() -> None:
    naive = "time,model,outcome\n2026-07-01 12:00,fraud,succeeded\n"
    assert problems(naive) == [
        "deployments.csv: row 2, column time: '2026-07-01 12:00' has no time zone; add Z or an "
        "offset such as +02:00 (2026-07-01T09:30:00+02:00), or pass --timezone to say which "
        "zone it is in"
    ]
    found = records(naive, zone=ZoneInfo("Europe/Berlin")).deployments
    assert found[0].time == dt.datetime(2026, 7, 1, 10, tzinfo=UTC).timestamp()


BAD_DEPLOYMENTS = [
    pytest.param(
        "time,model,outcome\nyesterday,fraud,succeeded\n",
        "deployments.csv: row 2, column time: cannot read 'yesterday' as a time; expected "
        "ISO 8601 such as 2026-07-01T09:30:00Z",
        id="unparsable-time",
    ),
    pytest.param(
        "time,model,outcome\n2026-07-01T10:00Z,fraud,ok\n",
        "deployments.csv: row 2, column outcome: expected succeeded, failed or rolled back; "
        "got 'ok'",
        id="outcome",
    ),
    pytest.param(
        "time,model,outcome\n2026-07-01T10:00Z,,succeeded\n",
        "deployments.csv: row 2, column model: is empty; every deployment needs its model or "
        "service",
        id="empty-model",
    ),
    pytest.param(
        "time,model\n2026-07-01T10:00Z,fraud\n",
        "deployments.csv: row 1: no column 'outcome' in the header; the first row names the "
        "columns, from: time, model, outcome, id, first_commit, commit, unplanned",
        id="missing-column",
    ),
    pytest.param(
        "time,model,outcome,unplaned\n2026-07-01T10:00Z,fraud,succeeded,no\n",
        "deployments.csv: row 1, column unplaned: unknown column 'unplaned'; did you mean "
        "'unplanned'?",
        id="near-miss-column",
    ),
    pytest.param(
        "time,model,outcome\n2026-07-01T10:00Z,fraud\n",
        "deployments.csv: row 2: 2 values, but the header has 3 columns",
        id="short-row",
    ),
    pytest.param(
        "time,model,outcome,first_commit\n2026-07-01T10:00Z,fraud,succeeded,2026-07-02T10:00Z\n",
        "deployments.csv: row 2, column first_commit: is after the deployment's time; check "
        "both times",
        id="commit-after-deployment",
    ),
    pytest.param(
        "time,model,outcome,unplanned\n2026-07-01T10:00Z,fraud,succeeded,maybe\n",
        "deployments.csv: row 2, column unplanned: expected yes or no (true/false, 1/0), got "
        "'maybe'",
        id="unplanned",
    ),
    pytest.param(
        "time,model,outcome,commit\n2026-07-01T10:00Z,fraud,succeeded,main\n",
        "deployments.csv: row 2, column commit: expected a commit id (hexadecimal, as git "
        "shows it), got 'main'",
        id="commit-id",
    ),
    pytest.param(
        "time,model,outcome\n2026-07-01T10:00Z,fraud,succeeded\n2026-07-01T12:00+02:00,fraud,failed\n",
        "deployments.csv: row 3: a duplicate of row 2 (the same model and time); remove one, "
        "or give each deployment its own id",
        id="duplicate-values",
    ),
    pytest.param(
        "id,time,model,outcome\nd1,2026-07-01T10:00Z,fraud,succeeded\nd1,2026-07-02T10:00Z,a,failed\n",
        "deployments.csv: row 3: a duplicate of row 2 (the same id 'd1'); remove one, or give "
        "each deployment its own id",
        id="duplicate-id",
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD_DEPLOYMENTS)
def test_bad_deployments_say_which_row_and_column(text: str, message: str) -> None:
    assert problems(text) == [message]


BAD_INCIDENTS = [
    pytest.param(
        "start,restored\n2026-07-05T03:00Z,2026-07-05T02:00Z\n",
        "incidents.csv: row 2, column restored: is before the incident started; check both times",
        id="restored-before-start",
    ),
    pytest.param(
        "start,deployment\n2026-07-05T03:00Z,d9\n",
        "incidents.csv: row 2, column deployment: no deployment 'd9' in deployments.csv",
        id="unknown-deployment",
    ),
    pytest.param(
        "start,deployment,model\n2026-07-05T03:00Z,d1,churn\n",
        "incidents.csv: row 2, column model: is 'churn', but deployment 'd1' is of 'fraud'",
        id="model-disagrees",
    ),
    pytest.param(
        "start,restored\n,2026-07-05T02:00Z\n",
        "incidents.csv: row 2, column start: is empty; every incident needs the time service "
        "degraded",
        id="no-start",
    ),
    pytest.param(
        "start,restored\n2026-07-05T01:00Z,2026-07-05T02:00Z\n2026-07-05T01:00Z,2026-07-05T02:00Z\n",
        "incidents.csv: row 3: a duplicate of row 2 (the same times and deployment); remove "
        "one, or give each incident its own id",
        id="duplicate",
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD_INCIDENTS)
def test_bad_incidents_say_which_row_and_column(text: str, message: str) -> None:
    assert problems(DEPLOYMENTS, text) == [message]


def test_json_lines_problems_name_the_line_and_field() -> None:
    lines = '{"time": 5, "model": "a", "outcome": "failed"}\nnot json\n[1]\n'
    assert problems(lines, kind="jsonl") == [
        "deployments.csv: line 1, field time: expected a time such as 2026-07-01T09:30:00Z, got 5",
        "deployments.csv: line 2: not valid JSON: Expecting value (character 1)",
        'deployments.csv: line 3: expected a JSON object such as {"time": ...}',
    ]


def test_many_problems_are_cut_short() -> None:
    bad = "time,model,outcome\n" + "never,a,succeeded\n" * 25
    found = problems(bad)
    assert len(found) == 21
    assert found[-1] == "deployments.csv: and 5 more problems"


@pytest.mark.parametrize(
    ("first", "last", "months"),
    [
        ("2026-07-01", "2026-09-30", 3.0),
        ("2026-02-01", "2026-02-14", 0.5),
        ("2026-07-16", "2026-08-15", 1.0),
        ("2026-01-01", "2026-12-31", 12.0),
        ("2026-07-01", "2026-07-01", 1 / 31),
    ],
)
def test_months_count_calendar_months(first: str, last: str, months: float) -> None:
    got = months_between(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert got == pytest.approx(months)


def test_the_period_defaults_to_the_days_of_the_first_and_last_deployment() -> None:
    times = [dt.datetime(2026, 7, 1, 23, tzinfo=UTC).timestamp(), 1_790_000_000.0]
    p = make_period(None, None, times, ZoneInfo("Europe/Berlin"), "Europe/Berlin")
    assert (p.label, p.zone) == ("2026-07-02 to 2026-09-21", "Europe/Berlin")


def test_a_period_needs_deployments_or_dates_and_must_run_forwards() -> None:
    with pytest.raises(MaturityError, match="give --from and --to"):
        make_period(None, None, [], UTC, "UTC")
    with pytest.raises(MaturityError, match=r"starts \(2026-09-30\) after it ends \(2026-07-01\)"):
        make_period(dt.date(2026, 9, 30), dt.date(2026, 7, 1), [], UTC, "UTC")


# A history: a - b - c (tag v1) - d - e (v2), with f on a branch merged at g (v3).
LOG = "a\t100\t\nb\t200\ta\nc\t300\tb\nd\t400\tc\ne\t500\td\nf\t450\tc\ng\t600\te f\n"


def test_each_commit_counts_for_the_first_deployment_that_reaches_it() -> None:
    commits = parse_log(LOG)
    assert commits["g"] == Commit(600.0, ("e", "f"))
    deployments = [
        Deployment(row=1, time=1000, model="m", commit="c"),
        Deployment(row=2, time=2000, model="m", commit="e"),
        Deployment(row=3, time=2500, model="m", outcome="failed", commit="g"),
        Deployment(row=4, time=3000, model="m", commit="g"),
        Deployment(row=5, time=3000, model="other", commit="e"),
    ]
    assert ship(deployments, commits) == [
        (300.0, 200.0, 100.0),
        (500.0, 400.0),
        (),
        (600.0, 450.0),
        (500.0, 400.0, 300.0, 200.0, 100.0),
    ]


def test_tags_are_read_from_for_each_ref() -> None:
    text = (
        "v1\tcommit\tc\t\t1000\n"
        "v2\ttag\tt2\te\t2000\n"
        "docs\ttag\tt3\t\t2100\n"  # a tag of a tree: no peeled commit
        "fraud/v1.0\tcommit\tg\t\t3000\n"
    )
    assert parse_tags(text) == [
        Tag("v1", "c", 1000.0),
        Tag("v2", "e", 2000.0),
        Tag("fraud/v1.0", "g", 3000.0),
    ]


@pytest.mark.parametrize(
    ("pattern", "name", "model"),
    [
        ("v*", "v1.2", "repo"),
        ("v*", "release-1", None),
        ("v?", "v10", None),
        ("{model}/v*", "fraud/v1.2", "fraud"),
        ("{model}/v*", "fraud", None),
        ("release-{model}-*", "release-churn-model-3", "churn"),
        ("a.b", "axb", None),
    ],
)
def test_tag_patterns(pattern: str, name: str, model: str | None) -> None:
    assert tag_matcher(pattern, "repo")(name) == model


def test_tag_deployments_come_in_time_order() -> None:
    tags = [Tag("v2", "e", 2000.0), Tag("v1", "c", 1000.0), Tag("x", "g", 1500.0)]
    found = deployments_from_tags(tags, tag_matcher("v*", "repo"))
    assert [(d.row, d.id, d.model, d.outcome) for d in found] == [
        (1, "v1", "repo", "succeeded"),
        (2, "v2", "repo", "succeeded"),
    ]


def test_the_result_keeps_its_json_keys() -> None:
    result = compute(records(DEPLOYMENTS, INCIDENTS), period(), BENCHMARKS)
    data = result.model_dump(mode="json")
    assert list(data) == [
        "schema_version",
        "period",
        "deployments_from",
        "incidents_from",
        "overall",
        "models",
        "warnings",
    ]
    assert data["overall"]["lead_time"] == {
        "metric": "dora.lead_time",
        "statistic": "median",
        "value": 6.0,
        "unit": "hours",
        "count": 5,
        "of": "changes",
        "part": None,
        "reason": "",
        "clusters": [
            {"year": 2021, "cluster": "High"},
            {"year": 2022, "cluster": "High"},
            {"year": 2023, "cluster": "Elite"},
            {"year": 2024, "cluster": "Elite"},
        ],
    }
    assert DoraMetrics.model_validate(data) == result


def test_quoted_csv_with_windows_line_ends_and_blank_rows() -> None:
    text = (
        'id,time,model,outcome\r\n\r\n"d1","2026-07-01T10:00Z","fraud, v2",succeeded\r\n'
        ",,,\r\nd2,2026-07-02T10:00Z,churn,Failed\r\n"
    )
    found = records(text).deployments
    assert [(d.row, d.model, d.outcome) for d in found] == [
        (3, "fraud, v2", "succeeded"),
        (5, "churn", "failed"),
    ]


def test_a_plain_csv_with_a_blank_line_keeps_its_row_numbers() -> None:
    text = "time,model,outcome\n2026-07-01T10:00Z,a,succeeded\n\n2026-07-01T10:00Z,b,sometimes\n"
    assert problems(text) == [
        "deployments.csv: row 4, column outcome: expected succeeded, failed or rolled back; "
        "got 'sometimes'"
    ]
