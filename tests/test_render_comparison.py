"""The comparison and portfolio views, their words, charts and CSV, and escaping in every format."""

from __future__ import annotations

import csv
import io

import pytest
from rich.console import Console

from mlops_maturity.history.compare import compare
from mlops_maturity.history.model import Comparison
from mlops_maturity.history.portfolio import portfolio
from mlops_maturity.render.compare_charts import radar_pair, trend
from mlops_maturity.render.compare_formats import CompareFormat
from mlops_maturity.render.compare_render import RENDERERS, build, render, render_terminal
from mlops_maturity.render.compare_text import change_text, moved, percent_change, signed
from mlops_maturity.render.comparison import build_comparison_view, shown_periods
from mlops_maturity.render.portfolio import build_portfolio_view
from tests.conftest import questionnaire
from tests.history_data import Q1, Q2, definitions, entry, tiny_2, tiny_result

HOSTILE = "<script>alert(1)</script> *bold* | [x](http://evil.example) [red]r[/red]"


def two_quarters(team: str = "Fraud ML", note: str = "") -> Comparison:
    second = {**Q2, "q2": {"value": True, "note": note}} if note else Q2
    a = tiny_result(Q1, "2026-Q1", team=team)
    b = tiny_result(second, "2026-Q2", team=team, targets={"people": 3})
    return compare([entry("q1.yaml", a), entry("q2.yaml", b)])


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        pytest.param(0.42, "▲ +0.42", id="up"),
        pytest.param(-0.305, "▼ −0.31", id="down-rounds-half-up"),
        pytest.param(0.004, "= 0.00", id="too-small-to-show"),
        pytest.param(None, "—", id="nothing-to-compare"),
    ],
)
def test_change_text(delta: float | None, expected: str) -> None:
    assert change_text(delta) == expected


def test_small_words() -> None:
    assert (signed(1.0), signed(-0.5), signed(0.001)) == ("+1.00", "−0.50", "0.00")
    assert (moved("1", "2"), moved("2", "2")) == ("1 → 2", "2")
    assert percent_change(-0.2) == "−20%"


@pytest.mark.parametrize(
    ("count", "expected"),
    [(2, (0, 1)), (6, (0, 1, 2, 3, 4, 5)), (40, (0, 35, 36, 37, 38, 39))],
)
def test_tables_show_the_first_and_the_latest_periods(
    count: int, expected: tuple[int, ...]
) -> None:
    assert shown_periods(count) == expected


def test_the_view_of_two_quarters() -> None:
    view = build_comparison_view(two_quarters())
    overall, people, _ = view.lines
    assert (overall.title, overall.scores, overall.previous.text, overall.level) == (
        "Overall",
        ("1.33", "3.00"),
        "▲ +1.67",
        "1 → 3",
    )
    assert (people.depth, people.scores, people.first.direction) == (0, ("0.00", "3.00"), "up")
    assert view.summary[:2] == (
        "The overall score went from 1.33 in 2026-Q1 to 3.00 in 2026-Q2 (+1.67).",
        "The overall level went from Level 1 · Initial to Level 3 · Defined.",
    )
    assert view.steps[0].closed == (
        ("Start", "the answer improved", "Sometimes"),
        ("Do it", "the answer improved", "yes"),
    )
    assert [(p.depth, p.title, p.target, p.baseline, p.now, p.progress) for p in view.progress] == [
        (-1, "Overall", "—", "0%", "83%", "83%"),
        (0, "People", "Level 3", "0%", "83%", "83%"),
    ]
    assert view.flag_note == ""


def test_a_version_change_puts_a_dagger_beside_the_numbers() -> None:
    c = compare(
        [
            entry("a", tiny_result(Q1, "2026-Q1")),
            entry("b", tiny_result({"q1-often": "always", "q3": 2}, "2026-Q2", q=tiny_2())),
        ],
        definitions=definitions(questionnaire("tiny"), tiny_2()),
    )
    view = build_comparison_view(c)
    assert [line.scores[-1] for line in view.lines] == ["4.00†", "4.00†", "4.00†"]
    assert view.versions[0].label == "2026-Q1 (tiny 1) → 2026-Q2 (tiny 2)"
    assert view.versions[0].lines == (
        "Added q1-often (looks renamed from q1): Do you?",
        "Changed q3 (bands): Deploys per month",
        "Removed q1 (looks renamed to q1-often): Do you?",
    )
    assert view.versions[0].affected == "Scores affected: the overall score, People, Tech."


def test_trend_geometry_places_scores_on_the_groups_axis() -> None:
    c = two_quarters()
    chart = trend(c.overall, c, width=200, height=100)
    # plot from x 40 to 186 and y 14 (score 4) to 70 (score 0)
    assert [(p.x, p.y, p.value) for p in chart.points] == [
        (40.0, 51.3, "1.33"),
        (186.0, 28.0, "3.00"),
    ]
    assert [g[1] for g in chart.grid] == ["0", "1", "2", "3", "4"]
    assert len(chart.segments) == 1
    assert chart.segments[0].dashed is False


def test_a_radar_needs_three_areas() -> None:
    assert radar_pair(two_quarters()) is None


def test_every_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(CompareFormat)


def test_comparison_csv_has_a_row_per_group_and_period() -> None:
    text = render(two_quarters(), CompareFormat.csv)
    assert isinstance(text, str)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["group_id", "group", "depth", "period"]
    assert rows[1:3] == [
        ["", "Overall", "0", "2026-Q1", "", "no", "1", "1.33333", "1", "0", "", "", "no"],
        ["", "Overall", "0", "2026-Q2", "", "no", "1", "3", "3", "0", "1.66667", "1.66667", "no"],
    ]


def test_portfolio_csv_has_a_row_per_team_and_group() -> None:
    p = portfolio(
        [
            entry("a", tiny_result(Q1, "2026-Q3", team="=Alpha")),
            entry("b", tiny_result(Q2, "2026-Q3", team="Beta")),
        ]
    )
    rows = list(csv.reader(io.StringIO(str(render(p, CompareFormat.csv)))))
    assert rows[0] == [
        "team", "period", "draft", "questionnaire_version", "group_id", "group", "depth",
        "score", "level", "median", "distance", "best", "questions_changed",
    ]  # fmt: skip
    assert rows[1] == [
        "'=Alpha", "2026-Q3", "no", "1", "", "Overall", "0", "1.33333", "1", "2.16667", "-0.833333",
        "no", "no",
    ]  # fmt: skip


def test_user_text_is_escaped_in_html_and_markdown_and_literal_in_the_terminal() -> None:
    c = two_quarters(team=HOSTILE, note=HOSTILE)
    html = str(render(c, CompareFormat.html))
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = str(render(c, CompareFormat.markdown))
    assert "<script>" not in md and r"\<script\>" in md and "http://" not in md
    buffer = io.StringIO()
    render_terminal(build(c), Console(file=buffer, width=100, color_system=None))
    assert "[red]r[/red]" in buffer.getvalue()


def test_portfolio_view_marks_no_best_team_when_all_are_level() -> None:
    p = portfolio(
        [
            entry("a", tiny_result(Q1, "2026-Q3", team="Alpha")),
            entry("b", tiny_result(Q1, "2026-Q3", team="Beta")),
        ]
    )
    view = build_portfolio_view(p)
    assert view.best == ()
    assert not any(cell.best for line in view.heat for cell in line.cells)
    assert view.gaps[0].count == "holds back 2 of 2 teams"
