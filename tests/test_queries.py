"""The saved queries in ontology/queries/: each states its question, runs, and answers correctly
on the seed lists; the ones about derived relations are checked on a small example graph."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.outputs import write_outputs
from kg.sources.manifest import load_manifest
from kg.sparql.params import examples, parameters
from kg.sparql.query import SavedQuery, bind, load_query, run_local, saved_queries
from kg.sparql.store import open_store
from tests.conftest import FIXTURES, ROOT

QUERIES = saved_queries()
NAMES = [q.name for q in QUERIES]
DERIVED = FIXTURES / "rdf" / "derived.ttl"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("queries") / "out"
    assert write_outputs(load_manifest(ROOT), ROOT, out, ()).usable
    return out


@pytest.fixture(scope="module")
def store(out: Path) -> ox.Store:
    return open_store(out)


@pytest.fixture(scope="module")
def derived() -> ox.Store:
    """Only the example derived relations, in the contract's shape."""
    store = ox.Store()
    store.load(path=DERIVED, format=ox.RdfFormat.TURTLE)
    return store


def rows(store: ox.Store, saved: str, **values: str) -> list[dict[str, str | None]]:
    """The saved query's solutions as plain values, in the query's order."""
    text = load_query(f"@{saved}")
    result = run_local(store, bind(text, examples(text) | values))
    names = [v.value for v in result.variables]  # type: ignore[attr-defined]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in result]  # type: ignore[attr-defined]


# ---------------------------------------------------------------- every saved query


def test_at_least_twelve_questions() -> None:
    assert len(QUERIES) >= 12
    for name in (
        "papers-per-section",
        "shared-by-three-lists",
        "empty-sections",
        "only-one-list",
        "list-overlap",
        "papers-per-year-per-section",
        "extended-by",
        "benchmarks-by-papers",
        "conflicting-identifiers",
        "mentions-of",
        "top-authors",
        "venue-distribution",
    ):
        assert name in NAMES


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_header_states_the_question_and_parameters(query: SavedQuery) -> None:
    lines = query.text.splitlines()
    assert lines[0].startswith("# Question: ") and lines[0].endswith("?")
    assert query.question == lines[0].removeprefix("# Question: ")
    body = "\n".join(ln for ln in lines if not ln.startswith("#"))
    used = set(re.findall(r"\$(\w+)", body))
    declared = {p.name for p in parameters(query.text)}
    assert used == declared
    assert set(examples(query.text)) == declared, "every parameter gives an example"
    assert "PREFIX" not in body.upper().split("WHERE")[0], "prefixes are predeclared"
    assert "ORDER BY" in body, "answers come in a fixed order"


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_runs_and_is_deterministic(store: ox.Store, query: SavedQuery) -> None:
    first = rows(store, query.name)
    assert first == rows(store, query.name)


# ---------------------------------------------------------------- answers on the seed lists


def test_sections_with_no_papers(store: ox.Store) -> None:
    found = {(r["survey"], r["section"]) for r in rows(store, "empty-sections")}
    assert {
        ("llms-data-ai-v1", "Taxonomy"),
        ("llms-data-ai-v2", "Taxonomy"),
        ("data-synthesis-survey", "Prompt"),
    } <= found
    assert ("data-synthesis-survey", "Applications") not in found  # its subsections list papers


def test_every_mention_of_magicoder(store: ox.Store) -> None:
    found = [
        (r["file"], int(r["line"] or 0)) for r in rows(store, "mentions-of", title="magicoder")
    ]
    assert found == [
        ("data/lists/data-synthesis-augmentation-survey.md", 36),
        ("data/lists/data-synthesis-augmentation-survey.md", 101),
        ("data/lists/data-synthesis-augmentation-survey.md", 193),
        ("data/lists/llm-synthetic-data-live.md", 317),
        ("data/lists/llms-data-ai-lifecycle-v1.md", 110),
        ("data/lists/llms-data-ai-lifecycle-v2.md", 143),
    ]


