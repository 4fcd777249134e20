"""The fast SHACL engine (kg.shacl) finds exactly what pySHACL, the reference, finds: on graphs
broken on purpose in many ways, on randomly broken graphs, and on the bundled graph broken in
places; same focus node, path, constraint, message, value and severity."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS
from typer.testing import CliRunner

from kg.cli import app
from kg.outputs import write_outputs
from kg.shacl import UnsupportedShape, validate_file
from kg.shacl.validate import SHAPES_PATH, Checked, check_file
from kg.sources.manifest import load_manifest
from kg.vocab import SKG, SKGR
from tests.conftest import ROOT
from tests.test_ontology import (
    ASSERTION,
    BROKEN,
    CHILD,
    ISSUE,
    MENTION,
    OLD,
    PAPER,
    TOP,
    _add,
    _set,
    good_graph,
)

Breaker = Callable[[Graph], None]
METHOD = SKGR["method/self-instruct"]
DATASET = SKGR["dataset/gsm8k"]
SURVEY_ONE = SKGR["survey/one"]
OVERLAP = SKGR["overlap/one-one"]
YEAR_COUNT = SKGR["section-year/one/4.1/2023"]


def _all(*breakers: Breaker) -> Breaker:
    def apply(graph: Graph) -> None:
        for breaker in breakers:
            breaker(graph)

    return apply


def _node(subject: URIRef, cls: URIRef, **values: object) -> Breaker:
    """Adds a node of the class with the given skg: values."""

    def add(graph: Graph) -> None:
        graph.add((subject, RDF.type, cls))
        for name, value in values.items():
            graph.add((subject, SKG[name], value))  # type: ignore[arg-type]

    return add


EXTRA: dict[str, Breaker] = {
    "categorised under a work": _set(PAPER, SKG.categorizedAs, OLD),
    "categorised under a literal": _set(PAPER, SKG.categorizedAs, Literal("4.1")),
    "evaluated on a method": _set(OLD, SKG.evaluatedOn, METHOD),
    "method evaluated on a literal": _add(METHOD, SKG.evaluatedOn, Literal("GSM8K")),
    "mention of a person": _set(MENTION, SKG.mentionOf, SKGR["person/yizhong-wang"]),
    "more works directly than in all": _all(
        _set(CHILD, SKG.workCount, Literal(5)), _set(CHILD, SKG.totalWorkCount, Literal(3))
    ),
    "work count as text": _all(
        _set(CHILD, SKG.workCount, Literal("5")), _set(CHILD, SKG.totalWorkCount, Literal(3))
    ),
    "a list overlapping itself": _node(
        OVERLAP,
        SKG.ListOverlap,
        firstList=SURVEY_ONE,
        secondList=SURVEY_ONE,
        sharedWorkCount=Literal(0),
    ),
    "a year count of no works": _node(
        YEAR_COUNT,
        SKG.SectionYearCount,
        ofSection=TOP,
        year=Literal("2023"),
        workCount=Literal(0),
    ),
    "empty alias": _set(METHOD, SKG.alias, Literal("")),
    "unknown section origin": _set(TOP, SKG.sectionOrigin, Literal("guess")),
    "issue concerning a literal": _set(ISSUE, SKG.concerns, Literal("paper")),
    "issue concerning a blank node": _set(ISSUE, SKG.concerns, BNode("b1")),
    "ill-typed line": _set(MENTION, SKG.line, Literal("x", datatype=XSD.integer)),
    "title with a language tag": _set(PAPER, DCTERMS.title, Literal("Self-Instruct", lang="en")),
    "highlighted as text": _set(MENTION, SKG.highlighted, Literal("yes")),
    "repository as URL": _set(PAPER, SKG.githubRepo, Literal("https://github.com/a/b")),
    "upper-case checksum": _set(SURVEY_ONE, SKG.sha256, Literal("A" * 64)),
    "Hugging Face id as URL": _set(DATASET, SKG.hfId, Literal("https://huggingface.co/x")),
    "negative order": _set(MENTION, SKG.order, Literal(-1)),
    "two titles": _add(PAPER, DCTERMS.title, Literal("Another title")),
    "two confidences": _add(ASSERTION, SKG.confidence, Literal("0.5", datatype=XSD.decimal)),
    "alignment within one survey": _add(CHILD, SKOS.closeMatch, TOP),
    "alignment with a work": _add(CHILD, SKOS.exactMatch, PAPER),
    "a paper typed twice": _add(METHOD, RDF.type, SKG.Paper),
}
CASES: dict[str, Breaker] = {name: case[0] for name, case in BROKEN.items()} | EXTRA
CASES["everything at once"] = _all(*CASES.values())


def _both(graph: Graph, folder: Path) -> tuple[Checked, Checked]:
    path = folder / "graph.ttl"
    graph.serialize(path, format="turtle")
    return check_file(path, "fast"), check_file(path, "pyshacl")


@pytest.mark.parametrize("case", sorted(CASES))
def test_engines_agree_on_a_broken_graph(case: str, tmp_path: Path) -> None:
    graph = good_graph()
    CASES[case](graph)
    fast, reference = _both(graph, tmp_path)
    assert reference.violations, "the case breaks nothing"
    assert set(fast.violations) == set(reference.violations)
    assert fast.triples == reference.triples


def test_engines_agree_on_the_good_graph(tmp_path: Path) -> None:
    fast, reference = _both(good_graph(), tmp_path)
    assert fast.violations == reference.violations == []


# Values of datatypes that are neither numbers nor strings are left out: pySHACL orders them
# against numbers by datatype IRI (see test_known_difference).
POOL = [
    Literal(""),
    Literal("  "),
    Literal("x"),
    Literal("x", lang="en"),
    Literal(-1),
    Literal(0),
    Literal(7),
    Literal("1.5", datatype=XSD.decimal),
    Literal(0.5),
    Literal("x", datatype=XSD.integer),
    Literal("paper"),
    Literal("heading"),
    Literal("owner/name"),
    Literal("2305.10429v2"),
    Literal("a" * 64),
    SURVEY_ONE,
    TOP,
    OLD,
    METHOD,
    SKGR["nothing"],
    URIRef("javascript:alert(1)"),
    SKG.Paper,
    SKG.TitleVariant,
]
CLASSES = [
    SKG[c]
    for c in "Paper Work Survey Section Mention Assertion Rule DataIssue Method Dataset Benchmark "
    "Person Venue ListOverlap SectionYearCount".split()
]


def _mutate(graph: Graph, rnd: random.Random) -> None:
    """A few random edits: drop a statement, change or add a value, add a type."""
    triples = sorted(graph)
    for _ in range(rnd.randint(1, 6)):
        s, p, o = rnd.choice(triples)
        roll = rnd.random()
        if roll < 0.6:
            graph.remove((s, p, o))
        if 0.3 <= roll < 0.8:
            graph.add((s, p, rnd.choice(POOL)))
        elif roll >= 0.8:
            graph.add((s, RDF.type, rnd.choice(CLASSES)))


@pytest.mark.parametrize("seed", range(25))
def test_engines_agree_on_a_randomly_broken_graph(seed: int, tmp_path: Path) -> None:
    graph = good_graph()
    _mutate(graph, random.Random(seed))
    fast, reference = _both(graph, tmp_path)
    assert set(fast.violations) == set(reference.violations)


def test_known_difference(tmp_path: Path) -> None:
    """A year is no confidence: both engines say so (sh:datatype), and the fast one adds, as
    SHACL asks, that it cannot be compared with 1.  pySHACL may not: rdflib orders literals of
    unrelated datatypes by datatype IRI unless a handler for xsd:gYear is loaded (owlrl, which
    pySHACL's inference imports, adds one), so its answer depends on what ran before."""
    graph = good_graph()
    graph.set((ASSERTION, SKG.confidence, Literal("2024", datatype=XSD.gYear)))
    fast, reference = _both(graph, tmp_path)
    extra = set(fast.violations) - set(reference.violations)
    assert "sh:MaxInclusiveConstraintComponent" in {v.constraint for v in fast.violations}
    assert set(reference.violations) <= set(fast.violations)
    assert {v.constraint for v in extra} <= {"sh:MaxInclusiveConstraintComponent"}


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundled")
    write_outputs(load_manifest(ROOT), ROOT, out, (), store=False)
    return out / "kg.ttl"


def test_the_bundled_graph_conforms_for_the_fast_engine(bundled: Path) -> None:
    """(tests/export/test_rdf.py checks the same with pySHACL.)"""
    checked = check_file(bundled, "fast")
    assert checked.violations == []
    assert checked.triples > 10_000


def _first(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef))[0]


