"""The measured targets: precision >= 0.95 on the labelled sample, recall >= 0.7 on the true set,
and precision >= 0.95 on the labelled rows of a corpus of lists of many fields."""

from __future__ import annotations

from pathlib import Path

from kg.enrich import Enrichment, enrich
from kg.enrich.evaluate import (
    corpus_report,
    evaluate_corpus,
    evaluate_files,
    read_corpus,
    report,
    rows,
)
from kg.resolve import Resolution, resolve

EVAL = Path(__file__).resolve().parents[2] / "data" / "eval"


def test_targets_are_met(enrichment: Enrichment, resolution: Resolution) -> None:
    result = evaluate_files(
        enrichment, resolution, EVAL / "relations_labelled.csv", EVAL / "relations_true.csv"
    )
    text = report(result)
    assert result.labelled >= 120, text
    assert sum(result.expected.values()) >= 40, text
    assert result.precision >= 0.95, text
    assert result.recall >= 0.7, text
    assert not [p for p in result.problems if p.startswith(("STALE", "UNRESOLVED"))], text


def test_every_derived_relation_is_labelled(enrichment: Enrichment, resolution: Resolution) -> None:
    result = evaluate_files(
        enrichment, resolution, EVAL / "relations_labelled.csv", EVAL / "relations_true.csv"
    )
    assert sum(result.unlabelled.values()) == 0, report(result)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lists"


def _corpus() -> list[Path]:
    folders = (FIXTURES / "dialects", FIXTURES / "relations")
    return sorted(f for d in folders for f in d.glob("*.md") if f.name != "README.md")


def test_corpus_targets_are_met() -> None:
    """Lists of many fields: precision >= 0.95 on the labelled corpus rows, as on the bundled."""
    labelled = rows(EVAL / "relations_corpus_labelled.csv")
    parsed = read_corpus(_corpus())
    resolution = resolve(parsed)
    result = evaluate_corpus(enrich(parsed, resolution, facts=None), resolution, labelled)
    text = corpus_report(result, parsed)
    assert len(labelled) >= 60, text
    assert {r["judgement"] for r in labelled} == {"correct", "wrong"}, text
    assert all(r["note"].strip() for r in labelled), text
    assert result.labelled >= 40 and result.precision >= 0.95, text


def test_corpus_rows_count_as_found_missed_produced_or_avoided(tmp_path: Path) -> None:
    path = tmp_path / "probe.md"
    path.write_text(
        "# Papers\n\n- [Lumo: Graph Rewiring](https://arxiv.org/abs/2001.00003)\n"
        "- [Lumo-2: Faster Graph Rewiring](https://arxiv.org/abs/2101.00004)\n",
        encoding="utf-8",
    )
    parsed = read_corpus([path])
    resolution = resolve(parsed)
    enrichment = enrich(parsed, resolution, facts=None)
    columns = ("subject", "predicate", "object", "rule", "judgement", "note")
    labelled = [
        dict(zip(columns, row, strict=True))
        for row in [
            ("Lumo-2", "extends", "Lumo", "", "correct", "found under any rule"),
            ("Lumo", "extends", "Lumo-2", "", "wrong", "avoided"),
            ("arxiv:2101.00004", "introduces", "Lumo-2", "title-prefix", "wrong", "produced"),
            ("arxiv:2001.00003", "introduces", "Graph", "", "correct", "names nothing: missed"),
        ]
    ]
    result = evaluate_corpus(enrichment, resolution, labelled)
    assert (result.correct["name-version"], result.wrong["title-prefix"]) == (1, 1)
    assert result.true_found["extends"] == 1 and result.missed["introduces"] == 1
    assert result.avoided["extends"] == 1 and result.false_produced["introduces"] == 1
    assert result.unlabelled["title-prefix"] == 1  # Lumo's own introduces
    assert result.per_list["probe"]["labelled"] == 2
