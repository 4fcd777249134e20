"""Triage of candidate papers: BibTeX, Atom and text files; duplicates by the resolver; the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.authoring.triage import CandidateError, read_candidates, triage
from kg.authoring.triage_eval import same_by_ratio
from kg.cli import app
from kg.model import SurveyList
from kg.pipeline import Built, build_graph_from_lists

TESTS = Path(__file__).resolve().parents[1]
LISTS = TESTS / "fixtures" / "lists" / "authoring"
CANDIDATES = TESTS / "fixtures" / "candidates"


@pytest.fixture(scope="module")
def built() -> Built:
    lists = [SurveyList(id=n, title=n, file=f"{n}.md") for n in ("alpha", "beta", "gamma")]
    return build_graph_from_lists(lists, LISTS)


def _by_title(built: Built, name: str) -> dict[str, object]:
    return {t.title: t for t in triage(built, "beta", read_candidates(CANDIDATES / name))}


def test_bibtex_finds_the_listed_paper_and_places_the_new_one(built: Built) -> None:
    found = _by_title(built, "candidates.bib")
    gat = found["Graph Attention Networks"]
    assert [(w.line, w.sections) for w in gat.in_list] == [(8, ["Message Passing"])]
    assert [w.list_id for w in gat.elsewhere] == ["alpha"]
    new = found["GraphMAE: Self-Supervised Masked Graph Autoencoders"]
    assert not new.in_list and not new.elsewhere
    assert len(new.suggestions) == 3
    assert new.entry.startswith("| [GraphMAE: Self-Supervised Masked Graph Autoencoders](")


def test_atom_feed_entries_are_read_and_matched(built: Built) -> None:
    found = _by_title(built, "arxiv.atom")
    gin = found["How Powerful are Graph Neural Networks?"]
    assert gin.in_list[0].line == 9 and {w.list_id for w in gin.elsewhere} == {"gamma"}
    new = found["Graph Self-Supervised Learning with Contrastive Views"]
    assert new.suggestions[0].label == "Contrastive Pre-training"
    assert "2103.00111" in new.entry


def test_text_titles_and_bare_urls(built: Built) -> None:
    found = triage(built, "beta", read_candidates(CANDIDATES / "titles.txt"))
    assert [t.line for t in found] == [2, 3, 4]
    assert found[0].in_list[0].line == 10
    assert found[1].title == "Deep Graph Infomax" and found[1].in_list[0].line == 16
    assert not found[2].in_list and found[2].url == "https://arxiv.org/abs/1911.06455"


def test_a_near_title_is_not_a_duplicate_for_the_resolver(built: Built, tmp_path: Path) -> None:
    path = tmp_path / "near.txt"
    path.write_text("Graph Attention Networks II\n", encoding="utf-8")
    (t,) = triage(built, "beta", read_candidates(path))
    assert same_by_ratio(t.title, "Graph Attention Networks")
    assert not t.in_list


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.bib", "@article{x,\n title = {Open\n", "not valid BibTeX"),
        ("bad.atom", "<feed><entry><title>x</titl", "not a readable Atom feed"),
        ("empty.txt", "# nothing\n\n", "no candidate found"),
        ("bin.txt", "\x00\x01", "binary"),
    ],
)
def test_bad_files_are_named_with_the_reason(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CandidateError, match=message) as err:
        read_candidates(path)
    assert name in str(err.value) and "\n" not in str(err.value)


def test_cli_triage_and_suggest_on_a_list_file(tmp_path: Path) -> None:
    runner = CliRunner()
    listed = str(LISTS / "beta.md")
    result = runner.invoke(
        app, ["triage", str(CANDIDATES / "candidates.bib"), "--list", listed, "--json"]
    )
    assert result.exit_code == 0, result.output
    assert "Graph Attention Networks" in result.output
    result = runner.invoke(app, ["suggest", "Contrastive graph pre-training", "--list", listed])
    assert result.exit_code == 0, result.output
    assert "Contrastive Pre-training" in result.output.splitlines()[0]


@pytest.mark.parametrize(
    "args",
    [
        ["triage", str(CANDIDATES / "titles.txt"), "--list", "no-such-list"],
        ["triage", str(CANDIDATES / "garbled.bib"), "--list", "beta"],
        ["triage", "missing.bib", "--list", "beta"],
        ["suggest", "A title", "--list", "no-such-list"],
    ],
)
def test_cli_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("error")]) == 1
