"""Entity resolution on the seed lists: merges that must happen, and ones that must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import Entry, ParsedList
from kg.resolve import Resolution, resolve, resolve_entries
from kg.resolve.evaluate import evaluate
from kg.resolve.matching import candidate_pairs, mentions_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def resolution(seeds: dict[str, ParsedList]) -> Resolution:
    return resolve(list(seeds.values()))


def _same(res: Resolution, a: str, b: str) -> bool:
    return res.work_of[a] == res.work_of[b]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "llms-data-ai-v1:93",
            "llm-synthetic-data:221",
        ),  # RLAIF: Constitutional AI: … = Constitutional AI: …
        ("llms-data-ai-v2:143", "data-synthesis-survey:101"),  # Magicoder, renamed
        ("data-synthesis-survey:102", "llms-data-ai-v2:128"),  # "MetaMeth: Bootstap …" typo
        ("llms-data-ai-v1:85", "llms-data-ai-v2:106"),  # FLAN: prefix added in v2
        ("data-efficient-llm:13", "llms-data-ai-v2:266"),  # Alpagasus / AlpaGasus … Model …
    ],
)
def test_same_work_is_one_node(resolution: Resolution, a: str, b: str) -> None:
    assert _same(resolution, a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("llms-data-ai-v2:287", "llms-data-ai-v2:288"),  # D4 vs DoReMi, one arXiv id
        ("llms-data-ai-v2:292", "llms-data-ai-v2:293"),  # Qwen2.5-Math vs Qwen2.5-Coder
        ("data-synthesis-survey:76", "data-synthesis-survey:77"),  # Textbooks … vs … II
        ("llm-synthetic-data:152", "llm-synthetic-data:153"),  # Magpie vs LongMagpie
        ("llms-data-ai-v2:328", "llms-data-ai-v2:329"),  # Self-Consistency vs Universal …
    ],
)
def test_close_but_different_works_stay_apart(resolution: Resolution, a: str, b: str) -> None:
    assert not _same(resolution, a, b)


def test_identifier_conflicts_name_both_lines(resolution: Resolution) -> None:
    d4 = next(i for i in resolution.issues if i.id == "conflicting-identifier/arxiv:2305.10429")
    assert {"llms-data-ai-v2:287", "llms-data-ai-v2:288"} <= set(d4.mentions)
    assert "D4" in d4.message and "DoReMi" in d4.message
    magpie = [
        i for i in resolution.issues if "Magpie" in i.message and "different arxiv" in i.message
    ]
    assert magpie, "different identifiers on one long title are merged and reported"


def test_an_identifier_conflict_names_every_entry_carrying_it(resolution: Resolution) -> None:
    """Both versions of a list give HarmBench's id to JailbreakTrigger's entry too: all three
    entries are named, and the issue sits on the first line by file, whichever list came first."""
    harm = next(i for i in resolution.issues if i.id == "conflicting-identifier/arxiv:2402.11766")
    assert {"llms-data-ai-v1:117", "llms-data-ai-v2:154", "llms-data-ai-v2:158"} <= set(
        harm.mentions
    )
    assert (harm.file, harm.line) == ("data/lists/llms-data-ai-lifecycle-v1.md", 117)


def test_canonical_record_keeps_variants_and_prefers_peer_review(resolution: Resolution) -> None:
    work = resolution.work(resolution.work_of["llm-synthetic-data:221"])
    assert work.title == "Constitutional AI: Harmlessness from AI Feedback"
    assert "RLAIF: Constitutional AI: Harmlessness from AI Feedback" in work.titles
    assert work.id == "paper/arxiv-2212-08073"
    magicoder = resolution.work(resolution.work_of["data-synthesis-survey:101"])
    assert magicoder.venue.venue == "ICML" and len(magicoder.titles) >= 2
    assert any(v.venue == "arXiv" for v in magicoder.venues)


def test_gold_pairs_meet_the_target() -> None:
    scores = evaluate(ROOT / "data/eval/resolution_pairs.csv", ROOT)
    assert scores["false_merges"] == 0
    assert scores["recall"] >= 0.97
    assert scores["pairs"] >= 80
    assert "missing" not in scores["counts"], scores["errors"]
    by_source = scores["by_source"]
    assert isinstance(by_source, dict)
    bundled, fixture = by_source["bundled"], by_source["fixture"]
    assert bundled["fp"] == 0 and bundled["fn"] <= 2  # IFD alias, Impossible Distillation
    assert fixture["fp"] == 0 and sum(fixture.values()) >= 25


def test_iris_do_not_move_when_unrelated_entries_are_added(seeds: dict[str, ParsedList]) -> None:
    entries = [e for p in seeds.values() for e in p.entries]
    before = resolve_entries(entries)
    extra = entries[0].model_copy(
        update={
            "line": 10_000,
            "title": "An Unrelated Paper About Turtles",
            "identifiers": [],
            "url": None,
        }
    )
    after = resolve_entries([extra, *entries[5:]])
    kept = {m: w for m, w in before.work_of.items() if m in after.work_of}
    moved = {m: (w, after.work_of[m]) for m, w in kept.items() if after.work_of[m] != w}
    assert not moved


def test_blocking_compares_far_fewer_pairs_than_all(seeds: dict[str, ParsedList]) -> None:
    entries: list[Entry] = [e for p in seeds.values() for e in p.entries]
    pairs = sum(1 for _ in candidate_pairs(mentions_of(entries)))
    everything = len(entries) * (len(entries) - 1) // 2
    assert pairs < everything / 20


def test_pairs_may_name_fixture_lists(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "list_a,line_a,list_b,line_b,label,category,note\n"
        "fixture:resolution/labels_a,18,fixture:resolution/labels_b,18,different,label-title,[9]\n"
        "fixture:resolution/labels_a,8,llms-data-ai-v2,270,same,label-title,LIMA\n",
        encoding="utf-8",
    )
    scores = evaluate(pairs, ROOT)
    assert scores["counts"] == {"tn": 1, "tp": 1}
    assert scores["by_source"] == {"fixture": {"tn": 1, "tp": 1}}