def _break_bundled(graph: Graph) -> None:
    """Breaks one node of each kind, and leaves the rest of the graph as built."""
    mention, paper, section = (_first(graph, SKG[c]) for c in ("Mention", "Paper", "Section"))
    assertion, issue, overlap = (
        _first(graph, SKG[c]) for c in ("Assertion", "DataIssue", "ListOverlap")
    )
    graph.remove((mention, SKG.line, None))
    graph.add((mention, SKG.mentionOf, _first(graph, SKG.Person)))
    graph.add((paper, DCTERMS.title, Literal("A second title")))
    graph.set((section, SKG.sectionOrigin, Literal("guess")))
    graph.set((section, SKG.totalWorkCount, Literal(-1)))
    triple = (graph.value(assertion, RDF.subject), graph.value(assertion, RDF.predicate))
    graph.remove((*triple, graph.value(assertion, RDF.object)))  # type: ignore[arg-type]
    graph.remove((issue, SKG.message, None))
    graph.set((overlap, SKG.secondList, graph.value(overlap, SKG.firstList)))


@pytest.mark.slow
def test_engines_agree_on_the_bundled_graph_broken_in_places(bundled: Path, tmp_path: Path) -> None:
    graph = Graph().parse(bundled)
    _break_bundled(graph)
    fast, reference = _both(graph, tmp_path)
    assert len(reference.violations) >= 8
    assert set(fast.violations) == set(reference.violations)


