"""Content negotiation: which result or graph format a client gets, from Accept or `format`."""

from __future__ import annotations

from dataclasses import dataclass

# Offers in order of preference: the first is the default for `*/*` or no Accept header.
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/html": "html",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
    "application/json": "jsonld",
    "text/html": "html",
}
# Short names for the `format` parameter (as Virtuoso and SPARQLWrapper use it): results, graphs.
FORMAT_NAMES: dict[str, tuple[str, str]] = {
    "json": ("json", "jsonld"),
    "xml": ("xml", "rdfxml"),
    "csv": ("csv", "ntriples"),
    "tsv": ("tsv", "ntriples"),
    "html": ("html", "html"),
    "turtle": ("json", "turtle"),
    "ttl": ("json", "turtle"),
    "n3": ("json", "turtle"),
    "ntriples": ("json", "ntriples"),
    "nt": ("json", "ntriples"),
    "json-ld": ("json", "jsonld"),
    "jsonld": ("json", "jsonld"),
    "rdf+xml": ("xml", "rdfxml"),
    "rdfxml": ("xml", "rdfxml"),
}


@dataclass(frozen=True)
class Range:
    """One media range of an Accept header."""

    kind: str
    q: float

    def specificity(self, media_type: str) -> int:
        """How closely the range names the type (2 exact, 1 `type/*`, 0 `*/*`; -1 no match)."""
        if self.kind == media_type:
            return 2
        if self.kind == "*/*":
            return 0
        if self.kind.endswith("/*") and media_type.startswith(self.kind[:-1]):
            return 1
        return -1


def parse_accept(header: str) -> list[Range]:
    ranges = []
    for item in header.split(","):
        kind, *params = (part.strip() for part in item.split(";"))
        if not kind:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                q = _quality(value)
        ranges.append(Range(kind.lower(), q))
    return ranges


def _quality(value: str) -> float:
    try:
        return min(max(float(value), 0.0), 1.0)
    except ValueError:
        return 0.0


def choose(accept: str | None, graph: bool, formats: tuple[str, ...] = ()) -> str | None:
    """The format to answer in (a graph's or solutions'): a known `format` parameter wins, then
    the Accept header (by q-value, then by our order); None when no offer is acceptable."""
    offers = GRAPH_TYPES if graph else RESULT_TYPES
    for name in formats:
        picked = _by_name(name.strip().lower(), offers, graph)
        if picked:
            return picked
    ranges = parse_accept(accept or "")
    if not ranges:
        return next(iter(offers.values()))
    best, best_q = None, 0.0
    for media_type, fmt in offers.items():
        q = _q_for(media_type, ranges)
        if q > best_q:
            best, best_q = fmt, q
    return best


def _by_name(name: str, offers: dict[str, str], graph: bool) -> str | None:
    if name in offers:
        return offers[name]
    if name in FORMAT_NAMES:
        return FORMAT_NAMES[name][1 if graph else 0]
    return None


def _q_for(media_type: str, ranges: list[Range]) -> float:
    """The q-value of the most specific range that matches the type."""
    matching = [(r.specificity(media_type), r.q) for r in ranges if r.specificity(media_type) >= 0]
    return max(matching)[1] if matching else 0.0
