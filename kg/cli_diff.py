"""`kg diff` and `kg history`: what changed between two versions of a list, and over its git
history."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli import _writable, app, fail

Format = Annotated[str, typer.Option("--format", help="md or json.")]
FORMATS = ("md", "json")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise fail(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")


def _emit(text: str, to: Path | None) -> None:
    """Print the report, or write it where --to says."""
    if to is None:
        typer.echo(text, nl=False)
        return
    to.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {to}")


@app.command("diff")
def diff_cmd(
    old: Annotated[str, typer.Argument(help="The old version: FILE or FILE@REV (git).")],
    new: Annotated[str, typer.Argument(help="The new version: FILE or FILE@REV (git).")],
    fmt: Format = "md",
    to: Annotated[Path | None, typer.Option("--to", help="Write the report here.")] = None,
) -> None:
    """Sections and works added, removed, renamed, moved, retitled or relinked between versions."""
    from kg.authoring.diff import diff_lists
    from kg.authoring.diff_md import diff_markdown
    from kg.authoring.diff_read import VersionError, parse_version

    _check_format(fmt)
    if to is not None:
        _writable("--to", to)
    try:
        found = diff_lists(parse_version(old, "old"), parse_version(new, "new"))
    except VersionError as err:
        raise fail(str(err)) from None
    text = found.model_dump_json(indent=2) + "\n" if fmt == "json" else diff_markdown(found)
    _emit(text, to)


@app.command("history")
def history_cmd(
    file: Annotated[Path, typer.Argument(help="A list file in a git repository.")],
    fmt: Format = "md",
    to: Annotated[Path | None, typer.Option("--to", help="Write the report here.")] = None,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Also draw size per version (SVG).")
    ] = None,
) -> None:
    """Size per version, and the sections born, renamed and retired, from the git log."""
    from kg.authoring.diff_read import VersionError
    from kg.authoring.history import list_history
    from kg.authoring.history_report import history_chart, history_markdown

    _check_format(fmt)
    for option, path in (("--to", to), ("--chart", chart)):
        if path is not None:
            _writable(option, path)
    try:
        found = list_history(file)
    except VersionError as err:
        raise fail(str(err)) from None
    text = found.model_dump_json(indent=2) + "\n" if fmt == "json" else history_markdown(found)
    _emit(text, to)
    if chart is not None:
        history_chart(found, chart)
        typer.echo(f"wrote {chart}", err=to is None)
