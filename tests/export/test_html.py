"""The HTML explorer page built in Python: safe data, no remote resources, views, determinism."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.export.html import (
    UnknownNode,
    lineage_view,
    neighbourhood_view,
    notebook,
    render_page,
    survey_view,
    whole_view,
    write_html,
)
from kg.export.html.details import web_links
from kg.export.html.page import LARGE, PageError, choose_renderer
from kg.export.html.payload import script_json
from kg.export.html.style import EDGE_KINDS, NODE_KINDS
from kg.export.html.taxonomy import taxonomy_data
from kg.graph import KnowledgeGraph
from kg.model import SurveyList
from kg.pipeline import build_graph_from_lists

ROOT = Path(__file__).resolve().parents[2]
XSS = SurveyList(
    id="xss", title="Hostile <script>alert(7)</script> list", file="tests/fixtures/lists/xss.md"
)
AGENTS = SurveyList(
    id="agents", title="Awesome Agents", file="tests/fixtures/lists/details_blocks.md"
)
DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)
SCRIPTS = re.compile(r"<script>(.*?)</script>", re.S)


@pytest.fixture(scope="module")
def hostile() -> KnowledgeGraph:
    return build_graph_from_lists([XSS, AGENTS], ROOT, relations=False).graph


@pytest.fixture(scope="module")
def page(hostile: KnowledgeGraph) -> str:
    return render_page(hostile)


def page_json(html: str) -> dict:
    match = DATA_BLOCK.search(html)
    assert match, "the page has no data block"
    return json.loads(match.group(1))


def test_script_json_cannot_close_its_element_and_round_trips() -> None:
    value = {"t": "</script><script>alert(1)</script><!-- & \u2028 \u2029 >"}
    text = script_json(value)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == value


def test_hostile_strings_only_reach_the_page_as_escaped_json(
    page: str, hostile: KnowledgeGraph
) -> None:
    data = page_json(page)
    block = DATA_BLOCK.search(page).group(1)  # type: ignore[union-attr]
    assert "<" not in block and ">" not in block
    assert '<img src=x onerror=alert("section")> Injection' in data["nodes"]["label"]
    assert "</script><script>alert(2)</script>" in data["nodes"]["label"]
    opened = re.findall(r"(?m)^<script", page)
    assert len(opened) == page.count("</script>") == 4  # data, library, renderer, page script
    markup = SCRIPTS.sub("<script></script>", DATA_BLOCK.sub("", page))
    assert "onerror" not in markup and "alert(" not in markup
    titled = render_page(hostile, survey_view(hostile, "xss"))
    assert titled.count("Hostile &lt;script&gt;alert(7)&lt;/script&gt; list: taxonomy") == 2


def test_only_http_links_survive(hostile: KnowledgeGraph) -> None:
    assert web_links(
        ["javascript:alert(1)", "data:text/html,x", "JAVASCRIPT:x", "https://a.org/x"]
    ) == ["https://a.org/x"]
    assert web_links(["http://", "https:///path", " https://a.org", "vbscript:x", "//a.org"]) == []
    links = [
        link for d in page_json(render_page(hostile))["details"] for link in d.get("links", [])
    ]
    assert links and all(link.startswith(("http://", "https://")) for link in links)


def test_page_loads_nothing_from_anywhere(page: str) -> None:
    markup = SCRIPTS.sub("<script></script>", DATA_BLOCK.sub("", page))
    assert not re.search(r"<(link|iframe|img|object|embed|base)\b", markup, re.I)
    assert not re.search(r"\b(src|href|srcset|action)\s*=", markup, re.I)
    for style in re.findall(r"<style>(.*?)</style>", page, re.S):
        assert "@import" not in style
        assert all(
            url.startswith(("data:", '"data:', "'data:"))
            for url in re.findall(r"url\(\s*([^)]*)", style)
        )
    for host in ("cdnjs", "jsdelivr", "unpkg", "googleapis", "bootstrap"):
        assert host not in page.lower()


def test_content_security_policy_allows_only_the_inline_scripts(page: str) -> None:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    for script in SCRIPTS.findall(page):
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_same_graph_same_bytes(hostile: KnowledgeGraph) -> None:
    assert render_page(hostile) == render_page(hostile)
    assert render_page(hostile, renderer="sigma") == render_page(hostile, renderer="sigma")


def test_renderer_choice() -> None:
    assert choose_renderer(10) == "vis"
    assert choose_renderer(LARGE) == "sigma"
    assert choose_renderer(LARGE, "vis") == "vis"
    with pytest.raises(PageError):
        choose_renderer(10, "canvas")


def test_each_renderer_inlines_only_its_library(hostile: KnowledgeGraph) -> None:
    vis, sigma = render_page(hostile, renderer="vis"), render_page(hostile, renderer="sigma")
    assert "vis-network" in vis and "graphology" not in vis
    assert "graphology" in sigma and "vis.DataSet" not in sigma
    assert page_json(vis)["vis"]["nodes"] and "vis" not in page_json(sigma)
    drawn = page_json(vis)["vis"]
    assert not any("title" in item for item in drawn["nodes"] + drawn["edges"])  # no HTML tooltips


def test_whole_view_has_every_shown_node_and_drawable_edge(hostile: KnowledgeGraph) -> None:
    view = whole_view(hostile)
    shown = {n for n, k in hostile.nx.nodes(data="kind") if k in NODE_KINDS}
    assert set(view.nodes) == shown and len(view.nodes) == len(shown)
    edges = [(s, k, t) for s, t, k in hostile.nx.edges(keys=True) if k in EDGE_KINDS]
    assert sorted(view.edges) == sorted(e for e in edges if e[0] in shown and e[2] in shown)
    data = page_json(render_page(hostile, view))
    assert len(data["nodes"]["id"]) == len(view.nodes) and len(data["edges"]) == len(view.edges)
    assert all(isinstance(x, float) for x in data["nodes"]["x"])


def test_survey_view_keeps_one_list(hostile: KnowledgeGraph) -> None:
    view = survey_view(hostile, "xss")
    sections = [n for n in view.nodes if hostile.kind_of(n) == "section"]
    assert sections and all(hostile.sections[s].list_id == "xss" for s in sections)
    assert "survey/agents" not in view.nodes


def test_neighbourhood_and_its_errors(hostile: KnowledgeGraph) -> None:
    view = neighbourhood_view(hostile, "Grace Hopper", depth=1)
    assert view.focus == "person/grace-hopper"
    assert [hostile.kind_of(n) for n in view.nodes] == ["person", "paper"]
    with pytest.raises(UnknownNode, match="did you mean 'Grace Hopper'"):
        neighbourhood_view(hostile, "Grace Hoper")
    with pytest.raises(ValueError, match="depth"):
        neighbourhood_view(hostile, "Grace Hopper", depth=0)


def test_lineage_without_extends_is_empty_and_named_lineage_says_why(
    hostile: KnowledgeGraph,
) -> None:
    assert lineage_view(hostile).nodes == []
    with pytest.raises(UnknownNode, match="no lineage"):
        lineage_view(hostile, "Grace Hopper")


def test_notebook_shows_the_page_in_a_sandboxed_iframe(hostile: KnowledgeGraph) -> None:
    shown = notebook(hostile, height=500)._repr_html_()
    assert shown.startswith('<iframe srcdoc="') and 'sandbox="allow-scripts"' in shown
    assert "<script" not in shown and "&lt;script" in shown
    assert "height:500px" in shown


def test_build_writer_writes_kg_html(hostile: KnowledgeGraph, tmp_path: Path) -> None:
    [path] = write_html(hostile, tmp_path)
    assert path == tmp_path / "kg.html"
    assert path.read_text("utf-8") == render_page(hostile, taxonomy=taxonomy_data(hostile, graph=True))
    assert [p.name for p in tmp_path.iterdir()] == ["kg.html"]


def test_explore_command(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "survey.html"
    args = ["explore", XSS.file, "--view", "survey", "--survey", "xss", "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "nodes" in result.output and out.exists()
    bad = runner.invoke(
        app, ["explore", XSS.file, "--view", "neighbourhood", "--node", "Grace Hoper"]
    )
    assert bad.exit_code == 2 and "did you mean 'Grace Hopper'" in bad.output
    assert "Traceback" not in bad.output
