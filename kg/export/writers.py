"""Writers for each RDF format behind one small protocol, registered by name; writes are atomic."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from kg.export.rdf import ox_quads, triples
from kg.graph import KnowledgeGraph
from kg.util.gcpause import paused_gc
from kg.util.outpath import output_mode
from kg.vocab import PREFIXES

Writer = Callable[[KnowledgeGraph, Path], list[Path]]
"""A writer serialises the graph into a folder and returns the files it wrote."""

WRITERS: dict[str, Writer] = {}


def register(name: str) -> Callable[[Writer], Writer]:
    def add(writer: Writer) -> Writer:
        WRITERS[name] = writer
        return writer

    return add


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Write to a temporary file beside `target`, then rename it into place only on success; the
    file gets the mode a plain open() would give it (mkstemp alone would leave it 0o600)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.fchmod(fd, output_mode())
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _serialize(items: object, target: Path, fmt: ox.RdfFormat) -> Path:
    with atomic_path(target) as tmp, paused_gc():
        ox.serialize(items, str(tmp), fmt, prefixes=PREFIXES)  # type: ignore[arg-type]
    return target


@register("turtle")
def write_turtle(kg: KnowledgeGraph, out: Path) -> list[Path]:
    return [_serialize(triples(kg), out / "kg.ttl", ox.RdfFormat.TURTLE)]


@register("ntriples")
def write_ntriples(kg: KnowledgeGraph, out: Path) -> list[Path]:
    return [_serialize(triples(kg), out / "kg.nt", ox.RdfFormat.N_TRIPLES)]


@register("trig")
def write_trig(kg: KnowledgeGraph, out: Path) -> list[Path]:
    """One named graph per list (its sections, mentions, placements); shared works in the default."""
    return [_serialize(ox_quads(kg), out / "kg.trig", ox.RdfFormat.TRIG)]


@register("nquads")
def write_nquads(kg: KnowledgeGraph, out: Path) -> list[Path]:
    return [_serialize(ox_quads(kg), out / "kg.nq", ox.RdfFormat.N_QUADS)]


def jsonld_context() -> dict[str, object]:
    """The JSON-LD context: the project's prefixes, so compact IRIs read as in Turtle."""
    return {"@context": dict(sorted(PREFIXES.items()))}


@register("jsonld")
def write_jsonld(kg: KnowledgeGraph, out: Path) -> list[Path]:
    """JSON-LD (expanded node objects, serialised by pyoxigraph) under the project's context, which
    is also written beside it as kg.context.jsonld for tools that compact with it."""
    context = jsonld_context()
    nodes = json.loads(ox.serialize(triples(kg), format=ox.RdfFormat.JSON_LD))
    payload = {"@context": context["@context"], "@graph": nodes}
    target, context_file = out / "kg.jsonld", out / "kg.context.jsonld"
    with atomic_path(target) as tmp:
        tmp.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", "utf-8")
    with atomic_path(context_file) as tmp:
        tmp.write_text(json.dumps(context, indent=2, sort_keys=True) + "\n", "utf-8")
    return [target, context_file]


def chosen_formats(requested: tuple[str, ...]) -> tuple[str, ...]:
    """Turtle always, then the requested formats ("all" for every one); unknown names refused."""
    if "all" in requested:
        return tuple(WRITERS)
    unknown = [f for f in requested if f not in WRITERS]
    if unknown:
        raise ValueError(
            f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(WRITERS)}, all"
        )
    return tuple(dict.fromkeys(("turtle", *requested)))


def write_formats(kg: KnowledgeGraph, out: Path, formats: tuple[str, ...]) -> list[Path]:
    return [path for name in chosen_formats(formats) for path in WRITERS[name](kg, out)]
