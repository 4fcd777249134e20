"""`kg publish`: copy the built graph into a SPARQL server, one named graph per list.

Two ways in, because servers differ in what they accept: the Graph Store Protocol (HTTP PUT of
N-Triples, then POST for further chunks) and SPARQL 1.1 Update (`CLEAR` then `INSERT DATA` in
chunks). Statements that belong to no list (works, people, venues, derived relations) go to one
more graph, by default `skgr:graph`, or to the server's default graph with `--graph default`.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox

from kg.prefixes import PREFIXES
from kg.sparql.auth import Credentials
from kg.sparql.store import own_default_graph

METHODS = ("gsp", "update")
DEFAULT_GRAPH = "default"
SHARED_GRAPH = f"{PREFIXES['skgr']}graph"
# Triples per request. Virtuoso refuses an INSERT DATA much larger than 1,000 triples (it caps
# the SQL it translates a query into at 10,000 lines).
BATCH = {"gsp": 10000, "update": 1000}


class PublishError(Exception):
    """The server refused or could not be reached; the message says which request and why."""


@dataclass(frozen=True)
class Target:
    """Where and how to publish."""

    endpoint: str
    method: str = "gsp"
    graph: str = SHARED_GRAPH
    user: str | None = None
    password: str | None = None
    batch: int | None = None
    timeout: float = 300.0


@dataclass
class PublishReport:
    """Triples sent per graph (None: the server's default graph), requests made, seconds."""

    graphs: dict[str | None, int] = field(default_factory=dict)
    requests: int = 0
    seconds: float = 0.0

    @property
    def summary(self) -> str:
        lines = [f"  {name or 'default graph'}: {n} triples" for name, n in self.graphs.items()]
        total = sum(self.graphs.values())
        lines.append(
            f"published {total} triples in {len(self.graphs)} graphs "
            f"({self.requests} requests, {self.seconds:.1f} s)"
        )
        return "\n".join(lines)


def publish(store: ox.Store, target: Target) -> PublishReport:
    """Replace each graph on the server with the store's version of it."""
    _check(target)
    client = Client(target)
    report = PublishReport()
    started = time.perf_counter()
    send = _gsp if target.method == "gsp" else _update
    for source, name in _graphs(store, target):
        report.graphs[name] = 0
        for count in send(client, name, _triples(store, source)):
            report.graphs[name] += count
    report.requests = client.requests
    report.seconds = time.perf_counter() - started
    return report


def _check(target: Target) -> None:
    if not target.endpoint.startswith(("http://", "https://")):
        raise PublishError(f"{target.endpoint}: an endpoint must be an http(s) URL")
    if target.method not in METHODS:
        raise PublishError(f"unknown method {target.method!r}; choose from {', '.join(METHODS)}")
    if target.batch is not None and target.batch < 1:
        raise PublishError("the batch size must be at least 1")
    if target.graph != DEFAULT_GRAPH and not target.graph.startswith(("http://", "https://")):
        raise PublishError(
            f"--graph takes an http(s) IRI or the word 'default', not {target.graph!r}"
        )


def _graphs(
    store: ox.Store, target: Target
) -> Iterator[tuple[ox.NamedNode | ox.DefaultGraph, str | None]]:
    """The store's default graph (sent to --graph), then its named graphs in IRI order."""
    yield ox.DefaultGraph(), None if target.graph == DEFAULT_GRAPH else target.graph
    names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    for name in names:
        yield ox.NamedNode(name), name


def _triples(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> Iterator[ox.Triple]:
    if isinstance(graph, ox.DefaultGraph):
        yield from own_default_graph(store)  # the named graphs are sent on their own
        return
    for quad in store.quads_for_pattern(None, None, None, graph):
        yield ox.Triple(quad.subject, quad.predicate, quad.object)


def _chunks(triples: Iterable[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    """Batches of at most `size` triples; one empty batch for an empty graph (to clear it)."""
    iterator = iter(triples)
    first = list(islice(iterator, size))
    yield first
    while chunk := list(islice(iterator, size)):
        yield chunk


def _ntriples(chunk: list[ox.Triple]) -> bytes:
    return ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES) if chunk else b""


def _gsp(client: Client, name: str | None, triples: Iterable[ox.Triple]) -> Iterator[int]:
    """PUT the first chunk (replacing the graph), POST the others (adding to it)."""
    url = _graph_url(client.target.endpoint, name)
    for index, chunk in enumerate(_chunks(triples, client.batch)):
        method = "PUT" if index == 0 else "POST"
        headers = {"Content-Type": "application/n-triples; charset=utf-8"}
        client.send(url, method, _ntriples(chunk), headers, name)
        yield len(chunk)


def _graph_url(endpoint: str, name: str | None) -> str:
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if name is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': name})}"


def _update(client: Client, name: str | None, triples: Iterable[ox.Triple]) -> Iterator[int]:
    """CLEAR the graph, then INSERT DATA chunk by chunk."""
    headers = {"Content-Type": "application/sparql-update; charset=utf-8"}
    clear = "CLEAR SILENT DEFAULT" if name is None else f"CLEAR SILENT GRAPH <{name}>"
    client.send(client.target.endpoint, "POST", clear.encode(), headers, name)
    for chunk in _chunks(triples, client.batch):
        if chunk:
            body = _insert_data(_ntriples(chunk).decode("utf-8"), name)
            client.send(client.target.endpoint, "POST", body.encode(), headers, name)
        yield len(chunk)


def _insert_data(ntriples: str, name: str | None) -> str:
    if name is None:
        return f"INSERT DATA {{\n{ntriples}}}"
    return f"INSERT DATA {{ GRAPH <{name}> {{\n{ntriples}}} }}"


class Client:
    """Sends the requests of one publication, authorised up front when credentials are given."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self.batch = target.batch or BATCH[target.method]
        self.opener = urllib.request.build_opener()
        self.requests = 0
        self.credentials = (
            Credentials(target.endpoint, target.user, target.password or "")
            if target.user is not None
            else None
        )

    def send(
        self, url: str, method: str, body: bytes, headers: dict[str, str], name: str | None
    ) -> None:
        """One request; retried once on a fresh challenge (a stale digest nonce)."""
        if self.credentials is not None and not self.credentials.ready:
            self._login(self.credentials, url)
        for attempt in (1, 2):
            try:
                self._open(url, method, body, headers)
                return
            except urllib.error.HTTPError as err:
                if attempt == 1 and err.code == 401 and self._relearn(err):
                    continue
                raise _refused(err, method, url, name) from None
            except (urllib.error.URLError, TimeoutError, OSError, ValueError) as err:
                if attempt == 1 and self.credentials is not None:
                    self.credentials.probe(self.opener, url, self.target.timeout)
                    continue
                raise _unreachable(err, method, url, name) from None

    def _login(self, credentials: Credentials, url: str) -> None:
        """Learn the challenge, then check the credentials with a bodiless request."""
        credentials.probe(self.opener, url, self.target.timeout)
        request = urllib.request.Request(url, method="HEAD")
        credentials.authorize(request)
        try:
            with self.opener.open(request, timeout=self.target.timeout):
                pass
        except urllib.error.HTTPError as err:
            if err.code == 401:
                raise PublishError(
                    f"{url} answered 401: authentication failed: check --user and --password"
                ) from None
        except (urllib.error.URLError, TimeoutError, OSError, ValueError):
            pass  # the request itself reports what is wrong

    def _open(self, url: str, method: str, body: bytes, headers: dict[str, str]) -> None:
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        if self.credentials is not None:
            self.credentials.authorize(request)
        self.requests += 1
        with self.opener.open(request, timeout=self.target.timeout) as response:
            response.read()

    def _relearn(self, err: urllib.error.HTTPError) -> bool:
        return self.credentials is not None and self.credentials.learn(err.headers)


def _unreachable(err: Exception, method: str, url: str, name: str | None) -> PublishError:
    reason = getattr(err, "reason", err)
    where = name or "the default graph"
    return PublishError(f"{method} {url} ({where}): cannot reach the server ({reason})")


def _refused(err: urllib.error.HTTPError, method: str, url: str, name: str | None) -> PublishError:
    detail = _plain(err.read().decode("utf-8", "replace"))[:500]
    if err.code == 401:
        detail = "authentication failed or required: check --user and --password"
    hint = " (a server without a writable default graph needs --graph IRI)" if not name else ""
    where = name or "the default graph"
    return PublishError(f"{method} {url} ({where}) answered {err.code}: {detail}{hint}")


def _plain(body: str) -> str:
    """An error page as one line of text (servers often answer in HTML)."""
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())
