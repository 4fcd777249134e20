"""SPARQL over the embedded store or a remote endpoint, saved queries, and result formats."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.prefixes import PREFIXES, sparql_prologue
from kg.sparql.check import QueryFormError, check_form, syntax_message
from kg.sparql.params import ParameterError, check
from kg.sparql.store import open_store
from kg.util.resources import data_path
from kg.util.table import table

QUERIES_DIR = data_path("ontology", "queries")
FORMATS = ("table", "csv", "tsv", "json")
RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}
ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/sparql-results+json;q=0.5"
_PROLOGUE_ITEM = r"\s*(?:#[^\n]*\n|PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)"
_GRAPH_FORM = re.compile(rf"(?is)^(?:{_PROLOGUE_ITEM})*\s*(CONSTRUCT|DESCRIBE)\b")


class QueryError(Exception):
    """A query that cannot be run: syntax (with line and column), missing file, endpoint failure."""


class RemoteError(QueryError):
    """The endpoint could not be reached or refused the query."""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    question: str
    path: Path

    @property
    def text(self) -> str:
        return self.path.read_text("utf-8")


def saved_queries(folder: Path = QUERIES_DIR) -> list[SavedQuery]:
    """The queries shipped in ontology/queries/, each with the question its header states."""
    return [SavedQuery(p.stem, _question(p), p) for p in sorted(folder.glob("*.rq"))]


def _question(path: Path) -> str:
    for line in path.read_text("utf-8").splitlines():
        match = re.match(r"#\s*(?:Question:)?\s*(.+)", line)
        if match:
            return match.group(1).strip()
    return ""


def load_query(ref: str, folder: Path = QUERIES_DIR) -> str:
    """`@name` for a saved query, a path to a .rq file, or the query text itself."""
    if ref.startswith("@"):
        path = folder / f"{ref[1:]}.rq"
        if not path.exists():
            names = ", ".join(q.name for q in saved_queries(folder))
            raise QueryError(f"no saved query {ref!r}; saved queries are: {names}")
        return path.read_text("utf-8")
    if ref.endswith(".rq"):
        path = Path(ref)
        if not path.exists():
            raise QueryError(f"{ref}: no such query file")
        return path.read_text("utf-8")
    return ref


def label(ref: str) -> str:
    """How messages name the query: `@name`, the .rq file, or `the query`."""
    return ref if ref.startswith("@") or ref.endswith(".rq") else "the query"


def prepare(ref: str, values: dict[str, str], run: Callable[[str], object]) -> str:
    """The query bound to its parameters, after refusing updates, texts that are no query, and
    parameters that do not fit its header: each would otherwise end in a parser dump or no rows."""
    text = load_query(ref)
    try:
        check_form(text)
        check(label(ref), text, values, lambda sparql: _values(run(sparql)))
    except (QueryFormError, ParameterError) as err:
        raise QueryError(str(err)) from None
    return bind(text, values)


def _values(result: object) -> list[str]:
    """The ?value column of a SELECT answer."""
    return [s["value"].value for s in result if s["value"] is not None]  # type: ignore[attr-defined]


def runner(endpoint: str | None, out: Path) -> Callable[[str], object]:
    """Runs queries on the endpoint if given, else on the store built in `out` (StoreError if none)."""
    if endpoint:
        return lambda text: run_remote(endpoint, text)
    store = open_store(out)
    return lambda text: run_local(store, text)


def bind(query: str, values: dict[str, str]) -> str:
    """Replace `$name` placeholders (a saved query's parameters) with SPARQL string literals."""
    for name, value in values.items():
        literal = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        query = query.replace(f"${name}", literal)
    return query


def run_local(store: ox.Store, query: str) -> object:
    """Run against the embedded store with the project's prefixes predeclared; the store's default
    graph is the union of all named graphs (one per list), as on most SPARQL servers."""
    try:
        return store.query(query, prefixes=PREFIXES)
    except SyntaxError as err:
        raise QueryError(syntax_message(query, str(err))) from None


def run_remote(endpoint: str, query: str, timeout: float = 60.0) -> object:
    """SPARQL 1.1 Protocol: POST the query (with the prefixes prepended) and parse the answer."""
    if not endpoint.startswith(("http://", "https://")):
        raise QueryError(f"{endpoint}: an endpoint must be an http(s) URL")
    full = _with_prologue(query)
    data = urllib.parse.urlencode({"query": full}).encode()
    request = urllib.request.Request(
        endpoint,
        data=data,
        headers={
            "Accept": GRAPH_ACCEPT if _GRAPH_FORM.match(query) else ACCEPT,
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body, kind = response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace")[:500]
        raise RemoteError(f"{endpoint} answered {err.code}: {detail}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        raise RemoteError(f"{endpoint}: cannot reach the endpoint ({err})") from None
    return _parse_answer(body, kind)


def _with_prologue(query: str) -> str:
    """Prefixes the query does not declare itself, then the query."""
    declared = {m.lower() for m in re.findall(r"(?i)PREFIX\s+([\w-]*):", query)}
    lines = [
        ln for ln in sparql_prologue().splitlines() if ln.split()[1][:-1].lower() not in declared
    ]
    return "\n".join([*lines, query])


def _parse_answer(body: bytes, content_type: str) -> object:
    if "sparql-results+json" in content_type or content_type == "application/json":
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    if "sparql-results+xml" in content_type:
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
    fmt = ox.RdfFormat.from_media_type(content_type) or ox.RdfFormat.N_TRIPLES
    return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=fmt)]


def render(result: object, fmt: str = "table") -> str:
    """Solutions as an aligned table, CSV, TSV or SPARQL-JSON; ASK as true/false; graphs as Turtle."""
    if isinstance(result, (ox.QueryBoolean, bool)):
        value = "true" if bool(result) else "false"
        return json.dumps({"head": {}, "boolean": bool(result)}) if fmt == "json" else value
    if isinstance(result, ox.QuerySolutions):
        if fmt == "table":
            return _table(result)
        return result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8")
    triples = list(result)  # type: ignore[call-overload]
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")


def _table(solutions: ox.QuerySolutions) -> str:
    names = [v.value for v in solutions.variables]
    rows = [[_short(s[name]) for name in names] for s in solutions]
    return table(names, rows) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})"


def _short(term: object) -> str:
    """A term as a reader wants it: compact IRIs, plain literal values."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, base in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if term.value.startswith(base):
                return f"{prefix}:{term.value[len(base) :]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)
