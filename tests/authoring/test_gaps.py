"""Gaps: works other lists have and a list lacks, versions of one survey counted once, ranked by
the independent lists that have them, each with the section it would go in, why, and an entry
in the list's own style."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.authoring.gaps import Gap, gaps
from kg.model import SurveyList
from kg.pipeline import Built
from tests.authoring.conftest import authoring_lists, build_authoring

GCN_CODE = "https://github.com/tkipf/gcn"


def _gaps(built: Built, list_id: str, **options: object) -> list[Gap]:
    return gaps(built.graph, list_id, alignments=built.alignments, **options)  # type: ignore[arg-type]


def _by_title(found: list[Gap]) -> dict[str, Gap]:
    return {g.title: g for g in found}


# versions count once


def test_a_work_of_an_earlier_version_is_no_gap_of_the_later_one(built: Built) -> None:
    titles = set(_by_title(_gaps(built, "alpha_v2")))
    assert "Benchmarking Graph Neural Networks" not in titles  # only in alpha
    assert titles == {
        "Deep Graph Infomax",
        "Graph Contrastive Learning with Augmentations",
        "Simplifying Graph Convolutional Networks",
    }


def test_a_work_of_a_later_version_is_no_gap_of_the_earlier_one(built: Built) -> None:
    titles = set(_by_title(_gaps(built, "alpha")))
    assert "How Powerful are Graph Neural Networks?" not in titles  # in alpha_v2
    assert "Recipe for a General, Powerful, Scalable Graph Transformer" not in titles


def test_two_versions_holding_a_work_count_as_one_list(built: Built) -> None:
    found = _by_title(_gaps(built, "beta"))
    both = found["Do Transformers Really Perform Bad for Graph Representation?"]
    assert both.lists == ["alpha"]  # in alpha and alpha_v2: one family
    assert {p.list_id for p in both.placements} == {"alpha", "alpha_v2"}
    assert found["Recipe for a General, Powerful, Scalable Graph Transformer"].lists == ["alpha_v2"]
    assert _gaps(built, "beta", min_lists=2) == []  # every gap of beta is alpha's family alone


# ranking


def test_gaps_are_ranked_by_the_independent_lists_that_have_them(built: Built) -> None:
    found = _gaps(built, "gamma")
    counts = [len(g.lists) for g in found]
    assert counts == sorted(counts, reverse=True)
    assert [g.score for g in found] == sorted((g.score for g in found), reverse=True)
    assert {g.title for g in found[:2]} == {
        "Graph Attention Networks",
        "Open Graph Benchmark: Datasets for Machine Learning on Graphs",
    }
    assert all(g.lists == ["alpha", "beta"] for g in found[:2])


def test_min_lists_and_limit(built: Built) -> None:
    two = _gaps(built, "gamma", min_lists=2)
    assert {g.title for g in two} == {
        "Graph Attention Networks",
        "Open Graph Benchmark: Datasets for Machine Learning on Graphs",
    }
    assert _gaps(built, "gamma", limit=1) == _gaps(built, "gamma")[:1]


def test_an_unknown_list_is_a_key_error(built: Built) -> None:
    with pytest.raises(KeyError):
        _gaps(built, "nope")


# where it goes and why


def test_each_gap_names_its_section_and_reason(built: Built) -> None:
    sgc = _by_title(_gaps(built, "alpha"))["Simplifying Graph Convolutional Networks"]
    assert sgc.lists == ["beta", "gamma"]
    assert (sgc.section, sgc.section_label, sgc.section_line) == (
        "section/alpha/1",
        "Node Classification",
        3,
    )
    assert "'Message Passing'" in sgc.reason and "'Node Classification'" in sgc.reason
    assert "shared works" in sgc.reason
    assert {(p.list_id, p.label) for p in sgc.placements} == {
        ("beta", "Message Passing"),
        ("gamma", "Graph Neural Networks"),
    }


def test_a_gap_can_fill_an_empty_section(built: Built) -> None:
    dgi = _by_title(_gaps(built, "alpha"))["Deep Graph Infomax"]
    assert dgi.section_label == "Self-Supervised Learning" and dgi.section_line == 13


def test_a_gap_no_section_aligns_with_says_so(built: Built) -> None:
    recipe = _by_title(_gaps(built, "beta"))[
        "Recipe for a General, Powerful, Scalable Graph Transformer"
    ]
    assert recipe.section is None and recipe.section_line is None
    assert "no section of this list aligns" in recipe.reason
    assert "'Transformers for Graphs'" in recipe.reason


# ready to paste


def test_alpha_entries_are_bullets_in_alpha_s_style(built: Built) -> None:
    entries = {g.title: g.entry for g in _gaps(built, "alpha")}
    assert entries["Simplifying Graph Convolutional Networks"] == (
        "- [Simplifying Graph Convolutional Networks](https://arxiv.org/abs/1902.07153). ICML 2019."
    )
    assert all(e.startswith("- [") and e.endswith(".") for e in entries.values())


def test_beta_entries_are_table_rows_with_empty_cells_for_missing_values(built: Built) -> None:
    entries = {g.title: g.entry for g in _gaps(built, "beta")}
    assert entries["Inductive Representation Learning on Large Graphs"] == (
        "| [Inductive Representation Learning on Large Graphs]"
        "(https://arxiv.org/abs/1706.02216) | NeurIPS 2017 | |"
    )
    assert (
        entries["Benchmarking Graph Neural Networks"]
        == "| Benchmarking Graph Neural Networks | | |"
    )
    assert all(e.count("|") == 4 for e in entries.values())
    assert not any(GCN_CODE in e or "ICLR 2017" in e for e in entries.values())


def test_hostile_titles_stay_text_in_a_gap_s_entry(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.md"
    hostile.write_text(
        "# Hostile\n\n## Message Passing\n\n"
        "- [Graph Attention Networks](https://arxiv.org/abs/1710.10903). ICLR 2018.\n"
        "- [How Powerful are Graph Neural Networks?](https://arxiv.org/abs/1810.00826). ICLR 2019.\n"
        "- [Pipes | and <b>bold</b> and `ticks`](https://example.org/pipes). ICML 2020.\n",
        encoding="utf-8",
    )
    lists = [s for s in authoring_lists() if s.id == "beta"]
    lists.append(SurveyList(id="hostile", title="Hostile", file=str(hostile)))
    built = build_authoring(lists)
    found = [g for g in _gaps(built, "beta") if "Pipes" in g.title]
    assert len(found) == 1, [g.title for g in _gaps(built, "beta")]
    entry = found[0].entry
    assert entry.count("|") - entry.count("\\|") == 4  # still three cells
    assert "<b>" not in entry and "`" not in entry.replace("\\`", "")
    assert found[0].title.replace("|", "\\|") in entry
