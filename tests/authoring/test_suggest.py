"""Section suggestions: the right section first, with its reasons, fast, and better than keywords."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kg.authoring.crosswalk import subtree_works
from kg.authoring.suggest import build_index, features, index_for, rank, suggest
from kg.authoring.suggest_eval import evaluate_list
from kg.model import SurveyList, WorkKind
from kg.pipeline import Built, build_graph_from_lists

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lists" / "authoring"


@pytest.fixture(scope="module")
def built() -> Built:
    lists = [SurveyList(id=n, title=n, file=f"{n}.md") for n in ("alpha", "beta", "gamma")]
    return build_graph_from_lists(lists, FIXTURES)


def test_a_contrastive_paper_goes_to_contrastive_pretraining(built: Built) -> None:
    found = suggest(built, "beta", "Contrastive Self-Supervised Graph Pre-training with Views")
    assert len(found) == 3
    assert found[0].label == "Contrastive Pre-training"
    assert "contrastive" in found[0].terms
    assert found[0].neighbours and "Graph Contrastive" in found[0].neighbours[0].title
    assert "shares" in found[0].reason


def test_a_work_listed_elsewhere_brings_the_aligned_section(built: Built) -> None:
    found = suggest(built, "alpha", "Simplifying Graph Convolutional Networks", top=4)
    best = found[0]
    assert best.label == "Node Classification"
    assert any("beta" in e or "gamma" in e for e in best.elsewhere)


def test_the_summary_counts(built: Built) -> None:
    title = "A new method for graphs"
    plain = suggest(built, "beta", title)
    told = suggest(built, "beta", title, summary="A benchmark of datasets for graph learning")
    assert told[0].label == "Datasets and Benchmarks"
    assert plain[0].score != told[0].score


def test_unknown_list_is_a_key_error(built: Built) -> None:
    with pytest.raises(KeyError):
        suggest(built, "nope", "x")


def test_each_suggestion_after_the_index_takes_under_50_ms(built: Built) -> None:
    index = index_for(built, "beta")
    started = time.perf_counter()
    for _ in range(20):
        rank(index, "Graph Attention with Contrastive Views", "a summary", kind=WorkKind.PAPER)
    assert (time.perf_counter() - started) / 20 < 0.05


def test_leave_one_out_beats_the_keyword_baseline_on_a_bundled_list() -> None:
    from kg import api

    built = api.build(["data/lists/data-efficient-llm.md"])
    score = evaluate_list(built, "data-efficient-llm")
    ours, baseline = score.text_only["all"], score.baseline["all"]
    assert ours.tried > 100
    assert ours.rate(ours.top3) >= baseline.rate(baseline.top3) + 0.15
    assert ours.rate(ours.top3) >= 0.8


def test_word_pieces_let_acronyms_and_inflections_meet() -> None:
    assert set(features("LLaMA")) & set(features("LLaMA2"))
    assert set(features("synthesis")) & set(features("synthetic"))


def test_a_hidden_work_leaves_no_trace_in_the_index(built: Built) -> None:
    full = index_for(built, "beta")
    hidden = next(iter(full.work_sections))
    index = build_index(built, "beta", hidden=hidden)
    assert hidden not in index.works and hidden not in index.work_sections
    assert all(hidden not in posted for posted in index.postings.values())
    assert sum(index.sizes.values()) == sum(full.sizes.values()) - len(full.work_sections[hidden])
    assert len(index.idf) <= len(full.idf)
    under = subtree_works(built.graph)
    for alignments in index.aligned.values():
        for a in alignments:
            assert a.shared == len((under[a.source] & under[a.target]) - {hidden})


def test_works_filed_together_elsewhere_carry_over(built: Built) -> None:
    index = index_for(built, "alpha")
    for other, shares in index.cofiled.items():
        assert built.graph.sections[other].list_id != "alpha"
        assert abs(sum(shares.values()) - 1.0) < 1e-9
