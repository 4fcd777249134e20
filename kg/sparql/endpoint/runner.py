"""Queries run in a small pool of worker processes: one past the timeout is killed (its worker
replaced), the queue of waiting queries is bounded, answers are cut at the row cap and each
worker's memory is capped."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pyoxigraph as ox

from kg.prefixes import PREFIXES
from kg.sparql.endpoint.pool import Pool, Worker
from kg.sparql.endpoint.protocol import EndpointError, QueryRequest, looks_like_update

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
T = TypeVar("T")
MB = 1 << 20


@dataclass
class Answer:
    """A query's answer, fully read: solutions, a boolean or triples."""

    kind: str  # "solutions", "boolean" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool = False
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False


@dataclass
class Evaluator:
    """What a worker runs: the store (or how to open it, once per worker) and the row cap."""

    source: Any  # a store, or a callable that opens one inside the worker
    max_rows: int
    _store: Any = None

    def store(self) -> Any:
        """The worker's store, opened on its first query when given as an opener."""
        if self._store is None:
            self._store = self.source if hasattr(self.source, "query") else self.source()
        return self._store

    def __call__(self, request: QueryRequest) -> tuple[int, object]:
        """(0, answer) or (status, message): exceptions with arguments do not pickle well."""
        try:
            return 0, evaluate(self.store(), request, self.max_rows)
        except EndpointError as err:
            return err.status, err.message


class Runner:
    """Runs queries over one read-only store in `workers` processes; at most `waiting` more
    queries wait for a free worker, later ones are answered 503 at once."""

    def __init__(
        self,
        store: Any,
        timeout: float,
        max_rows: int,
        workers: int = 2,
        waiting: int = 8,
        memory_mb: int | None = 2048,
    ) -> None:
        self.timeout, self.max_rows, self.waiting = timeout, max_rows, waiting
        memory = memory_mb * MB if memory_mb else None
        self.pool = Pool(Evaluator(store, max_rows), workers, memory)
        self._waiting = 0
        self._lock = threading.Lock()

    def run(self, request: QueryRequest) -> Answer:
        """The answer, or EndpointError: 400 bad query, 403 update, 503 timeout or busy."""
        if looks_like_update(request.query):  # refused before it takes a worker's turn
            raise EndpointError(403, "this endpoint is read-only: updates are refused")
        worker = self._worker()
        try:
            status, payload = self._ask(worker, request)
        except BaseException:
            self.pool.replace(worker)
            raise
        self.pool.release(worker)
        if status:
            raise EndpointError(status, str(payload))
        return payload  # type: ignore[return-value]

    def _worker(self) -> Worker:
        """A free worker, waiting at most the timeout, in a queue of bounded length."""
        with self._lock:
            if self._waiting >= self.waiting:
                raise EndpointError(503, "busy: too many queries are waiting")
            self._waiting += 1
        try:
            worker = self.pool.acquire(self.timeout)
        finally:
            with self._lock:
                self._waiting -= 1
        if worker is None:
            raise EndpointError(503, f"busy: no worker came free within {self.timeout:g} s")
        return worker

    def _ask(self, worker: Worker, request: QueryRequest) -> tuple[int, object]:
        """Send the query and wait for the answer; past the timeout the caller kills the worker."""
        try:
            worker.conn.send(request)
            if not worker.conn.poll(self.timeout):
                raise EndpointError(503, f"the query did not finish within {self.timeout:g} s")
            reply = worker.conn.recv()
        except (EOFError, OSError):
            raise EndpointError(503, "the query stopped its worker (out of memory?)") from None
        if isinstance(reply, MemoryError):
            raise EndpointError(503, str(reply))
        if isinstance(reply, Exception):
            raise EndpointError(500, f"the query failed: {reply}")
        return reply  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop every worker."""
        self.pool.close()


def evaluate(store: Any, request: QueryRequest, max_rows: int) -> Answer:
    """Run the query and read its answer up to the row cap."""
    try:
        result = store.query(request.query, prefixes=PREFIXES, **_dataset(request))
    except SyntaxError as err:
        if looks_like_update(request.query):
            raise EndpointError(403, "this endpoint is read-only: updates are refused") from None
        raise EndpointError(400, f"syntax error: {err}") from None
    if isinstance(result, ox.QueryBoolean):
        return Answer("boolean", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = (tuple(solution[name] for name in names) for solution in result)
        kept, truncated = _read(rows, max_rows)
        return Answer("solutions", variables=names, rows=kept, truncated=truncated)
    triples, truncated = _read(result, max_rows)
    return Answer("graph", triples=triples, truncated=truncated)


def _read(items: Iterable[T], max_rows: int) -> tuple[list[T], bool]:
    """Up to max_rows items, and whether more were left: memory stays bounded by the cap."""
    kept: list[T] = []
    for item in items:
        if len(kept) == max_rows:
            return kept, True
        kept.append(item)
    return kept, False


def _dataset(request: QueryRequest) -> dict[str, object]:
    """The protocol's dataset parameters; without them, the store's default graph, which holds
    the union of all graphs (as for kg query)."""
    try:
        named = [ox.NamedNode(iri) for iri in request.named_graphs]
        default = [ox.NamedNode(iri) for iri in request.default_graphs]
    except ValueError as err:
        raise EndpointError(400, f"bad graph IRI: {err}") from None
    if not default and not named:
        return {}
    return {"default_graph": default or None, "named_graphs": named or None}

