"""The HTML report: one self-contained, escaped document, and the SVG chart macros."""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mlops_maturity.assessment.load import load_answers
from mlops_maturity.render.charts import RadarAxis
from mlops_maturity.render.colours import NO_LEVEL, PALETTE, contrast, ink, level_colour
from mlops_maturity.render.html import environment, render_html, stylesheet
from mlops_maturity.scoring.engine import score
from mlops_maturity.scoring.result import Result
from tests.conftest import DATA, assessment, questionnaire, view_of

REPORTS = DATA / "reports"
TAGS = {
    "html", "head", "meta", "title", "style", "body", "section", "p", "h1", "h2", "h3", "h4",
    "div", "span", "table", "tr", "th", "td", "thead", "tbody", "colgroup", "col", "nav", "ol",
    "ul", "li", "a", "strong", "em", "br", "figure", "figcaption", "svg", "defs", "pattern",
    "rect", "line", "polygon", "polyline", "circle", "text", "tspan",
}  # fmt: skip
ANCHOR = re.compile(r"^#(g(-\d+)+|summary|glance|findings|roadmap|appendix)$")
OUR_STYLE = re.compile(r"^background: #[0-9a-f]{6}(; color: #[0-9a-f]{6})?$")


def scored(answers: str) -> Result:
    found, q = load_answers(Path(REPORTS / answers))
    return score(q, found)


