"""The `kg` command line: each command is a few lines over the library."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

# Commands import what they use when they run, so that `kg --help` and every command start
# without loading rdflib, pyshacl, pyvis, networkx or pyoxigraph (tests/test_startup.py).
if TYPE_CHECKING:
    from kg.model import SurveyList

app = typer.Typer(
    help="Turn curated paper lists (awesome lists) into a typed taxonomy knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(show: bool) -> None:
    """--version: the installed distribution's version (the package's own when never installed)."""
    if show:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("surveykg")
        except PackageNotFoundError:
            from kg import __version__ as found
        typer.echo(f"surveykg {found}")
        raise typer.Exit()


@app.callback()
def _root(
    _: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Turn curated paper lists (awesome lists) into a typed taxonomy knowledge graph."""


ListArgs = Annotated[
    list[str] | None,
    typer.Argument(help="List files to read; default: the bundled lists in data/manifest.json."),
]


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


def _sources(lists: list[str] | None) -> list[SurveyList]:
    from kg.sources.manifest import ManifestError, lists_for, project_root

    try:
        return lists_for(list(lists or []), project_root())
    except ManifestError as err:
        raise fail(str(err)) from None


def _read(lists: list[str] | None):  # type: ignore[no-untyped-def]
    from kg.sources.ingest import ingest
    from kg.sources.manifest import project_root

    result = ingest(_sources(lists), project_root())
    _problems(result.problems, result.usable)
    return result


def _problems(problems: list[str], usable: bool = True) -> None:
    """Name each list that gave nothing, and why; exit 1 when none gave anything."""
    for problem in problems:
        typer.secho(f"error: {problem}", err=True, fg=typer.colors.RED)
    if not usable:
        raise fail("nothing usable was read", 1)


def _built(lists: list[str] | None, out: Path):  # type: ignore[no-untyped-def]
    """Given lists are read and built; otherwise the build saved in `out` is loaded."""
    from kg import api
    from kg.snapshot import SnapshotError
    from kg.sources.ingest import NothingUsable

    try:
        return api.build(lists) if lists else api.load(out)
    except SnapshotError as err:
        raise fail(str(err)) from None
    except NothingUsable as err:
        _problems(err.problems, usable=False)
        raise typer.Exit(1) from None


def _writable(option: str, path: Path) -> None:
    """Refuse an output file before any work is done, rather than fail after it."""
    from kg.util.outpath import OutputError, writable_file

    try:
        writable_file(path)
    except OutputError as err:
        raise fail(f"{option} {err}") from None


@app.command("ingest")
def ingest_cmd(
    lists: ListArgs = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Write the parsed entries as JSON Lines here.")
    ] = None,
    explain: Annotated[
        str | None,
        typer.Option("--explain", metavar="FILE:LINE", help="How that line of a list was read."),
    ] = None,
) -> None:
    """Read lists and account for every line: entries, sections, placeholders, lines not understood."""
    from kg.export.report import ingest_text
    from kg.sources.ingest import summarize, write_jsonl

    if explain is not None:
        _explain(explain, as_json)
        return
    if jsonl is not None:
        _writable("--jsonl", jsonl)
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


def _explain(location: str, as_json: bool) -> None:
    from kg.sources.base import ListReadError
    from kg.sources.explain import explain_line, explain_text, parse_location

    try:
        found = explain_line(*parse_location(location))
    except ListReadError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps(found, indent=2, ensure_ascii=False) if as_json else explain_text(found))


@app.command("audit")
def audit_cmd(
    lists: ListArgs = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
    kind: Annotated[
        list[str] | None, typer.Option("--kind", help="Only findings of this kind (repeatable).")
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on", help="Exit 1 on a finding of this severity or worse: error, warning."
        ),
    ] = None,
) -> None:
    """Report the lists' defects with file and line: duplicates, conflicting identifiers, typos,
    placeholders, missing or unrecognised links, heading-numbering faults. With --fail-on, exit 1
    when a finding is that severe (for CI and pre-commit)."""
    from kg.authoring.audit import audit, unknown_kinds
    from kg.export.report import audit_text
    from kg.resolve import resolve

    wrong = unknown_kinds(kind or [])
    if wrong:
        raise fail(wrong)
    if fail_on is not None and fail_on not in SEVERITY_RANK:
        raise fail(f"--fail-on {fail_on!r}: expected {', '.join(SEVERITY_RANK)}")
    result = _read(lists)
    issues = audit(result.parsed, resolve(result.parsed))
    if kind:
        issues = [i for i in issues if i.kind in kind]
    if as_json:
        rows = [i.model_dump(mode="json") | {"severity": i.kind.severity.value} for i in issues]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        typer.echo(audit_text(issues))
    if fail_on is not None and any(
        SEVERITY_RANK[i.kind.severity.value] >= SEVERITY_RANK[fail_on] for i in issues
    ):
        raise typer.Exit(1)


SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@app.command("lineage")
def lineage_cmd(
    name: Annotated[str, typer.Argument(help="A method, model, dataset or work (name or title).")],
    lists: ListArgs = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", help="Ignore relations below this confidence.")
    ] = 0.0,
    out: Annotated[
        Path, typer.Option("--out", help="The build folder to read when no lists are given.")
    ] = Path("out"),
) -> None:
    """What NAME extends and what extends it, transitively, with the evidence for each step.
    Reads the build in --out; given lists, reads and builds those instead."""
    from kg.enrich.lineage import LineageError, lineage, lineage_text

    built = _built(lists, out)
    try:
        found = lineage(name, built.enrichment, built.resolution, min_confidence)
    except LineageError as err:
        raise fail(str(err)) from None
    typer.echo(lineage_text(found))


@app.command("build")
def build_cmd(
    lists: ListArgs = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("out"),
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="RDF formats to write besides Turtle: ntriples, jsonld, trig, nquads, or all.",
        ),
    ] = None,
    store: Annotated[bool, typer.Option(help="Also build the embedded SPARQL store.")] = True,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="List each curated fact not applied.")
    ] = False,
) -> None:
    """Build the graph from the lists (default: the bundled ones): RDF, SPARQL store, reports."""
    from kg.outputs import write_outputs
    from kg.sources.manifest import project_root
    from kg.util.outpath import OutputError

    sources = _sources(lists)
    try:
        written = write_outputs(sources, project_root(), out, tuple(formats or ()), store, verbose)
    except ValueError as err:
        raise fail(str(err)) from None
    except OutputError as err:
        raise fail(f"--out {err}") from None
    _problems(written.failures, written.usable)
    typer.echo(written.summary)


@app.command("query")
def query_cmd(
    query: Annotated[
        str | None,
        typer.Argument(help="SPARQL text, a .rq file, or @name for a saved query (see --list)."),
    ] = None,
    list_saved: Annotated[bool, typer.Option("--list", help="List the saved queries.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv or json.")] = "table",
    endpoint: Annotated[
        str | None, typer.Option("--endpoint", help="Run against this SPARQL endpoint instead.")
    ] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", help="name=value for a saved query's $name.")
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Build output folder.")] = Path("out"),
) -> None:
    """Run SPARQL 1.1 (SELECT, ASK, CONSTRUCT, DESCRIBE) over the built graph, prefixes predeclared."""
    from kg.sparql.query import (
        FORMATS,
        QueryError,
        RemoteError,
        prepare,
        render,
        runner,
        saved_queries,
    )
    from kg.sparql.store import StoreError
    from kg.util.table import table

    if list_saved:
        typer.echo(table(("name", "question"), [(q.name, q.question) for q in saved_queries()]))
        return
    if query is None:
        raise fail("give a query, a .rq file or @name (kg query --list shows the saved ones)")
    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    try:
        run = runner(endpoint, out)
        typer.echo(render(run(prepare(query, _params(param or []), run)), fmt))
    except (QueryError, StoreError) as err:
        raise fail(str(err), 1 if isinstance(err, RemoteError) else 2) from None


