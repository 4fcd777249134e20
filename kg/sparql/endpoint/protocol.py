"""SPARQL 1.1 Protocol requests: the query and dataset from GET or POST, and what to refuse."""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted"
UPDATE_WORDS = re.compile(
    r"^\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


class EndpointError(Exception):
    """A request answered with an HTTP error status and a plain-text message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class QueryRequest:
    """What to run: the query, the protocol's dataset parameters and any `format` asked for."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()


def from_get(query_string: str) -> QueryRequest | None:
    """The request a GET carries; None when it carries no query (the caller shows a form)."""
    params = _params(query_string)
    if "update" in params:
        raise EndpointError(403, READ_ONLY)
    if "query" not in params:
        return None
    return _request(params)


def from_post(content_type: str, body: bytes, query_string: str) -> QueryRequest:
    """The request a POST carries: a form with `query=`, or the query itself as the body."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == UPDATE_BODY:
        raise EndpointError(403, READ_ONLY)
    if kind == FORM:
        params = _params(query_string) | _params(_text(body))
        if "update" in params:
            raise EndpointError(403, READ_ONLY)
        if "query" not in params:
            raise EndpointError(400, "the form has no `query` field")
        return _request(params)
    if kind == QUERY_BODY:
        params = _params(query_string)
        params["query"] = [_text(body)]
        return _request(params)
    raise EndpointError(
        415, f"unsupported content type {kind or '(none)'!r}: send {QUERY_BODY} or a {FORM} form"
    )


def looks_like_update(query: str) -> bool:
    """An update sent as a query: refused as such rather than as a syntax error."""
    return bool(UPDATE_WORDS.match(query))


def _params(text: str) -> dict[str, list[str]]:
    try:
        return urllib.parse.parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise EndpointError(400, "parameters are not valid UTF-8") from None


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise EndpointError(400, "the request body is not valid UTF-8") from None


def _request(params: dict[str, list[str]]) -> QueryRequest:
    queries = params["query"]
    if len(queries) != 1:
        raise EndpointError(400, "give exactly one `query`")
    if not queries[0].strip():
        raise EndpointError(400, "the query is empty")
    return QueryRequest(
        queries[0],
        tuple(params.get("default-graph-uri", ())),
        tuple(params.get("named-graph-uri", ())),
        tuple(params.get("format", ())),
    )
