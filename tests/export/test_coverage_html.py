"""The coverage page and the taxonomy outline built in Python: escaped, self-contained, charted."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.authoring.coverage import AlignedRef, Coverage, coverage
from kg.cli import app
from kg.export.html import render_page, write_html
from kg.export.html.coverage import coverage_page
from kg.export.html.outline import taxonomy_page
from kg.export.html.taxonomy import taxonomy_data
from kg.graph import KnowledgeGraph
from kg.model import SurveyList
from kg.pipeline import Built, build_graph_from_lists
from kg.sources.manifest import load_manifest

ROOT = Path(__file__).resolve().parents[2]
XSS = SurveyList(
    id="xss", title="Hostile <script>alert(7)</script> list", file="tests/fixtures/lists/xss.md"
)
LIST = "llm-synthetic-data"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-taxonomy">(.*?)</script>', re.S)
SCRIPTS = re.compile(r"<script>(.*?)</script>", re.S)
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "code",
    "ul", "ol", "li", "strong", "span", "nav", "a", "main", "section", "div", "figure",
    "figcaption", "details", "summary", "table", "thead", "tbody", "tr", "th", "td", "pre",
    "script",
    # pygal's SVG
    "svg", "defs", "g", "rect", "path", "text", "desc", "circle", "line", "tspan",
}  # fmt: skip


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


@pytest.fixture(scope="module")
def built() -> Built:
    return build_graph_from_lists([*load_manifest(ROOT), XSS], ROOT)


@pytest.fixture(scope="module")
def report(built: Built) -> Coverage:
    return coverage(built.graph, LIST, alignments=built.alignments)


@pytest.fixture(scope="module")
def page(built: Built, report: Coverage) -> str:
    return coverage_page(built.graph, report)


def hostile_report(report: Coverage, other: str) -> Coverage:
    """The report with list text replaced by markup that must stay text."""
    spoiled = report.model_copy(deep=True)
    spoiled.title = HOSTILE
    spoiled.file = HOSTILE
    first = spoiled.sections[0]
    first.label = HOSTILE
    first.notation = None
    first.years = {HOSTILE: 1}
    first.aligned = [
        AlignedRef(list_id="xss", section=other, label=HOSTILE, relation="closeMatch",
                   score=0.9)
    ]  # fmt: skip
    spoiled.defects[0].message = HOSTILE
    gap = spoiled.gaps[0]
    gap.title, gap.entry, gap.reason, gap.url = HOSTILE, HOSTILE, HOSTILE, "javascript:alert(3)"
    gap.section_label = HOSTILE
    return spoiled


def test_page_fetches_nothing_and_runs_only_its_own_script(page: str) -> None:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert "default-src 'none'" in policy and "connect-src" not in policy
    scripts = SCRIPTS.findall(page)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy
    for tag, attrs in tags_of(page):
        assert tag in ALLOWED_TAGS, tag
        assert "src" not in attrs and "srcset" not in attrs and "action" not in attrs
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "script":
            assert attrs in ({}, {"type": "application/json", "id": "kg-taxonomy"})
        href = attrs.get("href") or attrs.get("xlink:href")
        if href is not None:
            assert tag == "a" and href.startswith(("#", "https://", "http://")), href
    for style in re.findall(r"<style[^>]*>(.*?)</style>", page, re.S):
        assert "@import" not in style and "url(" not in style
    for host in ("pygal.org", "kozea", "cdnjs", "jsdelivr", "unpkg", "googleapis"):
        assert host not in page.lower()


def test_remote_references_nowhere_but_list_links(page: str) -> None:
    remote = re.findall(r'<(\w+)[^>]*\b(?:src|href)\s*=\s*"(https?://[^"]*)"', page)
    assert remote and {tag for tag, _ in remote} == {"a"}


def test_charts_are_inline_svg_without_script(page: str) -> None:
    charts = re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" id="chart-([\w-]+)"', page)
    assert {"years", "top-years", "all-years", "venues", "status", "preprints"} <= set(charts)
    assert any(c.startswith("crosswalk-") for c in charts)
    for svg in re.findall(r"<svg.*?</svg>", page, re.S):
        assert "<script" not in svg and "<!--" not in svg and "href" not in svg


def test_page_opens_on_the_taxonomy_and_names_what_it_should(page: str, report: Coverage) -> None:
    body = page.split("<main>", 1)[1]
    assert body.index('id="taxonomy"') < body.index('id="years"')
    data = json.loads(DATA_BLOCK.search(page).group(1))  # type: ignore[union-attr]
    assert len(data["sections"]["id"]) == len(report.sections)
    assert data["sections"]["total"] == [s.total for s in report.sections]
    for d in report.defects[:5]:
        assert f"{report.file}:{d.line}" in page
    for g in report.gaps[:5]:
        assert g.entry.replace("&", "&amp;").replace('"', "&#34;")[:30] in page
    assert f"{report.gap_count - len(report.gaps)} more" in page


def test_hostile_text_stays_text(built: Built, report: Coverage) -> None:
    other = next(n for n, s in built.graph.sections.items() if s.list_id == "xss")
    page = coverage_page(built.graph, hostile_report(report, other))
    block = DATA_BLOCK.search(page).group(1)  # type: ignore[union-attr]
    assert "<" not in block and ">" not in block
    markup = SCRIPTS.sub("<script></script>", DATA_BLOCK.sub("", page))
    assert HOSTILE not in markup
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in markup  # by Jinja
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in markup  # in pygal's SVG text
    assert "javascript:" not in markup
    for tag, attrs in tags_of(page):
        assert tag in ALLOWED_TAGS and not any(n.startswith("on") for n in attrs), (tag, attrs)


def test_same_report_same_bytes(built: Built, report: Coverage) -> None:
    assert coverage_page(built.graph, report) == coverage_page(built.graph, report)


def test_taxonomy_data_counts_links_and_alignments(built: Built) -> None:
    graph = built.graph
    data = taxonomy_data(graph, ["xss", LIST], built.alignments)
    sections, works = data["sections"], data["works"]
    lists = [row["id"] for row in data["lists"]]
    assert [lists[i] for i in data["roots"]] == ["xss", LIST]
    assert all(graph.sections[s].list_id in {"xss", LIST} for s in sections["id"])
    assert all(-1 <= share <= 1 for share in sections["recent"])
    assert all(url == "" or url.startswith(("http://", "https://")) for url in works["url"])
    assert "Javascript Link Paper" in works["title"]
    assert works["url"][works["title"].index("Javascript Link Paper")] == ""
    for i, own in enumerate(sections["works"]):
        assert len(own) == sections["own"][i] <= sections["total"][i]
    targets = [a[4] for row in sections["aligned"] for a in row]
    assert targets and all(-1 <= t < len(sections["id"]) for t in targets)


def test_taxonomy_page_is_self_contained(built: Built) -> None:
    page = taxonomy_page(built.graph, ["xss"], built.alignments)
    assert "Hostile &lt;script&gt;alert(7)&lt;/script&gt; list: taxonomy" in page
    assert len(SCRIPTS.findall(page)) == 1 and "<svg" not in page
    for tag, attrs in tags_of(page):
        assert tag in ALLOWED_TAGS and "src" not in attrs and "href" not in attrs


def test_build_page_opens_on_the_taxonomy(built: Built, tmp_path: Path) -> None:
    graph: KnowledgeGraph = built.graph
    [path] = write_html(graph, tmp_path)
    text = path.read_text("utf-8")
    assert text == render_page(graph, taxonomy=taxonomy_data(graph, graph=True))
    assert 'id="tab-taxonomy"' in text and 'id="kg-data"' in text and 'id="kg-taxonomy"' in text
    assert text.index('id="taxonomy-view"') < text.index("<script>")
    assert 'id="tabs"' not in render_page(graph)  # explore pages stay as they were


def test_coverage_command_writes_the_page(tmp_path: Path) -> None:
    target = tmp_path / "coverage.html"
    args = ["coverage", XSS.file, "--format", "html", "--to", str(target)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = target.read_text("utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<svg" in text
    assert "<h1>Coverage of xss</h1>" in text and "&lt;img src=x onerror" in text


def test_explore_taxonomy_command(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "taxonomy.html"
    args = ["explore", XSS.file, "--view", "taxonomy", "--survey", "xss", "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "xss: taxonomy" in result.output and "(outline)" in result.output
    assert 'id="kg-taxonomy"' in out.read_text("utf-8")
    bad = runner.invoke(app, ["explore", XSS.file, "--view", "taxonomy", "--survey", "nope"])
    assert bad.exit_code == 2 and "the lists are: xss" in bad.output
