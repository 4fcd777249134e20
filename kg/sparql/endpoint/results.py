"""An answer written in the negotiated format: SPARQL results (JSON, XML, CSV, TSV, HTML) or an
RDF graph (Turtle, N-Triples, JSON-LD, RDF/XML, HTML)."""

from __future__ import annotations

import html
import json

import pyoxigraph as ox

from kg.prefixes import PREFIXES
from kg.sparql.endpoint.runner import Answer, Term

RESULT_FORMATS = {
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


def write(answer: Answer, fmt: str) -> tuple[bytes, str]:
    """The body and its Content-Type."""
    if answer.kind == "graph":
        body = _graph_html(answer) if fmt == "html" else _graph(answer, fmt)
    elif fmt == "html":
        body = _results_html(answer)
    else:
        body = _results(answer, fmt)
    return body, MEDIA_TYPES[fmt]


def _results(answer: Answer, fmt: str) -> bytes:
    """SPARQL-JSON written here; the other formats converted from it by pyoxigraph."""
    document = json.dumps(_results_json(answer), ensure_ascii=False).encode("utf-8")
    if fmt == "json":
        return document
    parsed = ox.parse_query_results(document, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=RESULT_FORMATS[fmt])


def _results_json(answer: Answer) -> dict[str, object]:
    if answer.kind == "boolean":
        return {"head": {}, "boolean": answer.boolean}
    bindings = [
        {
            name: _term(term)
            for name, term in zip(answer.variables, row, strict=True)
            if term is not None
        }
        for row in answer.rows
    ]
    return {"head": {"vars": answer.variables}, "results": {"bindings": bindings}}


def _term(term: Term) -> dict[str, object]:
    """One RDF term as SPARQL 1.1 Query Results JSON writes it."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        parts = zip(("subject", "predicate", "object"), term, strict=True)
        return {"type": "triple", "value": {k: _term(v) for k, v in parts}}
    out: dict[str, object] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _graph(answer: Answer, fmt: str) -> bytes:
    prefixes = None if fmt in ("ntriples", "jsonld") else PREFIXES
    return ox.serialize(answer.triples, format=GRAPH_FORMATS[fmt], prefixes=prefixes) or b""


def _results_html(answer: Answer) -> bytes:
    if answer.kind == "boolean":
        return _page("ASK", f"<p>{'true' if answer.boolean else 'false'}</p>")
    head = "".join(f"<th>{html.escape(n)}</th>" for n in answer.variables)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_plain(t))}</td>" for t in row) + "</tr>"
        for row in answer.rows
    )
    note = "<p>(truncated)</p>" if answer.truncated else ""
    count = f"<p>{len(answer.rows)} rows</p>"
    return _page("results", f"{count}<table><tr>{head}</tr>{rows}</table>{note}")


def _graph_html(answer: Answer) -> bytes:
    turtle = _graph(answer, "turtle").decode("utf-8")
    return _page("graph", f"<pre>{html.escape(turtle)}</pre>")


def _plain(term: Term | None) -> str:
    if term is None:
        return ""
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)


def _page(title: str, body: str) -> bytes:
    style = "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{style}</style></head><body>{body}</body></html>"
    ).encode()
