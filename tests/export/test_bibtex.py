"""BibTeX export: round-trips through bibtexparser, keys stable and unique, text escaped."""

# ruff: noqa: E501  (list lines are as long as real lists write them)
from __future__ import annotations

from pathlib import Path

import bibtexparser
import pytest

from kg import api
from kg.export.bib_keys import citation_keys
from kg.export.bibtex import bib_entries, bibtex, list_works
from kg.model import Work, WorkKind

LIST = """# Fixture

## Methods

- [Self-Instruct: Aligning Language Models with Self-Generated Instructions](https://arxiv.org/abs/2212.10560) ACL 2023.
- [Rock & Roll: 100% {Braces} in Café Models with $x_1$ #1 ~ ^](https://example.org/rock) ICML 2024.
- [Data Pruning](https://example.org/p1) *Ann Smith.* NeurIPS 2023.
- [Data Pruning Again](https://example.org/p2) *Bob Smith.* NeurIPS 2023.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("bib")
    path = folder / "fixture.md"
    path.write_text(LIST, encoding="utf-8")
    return api.build([path])


def test_round_trips_through_bibtexparser(built) -> None:  # type: ignore[no-untyped-def]
    kg = built.graph
    text = bibtex(kg, kg.works)
    parsed = bibtexparser.parse_string(text)
    assert not parsed.failed_blocks
    expected = {e.key: {f.key: f.value for f in e.fields} for e in bib_entries(kg, kg.works)}
    assert {e.key: {f.key: f.value for f in e.fields} for e in parsed.entries} == expected


def test_entry_fields(built) -> None:  # type: ignore[no-untyped-def]
    entries = {e.key: e for e in bib_entries(built.graph, built.graph.works)}
    entry = entries["self2023"]
    assert entry.entry_type == "inproceedings"
    fields = {f.key: f.value for f in entry.fields}
    assert fields["booktitle"] == "ACL" and fields["year"] == "2023"
    assert fields["eprint"] == "2212.10560" and fields["archivePrefix"] == "arXiv"
    assert fields["title"].startswith("{Self-Instruct:}")


def test_special_characters_are_escaped(built) -> None:  # type: ignore[no-untyped-def]
    text = bibtex(built.graph, built.graph.works)
    title = next(line for line in text.splitlines() if "Rock" in line)
    for escaped in (r"\&", r"100\%", r"\{Braces\}", r"Caf{\'e}", r"\$", r"\_", r"\#"):
        assert escaped in title
    assert "é" not in text


def test_colliding_keys_get_suffixes_in_work_id_order(built) -> None:  # type: ignore[no-untyped-def]
    keys = citation_keys(built.graph.works.values())
    assert len(set(keys.values())) == len(keys)
    smiths = sorted(w for w, k in keys.items() if k.startswith("smith2023data"))
    assert [keys[w] for w in smiths] == ["smith2023dataa", "smith2023datab"]


def test_keys_do_not_depend_on_order_or_other_works() -> None:
    works = [
        Work(
            id=f"paper/{n}",
            kind=WorkKind.PAPER,
            title="Deep Learning",
            authors=["Y. LeCun"],
            year=2015,
        )
        for n in ("b", "a")
    ]
    other = Work(id="paper/z", kind=WorkKind.PAPER, title="Other", authors=["X"], year=2020)
    first = citation_keys(works)
    assert first == {"paper/a": "lecun2015deepa", "paper/b": "lecun2015deepb"}
    assert citation_keys([other, *reversed(works)]) == first | {"paper/z": "x2020other"}


def test_keys_are_stable_across_two_builds(tmp_path: Path) -> None:
    path = tmp_path / "fixture.md"
    path.write_text(LIST, encoding="utf-8")
    first, second = api.build([path]), api.build([path])
    assert bibtex(first.graph, first.graph.works) == bibtex(second.graph, second.graph.works)


def test_bundled_build_keys_unique_and_parse() -> None:
    built = api.build()
    kg = built.graph
    keys = citation_keys(kg.works.values())
    assert len(set(keys.values())) == len(kg.works)
    listed = list_works(kg, "llm-synthetic-data")
    parsed = bibtexparser.parse_string(bibtex(kg, listed))
    assert not parsed.failed_blocks and len(parsed.entries) == len(set(listed))
