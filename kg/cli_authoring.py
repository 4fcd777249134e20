"""The survey author's commands (coverage, gaps, crosswalk), each a few lines over kg.api."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kg.cli import _problems, _sources, _writable, app, fail

if TYPE_CHECKING:
    from kg.pipeline import Built

OutDir = Annotated[Path, typer.Option("--out", help="The build folder `kg build` wrote.")]
Thin = Annotated[int, typer.Option("--thin", min=1, help="Fewer works than this is thin.")]


def built_for(target: str, out: Path) -> tuple[Built, str]:
    """The build to report on and the list's id: a list id names a list of the build in `out`;
    a list file is read together with the bundled lists."""
    from kg import api
    from kg.snapshot import SnapshotError

    if Path(target).is_file():
        return _with_bundled(target)
    try:
        built = api.load(out)
    except SnapshotError as err:
        raise fail(str(err)) from None
    return built, known_list(built, target, out)


def known_list(built: Built, list_id: str, out: Path) -> str:
    """`list_id` if the build has that list; else exit 2 naming the lists it has."""
    known = sorted(s.id for s in built.graph.surveys.values())
    if list_id not in known:
        raise fail(f"no list {list_id!r} in {out}; known lists: {', '.join(known)}")
    return list_id


def _with_bundled(path: str) -> tuple[Built, str]:
    from kg.pipeline import build_graph_from_lists
    from kg.sources.manifest import project_root

    sources = _sources(None)
    mine = _sources([path])[0]
    if mine.id not in {s.id for s in sources}:
        sources.append(mine)
    built = build_graph_from_lists(sources, project_root())
    _problems(built.ingested.problems, built.ingested.usable)
    return built, mine.id


@app.command("coverage")
def coverage_cmd(
    target: Annotated[
        str | None, typer.Argument(metavar="[LIST]", help="A list id, or a list file.")
    ] = None,
    out: OutDir = Path("out"),
    fmt: Annotated[str, typer.Option("--format", help="md, html or json.")] = "md",
    to: Annotated[Path | None, typer.Option("--to", help="Write the report here.")] = None,
    thin: Thin = 3,
    taxonomy: Annotated[
        Path | None,
        typer.Option("--taxonomy", help="A draft taxonomy (YAML) to fill with every listed work."),
    ] = None,
) -> None:
    """One list's coverage: its taxonomy with counts, empty and thin sections, years, venues and
    preprints, its defects, the gaps other lists show, and how its sections align. With
    --taxonomy, a draft taxonomy filled with the works of all lists instead."""
    from kg import api
    from kg.authoring.coverage_md import coverage_markdown

    if fmt not in ("md", "html", "json"):
        raise fail(f"--format {fmt!r}: expected md, html or json")
    if to is not None:
        _writable("--to", to)
    if taxonomy is not None:
        _emit(_draft(taxonomy, out, fmt), to)
        return
    if target is None:
        raise fail("name a list (an id of the build in --out, or a list file), or give --taxonomy")
    built, list_id = built_for(target, out)
    report = api.coverage(built, list_id, thin=thin)
    if fmt == "json":
        text = json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "html":
        from kg.export.html.coverage import coverage_page

        text = coverage_page(built.graph, report)
    else:
        text = coverage_markdown(report)
    _emit(text, to)


@app.command("gaps")
def gaps_cmd(
    target: Annotated[str, typer.Argument(metavar="LIST", help="A list id, or a list file.")],
    out: OutDir = Path("out"),
    min_lists: Annotated[
        int, typer.Option("--min-lists", min=1, help="Independent lists that must have a work.")
    ] = 1,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Show at most this many.")] = 30,
    as_json: Annotated[bool, typer.Option("--json", help="Print them as JSON.")] = False,
) -> None:
    """Works that other lists' aligned sections have and LIST lacks, best first, each with the
    section it would go in, why, and an entry ready to paste in LIST's own style."""
    from kg import api

    built, list_id = built_for(target, out)
    found = api.gaps(built, list_id, min_lists=min_lists)[:limit]
    if as_json:
        typer.echo(
            json.dumps([g.model_dump(mode="json") for g in found], indent=2, ensure_ascii=False)
        )
        return
    for g in found:
        where = f"→ {g.section_label} (line {g.section_line})" if g.section_label else "→ ?"
        typer.echo(f"{g.score:5.2f}  {g.title} [{g.kind.value}, {g.year or '-'}] {where}")
        typer.echo(f"       in {', '.join(g.lists)}; {g.reason}")
        typer.echo(f"       {g.entry}")


@app.command("crosswalk")
def crosswalk_cmd(
    first: Annotated[str, typer.Argument(help="A list id.")],
    second: Annotated[str, typer.Argument(help="Another list id.")],
    out: OutDir = Path("out"),
    sssom: Annotated[
        Path | None, typer.Option("--sssom", help="Write the mappings as an SSSOM table here.")
    ] = None,
) -> None:
    """How the sections of FIRST align with those of SECOND (skos exact/close/related matches)."""
    from kg import api
    from kg.authoring.sssom import sssom_table

    if sssom is not None:
        _writable("--sssom", sssom)
    built, first = built_for(first, out)
    known_list(built, second, out)  # the same build: a list file is read with the bundled lists
    found = api.crosswalk(built, first, second)
    if sssom is not None:
        sssom.write_text(sssom_table(built.graph, found, first, second), encoding="utf-8")
        typer.echo(f"wrote {len(found)} mappings to {sssom}")
        return
    sections = built.graph.sections
    for a in sorted(found, key=lambda a: (sections[a.source].order, -a.score)):
        s, t = sections[a.source], sections[a.target]
        typer.echo(
            f"{s.label} (line {s.line})  {a.relation} {a.score:.2f}  {t.label} (line {t.line})"
        )
        typer.echo(f"    {a.evidence}")


def _draft(taxonomy: Path, out: Path, fmt: str) -> str:
    from kg import api
    from kg.authoring.draft import DraftError, draft_markdown, fill, read_draft
    from kg.snapshot import SnapshotError

    try:
        draft = read_draft(taxonomy)
        report = fill(api.load(out).graph, draft)
    except (DraftError, SnapshotError) as err:
        raise fail(str(err)) from None
    if fmt == "json":
        return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    return draft_markdown(report)


def _emit(text: str, to: Path | None) -> None:
    if to is None:
        typer.echo(text, nl=False)
        return
    to.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {to}")