def test_works_three_lists_share(store: ox.Store) -> None:
    found = rows(store, "shared-by-three-lists")
    magpie = [r for r in found if (r["title"] or "").startswith("Magpie")]
    assert {r["survey"] for r in magpie} == {
        "data-efficient-llm",
        "data-synthesis-survey",
        "llm-synthetic-data",
        "llms-data-ai-v1",
        "llms-data-ai-v2",
    }
    assert found[0]["title"] == magpie[0]["title"]  # the only work in all five lists
    assert all(int(r["lists"] or 0) >= 3 for r in found)


def test_overlap_matrix_has_each_pair_once_with_list_sizes_on_the_diagonal(
    store: ox.Store,
) -> None:
    cells = {(r["survey"], r["other"]): int(r["shared"] or 0) for r in rows(store, "list-overlap")}
    assert len(cells) == 15  # five lists: five sizes and ten pairs, all of which share works
    assert all(a <= b for a, b in cells)
    only = {}
    for r in rows(store, "only-one-list"):
        only[r["survey"]] = only.get(r["survey"], 0) + 1
    for (a, b), shared in cells.items():
        assert shared <= min(cells[a, a], cells[b, b])
        assert a == b or shared <= cells[a, a] - only.get(a, 0)


COUNTED = {
    # The build-time count, and the aggregation it stands for: they must agree on every node.
    "listCount": (
        "SELECT ?n ?c WHERE { ?n skg:listCount ?c }",
        """SELECT ?n (COUNT(DISTINCT ?l) AS ?c)
        WHERE { ?n a skg:Work . OPTIONAL { ?n skg:listedIn ?l } } GROUP BY ?n""",
    ),
    "workCount": (
        "SELECT ?n ?c WHERE { ?n skg:workCount ?c FILTER NOT EXISTS { ?n skg:ofSection ?s } }",
        """SELECT ?n (COUNT(DISTINCT ?w) AS ?c) WHERE {
        { ?n a skg:Section . OPTIONAL { ?w skg:categorizedAs ?n } }
        UNION { ?n a skg:Survey . OPTIONAL { ?w skg:listedIn ?n } } } GROUP BY ?n""",
    ),
    "totalWorkCount": (
        "SELECT ?n ?c WHERE { ?n skg:totalWorkCount ?c }",
        """SELECT ?n (COUNT(DISTINCT ?w) AS ?c) WHERE { ?n a skg:Section .
        OPTIONAL { ?sub skos:broader* ?n . ?w skg:categorizedAs ?sub } } GROUP BY ?n""",
    ),
    "sharedWorkCount": (
        "SELECT ?n ?c WHERE { ?n skg:sharedWorkCount ?c }",
        """SELECT ?n (COUNT(DISTINCT ?w) AS ?c) WHERE {
        ?n skg:firstList ?a ; skg:secondList ?b . ?w skg:listedIn ?a , ?b } GROUP BY ?n""",
    ),
    "SectionYearCount": (
        """SELECT ?n ?c WHERE { ?count skg:ofSection ?s ; skg:workCount ?c .
        OPTIONAL { ?count skg:year ?y } BIND (CONCAT(STR(?s), " ", COALESCE(STR(?y), "")) AS ?n) }""",
        """SELECT ?n (COUNT(DISTINCT ?w) AS ?c) WHERE { ?w skg:categorizedAs ?s .
        OPTIONAL { ?w dcterms:issued ?y } BIND (CONCAT(STR(?s), " ", COALESCE(STR(?y), "")) AS ?n) }
        GROUP BY ?n""",
    ),
}


@pytest.mark.parametrize("counted", sorted(COUNTED))
def test_build_time_counts_equal_the_aggregations(store: ox.Store, counted: str) -> None:
    stored_query, aggregation = COUNTED[counted]
    expected = {s["n"].value: int(s["c"].value) for s in run_local(store, aggregation)}  # type: ignore[attr-defined]
    stored = {s["n"].value: int(s["c"].value) for s in run_local(store, stored_query)}  # type: ignore[attr-defined]
    assert expected and stored == expected


def test_every_sharing_pair_has_an_overlap(store: ox.Store) -> None:
    pairs = run_local(
        store,
        """SELECT (COUNT(*) AS ?n) WHERE {
            { SELECT DISTINCT ?a ?b WHERE { ?w skg:listedIn ?a , ?b . FILTER (?a != ?b) } }
            FILTER NOT EXISTS { ?o skg:firstList ?a ; skg:secondList ?b }
            FILTER NOT EXISTS { ?o skg:firstList ?b ; skg:secondList ?a } }""",
    )
    assert next(iter(pairs))["n"].value == "0"  # type: ignore[call-overload]