class Markup(HTMLParser):
    """Every tag and attribute of a document, plus the text of its <style> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def parse(html: str) -> Markup:
    parser = Markup()
    parser.feed(html)
    return parser


def test_the_report_has_every_part() -> None:
    html = render_html(view_of(scored("practice-answers.yaml")))
    for part in [
        "<title>Practice assessment · Example Corp · Fraud ML · 2026-Q3</title>",
        '<h1 class="cover-title">Example Corp</h1>',
        "<tr><th>Questionnaire</th><td>Practice assessment, version 2.1</td></tr>",
        "<tr><th>Date</th><td>2026-09-30</td></tr>",
        "<h1>Executive summary</h1>",
        "Against the targets set, the team is 36% of the way there.",
        '<h2 class="plain">Capabilities by level</h2>',
        '<span class="number">2.2</span> Monitoring</h3>',
        "Note: Reviews *always* happen | even on [Fridays](http://example.com) &amp; "
        "&lt;b&gt;weekends&lt;/b&gt;",
        '<h2 class="phase">Phase 2: Reach level 2 (Defined)</h2>',
        "<h1>Appendix: how the scores are computed</h1>",
        '<a href="#g-2">2&ensp;Run</a>',
    ]:
        assert part in html


def test_the_report_is_self_contained() -> None:
    found = parse(render_html(view_of(scored("practice-answers.yaml"))))
    assert found.styles == [stylesheet()]
    for tag, attrs in found.tags:
        assert "src" not in attrs, tag
        assert (attrs.get("href") or "#").startswith("#"), attrs
    meta = [a for t, a in found.tags if t == "meta" and a.get("http-equiv")]
    assert meta[0]["content"] == ("default-src 'none'; style-src 'unsafe-inline'; img-src data:")


def test_hostile_text_is_escaped_everywhere() -> None:
    html = render_html(view_of(scored("hostile-answers.yaml")))
    found = parse(html)
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;" in html
    assert found.styles == [stylesheet()], "user text must never reach <style>"
    assert {tag for tag, _ in found.tags} <= TAGS
    for tag, attrs in found.tags:
        assert "src" not in attrs
        assert ANCHOR.match(attrs.get("href") or "#summary"), attrs
        if "style" in attrs:
            assert OUR_STYLE.match(attrs["style"] or ""), (tag, attrs)


def test_nothing_answered_renders_as_not_scored() -> None:
    html = render_html(view_of(score(questionnaire("tiny"), assessment("tiny", {}))))
    assert "The team has no score yet: no scored question has been answered." in html
    assert '<span class="cover-level-name">not scored</span>' in html
    assert "No recommendations yet: answer some questions first." in html


def test_band_labels_show_score_bars_instead_of_an_empty_heat_map() -> None:
    answers = {"data-1": "automated", "data-2": "manual", "model-1": "no"}
    html = render_html(view_of(score(questionnaire("mlts"), assessment("mlts", answers))))
    assert '<h2 class="plain">Capabilities</h2>' in html
    assert "Capabilities by level" not in html
    assert "1.50 · First pass at productionization" in html


def test_deep_groups_get_smaller_headings() -> None:
    html = render_html(view_of(score(questionnaire("samm"), assessment("samm", {"a1": "most"}))))
    assert '<h4 class="group-title"><span class="number">1.1.2</span> Stream B</h4>' in html
    assert 'id="g-2-1-2"' in html


def chart(name: str, *args: object) -> str:
    return str(getattr(environment().get_template("charts.j2").module, name)(*args))


def text_extents(svg: str) -> list[tuple[float, float, float]]:
    """(left, right, baseline) of every <text>, estimating 7 px a character at 11 px."""
    out = []
    for attrs, body in re.findall(r"<text ([^>]*)>(.*?)</text>", svg, re.S):
        x, y = (float(re.search(rf'\b{k}="([-\d.]+)"', attrs)[1]) for k in "xy")  # type: ignore[index]
        lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", body) or [re.sub("<[^>]+>", "", body)]
        width = max(len(line) for line in lines) * 7
        anchor = re.search(r'text-anchor="(\w+)"', attrs)
        shift = {"start": 0.0, "middle": width / 2, "end": width}[anchor[1] if anchor else "start"]
        left = x - shift
        out.append((left, left + width, y))
    return out


@pytest.mark.parametrize("spokes", [3, 5, 8])
def test_radar_labels_stay_inside_the_picture(spokes: int) -> None:
    axes = tuple(
        RadarAxis(
            label="Monitoring and observability of models",
            value=0.5,
            target=0.75,
            dx=round(math.cos(-math.pi / 2 + 2 * math.pi * i / spokes), 4),
            dy=round(math.sin(-math.pi / 2 + 2 * math.pi * i / spokes), 4),
            score="2.5",
        )
        for i in range(spokes)
    )
    svg = chart("radar", axes, ((0.5, "2"), (1.0, "4")))
    box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    assert box is not None
    width, height = float(box[1]), float(box[2])
    for left, right, baseline in text_extents(svg):
        assert left >= 0 and right <= width and 10 <= baseline <= height
    assert svg.count('stroke-dasharray="5 3"') == 1  # the target outline


def test_heat_map_fills_each_level_as_far_as_the_score_reaches() -> None:
    built = view_of(scored("practice-answers.yaml"))
    assert [(r.section.group.id, [c.fill for c in r.cells]) for r in built.heatmap] == [
        ("data", [0.5, 0.0, 0.0]),  # (1 + 0) / 2 = 0.5: half of level 1
        ("code", [1.0, 1.0, 0.0]),  # (3 + 1) / 2 = 2
        ("deploy", [1.0, 1.0, 0.0]),  # 2 deployments a month scores 2; rollback is n/a
        ("monitor", [0.0, 0.0, 0.0]),
    ]
    framed = [(r.section.group.id, c.level) for r in built.heatmap for c in r.cells if c.is_target]
    assert framed == [("data", 2), ("code", 2), ("monitor", 3)]  # Build's target reaches its parts
    svg = chart("heatmap", built.heatmap, built.result.levels)
    assert 'viewBox="0 0 660 196"' in svg  # 40 header + 2 × 20 group bands + 4 × 28 rows + 4
    assert svg.count('stroke="#1a1a1a" stroke-width="2"') == 3
    assert svg.count('height="24" fill="#ffffcc"') == 0  # the lowest level has no column
    assert "Level 0" not in svg and "Level 3" in svg


def test_level_colours_are_spread_over_the_palette() -> None:
    result = scored("practice-answers.yaml")
    assert level_colour(0, result.levels) == "#ffffcc"
    assert level_colour(3, result.levels) == "#0c2c84"
    assert level_colour(None, result.levels) == "#d9d9d9"


@pytest.mark.parametrize("colour", [*PALETTE, NO_LEVEL, "#3b4652", "#225ea8", "#1f3a5f"])
def test_text_on_every_fill_meets_wcag_aa(colour: str) -> None:
    text = "#ffffff" if colour in {"#3b4652", "#225ea8", "#1f3a5f"} else ink(colour)
    assert contrast(colour, text) >= 4.5


def test_contrast_is_the_wcag_ratio() -> None:
    assert round(contrast("#000000", "#ffffff"), 2) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54
