"""The reader against the hand-written dialect corpus: every golden file, field by field."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.sources.evaluate import FixtureScore, evaluate_corpus, load_golden, same, table

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "lists" / "dialects"


@pytest.fixture(scope="module")
def scores() -> dict[str, FixtureScore]:
    found = evaluate_corpus(CORPUS)
    print(table(found))  # shown with -s: the per-field accuracy table
    return {s.name: s for s in found}


def test_the_corpus_is_broad() -> None:
    goldens = sorted(CORPUS.glob("*.golden.jsonl"))
    assert len(goldens) >= 15
    assert max(len(load_golden(p)) for p in goldens) >= 3000


@pytest.mark.parametrize(
    "name", sorted(p.name.split(".")[0] for p in CORPUS.glob("*.golden.jsonl"))
)
def test_every_entry_is_found_and_little_else(scores: dict[str, FixtureScore], name: str) -> None:
    score = scores[name]
    assert score.recall >= 0.99, f"missed lines {score.missed}"
    assert score.precision >= 0.98, f"lines read as entries that are none: {score.extra}"
    assert score.id_recall >= 0.99
    titles = [m for m in score.mismatches if m[1] == "title"]
    assert (score.accuracy("title") or 1.0) >= 0.96, titles


def test_titles_sections_and_identifiers_across_the_corpus(
    scores: dict[str, FixtureScore],
) -> None:
    def overall(field: str) -> float:
        return sum(s.right[field] for s in scores.values()) / sum(
            s.total[field] for s in scores.values()
        )

    assert overall("title") >= 0.99
    assert overall("section") >= 0.99
    assert overall("identifiers") >= 0.99
    assert overall("year") >= 0.97
    assert overall("venue") >= 0.95
    assert overall("links") >= 0.97


def test_labels_never_become_titles(scores: dict[str, FixtureScore]) -> None:
    for name in ("author_first_citations", "fragments_and_labels", "dated_entries"):
        bad = [m for m in scores[name].mismatches if m[1] == "title"]
        assert not [m for m in bad if str(m[3]).strip("[]()*# ").isdigit()], bad


def test_comparison_rules() -> None:
    assert same("authors", ["LeCun, Y."], ["Y. LeCun"])
    assert same("venue", "NeurIPS", "neurips")
    assert same("links", {"paper": ["a", "b"]}, {"paper": ["b", "a"]})
    assert not same("links", {"paper": ["a"]}, {"code": ["a"]})
    assert not same("title", "Deep learning", "Deep learning.")
