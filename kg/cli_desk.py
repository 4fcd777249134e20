"""The list author's desk: BibTeX for what a list cites, and the list regenerated in one style."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kg.cli import _writable, app, fail
from kg.cli_authoring import built_for

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph
    from kg.pipeline import Built

OutDir = Annotated[Path, typer.Option("--out", help="The build folder `kg build` wrote.")]
ToFile = Annotated[Path | None, typer.Option("--to", help="Write here instead of printing.")]


def _emit(text: str, to: Path | None) -> None:
    """Print the text, or write it to --to and say so."""
    if to is None:
        typer.echo(text, nl=False)
        return
    to.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {to}", err=True)


def _loaded(out: Path) -> Built:
    """The build in --out, or exit 2 naming why there is none."""
    from kg import api
    from kg.snapshot import SnapshotError

    try:
        return api.load(out)
    except SnapshotError as err:
        raise fail(str(err)) from None


def _section(kg: KnowledgeGraph, list_id: str | None, wanted: str) -> str:
    """The one section a key, label or node id names (within the list when one is given)."""
    found = [
        node
        for node, s in kg.sections.items()
        if (list_id is None or s.list_id == list_id)
        and wanted in (node, s.key, s.label, f"{s.notation} {s.label}")
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise fail(f"--section {wanted!r}: no such section" + (f" in {list_id}" if list_id else ""))
    raise fail(f"--section {wanted!r} is ambiguous: {', '.join(sorted(found))}; name the list")


def _query_works(kg: KnowledgeGraph, text: str, out: Path) -> list[str]:
    """The works whose IRIs the query returns in its first column."""
    from kg import api
    from kg.prefixes import PREFIXES
    from kg.sparql.query import QueryError

    try:
        result = api.query(text, out=out)
    except QueryError as err:
        raise fail(str(err)) from None
    base = PREFIXES["skgr"]
    iris = [getattr(row[0], "value", None) for row in result]  # type: ignore[attr-defined]
    ids = [iri[len(base) :] for iri in iris if isinstance(iri, str) and iri.startswith(base)]
    return [w for w in ids if w in kg.works]


def _list_id(kg: KnowledgeGraph, target: str) -> str:
    """A list id the build knows, or exit 2 naming those it does."""
    known = sorted(s.id for s in kg.surveys.values())
    if target not in known:
        raise fail(f"no list {target!r}; known lists: {', '.join(known)}")
    return target


@app.command("bib")
def bib_cmd(
    target: Annotated[
        str | None, typer.Argument(metavar="[LIST]", help="A list id of the build; default: all.")
    ] = None,
    section: Annotated[
        str | None, typer.Option("--section", help="A section's key or label.")
    ] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="@saved or SPARQL; works of its first column.")
    ] = None,
    out: OutDir = Path("out"),
    to: ToFile = None,
) -> None:
    """BibTeX for a list, one of its sections or a query's works, with keys stable across builds."""
    from kg.export.bibtex import bibtex, list_works, section_works

    if to is not None:
        _writable("--to", to)
    kg = _loaded(out).graph
    list_id = _list_id(kg, target) if target else None
    if query is not None:
        works = _query_works(kg, query, out)
    elif section is not None:
        works = section_works(kg, _section(kg, list_id, section))
    else:
        works = list_works(kg, list_id) if list_id else list(kg.works)
    _emit(bibtex(kg, works), to)


@app.command("render")
def render_cmd(
    target: Annotated[str, typer.Argument(metavar="LIST", help="A list id, or a list file.")],
    out: OutDir = Path("out"),
    to: ToFile = None,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print a unified diff against the list's file.")
    ] = False,
) -> None:
    """The list regenerated from the graph in one style: duplicates merged, best links, venues and
    years filled in from other lists, placeholders dropped."""
    from kg.export.markdown_list import render_list, unified_diff

    if to is not None:
        _writable("--to", to)
    built, list_id = built_for(target, out)
    source = next(s for s in built.graph.surveys.values() if s.id == list_id)
    original = _original(source.file, target)
    rendered = render_list(built.graph, list_id, source.title, original)
    _emit(unified_diff(original, rendered, source.file) if diff else rendered, to)


def _original(file: str, target: str) -> str:
    """The list's text as its file holds it (the file given, or the manifest's)."""
    from kg.sources.manifest import project_root

    for path in (Path(target), Path(file), project_root() / file):
        if path.is_file():
            return path.read_text(encoding="utf-8-sig", errors="replace")
    raise fail(f"{file}: the list's file cannot be found to compare with")
