"""`kg serve` under hostile queries: a timed-out query is killed with its worker process, and
the endpoint keeps answering."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest

from kg.outputs import write_outputs
from kg.sources.manifest import load_manifest
from kg.sparql.serve import SparqlServer, make_server
from tests.conftest import ROOT

HOSTILE = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s (<urn:p>|!<urn:p>)* ?o . ?x ?y ?z }",
]
ASK = "ASK { ?s a skg:Survey }"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed lists built once for this module."""
    out = tmp_path_factory.mktemp("stall") / "out"
    assert write_outputs(load_manifest(ROOT), ROOT, out, ()).usable
    return out


@pytest.fixture
def server(out: Path) -> Iterator[SparqlServer]:
    """A server with a one-second timeout and no practical row cap, stopped after the test."""
    server = make_server(out, port=0, timeout=1.0, max_rows=10**7, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def ask(url: str, query: str) -> tuple[int, bytes]:
    path = f"{url}/sparql?" + urllib.parse.urlencode({"query": query})
    try:
        with urllib.request.urlopen(path, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def running(pid: int) -> bool:
    """Alive and not a zombie."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_hostile_queries_are_killed_and_the_endpoint_answers(server: SparqlServer) -> None:
    pool = server.settings.runner.pool
    before = set(pool.pids())
    assert len(before) == 2
    with ThreadPoolExecutor(len(HOSTILE)) as clients:
        answers = list(clients.map(lambda q: ask(server.url, q), HOSTILE))
    assert [status for status, _ in answers] == [503] * len(HOSTILE)
    started = time.monotonic()
    status, body = ask(server.url, ASK)
    assert status == 200 and json.loads(body)["boolean"] is True
    assert time.monotonic() - started < 2.0
    after = set(pool.pids())
    assert len(after) == 2 and not after & before
    assert not [pid for pid in before if running(pid)]
    children = {c.pid for c in psutil.Process().children() if running(c.pid)}
    assert children & before == set()


def test_no_worker_outlives_the_server(out: Path) -> None:
    server = make_server(out, port=0, timeout=1.0, quiet=True)
    pids = server.settings.runner.pool.pids()
    assert all(running(pid) for pid in pids)
    server.server_close()
    assert not [pid for pid in pids if running(pid)]
