"""`kg publish` against a small in-process server that applies what it receives to a store."""

from __future__ import annotations

import base64
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.publish import SHARED_GRAPH, PublishError, Target, publish
from kg.sparql.store import write_store
from tests.conftest import FIXTURES

LIST_GRAPH = "https://w3id.org/surveykg/id/graph/example-list"


class Receiver(ThreadingHTTPServer):
    """Keeps what a Graph Store Protocol or SPARQL Update client sends, in a store."""

    daemon_threads = True

    def __init__(self, password: str | None = None) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.store = ox.Store()
        self.calls: list[tuple[str, str]] = []
        self.password = password
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/store"


class Handler(BaseHTTPRequestHandler):
    server: Receiver

    def log_message(self, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self._reply(401 if not self._allowed() else 200)

    def do_PUT(self) -> None:
        self._graph_store(replace=True)

    def do_POST(self) -> None:
        if self.headers.get("Content-Type", "").startswith("application/sparql-update"):
            self._update()
        else:
            self._graph_store(replace=False)

    def _allowed(self) -> bool:
        if self.server.password is None:
            return True
        token = base64.b64encode(f"dba:{self.server.password}".encode()).decode()
        return self.headers.get("Authorization") == f"Basic {token}"

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def _graph_store(self, replace: bool) -> None:
        body = self._body()
        if not self._allowed():
            self._reply(401)
            return
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, True)
        graph = ox.NamedNode(query["graph"][0]) if "graph" in query else ox.DefaultGraph()
        with self.server.lock:
            self.server.calls.append((self.command, str(graph)))
            if replace:
                self.server.store.clear_graph(graph)
            self.server.store.load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        self._reply(201 if replace else 204)

    def _update(self) -> None:
        body = self._body().decode("utf-8")
        if not self._allowed():
            self._reply(401)
            return
        with self.server.lock:
            self.server.calls.append(("UPDATE", body.split("{", 1)[0].strip()))
            self.server.store.update(body)
        self._reply(204)

    def _reply(self, status: int) -> None:
        self.send_response(status)
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    yield from _serving(Receiver())


def _serving(server: Receiver) -> Iterator[Receiver]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def source() -> ox.Store:
    """Statements in the default graph and in one list graph, as a build has them."""
    store = ox.Store()
    store.load(path=FIXTURES / "rdf" / "derived.ttl", format=ox.RdfFormat.TURTLE)
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    for i in range(25):
        subject = ox.NamedNode(f"https://w3id.org/surveykg/id/mention/m{i}")
        store.add(ox.Quad(subject, label, ox.Literal(f'entry {i} "quoted" é'), _g(LIST_GRAPH)))
    return store


def _g(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _graph(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> set[ox.Triple]:
    return {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, graph)
    }


def test_graph_store_protocol_puts_then_posts_each_graph(
    receiver: Receiver, source: ox.Store
) -> None:
    report = publish(source, Target(receiver.url, batch=10))
    got = receiver.store
    assert _graph(got, _g(SHARED_GRAPH)) == _graph(source, ox.DefaultGraph())
    assert _graph(got, _g(LIST_GRAPH)) == _graph(source, _g(LIST_GRAPH))
    assert report.graphs[LIST_GRAPH] == 25
    list_calls = [method for method, graph in receiver.calls if graph == f"<{LIST_GRAPH}>"]
    assert list_calls == ["PUT", "POST", "POST"]
    publish(source, Target(receiver.url))  # again: replaced, not doubled
    assert len(_graph(got, _g(LIST_GRAPH))) == 25


def test_sparql_update_clears_then_inserts_in_batches(receiver: Receiver, source: ox.Store) -> None:
    receiver.store.add(ox.Quad(_g("urn:old"), _g("urn:p"), _g("urn:o"), _g(LIST_GRAPH)))
    report = publish(source, Target(receiver.url, method="update", batch=7))
    assert _graph(receiver.store, _g(LIST_GRAPH)) == _graph(source, _g(LIST_GRAPH))
    assert _graph(receiver.store, _g(SHARED_GRAPH)) == _graph(source, ox.DefaultGraph())
    assert ("UPDATE", f"CLEAR SILENT GRAPH <{LIST_GRAPH}>") in receiver.calls
    assert report.requests == len(receiver.calls)


def test_default_graph_when_asked(receiver: Receiver, source: ox.Store) -> None:
    publish(source, Target(receiver.url, graph="default"))
    assert _graph(receiver.store, ox.DefaultGraph()) == _graph(source, ox.DefaultGraph())
    publish(source, Target(receiver.url, method="update", graph="default"))
    assert _graph(receiver.store, ox.DefaultGraph()) == _graph(source, ox.DefaultGraph())


def test_basic_auth(source: ox.Store) -> None:
    for server in _serving(Receiver(password="secret")):
        publish(source, Target(server.url, user="dba", password="secret"))
        assert len(_graph(server.store, _g(LIST_GRAPH))) == 25
        with pytest.raises(PublishError, match="authentication failed"):
            publish(source, Target(server.url, user="dba", password="wrong"))
        with pytest.raises(PublishError, match="401"):
            publish(source, Target(server.url))


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (Target("ftp://example.org/x"), "http"),
        (Target("http://127.0.0.1:9/x", method="put"), "unknown method"),
        (Target("http://127.0.0.1:9/x", graph="not an iri"), "--graph"),
        (Target("http://127.0.0.1:9/x", batch=0), "batch"),
    ],
)
def test_bad_targets(source: ox.Store, target: Target, message: str) -> None:
    with pytest.raises(PublishError, match=message):
        publish(source, target)


def test_command_line(tmp_path: Path, receiver: Receiver, source: ox.Store) -> None:
    write_store(source.quads_for_pattern(None, None, None), tmp_path)
    result = CliRunner().invoke(
        app, ["publish", "--endpoint", receiver.url, "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert f"{LIST_GRAPH}: 25 triples" in result.output
    # The built store's default graph also holds the union; only the shared statements go out.
    assert _graph(receiver.store, _g(SHARED_GRAPH)) == _graph(source, ox.DefaultGraph())
    closed = "http://127.0.0.1:9/store"  # the discard port: nothing listens on loopback
    result = CliRunner().invoke(app, ["publish", "--endpoint", closed, "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "cannot reach the server" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(
        app, ["publish", "--endpoint", receiver.url, "--out", str(tmp_path / "none")]
    )
    assert result.exit_code == 2 and "kg build" in result.output  # no build: usage
