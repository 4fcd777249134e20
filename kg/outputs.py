"""`kg build`: every output written into a staging folder, then moved into place together."""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from kg.export.html import write_html
from kg.export.rdf import ox_quads
from kg.export.report import ingest_text
from kg.export.writers import chosen_formats, write_formats
from kg.model import SurveyList
from kg.pipeline import Built, build_graph_from_lists, skipped_facts
from kg.snapshot import save
from kg.sources.ingest import summarize, write_jsonl
from kg.sparql.store import STORE_DIR, write_store
from kg.util.outpath import OutputError, writable_folder


@dataclass
class Written:
    """What a build wrote, for the command line."""

    usable: bool
    failures: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    summary: str = ""
    built: Built | None = None


def write_outputs(
    lists: list[SurveyList],
    root: Path,
    out: Path,
    formats: tuple[str, ...],
    store: bool = True,
    verbose: bool = False,
) -> Written:
    """Build and write; on any failure the previous contents of `out` are left as they were.

    An unknown format (ValueError) or an unwritable `out` (OutputError) is refused before the build.
    """
    started = time.perf_counter()
    chosen = chosen_formats(formats)
    writable_folder(out)
    built = build_graph_from_lists(lists, root)
    report = Written(built.ingested.usable, built.ingested.problems, built=built)
    if not report.usable:
        return report
    try:
        report.files = _write(built, out, chosen, store)
    except OSError as err:
        raise OutputError(f"{out}: cannot be written ({err.strerror or err})") from None
    seconds = time.perf_counter() - started
    report.summary = _summary(built, report.files, seconds, verbose)
    return report


def _write(built: Built, out: Path, chosen: tuple[str, ...], store: bool) -> list[Path]:
    """Every output into a staging folder inside `out`, then each moved into place."""
    out.mkdir(parents=True, exist_ok=True)
    staging = out / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        files = write_formats(built.graph, staging, chosen)
        files += _reports(built, staging)
        files += write_html(built.graph, staging)
        if store:
            write_store(ox_quads(built.graph), staging)
        return _publish(staging, out, files, store)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _reports(built: Built, folder: Path) -> list[Path]:
    parsed = built.ingested.parsed
    entries = folder / "entries.jsonl"
    write_jsonl(parsed, entries)
    ingest_report = folder / "ingest.json"
    payload = {
        "lists": [summarize(p).model_dump(mode="json") for p in parsed],
        "failures": built.ingested.failures,
    }
    ingest_report.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", "utf-8")
    audit_report = folder / "audit.json"
    issues = [i.model_dump(mode="json") for i in built.issues]
    audit_report.write_text(json.dumps(issues, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return [entries, ingest_report, audit_report, save(built, folder)]


def _publish(staging: Path, out: Path, files: list[Path], store: bool) -> list[Path]:
    """Move each staged file over its old version (atomic per file), then swap the store in."""
    moved = []
    for path in files:
        target = out / path.relative_to(staging)
        os.replace(path, target)
        moved.append(target)
    if store:
        old = out / f".{STORE_DIR}.old"
        shutil.rmtree(old, ignore_errors=True)
        if (out / STORE_DIR).exists():
            (out / STORE_DIR).rename(old)
        (staging / STORE_DIR).rename(out / STORE_DIR)
        shutil.rmtree(old, ignore_errors=True)
        moved.append(out / STORE_DIR)
    return moved


def _summary(built: Built, files: list[Path], seconds: float, verbose: bool) -> str:
    g = built.graph
    lines = [ingest_text([summarize(p) for p in built.ingested.parsed]), ""]
    lines.append(
        f"graph: {len(g.works)} works, {len(g.sections)} sections, {len(g.mentions)} mentions, "
        f"{len(g.entities)} entities, {len(g.relations)} derived relations, {len(g.issues)} data issues"
    )
    lines.extend(skipped_facts(built.enrichment.skipped, verbose))
    lines.append(f"wrote {', '.join(str(f) for f in files)} in {seconds:.1f} s")
    return "\n".join(lines)