def test_section_counts_include_subsections(store: ox.Store) -> None:
    found = {(r["survey"], r["section"]): r for r in rows(store, "papers-per-section")}
    applications = found["data-synthesis-survey", "Applications"]  # the first of two so named
    assert int(applications["direct"] or 0) == 0 and int(applications["total"] or 0) > 0
    per_year = rows(store, "papers-per-year-per-section")
    direct = sum(int(r["direct"] or 0) for r in found.values())
    assert sum(int(r["works"] or 0) for r in per_year) == direct  # one year per work


def test_conflicting_identifiers(store: ox.Store) -> None:
    found = rows(store, "conflicting-identifiers")
    reported = {r["identifier"] for r in found if r["source"] == "reported"}
    shared = {r["identifier"] for r in found if r["source"] == "shared arXiv id"}
    assert "arxiv:2305.10429" in reported  # D4 and DoReMi in llms-data-ai-v2
    assert "2305.10429" in shared


def test_missing_from_list(store: ox.Store) -> None:
    found = rows(store, "missing-from-list", list="data-synthesis-survey")
    assert found and all(int(r["others"] or 0) >= 2 for r in found)
    titles = {r["title"] for r in found}
    assert not any((t or "").startswith("Magpie") for t in titles)  # it has Magpie


# ---------------------------------------------------------------- derived relations


def test_what_extends_a_method_transitively(derived: ox.Store) -> None:
    found = [r["derivedLabel"] for r in rows(derived, "extended-by", name="self-instruct")]
    assert found == ["Alpaca", "Evol-Instruct", "WizardCoder"]
    by_alias = rows(derived, "extended-by", name="SELFINSTRUCT")
    assert [r["derivedLabel"] for r in by_alias] == found
    assert [r["derivedLabel"] for r in rows(derived, "extended-by", name="Evol-Instruct")] == [
        "WizardCoder"
    ]


def test_lineage_both_ways_with_evidence(derived: ox.Store) -> None:
    found = rows(derived, "lineage", name="Evol-Instruct", min_confidence="0.5")
    assert [(r["direction"], r["fromLabel"], r["toLabel"], r["rule"]) for r in found] == [
        ("builds on", "Evol-Instruct", "Self-Instruct", "title-pattern"),
        ("built on by", "WizardCoder", "Evol-Instruct", "title-pattern"),
    ]
    assert float(found[0]["confidence"] or 0) == 0.9
    assert "Self-Instruct" in (found[0]["evidence"] or "")
    strict = rows(derived, "lineage", name="Evol-Instruct", min_confidence="0.85")
    assert [r["direction"] for r in strict] == ["builds on"]
    loose = rows(derived, "lineage", name="Self-Instruct", min_confidence="0")
    assert {r["fromLabel"] for r in loose} == {"Alpaca", "Evol-Instruct", "WizardCoder"}


def test_benchmarks_by_papers(derived: ox.Store) -> None:
    found = [(r["name"], int(r["papers"] or 0)) for r in rows(derived, "benchmarks-by-papers")]
    assert found == [("GSM8K", 2), ("HumanEval", 2)]  # MBPP: no paper evaluated on it


# ---------------------------------------------------------------- through the command line


def test_kg_query_list_shows_every_saved_query() -> None:
    result = CliRunner().invoke(app, ["query", "--list"])
    assert result.exit_code == 0
    for query in QUERIES:
        assert query.name in result.output


def test_kg_query_saved_with_a_parameter(out: Path) -> None:
    args = ["query", "@mentions-of", "--param", "title=Magicoder", "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "data/lists/llm-synthetic-data-live.md,317" in result.output
    assert len(result.output.strip().splitlines()) == 7


def test_kg_query_unknown_saved_query(out: Path) -> None:
    result = CliRunner().invoke(app, ["query", "@no-such-query", "--out", str(out)])
    assert result.exit_code != 0
    assert "mentions-of" in result.output
