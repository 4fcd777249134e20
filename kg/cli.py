"""The `kg` command line: each command is a few lines over the library."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from kg.audit import SEVERITY, audit
from kg.ingest import ingest, summarize, write_jsonl
from kg.manifest import ManifestError, lists_for, project_root
from kg.report import audit_text, ingest_text
from kg.resolve import resolve

app = typer.Typer(
    help="Turn curated paper lists (awesome lists) into a typed taxonomy knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Turn curated paper lists (awesome lists) into a typed taxonomy knowledge graph."""


ListArgs = Annotated[
    list[str] | None,
    typer.Argument(help="List files to read; default: the bundled lists in data/manifest.json."),
]


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


def _read(lists: list[str] | None):  # type: ignore[no-untyped-def]
    root = project_root()
    try:
        sources = lists_for(list(lists or []), root)
    except ManifestError as err:
        raise fail(str(err)) from None
    result = ingest(sources, root)
    for failure in result.failures:
        typer.secho(f"error: {failure}", err=True, fg=typer.colors.RED)
    if not result.usable:
        raise fail("nothing usable was read", 1)
    return result


@app.command("ingest")
def ingest_cmd(
    lists: ListArgs = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Write the parsed entries as JSON Lines here.")
    ] = None,
) -> None:
    """Read lists and account for every line: entries, sections, placeholders, lines not understood."""
    result = _read(lists)
    summaries = [summarize(p) for p in result.parsed]
    if as_json:
        payload = {
            "lists": [s.model_dump(mode="json") for s in summaries],
            "failures": result.failures,
        }
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        typer.echo(ingest_text(summaries))
    if jsonl is not None:
        count = write_jsonl(result.parsed, jsonl)
        typer.echo(f"wrote {count} entries to {jsonl}", err=as_json)


@app.command("audit")
def audit_cmd(
    lists: ListArgs = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
    kind: Annotated[
        list[str] | None, typer.Option("--kind", help="Only findings of this kind (repeatable).")
    ] = None,
) -> None:
    """Report the lists' defects with file and line: duplicates, conflicting identifiers, typos,
    placeholders, missing or unrecognised links, heading-numbering faults."""
    result = _read(lists)
    issues = audit(result.parsed, resolve(result.parsed))
    if kind:
        issues = [i for i in issues if i.kind in kind]
    if as_json:
        rows = [
            i.model_dump(mode="json") | {"severity": SEVERITY.get(i.kind, "info")} for i in issues
        ]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        typer.echo(audit_text(issues, SEVERITY))


@app.command("build")
def build_cmd(
    lists: ListArgs = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("out"),
) -> None:
    """Build everything from the lists (default: the bundled ones) into the output folder."""
    result = _read(lists)
    summaries = [summarize(p) for p in result.parsed]
    out.mkdir(parents=True, exist_ok=True)
    count = write_jsonl(result.parsed, out / "entries.jsonl")
    report = {"lists": [s.model_dump(mode="json") for s in summaries], "failures": result.failures}
    (out / "ingest.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8"
    )
    typer.echo(ingest_text(summaries))
    typer.echo(
        f"\nwrote {count} entries to {out / 'entries.jsonl'} and the report to {out / 'ingest.json'}"
    )


def main() -> None:
    app()


if __name__ == "__main__":
    main()
