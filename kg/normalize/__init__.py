"""Normalisation of the messy strings found in curated paper lists."""

from kg.normalize.authors import person_key, split_authors
from kg.normalize.identifiers import (
    classify_url,
    identifiers_from_text,
    identifiers_from_url,
    safe_url,
)
from kg.normalize.text import clean_text, looks_mojibake, repair_text, slugify, title_key
from kg.normalize.venues import is_peer_reviewed, parse_venue

__all__ = [
    "classify_url",
    "clean_text",
    "identifiers_from_text",
    "identifiers_from_url",
    "is_peer_reviewed",
    "looks_mojibake",
    "parse_venue",
    "person_key",
    "repair_text",
    "safe_url",
    "slugify",
    "split_authors",
    "title_key",
]
