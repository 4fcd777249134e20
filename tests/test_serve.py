"""`kg serve`: the SPARQL 1.1 Protocol endpoint and the output files, over loopback."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, TURTLE, SPARQLWrapper
from typer.testing import CliRunner

from kg.cli import app
from kg.outputs import write_outputs
from kg.sources.manifest import load_manifest
from kg.sparql.endpoint.runner import Runner
from kg.sparql.serve import Settings, SparqlServer, make_server
from tests.conftest import ROOT

SURVEYS = "SELECT ?s WHERE { ?s a skg:Survey } ORDER BY ?s"
CONSTRUCT = "CONSTRUCT { ?s a skg:Survey } WHERE { ?s a skg:Survey }"
# 925 × 925 rows: long enough to stream that a short timeout or a small cap cuts it.
CROSS = "SELECT ?a ?b WHERE { ?a a skg:Mention . ?b a skg:Mention }"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed lists built once for this module, plus an HTML page and a file outside out/."""
    base = tmp_path_factory.mktemp("serve")
    out = base / "out"
    report = write_outputs(load_manifest(ROOT), ROOT, out, ())
    assert report.usable
    (out / "kg.html").write_text("<html><body>graph</body></html>", "utf-8")
    (base / "secret.txt").write_text("not for the web", "utf-8")
    return out


