"""Relations on lists of other fields: vision-language models, speech, efficient inference.

The lists in tests/fixtures/lists/relations are written to tempt the name rules: letters with a
digit ("T0", "T1", "D4", "d1"), sizes and formats ("7B", "FP8", "4-bit"), models a paper only
works with ("… with GPT-4V(ision)"), homonyms ("DINO" twice), and real families beside them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kg.enrich import Enrichment, enrich
from kg.enrich.evaluate import read_corpus
from kg.enrich.refs import Refs
from kg.resolve import Resolution, resolve

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists" / "relations"
Triples = set[tuple[str, str, str]]


@pytest.fixture(scope="module")
def fields() -> tuple[Enrichment, Resolution]:
    parsed = read_corpus(sorted(LISTS.glob("*.md")))
    resolution = resolve(parsed)
    return enrich(parsed, resolution, facts=None), resolution


@pytest.fixture(scope="module")
def refs(fields: tuple[Enrichment, Resolution]) -> Refs:
    enrichment, resolution = fields
    return Refs(enrichment.entities, enrichment.relations, resolution.works)


@pytest.fixture(scope="module")
def found(fields: tuple[Enrichment, Resolution]) -> Triples:
    return {(r.subject, r.predicate, r.object) for r in fields[0].relations}


def _has(found: Triples, refs: Refs, subject: str, predicate: str, obj: str) -> bool:
    """Whether any node the references may name is so related (homonyms included)."""
    return any(
        (s, predicate, o) in found for s in refs.candidates(subject) for o in refs.candidates(obj)
    )


@pytest.mark.parametrize(
    ("later", "earlier"),
    [
        ("LLaVA-1.5", "LLaVA"),
        ("LLaVA-NeXT", "LLaVA"),
        ("wav2vec 2.0", "wav2vec"),
        ("YOLOv7", "YOLOv5"),
        ("Qwen2-VL", "Qwen-VL"),
        ("Qwen2-Audio", "Qwen-Audio"),
        ("MobileVLM V2", "MobileVLM"),
        ("ZeroQuant-V2", "ZeroQuant"),
        ("QuIP#", "QuIP"),
        ("FlashAttention-3", "FlashAttention-2"),
        ("NaturalSpeech 3", "NaturalSpeech 2"),
        ("SEED-Bench-2", "SEED-Bench"),
        ("VoxCeleb2", "VoxCeleb"),
        ("arxiv:2408.00714", "arxiv:2304.02643"),  # SAM 2: Segment Anything in … → Segment Anything
    ],
)
def test_real_families_extend(found: Triples, refs: Refs, later: str, earlier: str) -> None:
    assert _has(found, refs, later, "extends", earlier)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("T1", "T0"),  # a letter and a digit
        ("T5", "T1"),
        ("D4", "d1"),
        ("MiniGPT-4", "MiniGPT-v2"),  # GPT-4's number, another numbering
        ("DINOv2", "DINO"),  # two DINOs: which one is not known from the name
        ("LLM-FP4", "FP8-LM"),
    ],
)
def test_look_alike_names_do_not_extend(found: Triples, refs: Refs, a: str, b: str) -> None:
    assert not _has(found, refs, a, "extends", b)
    assert not _has(found, refs, b, "extends", a)


@pytest.mark.parametrize(
    ("paper", "thing"),
    [
        ("arxiv:2311.05332", "GPT-4V"),  # On the Road with GPT-4V(ision)
        ("arxiv:2309.17421", "GPT-4V"),  # The Dawn of LMMs: … with GPT-4V(ision)
        ("arxiv:2104.03502", "wav2vec"),  # … Using wav2vec 2.0 Embeddings
        ("arxiv:2104.03502", "wav2vec 2.0"),
    ],
)
def test_a_paper_working_with_a_model_uses_it(
    found: Triples, refs: Refs, paper: str, thing: str
) -> None:
    for predicate in ("extends", "introduces"):
        assert not _has(found, refs, paper, predicate, thing)


@pytest.mark.parametrize(
    "fragment", ["7B", "1.6B", "FP8", "4-bit", "8-bit", "KV", "GPU", "ASR", "DeNoising", "SLAM"]
)
def test_fragments_are_no_entities(fields: tuple[Enrichment, Resolution], fragment: str) -> None:
    assert fragment.casefold() not in {e.name.casefold() for e in fields[0].entities}


def test_names_with_formats_and_sizes_are_still_presented(found: Triples, refs: Refs) -> None:
    for paper, name in [
        ("arxiv:2310.18313", "FP8-LM"),
        ("arxiv:2312.15166", "SOLAR 10.7B"),
        ("arxiv:2309.06180", "PagedAttention"),
        ("arxiv:2404.14219", "Phi-3"),
    ]:
        assert _has(found, refs, paper, "introduces", name)


def test_english_words_are_no_benchmark(found: Triples, refs: Refs) -> None:
    """ "Multiple Images" and "Multiple Decoding Heads" fold like MultiPL-E."""
    for paper in ("arxiv:2308.13437", "arxiv:2401.10774"):  # Sparkles, Medusa
        assert not _has(found, refs, paper, "evaluatedOn", "MultiPL-E")


@pytest.mark.parametrize(
    ("paper", "benchmark"),
    [
        ("arxiv:2110.13900", "SUPERB"),  # summary: "… on the SUPERB benchmark"
        ("arxiv:2106.07447", "Libri-Light"),  # summary: "… Libri-light benchmarks"
        ("arxiv:2006.11477", "LibriSpeech"),
        ("arxiv:2406.16860", "MMMU"),
    ],
)
def test_benchmarks_named_by_the_paper(
    found: Triples, refs: Refs, paper: str, benchmark: str
) -> None:
    assert _has(found, refs, paper, "evaluatedOn", benchmark)


def _enrich(tmp_path: Path, text: str) -> tuple[Enrichment, Callable[[str], str]]:
    """One small list, read, resolved and enriched; and a way to name its nodes."""
    path = tmp_path / "probe.md"
    path.write_text(text, encoding="utf-8")
    parsed = read_corpus([path])
    resolution = resolve(parsed)
    enrichment = enrich(parsed, resolution, facts=None)
    return enrichment, Refs(enrichment.entities, enrichment.relations, resolution.works).find


def _extends(enrichment: Enrichment) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in enrichment.relations if r.predicate == "extends"}


def test_a_later_version_is_not_presented_years_before(tmp_path: Path) -> None:
    enrichment, node = _enrich(
        tmp_path,
        "# Papers\n\n"
        "- [Corvo: Sparse Routing for Graphs](https://arxiv.org/abs/2301.00001) (ICLR 2023)\n"
        "- [Corvo-2: Dense Tokenizers for Audio](https://arxiv.org/abs/1901.00002) (ICLR 2019)\n"
        "- [Lumo: Graph Rewiring](https://arxiv.org/abs/2001.00003) (ICLR 2020)\n"
        "- [Lumo-2: Faster Graph Rewiring](https://arxiv.org/abs/2101.00004) (ICLR 2021)\n",
    )
    assert (node("Corvo-2"), node("Corvo")) not in _extends(enrichment)
    assert (node("Lumo-2"), node("Lumo")) in _extends(enrichment)


def test_versions_are_things_of_one_kind(tmp_path: Path) -> None:
    enrichment, node = _enrich(
        tmp_path,
        "# Papers\n\n"
        "- [Arbor: An Open Language Model for Chemistry](https://arxiv.org/abs/2301.00001)\n"
        "- [Arbor-2: A Benchmark for Table Reasoning](https://arxiv.org/abs/2302.00002)\n"
        "- [Vexa: A Benchmark for Code Repair](https://arxiv.org/abs/2303.00003)\n"
        "- [Vexa-2: A Harder Benchmark for Code Repair](https://arxiv.org/abs/2304.00004)\n",
    )
    assert (node("Arbor-2"), node("Arbor")) not in _extends(enrichment)
    assert (node("Vexa-2"), node("Vexa")) in _extends(enrichment)


def test_named_methods_built_with_a_model_do_not_extend_it(tmp_path: Path) -> None:
    """ "X: … with GPT-4V" uses GPT-4V, whoever names X; "X: … with Evol-Instruct" builds on a
    method another work presents."""
    enrichment, node = _enrich(
        tmp_path,
        "# Papers\n\n"
        "- [SeeAgent: Web Agents with GPT-4V](https://arxiv.org/abs/2401.00001)\n"
        "- [DriveTalk: Autonomous Driving with GPT-4V](https://arxiv.org/abs/2401.00002)\n"
        "- [Evol-Instruct: Evolving Instructions](https://arxiv.org/abs/2304.00003)\n"
        "- [CodeWiz: Code Models with Evol-Instruct](https://arxiv.org/abs/2306.00004)\n",
    )
    gpt4v = node("GPT-4V")
    assert not {(s, o) for s, o in _extends(enrichment) if o == gpt4v}
    assert (node("CodeWiz"), node("Evol-Instruct")) in _extends(enrichment)


def test_a_sequel_may_abbreviate_the_title_it_continues(tmp_path: Path) -> None:
    """ "SAM 2: Segment Anything in …" continues "Segment Anything"; a later version whose name
    does not abbreviate the words ("Foo 2: Visual Instruction Tuning …") continues nothing."""
    enrichment, node = _enrich(
        tmp_path,
        "# Papers\n\n"
        "- [Segment Anything](https://arxiv.org/abs/2304.02643)\n"
        "- [SAM 2: Segment Anything in Images and Videos](https://arxiv.org/abs/2408.00714)\n"
        "- [Visual Instruction Tuning](https://arxiv.org/abs/2304.08485)\n"
        "- [Foo 2: Visual Instruction Tuning for Robots](https://arxiv.org/abs/2405.00001)\n",
    )
    extends = _extends(enrichment)
    assert (node("arxiv:2408.00714"), node("arxiv:2304.02643")) in extends
    assert not {(s, o) for s, o in extends if o == node("arxiv:2304.08485")}


def test_an_entry_named_as_the_benchmark_is_not_evaluated_on_it(tmp_path: Path) -> None:
    enrichment, node = _enrich(
        tmp_path,
        "# Data\n\n"
        "- [Lumo: A Benchmark for Graph Rewiring](https://arxiv.org/abs/2001.00003)\n"
        "- [Lumo](https://doi.org/10.1109/lumo.2020.1)\n"
        "- [Faster Rewiring, Tested on Lumo](https://arxiv.org/abs/2101.00004)\n",
    )
    evaluated = {
        (r.subject, r.object) for r in enrichment.relations if r.predicate == "evaluatedOn"
    }
    assert evaluated == {(node("arxiv:2101.00004"), node("Lumo"))}
