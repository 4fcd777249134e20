"""Queries run in worker threads, so that a slow one is abandoned after the timeout, and cut
off at the row cap."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

import pyoxigraph as ox

from kg.prefixes import PREFIXES
from kg.sparql.endpoint.protocol import EndpointError, QueryRequest, looks_like_update

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
T = TypeVar("T")


@dataclass
class Answer:
    """A query's answer, fully read: solutions, a boolean or triples."""

    kind: str  # "solutions", "boolean" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool = False
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False


class Cancelled(Exception):
    """The caller stopped waiting; the worker stops reading results."""


class Runner:
    """Runs queries over one read-only store, at most `workers` at a time."""

    def __init__(self, store: ox.Store, timeout: float, max_rows: int, workers: int = 2) -> None:
        self.store, self.timeout, self.max_rows = store, timeout, max_rows
        self._slots = threading.BoundedSemaphore(workers)

    def run(self, request: QueryRequest) -> Answer:
        """The answer, or EndpointError: 400 bad query, 403 update, 503 timeout or busy."""
        deadline = time.monotonic() + self.timeout
        if not self._slots.acquire(timeout=self.timeout):
            raise EndpointError(503, f"busy: no query slot came free within {self.timeout:g} s")
        box: dict[str, object] = {}
        done, cancel = threading.Event(), threading.Event()
        worker = threading.Thread(target=self._work, args=(request, box, done, cancel), daemon=True)
        worker.start()
        if not done.wait(max(deadline - time.monotonic(), 0.0)):
            cancel.set()
            raise EndpointError(503, f"the query did not finish within {self.timeout:g} s")
        if "error" in box:
            raise box["error"]  # type: ignore[misc]
        return box["answer"]  # type: ignore[return-value]

    def _work(
        self,
        request: QueryRequest,
        box: dict[str, object],
        done: threading.Event,
        cancel: threading.Event,
    ) -> None:
        try:
            box["answer"] = self._evaluate(request, cancel)
        except EndpointError as err:
            box["error"] = err
        except Cancelled:
            pass
        except Exception as err:  # the store's errors reach the client as a 500, never a crash
            box["error"] = EndpointError(500, f"the query failed: {err}")
        finally:
            self._slots.release()
            done.set()

    def _evaluate(self, request: QueryRequest, cancel: threading.Event) -> Answer:
        try:
            result = self.store.query(request.query, prefixes=PREFIXES, **_dataset(request))
        except SyntaxError as err:
            if looks_like_update(request.query):
                raise EndpointError(
                    403, "this endpoint is read-only: updates are refused"
                ) from None
            raise EndpointError(400, f"syntax error: {err}") from None
        if isinstance(result, ox.QueryBoolean):
            return Answer("boolean", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            return self._solutions(result, cancel)
        return self._graph(result, cancel)

    def _solutions(self, result: ox.QuerySolutions, cancel: threading.Event) -> Answer:
        names = [v.value for v in result.variables]
        rows = (tuple(solution[name] for name in names) for solution in result)
        kept, truncated = self._read(rows, cancel)
        return Answer("solutions", variables=names, rows=kept, truncated=truncated)

    def _graph(self, result: ox.QueryTriples, cancel: threading.Event) -> Answer:
        kept, truncated = self._read(result, cancel)
        return Answer("graph", triples=kept, truncated=truncated)

    def _read(self, items: Iterable[T], cancel: threading.Event) -> tuple[list[T], bool]:
        """Up to max_rows items, and whether more were left; stops when the caller cancels."""
        kept: list[T] = []
        for item in items:
            if cancel.is_set():
                raise Cancelled
            if len(kept) == self.max_rows:
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
