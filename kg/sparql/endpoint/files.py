"""The build's output files over HTTP: safe path resolution, content types, the index page."""

from __future__ import annotations

import html
import mimetypes
import urllib.parse
from pathlib import Path

from kg.sparql.params import examples
from kg.sparql.query import SavedQuery, bind
from kg.sparql.store import STORE_DIR

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".ttl": "text/turtle; charset=utf-8",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".jsonld": "application/ld+json",
    ".json": "application/json",
    ".jsonl": "application/jsonl",
    ".rq": "application/sparql-query",
    ".csv": "text/csv; charset=utf-8",
    ".tsv": "text/tab-separated-values; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
}


def resolve(root: Path, url_path: str) -> Path | None:
    """The file a URL path names inside `root`, or None: no hidden names, no `..`, nothing
    outside root (symbolic links included), not the store's database files."""
    parts = urllib.parse.unquote(url_path.split("?", 1)[0]).split("/")
    segments = [p for p in parts if p]
    if not segments or any(_refused(s) for s in segments) or segments[0] == STORE_DIR:
        return None
    base = root.resolve()
    try:
        path = base.joinpath(*segments).resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        return None
    if not path.is_relative_to(base) or not path.is_file():
        return None
    return path


def _refused(segment: str) -> bool:
    return segment.startswith(".") or "\\" in segment or "\x00" in segment


def content_type(path: Path) -> str:
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def listing(root: Path) -> list[Path]:
    """The files the index lists: visible ones, not the store, nested folders included."""
    base = root.resolve()
    found = []
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base)
        if path.is_file() and relative.parts[0] != STORE_DIR and not _hidden(relative):
            found.append(relative)
    return found


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def index_page(root: Path, endpoint: str, queries: list[SavedQuery]) -> bytes:
    """A small page: the outputs, a query box, and each saved query runnable with its example."""
    files = "".join(_file_item(root, f) for f in listing(root)) or "<li>(no outputs yet)</li>"
    saved = "".join(_query_item(endpoint, q) for q in queries)
    body = (
        "<h1>surveykg</h1>"
        f"<h2>Outputs</h2><ul>{files}</ul>"
        f"<h2>SPARQL</h2><p>Endpoint: <code>{html.escape(endpoint)}</code> "
        "(SPARQL 1.1 Protocol, read-only; the project's prefixes are predeclared)</p>"
        f"<form action='{html.escape(endpoint)}' method='get'>"
        "<textarea name='query' rows='8' cols='90'>SELECT ?survey ?title WHERE {\n"
        "  ?s a skg:Survey ; dcterms:identifier ?survey ; dcterms:title ?title\n"
        "} ORDER BY ?survey</textarea><br><button>Run</button></form>"
        f"<h2>Saved queries</h2><ul>{saved}</ul>"
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>surveykg</title></head>"
        f"<body>{body}</body></html>"
    ).encode()


def _file_item(root: Path, relative: Path) -> str:
    size = (root / relative).stat().st_size
    href = urllib.parse.quote(relative.as_posix())
    return f"<li><a href='/{href}'>{html.escape(relative.as_posix())}</a> ({size:,} bytes)</li>"


def _query_item(endpoint: str, query: SavedQuery) -> str:
    text = query.text
    href = f"{endpoint}?{urllib.parse.urlencode({'query': bind(text, examples(text))})}"
    return (
        f"<li><a href='{html.escape(href)}'>{html.escape(query.name)}</a>: "
        f"{html.escape(query.question)}</li>"
    )