def test_validate_command_gives_the_same_report_with_either_engine(tmp_path: Path) -> None:
    graph = good_graph()
    CASES["everything at once"](graph)
    path = tmp_path / "broken.ttl"
    graph.serialize(path, format="turtle")
    runs = [
        CliRunner().invoke(app, ["validate", str(path), "--engine", e]) for e in ("fast", "pyshacl")
    ]
    assert [r.exit_code for r in runs] == [1, 1]
    assert runs[0].output == runs[1].output
    assert "skg:line" in runs[0].output


def test_shapes_the_fast_engine_cannot_check_are_refused(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:s> sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:maxLength 3 ] .\n",
        "utf-8",
    )
    data = tmp_path / "data.ttl"
    data.write_text("<urn:x> a <urn:C> ; <urn:p> 'long' .\n", "utf-8")
    with pytest.raises(UnsupportedShape, match="maxLength"):
        validate_file(data, shapes)


def test_every_format_the_build_writes_is_checked(tmp_path: Path) -> None:
    source = ROOT / "tests" / "fixtures" / "lists" / "star_plus_crlf_bom.md"
    lists = [s.model_copy(update={"file": str(source)}) for s in load_manifest(ROOT)[:1]]
    write_outputs(lists, ROOT, tmp_path, ("all",), store=False)
    counts = {
        p.suffix: validate_file(p, SHAPES_PATH)
        for p in tmp_path.glob("kg.*")
        if p.suffix != ".html"
    }
    assert set(counts) >= {".ttl", ".nt", ".nq", ".trig", ".jsonld"}
    assert {triples for _, triples in counts.values()} == {counts[".ttl"][1]}
    assert all(violations == [] for violations, _ in counts.values())
