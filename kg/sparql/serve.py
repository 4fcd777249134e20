"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the embedded store, and the build's
output files, from the standard library's threading HTTP server.

`/sparql` takes GET `?query=`, POST forms and POST `application/sparql-query`; updates are
refused with 403. The default graph is the union of all graphs, as for `kg query`, unless the
request names `default-graph-uri`/`named-graph-uri`. Queries run in a small pool of worker
processes; one that runs past the timeout is answered 503 and its worker killed and replaced.
An answer longer than the row cap is cut there and marked with the header
`X-Result-Truncated: true` (still a valid document, so clients can read what came). Every other
path serves a file of the output folder; `/` is an index of them.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.sparql.endpoint import files, negotiate, protocol, results
from kg.sparql.endpoint.protocol import EndpointError, QueryRequest
from kg.sparql.endpoint.runner import Answer, Runner
from kg.sparql.query import saved_queries
from kg.sparql.store import in_memory, open_store

ENDPOINT = "/sparql"
MAX_BODY = 1 << 20  # bytes of a POST body: far more than any hand-written query


@dataclass
class Settings:
    """What the handler needs: the output folder, the query runner, whether to log requests."""

    out: Path
    runner: Runner
    quiet: bool = False


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], settings: Settings) -> None:
        self.settings = settings  # first: a failed bind calls server_close, which needs it
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def server_close(self) -> None:
        """Close the socket and stop the query workers, so that none outlives the server."""
        super().server_close()
        self.settings.runner.close()


def make_server(
    out: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    max_rows: int = 100_000,
    quiet: bool = False,
    memory: bool = False,
) -> SparqlServer:
    """A server bound and ready (port 0 picks a free one); StoreError when there is no store.
    With `memory`, queries run on an in-memory copy of the store."""
    store = open_store(out)
    source = in_memory(store) if memory else partial(open_store, out)
    del store  # each worker opens its own read-only handle (or shares the copy, when in memory)
    runner = Runner(source, timeout, max_rows)
    try:
        return SparqlServer((host, port), Settings(out, runner, quiet))
    except BaseException:
        runner.close()
        raise


class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "surveykg"

    def do_GET(self) -> None:
        """The endpoint for `/sparql`, otherwise the index page or an output file."""
        path, _, query_string = self.path.partition("?")
        if path == ENDPOINT:
            self._guard(lambda: self._query(protocol.from_get(query_string)))
        else:
            self._file(path, head=False)

    def do_HEAD(self) -> None:
        """Files only: the endpoint's answers depend on running the query."""
        path = self.path.partition("?")[0]
        if path == ENDPOINT:
            self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"", "text/plain", {"Allow": "GET, POST"})
        else:
            self._file(path, head=True)

    def do_POST(self) -> None:
        """Forms and `application/sparql-query` bodies to `/sparql`."""
        path, _, query_string = self.path.partition("?")
        if path != ENDPOINT:
            self._error(405, f"POST goes to {ENDPOINT}")
            return
        self._guard(lambda: self._query(self._post_request(query_string)))

    def do_OPTIONS(self) -> None:
        """CORS preflight, so that browser-based SPARQL clients can call the endpoint."""
        headers = {"Allow": "GET, HEAD, POST, OPTIONS", "Access-Control-Max-Age": "3600"}
        headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain", headers)

    def _read_only(self) -> None:
        self._error(405, "read-only: this server does not change the graph")

    do_PUT = do_DELETE = do_PATCH = _read_only

    # ------------------------------------------------------------------ the endpoint

    def _post_request(self, query_string: str) -> QueryRequest:
        length = self._length()
        body = self.rfile.read(length)
        return protocol.from_post(self.headers.get("Content-Type", ""), body, query_string)

    def _length(self) -> int:
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            raise EndpointError(400, "bad Content-Length") from None
        if length > MAX_BODY:
            raise EndpointError(413, f"the request body is larger than {MAX_BODY} bytes")
        return max(length, 0)

    def _query(self, request: QueryRequest | None) -> None:
        if request is None:
            self._index()
            return
        answer = self.server.settings.runner.run(request)
        graph = answer.kind == "graph"
        fmt = negotiate.choose(self.headers.get("Accept"), graph, request.formats)
        if fmt is None:
            offers = negotiate.GRAPH_TYPES if graph else negotiate.RESULT_TYPES
            accepted = self.headers.get("Accept")
            raise EndpointError(406, f"cannot answer in {accepted}; offered: {', '.join(offers)}")
        body, kind = results.write(answer, fmt)
        self._send(HTTPStatus.OK, body, kind, _answer_headers(answer))

    def _guard(self, action: Callable[[], None]) -> None:
        """Run the action; an EndpointError becomes its status and message."""
        try:
            action()
        except EndpointError as err:
            self._error(err.status, err.message)

    # ------------------------------------------------------------------ files

    def _index(self) -> None:
        out = self.server.settings.out
        page = files.index_page(out, ENDPOINT, saved_queries())
        self._send(HTTPStatus.OK, page, "text/html; charset=utf-8")

    def _file(self, path: str, head: bool) -> None:
        if (
            path in ("", "/", "/index.html")
            and files.resolve(self.server.settings.out, path) is None
        ):
            self._index()
            return
        found = files.resolve(self.server.settings.out, path)
        if found is None:
            self._error(404, f"not found: {path}")
            return
        size = found.stat().st_size
        self._start(HTTPStatus.OK, files.content_type(found), size, {})
        if not head:
            with found.open("rb") as handle:
                shutil.copyfileobj(handle, self.wfile)

    # ------------------------------------------------------------------ responses

    def _error(self, status: int, message: str) -> None:
        self._send(HTTPStatus(status), f"{message}\n".encode(), "text/plain; charset=utf-8")

    def _send(
        self, status: HTTPStatus, body: bytes, kind: str, headers: dict[str, str] | None = None
    ) -> None:
        self._start(status, kind, len(body), headers or {})
        if self.command != "HEAD":
            self.wfile.write(body)

    def _start(self, status: HTTPStatus, kind: str, length: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(length))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        if not self.server.settings.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


def _answer_headers(answer: Answer) -> dict[str, str]:
    headers = {"Vary": "Accept", "Cache-Control": "no-store"}
    if answer.truncated:
        headers["X-Result-Truncated"] = "true"
    return headers


def serve(server: SparqlServer) -> None:
    """Serve until interrupted, then close the socket."""
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
