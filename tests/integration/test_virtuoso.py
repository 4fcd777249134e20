"""Publish the graph into a real Virtuoso on loopback and check that every saved query answers
there exactly as on the embedded store.

scripts/virtuoso.sh installs Debian's virtuoso-opensource when it is missing (as root) and runs
a private instance on free loopback ports. Without root, apt or a server that starts, the test
is skipped with the reason, unless SURVEYKG_REQUIRE_VIRTUOSO=1 (then it fails).

Answers are compared as sorted sets of rows of plain values (numbers as numbers, IRIs as
strings), not in order: Virtuoso orders long strings by a prefix only (titles that agree in
their first twenty or so characters may come in another order), so only the sets must agree.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.outputs import write_outputs
from kg.sources.manifest import load_manifest
from kg.sparql.params import examples
from kg.sparql.query import SavedQuery, bind, run_local, run_remote, saved_queries
from kg.sparql.store import STORE_DIR, open_store, with_union
from tests.conftest import FIXTURES, ROOT

SCRIPT = ROOT / "scripts" / "virtuoso.sh"
QUERIES = saved_queries()
EXAMPLE_GRAPH = "https://w3id.org/surveykg/id/graph/example"
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {f"{XSD}{t}" for t in ("integer", "decimal", "double", "float", "int", "long")}
Value = str | Decimal | None


@dataclass(frozen=True)
class Virtuoso:
    sparql: str
    update: str
    graph_store: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _unavailable(reason: str) -> None:
    if os.environ.get("SURVEYKG_REQUIRE_VIRTUOSO") == "1":
        pytest.fail(f"Virtuoso is required (SURVEYKG_REQUIRE_VIRTUOSO=1) but {reason}")
    pytest.skip(reason)


def _precheck() -> None:
    if shutil.which("virtuoso-t") and shutil.which("isql-vt"):
        return
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        _unavailable("virtuoso-t is not installed and installing it needs root")
    if not shutil.which("apt-get"):
        _unavailable("virtuoso-t is not installed and apt-get is not available")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A private Virtuoso, started for this module and stopped after it."""
    _precheck()
    http_port, sql_port = _free_port(), _free_port()
    env = os.environ | {
        "VIRTUOSO_DIR": str(tmp_path_factory.mktemp("virtuoso")),
        "VIRTUOSO_HTTP_PORT": str(http_port),
        "VIRTUOSO_SQL_PORT": str(sql_port),
    }
    start = subprocess.run(
        ["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=600
    )
    try:
        if start.returncode != 0:
            _unavailable(f"Virtuoso did not start: {start.stderr.strip()[-800:]}")
        base = f"http://127.0.0.1:{http_port}"
        yield Virtuoso(f"{base}/sparql", f"{base}/sparql-auth", f"{base}/sparql-graph-crud-auth")
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop"], env=env, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed lists built, plus example derived relations (so that the lineage and benchmark
    queries have rows to compare) in a named graph of their own."""
    out = tmp_path_factory.mktemp("virtuoso-build") / "out"
    assert write_outputs(load_manifest(ROOT), ROOT, out, ()).usable
    store = ox.Store(str(out / STORE_DIR))
    graph = ox.NamedNode(EXAMPLE_GRAPH)
    parsed = ox.parse(path=FIXTURES / "rdf" / "derived.ttl", format=ox.RdfFormat.TURTLE)
    example = (ox.Quad(q.subject, q.predicate, q.object, graph) for q in parsed)
    store.extend(with_union(example))  # also into the default graph, as a build does
    store.flush()
    del store
    return out


@pytest.fixture(scope="module")
def published(virtuoso: Virtuoso, out: Path) -> Virtuoso:
    """The graph loaded through the Graph Store Protocol, with digest auth as dba."""
    args = ["publish", "--endpoint", virtuoso.graph_store, "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--user", "dba", "--password", "dba"])
    assert result.exit_code == 0, result.output
    assert EXAMPLE_GRAPH in result.output
    return virtuoso


def _value(term: object) -> Value:
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value in NUMERIC:
        try:
            return Decimal(term.value).normalize()
        except InvalidOperation:
            return term.value
    return term.value  # type: ignore[attr-defined]


def answer_set(result: object) -> list[tuple[Value, ...]]:
    names = [v.value for v in result.variables]  # type: ignore[attr-defined]
    rows = [tuple(_value(s[n]) for n in names) for s in result]  # type: ignore[attr-defined]
    return sorted(rows, key=repr)


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_saved_query_answers_as_on_the_embedded_store(
    published: Virtuoso, out: Path, query: SavedQuery
) -> None:
    text = bind(query.text, examples(query.text))
    local = answer_set(run_local(open_store(out), text))
    remote = answer_set(run_remote(published.sparql, text))
    assert remote == local


def test_derived_examples_reached_the_server(published: Virtuoso) -> None:
    text = bind(next(q.text for q in QUERIES if q.name == "extended-by"), {"name": "Self-Instruct"})
    rows = answer_set(run_remote(published.sparql, text))
    examples_found = [
        r for r in rows if str(r[0]).startswith("https://w3id.org/surveykg/id/example/")
    ]
    assert [r[3] for r in examples_found] == ["Alpaca", "Evol-Instruct", "WizardCoder"]


def test_kg_query_against_the_server(published: Virtuoso) -> None:
    args = ["query", "@mentions-of", "--param", "title=Magicoder", "--format", "csv"]
    result = CliRunner().invoke(app, [*args, "--endpoint", published.sparql])
    assert result.exit_code == 0, result.output
    assert "data/lists/llms-data-ai-lifecycle-v2.md,143" in result.output


COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def _counts(result: object) -> dict[str, int]:
    return {
        s["g"].value: int(s["n"].value)  # type: ignore[index]
        for s in result  # type: ignore[attr-defined]
        if s["g"].value.startswith("https://w3id.org/surveykg/")  # type: ignore[index]
    }


def test_publish_by_sparql_update_gives_the_same_graphs(published: Virtuoso, out: Path) -> None:
    before = _counts(run_remote(published.sparql, COUNT))
    args = ["publish", "--endpoint", published.update, "--method", "update", "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--user", "dba", "--password", "dba"])
    assert result.exit_code == 0, result.output
    assert _counts(run_remote(published.sparql, COUNT)) == before
    local = _counts(run_local(open_store(out), COUNT))
    shared = "https://w3id.org/surveykg/id/graph"
    assert {g: n for g, n in before.items() if g != shared} == local


def test_wrong_password_is_a_clear_error(published: Virtuoso, out: Path) -> None:
    args = ["publish", "--endpoint", published.graph_store, "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--user", "dba", "--password", "wrong"])
    assert result.exit_code == 1
    assert "authentication failed" in result.output
    assert "Traceback" not in result.output


def test_server_listens_on_loopback_only(published: Virtuoso) -> None:
    port = int(published.sparql.rsplit(":", 1)[1].split("/")[0])
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)}
    for address in addresses - {"127.0.0.1", "::1"}:
        with socket.socket() as sock, pytest.raises(OSError):
            sock.settimeout(2)
            sock.connect((address, port))
    with urllib.request.urlopen(f"{published.sparql}?query=ASK%7B%7D", timeout=10) as answer:
        assert answer.status == 200