def _running(server: SparqlServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def url(out: Path) -> Iterator[str]:
    yield from _running(make_server(out, port=0, quiet=True))


def get(url: str, path: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept": accept} if accept else {}
    return _open(urllib.request.Request(url + path, headers=headers))


def post(
    url: str, body: bytes, content_type: str, accept: str | None = None
) -> tuple[int, dict[str, str], bytes]:
    headers = {"Content-Type": content_type} | ({"Accept": accept} if accept else {})
    return _open(urllib.request.Request(f"{url}/sparql", data=body, headers=headers))


def _open(request: urllib.request.Request) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def query_path(query: str, **extra: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query, **extra})


def survey_iris(body: bytes) -> list[str]:
    return [b["s"]["value"] for b in json.loads(body)["results"]["bindings"]]


# ---------------------------------------------------------------- protocol


def test_get_answers_json_by_default(url: str) -> None:
    status, headers, body = get(url, query_path(SURVEYS))
    assert status == 200
    assert headers["Content-Type"] == "application/sparql-results+json"
    iris = survey_iris(body)
    assert len(iris) == 5
    assert iris[0].endswith("/survey/data-efficient-llm")


def test_post_form_and_direct_body(url: str) -> None:
    form = urllib.parse.urlencode({"query": SURVEYS}).encode()
    status, _, body = post(url, form, "application/x-www-form-urlencoded")
    assert status == 200
    direct = post(url, SURVEYS.encode(), "application/sparql-query")
    assert direct[0] == 200
    assert survey_iris(body) == survey_iris(direct[2])


def test_content_negotiation_for_results(url: str) -> None:
    status, headers, body = get(url, query_path(SURVEYS), "text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0] == ["s"] and len(rows) == 6
    _, headers, body = get(url, query_path(SURVEYS), "application/sparql-results+xml")
    assert headers["Content-Type"] == "application/sparql-results+xml"
    assert b"<sparql" in body and b"/survey/llms-data-ai-v2" in body
    _, headers, body = get(url, query_path(SURVEYS), "text/tab-separated-values")
    assert body.decode().splitlines()[0] == "?s"
    _, headers, _ = get(url, query_path(SURVEYS), "text/csv;q=0.5, application/sparql-results+xml")
    assert headers["Content-Type"] == "application/sparql-results+xml"


def test_format_parameter_and_not_acceptable(url: str) -> None:
    _, headers, _ = get(url, query_path(SURVEYS, format="csv"), "text/html,*/*;q=0.8")
    assert headers["Content-Type"].startswith("text/csv")
    status, _, body = get(url, query_path(SURVEYS), "image/png")
    assert status == 406
    assert b"application/sparql-results+json" in body


def test_ask(url: str) -> None:
    _, _, body = get(url, query_path("ASK { ?s a skg:Survey }"))
    assert json.loads(body) == {"head": {}, "boolean": True}


def test_construct_negotiates_graph_formats(url: str) -> None:
    status, headers, body = get(url, query_path(CONSTRUCT))
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert len(graph) == 5
    _, headers, body = get(url, query_path(CONSTRUCT), "application/n-triples")
    assert headers["Content-Type"] == "application/n-triples"
    assert len(body.decode().strip().splitlines()) == 5
    _, headers, body = get(url, query_path(CONSTRUCT), "application/ld+json")
    assert len(rdflib.Graph().parse(data=body, format="json-ld")) == 5
    _, headers, body = get(url, query_path(CONSTRUCT), "application/rdf+xml")
    assert len(rdflib.Graph().parse(data=body, format="xml")) == 5


def test_dataset_parameters(url: str) -> None:
    graph = "https://w3id.org/surveykg/id/graph/llms-data-ai-v1"
    query = "SELECT ?s WHERE { ?s a skg:Survey }"
    _, _, body = get(url, query_path(query, **{"default-graph-uri": graph}))
    assert [i.rsplit("/", 1)[1] for i in survey_iris(body)] == ["llms-data-ai-v1"]


def test_in_memory_copy_answers_as_the_store(url: str, out: Path) -> None:
    per_graph = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    asked = [
        (query_path(SURVEYS), "text/csv"),
        (query_path(per_graph), "text/csv"),
        (query_path("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), "text/csv"),
        (query_path(CONSTRUCT), "application/n-triples"),
    ]
    for memory_url in _running(make_server(out, port=0, quiet=True, memory=True)):
        for path, accept in asked:
            on_disk, in_memory = get(url, path, accept)[2], get(memory_url, path, accept)[2]
            assert sorted(in_memory.splitlines()) == sorted(on_disk.splitlines())
            assert len(on_disk.splitlines()) > 1


# ---------------------------------------------------------------- refusals


def test_updates_are_refused(url: str) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    form = urllib.parse.urlencode({"update": update}).encode()
    status, _, body = post(url, form, "application/x-www-form-urlencoded")
    assert status == 403 and b"read-only" in body
    assert post(url, update.encode(), "application/sparql-update")[0] == 403
    assert post(url, update.encode(), "application/sparql-query")[0] == 403
    assert get(url, "/sparql?" + urllib.parse.urlencode({"update": update}))[0] == 403
    assert get(url, query_path("ASK { <urn:a> <urn:b> <urn:c> }"))[2].count(b"false") == 1


def test_syntax_error_is_400_with_the_message(url: str) -> None:
    status, headers, body = get(url, query_path("SELECT ?s WHERE { ?s ?p }"))
    assert status == 400
    assert headers["Content-Type"].startswith("text/plain")
    assert body.startswith(b"syntax error") and b"1:" in body


def test_other_bad_requests(url: str) -> None:
    assert post(url, b"query=x", "text/plain")[0] == 415
    assert post(url, b"", "application/x-www-form-urlencoded")[0] == 400
    status, _, _ = _open(urllib.request.Request(f"{url}/kg.ttl", data=b"x", method="PUT"))
    assert status == 405


# ---------------------------------------------------------------- timeout and cap


class SlowStore:
    """A store whose every query takes a second: the timeout must not wait for it."""

    def query(self, *args: object, **kwargs: object) -> object:
        time.sleep(1.0)
        return ox.Store().query("ASK {}")


def test_timeout_answers_503(out: Path) -> None:
    server = SparqlServer(("127.0.0.1", 0), Settings(out, Runner(SlowStore(), 0.2, 10), True))
    for base in _running(server):
        started = time.monotonic()
        status, _, body = get(base, query_path("ASK {}"))
        assert status == 503 and b"did not finish within 0.2 s" in body
        assert time.monotonic() - started < 0.9


def test_streaming_query_is_cut_at_the_timeout(out: Path) -> None:
    server = make_server(out, port=0, timeout=0.3, max_rows=10**7, quiet=True)
    for base in _running(server):
        assert get(base, query_path(CROSS))[0] == 503
        assert get(base, query_path("ASK { ?s a skg:Survey }"))[0] == 200


def test_result_cap_truncates_and_says_so(out: Path) -> None:
    server = make_server(out, port=0, max_rows=3, quiet=True)
    for base in _running(server):
        status, headers, body = get(base, query_path(SURVEYS))
        assert status == 200 and headers["X-Result-Truncated"] == "true"
        assert len(survey_iris(body)) == 3
        _, headers, body = get(base, query_path(CONSTRUCT), "application/n-triples")
        assert headers["X-Result-Truncated"] == "true"
        assert len(body.decode().strip().splitlines()) == 3
        _, headers, _ = get(base, query_path("SELECT * WHERE { ?s a skg:Survey } LIMIT 2"))
        assert "X-Result-Truncated" not in headers


# ---------------------------------------------------------------- files


def test_index_lists_outputs_and_endpoint(url: str) -> None:
    status, headers, body = get(url, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode()
    for name in ("kg.ttl", "kg.html", "audit.json", "/sparql", "mentions-of"):
        assert name in page
    assert "store/" not in page


def test_files_have_their_content_types(url: str, out: Path) -> None:
    status, headers, body = get(url, "/kg.ttl")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert body == (out / "kg.ttl").read_bytes()
    assert get(url, "/kg.html")[1]["Content-Type"].startswith("text/html")
    assert get(url, "/audit.json")[1]["Content-Type"] == "application/json"
    assert get(url, "/missing.ttl")[0] == 404


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%5csecret.txt",
        "/store/CURRENT",
        "/.staging/x",
        "//etc/passwd",
        "/%00kg.ttl",
    ],
)
def test_path_traversal_is_refused(url: str, path: str) -> None:
    status, _, body = get(url, path)
    assert status == 404
    assert b"not for the web" not in body


def test_symlink_out_of_the_folder_is_refused(url: str, out: Path) -> None:
    link = out / "escape.txt"
    link.symlink_to(out.parent / "secret.txt")
    try:
        assert get(url, "/escape.txt")[0] == 404
    finally:
        link.unlink()


# ---------------------------------------------------------------- SPARQLWrapper


def wrapper(url: str, query: str) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{url}/sparql")
    client.setQuery("PREFIX skg: <https://w3id.org/surveykg/ontology#>\n" + query)
    return client


def test_sparqlwrapper_select_json(url: str) -> None:
    client = wrapper(url, SURVEYS)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]  # type: ignore[index]
    assert len(bindings) == 5
    client.setMethod(POST)
    assert client.query().convert()["results"]["bindings"] == bindings  # type: ignore[index]
    client.setRequestMethod(POSTDIRECTLY)
    assert client.query().convert()["results"]["bindings"] == bindings  # type: ignore[index]


def test_sparqlwrapper_ask(url: str) -> None:
    client = wrapper(url, "ASK { ?s a skg:Survey }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True  # type: ignore[index]
    client = wrapper(url, "ASK { ?s a skg:Nothing }")
    assert client.queryAndConvert() is not None


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_sparqlwrapper_construct(url: str) -> None:
    client = wrapper(url, CONSTRUCT)
    graph = client.queryAndConvert()  # RDF/XML by default, parsed into an rdflib graph
    assert isinstance(graph, rdflib.Graph) and len(graph) == 5
    client.setReturnFormat(TURTLE)
    turtle = client.queryAndConvert()
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == 5


# ---------------------------------------------------------------- command line


def test_kg_serve_reports_a_missing_store_and_a_busy_port(
    tmp_path: Path, url: str, out: Path
) -> None:
    for extra in ([], ["--in-memory"]):
        result = CliRunner().invoke(app, ["serve", "--out", str(tmp_path), *extra])
        assert result.exit_code != 0 and "kg build" in result.output
    port = url.rsplit(":", 1)[1]
    result = CliRunner().invoke(app, ["serve", "--out", str(out), "--port", port])
    assert result.exit_code != 0 and "cannot listen" in result.output
    assert "Traceback" not in result.output
