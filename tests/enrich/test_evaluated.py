"""evaluatedOn: benchmarks named in titles, and names that only look like one."""

from __future__ import annotations

from collections.abc import Callable

from kg.enrich import Enrichment
from kg.enrich.claims import Claim, Role
from kg.enrich.entities import build_entities
from kg.enrich.evaluated import named_entities
from kg.enrich.names import fold
from kg.model import EntityKind


def test_benchmarks_named_in_titles(
    triples: set[tuple[str, str, str]], node: Callable[[str], str]
) -> None:
    assert (node("arxiv:2312.09241"), "evaluatedOn", node("GSM8K")) in triples  # "… on gsm8k"
    hallucination = (
        "Reducing LLM Hallucination Using Knowledge Distillation: "
        "A Case Study with Mistral Large and MMLU Benchmark"
    )
    assert (node(hallucination), "evaluatedOn", node("MMLU")) in triples


def test_objects_are_datasets_or_benchmarks(enrichment: Enrichment) -> None:
    kinds = {e.id: e.kind for e in enrichment.entities}
    objects = {r.object for r in enrichment.relations if r.predicate == "evaluatedOn"}
    assert objects and {kinds[o] for o in objects} <= {EntityKind.DATASET, EntityKind.BENCHMARK}


def test_look_alikes_are_not_benchmarks(
    triples: set[tuple[str, str, str]], node: Callable[[str], str]
) -> None:
    less_is_more = node("Less is More: Adaptive Coverage for Synthetic Training Data")
    assert (less_is_more, "evaluatedOn", node("LESS")) not in triples
    assert (node("arxiv:2411.15124"), "evaluatedOn", node("Tülu")) not in triples  # "Tulu 3: …"
    bfcl_v2 = "OpenFunctions: The Berkeley Function Calling Leaderboard (BFCL) V2"
    assert (node(bfcl_v2), "evaluatedOn", node("BFCL")) not in triples


def test_a_word_that_folds_like_a_benchmark_is_not_it() -> None:
    """The text must write the name (up to case and accents) or a coined word that folds like it."""
    title = "MultiPL-E: A Scalable and Polyglot Approach to Benchmarking Neural Code Generation"
    claim = Claim(
        "p/1", "l:1", fold("MultiPL-E"), "MultiPL-E", Role.INTRODUCED, "title-prefix", title
    )
    index = build_entities([claim])
    benchmark = index.lookup("MultiPL-E")
    kinds = tuple(EntityKind)
    assert named_entities("Unlocking Chats Across Multiple Images", index, kinds) == []
    assert named_entities("with Multiple Decoding Heads", index, kinds) == []
    assert named_entities("pass@1 on MultiPL-E and HumanEval", index, kinds) == benchmark
    assert named_entities("results on multipl-e", index, kinds) == benchmark
    assert named_entities("results on Multi-PLE", index, kinds) == benchmark
