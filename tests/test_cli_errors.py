"""Bad input through the command line: one line naming the file or value, a non-zero exit, no
traceback, and no work done first when the output cannot be written."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kg.cli import app
from kg.outputs import write_outputs
from kg.sources.manifest import lists_for
from tests.conftest import FIXTURES, ROOT

LISTS = FIXTURES / "lists"
SMALL = str(LISTS / "details_blocks.md")
OTHER = str(LISTS / "numbered_reference.md")
runner = CliRunner()


def refused(args: list[str], code: int = 2) -> str:
    """Run `kg ARGS`, expect the exit code and one `error:` line; return that line."""
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def _no_work(*args: object, **kwargs: object) -> None:
    raise AssertionError("the lists were read before the output was checked")


@pytest.fixture
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    """A working folder holding a file, `afile`, to put outputs under."""
    (tmp_path / "afile").write_text("x")
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(here)


# ---------------------------------------------------------------- unwritable outputs


UNWRITABLE_FOLDERS = [
    ("afile", "afile: is a file, not a folder"),
    ("afile/sub", "afile/sub: cannot be created, afile is a file"),
]
if Path("/proc/self").is_dir():
    UNWRITABLE_FOLDERS.append(("/proc/x", "/proc/x: cannot write in /proc"))


@pytest.mark.parametrize(("out", "message"), UNWRITABLE_FOLDERS)
def test_build_refuses_an_unwritable_out_before_reading(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, out: str, message: str
) -> None:
    monkeypatch.setattr("kg.outputs.build_graph_from_lists", _no_work)
    assert refused(["build", SMALL, "--out", out]).startswith(f"error: --out {message}")


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("afile/page.html", "afile/page.html: cannot be created, afile is a file"),
        (".", ".: is a folder; give a file name"),
    ],
)
def test_explore_refuses_an_unwritable_out_before_reading(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, out: str, message: str
) -> None:
    monkeypatch.setattr("kg.export.html.explore.build_graph_from_lists", _no_work)
    assert refused(["explore", SMALL, "--out", out]) == f"error: --out {message}"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_explore_refuses_a_page_in_proc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.export.html.explore.build_graph_from_lists", _no_work)
    assert "cannot write in /proc" in refused(["explore", SMALL, "--out", "/proc/x.html"])


def test_ingest_refuses_a_folder_as_jsonl(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.sources.ingest.read_list", _no_work)
    (in_tmp / "adir").mkdir()
    line = refused(["ingest", SMALL, "--jsonl", "adir"])
    assert line == "error: --jsonl adir: is a folder; give a file name"


@pytest.mark.skipif(os.geteuid() == 0, reason="permission bits do not stop root")
def test_build_refuses_a_read_only_folder(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.outputs.build_graph_from_lists", _no_work)
    locked = in_tmp / "locked"
    locked.mkdir(mode=0o555)
    try:
        assert "cannot write in locked" in refused(["build", SMALL, "--out", "locked/out"])
    finally:
        locked.chmod(0o755)


# ---------------------------------------------------------------- lists that give nothing


@pytest.fixture
def bad_lists(in_tmp: Path) -> dict[str, str]:
    """File name → the reason `kg ingest` gives for it."""
    (in_tmp / "empty.md").write_text("")
    (in_tmp / "blob.md").write_bytes(b"\x00\x01\x02" * 50)
    (in_tmp / "adir").mkdir()
    return {
        "nope.md": "no such file",
        "empty.md": "the file is empty",
        "blob.md": "this looks like a binary file",
        "adir": "is a folder",
    }


def _names_each(result: Result, reasons: dict[str, str]) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for name, reason in reasons.items():
        assert f"error: {name}: {reason}" in result.stderr
    assert result.stderr.strip().endswith("error: nothing usable was read")


def test_build_names_each_unusable_file(bad_lists: dict[str, str]) -> None:
    result = runner.invoke(app, ["build", *bad_lists, "--out", "out"])
    _names_each(result, bad_lists)
    assert not Path("out").exists()


def test_explore_fails_on_unusable_input_and_writes_no_page(bad_lists: dict[str, str]) -> None:
    result = runner.invoke(app, ["explore", *bad_lists, "--out", "page.html"])
    _names_each(result, bad_lists)
    assert not Path("page.html").exists()


def test_lineage_blames_the_file_not_the_name(bad_lists: dict[str, str]) -> None:
    result = runner.invoke(app, ["lineage", "Evol-Instruct", "nope.md"])
    _names_each(result, {"nope.md": bad_lists["nope.md"]})
    assert "names nothing" not in result.output


def test_a_list_without_entries_is_named(in_tmp: Path) -> None:
    (in_tmp / "prose.md").write_text("Just a paragraph of prose, nothing more.\n")
    result = runner.invoke(app, ["build", "prose.md", "--out", "out"])
    assert result.exit_code == 1
    assert "error: prose.md: no entries or sections were found in it" in result.stderr


def test_audit_refuses_an_unknown_kind() -> None:
    line = refused(["audit", SMALL, "--kind", "nope"])
    assert "unknown kind 'nope'" in line and "known kinds:" in line and "placeholder" in line


# ---------------------------------------------------------------- queries


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("errors") / "out"
    assert write_outputs(lists_for([SMALL, OTHER], ROOT), ROOT, out, ()).usable
    return out


def query(out: Path, *args: str) -> list[str]:
    return ["query", *args, "--out", str(out)]


def test_missing_parameter_says_what_is_expected_and_the_known_lists(out: Path) -> None:
    line = refused(query(out, "@missing-from-list"))
    assert line == (
        "error: @missing-from-list needs --param list=<list id>; "
        "known lists: details-blocks, numbered-reference"
    )


def test_misspelled_parameter_is_named_with_the_declared_one(out: Path) -> None:
    line = refused(query(out, "@missing-from-list", "--param", "lst=details-blocks"))
    assert "has no parameter 'lst' (did you mean 'list'?)" in line


def test_parameter_of_a_query_without_parameters(out: Path) -> None:
    line = refused(query(out, "@empty-sections", "--param", "foo=1"))
    assert line == "error: @empty-sections has no parameter 'foo'; it takes no parameters"


def test_unknown_list_id_is_refused_with_the_known_ones(out: Path) -> None:
    line = refused(query(out, "@missing-from-list", "--param", "list=nope"))
    assert line == (
        "error: @missing-from-list: no list 'nope'; known lists: details-blocks, numbered-reference"
    )


@pytest.mark.parametrize("value", ["abc", "2", "-0.1"])
def test_a_number_outside_the_declared_range_is_refused(out: Path, value: str) -> None:
    args = ["@lineage", "--param", "name=Evol-Instruct", "--param", f"min_confidence={value}"]
    line = refused(query(out, *args))
    assert f"--param min_confidence='{value}' must be a number from 0 to 1" in line


def test_good_parameters_still_run(out: Path) -> None:
    args = ["@missing-from-list", "--param", "list=details-blocks", "--format", "csv"]
    result = runner.invoke(app, query(out, *args))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("others,title,year,work")


def test_an_unknown_prefix_is_named_with_the_known_ones(out: Path) -> None:
    text = "SELECT ?s WHERE {\n  ?s a skg:Paper ;\n     foo:bar ?o }"
    line = refused(query(out, text))
    assert line.startswith("error: unknown prefix 'foo:' (line 3); known prefixes: skg, skgr,")
    assert "\\u{" not in line


def test_a_syntax_error_keeps_its_position_without_character_classes(out: Path) -> None:
    line = refused(query(out, "SELECT * WHERE { ?s ?p ?o } LIMIT x"))
    assert line.startswith("error: syntax error (line 1, column 35): expected one of")
    assert "['0'" not in line


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { skg:a skg:b skg:c }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/x.ttl>",
        "CLEAR ALL",
        "# a comment\nPREFIX ex: <http://example.org/>\ndrop graph ex:g",
    ],
)
def test_an_update_is_refused_in_words(out: Path, text: str) -> None:
    line = refused(query(out, text))
    assert line == "error: kg query runs read-only queries; updates are not allowed"


def test_a_text_that_is_no_query_is_named(out: Path) -> None:
    line = refused(query(out, "SELEC * WHERE { ?s ?p ?o }"))
    assert "'SELEC' (line 1) starts no query" in line


# ---------------------------------------------------------------- what a good build writes


def test_outputs_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        result = runner.invoke(app, ["build", SMALL, "--out", str(tmp_path), "--no-store"])
        page = tmp_path / "page.html"
        explored = runner.invoke(app, ["explore", SMALL, "--out", str(page)])
    finally:
        os.umask(old)
    assert result.exit_code == 0 and explored.exit_code == 0, result.output + explored.output
    for name in ("kg.ttl", "kg.html", "entries.jsonl", "page.html"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o640, name


def test_curated_facts_not_applied_are_one_line_unless_verbose(tmp_path: Path) -> None:
    args = ["build", SMALL, "--out", str(tmp_path), "--no-store"]
    quiet = runner.invoke(app, args)
    assert quiet.exit_code == 0, quiet.output
    heads = [ln for ln in quiet.output.splitlines() if "not applied" in ln]
    assert len(heads) == 1
    match = re.fullmatch(
        r"(\d+) curated facts? not applied \(their works are not in these lists\); "
        r"--verbose lists them",
        heads[0],
    )
    assert match, heads[0]
    verbose = runner.invoke(app, [*args, "--verbose"]).output.splitlines()
    start = next(i for i, ln in enumerate(verbose) if "not applied" in ln)
    details = [ln for ln in verbose[start + 1 :] if ln.startswith("  ")]
    assert len(details) == int(match.group(1))


def test_lineage_of_an_unknown_name_is_bad_input() -> None:
    line = refused(["lineage", "No-Such-Method", SMALL])
    assert line.startswith("error: 'No-Such-Method' names nothing known")
