"""Plain words for a query `kg query` cannot run: an update, an unknown prefix, a syntax error.

The parser's own messages list every character class it would have accepted, down to Unicode
ranges; these checks say what is wrong instead, with the line it is on.
"""

from __future__ import annotations

import re

from kg.prefixes import PREFIXES

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_FORMS = (
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "DROP",
    "CREATE",
    "ADD",
    "MOVE",
    "COPY",
    "WITH",
)
READ_ONLY = "kg query runs read-only queries; updates are not allowed"
_OPAQUE = re.compile(
    r'<[^<>"{}|^`\\\s]*>|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*'
)
_PROLOGUE = re.compile(r"(?i)(?:\s*(?:PREFIX\s+[\w.-]*:|BASE\b))*\s*")
_DECLARED = re.compile(r"(?i)\bPREFIX\s+([\w.-]*):")
_PREFIXED = re.compile(r"(?<![\w?$.:-])((?:[A-Za-z](?:[\w.-]*[\w-])?)?):")
_POSITION = re.compile(r"^error at (\d+):(\d+):\s*")
_CHAR_CLASS = re.compile(r",?\s*\[[^\]]*\]")


class QueryFormError(ValueError):
    """A query that is an update, empty, or not one of the four query forms."""


def blanked(query: str) -> str:
    """The query with IRIs, strings and comments blanked (lines kept), so only syntax remains."""
    return _OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), query)


def check_form(query: str) -> None:
    """Refuse an update or a text that starts with no query form, before anything runs."""
    text = blanked(query)
    rest = text[_PROLOGUE.match(text).end() :]  # type: ignore[union-attr]
    word = re.match(r"[A-Za-z]*", rest).group().upper()  # type: ignore[union-attr]
    if word in UPDATE_FORMS:
        raise QueryFormError(READ_ONLY)
    if not rest.strip():
        raise QueryFormError("the query is empty")
    if word not in QUERY_FORMS:
        line = text.count("\n", 0, len(text) - len(rest)) + 1
        shown = rest.split()[0][:30]
        forms = ", ".join(QUERY_FORMS[:-1]) + f" or {QUERY_FORMS[-1]}"
        raise QueryFormError(
            f"{shown!r} (line {line}) starts no query; a query starts with {forms}"
        )


def unknown_prefix(query: str) -> str | None:
    """`unknown prefix 'foo:' (line 3); known prefixes: …` for the first undeclared prefix used."""
    text = blanked(query)
    known = [*PREFIXES, *(p for p in _DECLARED.findall(text) if p not in PREFIXES)]
    for match in _PREFIXED.finditer(text):
        if match.group(1) not in known:
            line = text.count("\n", 0, match.start()) + 1
            names = ", ".join(known)
            return f"unknown prefix '{match.group(1)}:' (line {line}); known prefixes: {names}"
    return None


def syntax_message(query: str, error: str) -> str:
    """The parser's complaint in words: an unknown prefix named, else its position and the tokens
    it expected, without the character classes."""
    return unknown_prefix(query) or _tidy(error)


def _tidy(error: str) -> str:
    text = " ".join(error.split())
    where = ""
    position = _POSITION.match(text)
    if position:
        where = f" (line {position.group(1)}, column {position.group(2)})"
        text = text[position.end() :]
    text = _CHAR_CLASS.sub("", text).replace("one of ,", "one of").rstrip(", ")
    return f"syntax error{where}: {text}"