def _params(pairs: list[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise fail(f"--param takes name=value, not {pair!r}")
        values[name] = value
    return values


@app.command("validate")
def validate_cmd(
    graph_file: Annotated[
        Path | None, typer.Argument(help="RDF file to check; default: the build's kg.ttl.")
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Build output folder.")] = Path("out"),
    engine: Annotated[
        str, typer.Option("--engine", help="fast (SPARQL over Oxigraph) or pyshacl (reference).")
    ] = "fast",
) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl) and list every violation."""
    from kg.shacl import ENGINES, UnsupportedShape, check_file
    from kg.util.table import table

    path = graph_file or out / "kg.ttl"
    if engine not in ENGINES:
        raise fail(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if not path.exists():
        raise fail(f"{path}: no such file; run `kg build` first")
    try:
        checked = check_file(path, engine)
    except UnsupportedShape as err:
        raise fail(str(err)) from None
    except Exception as err:  # any parser error is reported, never a traceback
        raise fail(f"{path}: cannot be parsed as RDF ({err})") from None
    violations = checked.violations
    if not violations:
        typer.echo(f"{path}: conforms ({checked.triples} triples)")
        return
    rows = [(v.severity, v.focus, v.path, v.message, v.value) for v in violations]
    typer.echo(table(("severity", "node", "property", "problem", "value"), rows))
    raise fail(f"{path}: {len(violations)} violation(s)", 1)


@app.command("serve")
def serve_cmd(
    out: Annotated[Path, typer.Option("--out", help="Build output folder.")] = Path("out"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port (0: any free one).")] = 7878,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds a query may run before a 503.")
    ] = 30.0,
    max_rows: Annotated[
        int, typer.Option("--max-rows", help="Rows (or triples) an answer is cut at.")
    ] = 100_000,
    memory: Annotated[
        bool,
        typer.Option(
            "--in-memory",
            help="Copy the store into memory first: slower to start, faster queries on large graphs.",
        ),
    ] = False,
) -> None:
    """Serve a read-only SPARQL 1.1 endpoint at /sparql over the built store, and the outputs."""
    from kg.sparql.serve import make_server, serve
    from kg.sparql.store import StoreError

    if timeout <= 0 or max_rows < 1:
        raise fail("--timeout must be positive and --max-rows at least 1")
    if memory:
        typer.echo(f"copying the store in {out} into memory …")
    started = time.perf_counter()
    try:
        server = make_server(out, host, port, timeout, max_rows, memory=memory)
    except StoreError as err:
        raise fail(str(err)) from None
    except OSError as err:
        raise fail(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    if memory:
        typer.echo(f"copied in {time.perf_counter() - started:.1f} s")
    typer.echo(f"serving {out} at {server.url}/ and SPARQL at {server.url}/sparql (Ctrl-C stops)")
    serve(server)


@app.command("publish")
def publish_cmd(
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint", help="Graph Store Protocol URL (gsp) or SPARQL Update endpoint (update)."
        ),
    ],
    graph: Annotated[
        str,
        typer.Option(
            "--graph",
            help="Graph for the statements of no single list (works, people, relations); "
            "'default' for the server's default graph.",
        ),
    ] = "https://w3id.org/surveykg/id/graph",
    user: Annotated[
        str | None, typer.Option("--user", help="User for basic or digest auth.")
    ] = None,
    password: Annotated[str | None, typer.Option("--password", help="Password for --user.")] = None,
    method: Annotated[
        str, typer.Option("--method", help="gsp (Graph Store Protocol PUT/POST) or update.")
    ] = "gsp",
    batch: Annotated[
        int | None, typer.Option("--batch", help="Triples per request (gsp 10000, update 1000).")
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Build output folder.")] = Path("out"),
) -> None:
    """Load the built graph into a SPARQL server, replacing each list's named graph."""
    from kg.sparql.publish import PublishError, Target, publish
    from kg.sparql.store import StoreError, open_store

    target = Target(endpoint, method, graph, user, password, batch)
    try:
        report = publish(open_store(out), target)
    except PublishError as err:
        raise fail(str(err), 1) from None
    except StoreError as err:
        raise fail(str(err)) from None
    typer.echo(report.summary)


@app.command("explore")
def explore_cmd(
    lists: ListArgs = None,
    view: Annotated[
        str,
        typer.Option("--view", help="whole, survey, neighbourhood, lineage or taxonomy."),
    ] = "whole",
    survey: Annotated[
        str | None, typer.Option("--survey", help="List id or title, for --view survey or taxonomy.")
    ] = None,
    node: Annotated[
        str | None,
        typer.Option("--node", help="Node id or name: a neighbourhood's centre, or whose lineage."),
    ] = None,
    depth: Annotated[
        int, typer.Option("--depth", min=1, help="Hops from --node, for --view neighbourhood.")
    ] = 1,
    out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path(
        "out/explore.html"
    ),
    renderer: Annotated[
        str, typer.Option("--renderer", help="auto, vis (vis-network) or sigma (WebGL).")
    ] = "auto",
    source: Annotated[
        Path, typer.Option("--from", help="The build folder to read when no lists are given.")
    ] = Path("out"),
) -> None:
    """Write one view of the graph as a self-contained HTML page that opens offline. Reads the
    build in --from; given lists, reads and builds those instead."""
    from kg.export.html import PageError, UnknownNode
    from kg.export.html.explore import explore_graph
    from kg.util.outpath import OutputError

    _writable("--out", out)
    built = _built(lists, source)
    try:
        written = explore_graph(built, out, view, survey, node, depth, renderer)
    except (UnknownNode, PageError) as err:
        raise fail(str(err)) from None
    except OutputError as err:
        raise fail(f"--out {err}") from None
    _problems(list(written.problems))
    typer.echo(
        f"wrote {written.path}: {written.title}, {written.nodes} nodes, {written.edges} edges "
        f"({written.renderer})"
    )


def _register_commands() -> None:
    """The survey author's commands live in their own modules, which register on `app`."""
    from kg import cli_authoring, cli_desk, cli_diff, cli_suggest  # noqa: F401


_register_commands()


def main() -> None:
    app()

