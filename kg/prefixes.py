"""The project's SPARQL prefixes as plain strings: querying needs them, not rdflib's start-up cost.

kg.vocab builds its namespaces from these; tests/test_vocab.py checks them against rdflib's.
"""

from __future__ import annotations

PREFIXES: dict[str, str] = {
    "skg": "https://w3id.org/surveykg/ontology#",
    "skgr": "https://w3id.org/surveykg/id/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "cito": "http://purl.org/spar/cito/",
    "fabio": "http://purl.org/spar/fabio/",
    "schema": "https://schema.org/",
    "bibo": "http://purl.org/ontology/bibo/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def sparql_prologue() -> str:
    """`PREFIX` lines for every entry of PREFIXES, sorted, for prepending to SPARQL queries."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in sorted(PREFIXES.items()))
