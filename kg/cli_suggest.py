"""The commands that place new papers in a list: suggest (one title) and triage (a file)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app, fail
from kg.cli_authoring import OutDir, built_for

ListOpt = Annotated[str, typer.Option("--list", help="A list id of the build, or a list file.")]
Top = Annotated[int, typer.Option("--top", min=1, help="How many sections to suggest.")]


@app.command("suggest")
def suggest_cmd(
    title: Annotated[str, typer.Argument(help="The new paper's title.")],
    list_id: ListOpt,
    summary: Annotated[
        str | None, typer.Option("--summary", help="Its abstract or one-line summary.")
    ] = None,
    out: OutDir = Path("out"),
    top: Top = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print them as JSON.")] = False,
) -> None:
    """The sections of the list a new paper most likely belongs in, each with its reason: the
    similar works already there, the shared terms, where other lists file it."""
    from kg.authoring.suggest import suggest

    built, list_id = built_for(list_id, out)
    found = suggest(built, list_id, title, summary, top=top)
    if as_json:
        typer.echo(
            json.dumps([s.model_dump(mode="json") for s in found], indent=2, ensure_ascii=False)
        )
        return
    for s in found:
        typer.echo(f"{s.score:5.2f}  {s.path} (line {s.line})")
        typer.echo(f"       {s.reason}")


@app.command("triage")
def triage_cmd(
    candidates: Annotated[
        Path, typer.Argument(help="A BibTeX file, an arXiv API Atom feed, or titles/URLs a line.")
    ],
    list_id: ListOpt,
    out: OutDir = Path("out"),
    top: Top = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
) -> None:
    """Each candidate: already in the list (which line)? in other lists (which sections)? where it
    would go, and an entry ready to paste in the list's own style."""
    from kg.authoring.triage import CandidateError, read_candidates, triage

    try:
        entries = read_candidates(candidates)
    except CandidateError as err:
        raise fail(str(err)) from None
    built, list_id = built_for(list_id, out)
    found = triage(built, list_id, entries, top=top)
    if as_json:
        typer.echo(
            json.dumps([t.model_dump(mode="json") for t in found], indent=2, ensure_ascii=False)
        )
        return
    for t in found:
        _print(t)


def _print(t: object) -> None:
    from kg.authoring.triage import Triaged

    assert isinstance(t, Triaged)
    typer.echo(f"{t.line:4}  {t.title}")
    for where in t.in_list:
        typer.echo(f"      already listed, line {where.line} ({', '.join(where.sections)})")
    for where in t.elsewhere:
        typer.echo(f"      in {where.list_id}, line {where.line} ({', '.join(where.sections)})")
    if not t.in_list:
        places = "; ".join(f"{s.label} (line {s.line}, {s.score:.2f})" for s in t.suggestions)
        typer.echo(f"      → {places}")
        typer.echo(f"      {t.entry}")
