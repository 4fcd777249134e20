"""Hand-written lists unlike the seeds: the generic reader needs no configuration for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import LineKind, ParsedList, SurveyList, WorkKind
from kg.sources import read_list

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lists"


def _read(name: str) -> ParsedList:
    return read_list(SurveyList(id=Path(name).stem, title=name, file=name), FIXTURES)


def _by_title(parsed: ParsedList) -> dict[str, object]:
    return {e.title: e for e in parsed.entries}


@pytest.mark.parametrize(
    ("name", "entries", "sections"),
    [
        ("star_plus_crlf_bom.md", 6, 3),
        ("numbered_reference.md", 7, 2),
        ("details_blocks.md", 9, 3),
        ("table_columns_reordered.md", 4, 5),
    ],
)
def test_fixture_lists_are_read_without_configuration(
    name: str, entries: int, sections: int
) -> None:
    parsed = _read(name)
    assert len(parsed.entries) == entries
    assert len(parsed.sections) == sections
    assert not [r for r in parsed.lines if r.kind == LineKind.NOT_UNDERSTOOD]
    assert len(parsed.lines) == parsed.line_count


def test_crlf_bom_star_plus_entities_and_angle_links() -> None:
    parsed = _read("star_plus_crlf_bom.md")
    assert parsed.title == "Awesome Retrieval Papers"  # BOM stripped
    dpr = parsed.entries[0]
    assert dpr.line == 8 and dpr.authors == ["Vladimir Karpukhin", "Barlas Oguz", "Sewon Min"]
    contriever = parsed.entries[2]
    assert contriever.title.startswith("Contriever — Unsupervised")  # &mdash; decoded
    assert contriever.url == "https://arxiv.org/abs/2112.09118"  # <angle-bracket> link
    assert [str(i) for i in contriever.identifiers] == ["arxiv:2112.09118"]
    assert parsed.entries[3].title == "SPLADE: Sparse Lexical and Expansion Model"
    assert "&" in [s.label for s in parsed.sections][1]
    assert parsed.entries[5].kind == WorkKind.SOFTWARE


def test_numbered_items_reference_links_and_brackets() -> None:
    parsed = _read("numbered_reference.md")
    titles = _by_title(parsed)
    humaneval = titles["HumanEval: Evaluating Large Language Models Trained on Code"]
    assert humaneval.url == "https://arxiv.org/abs/2107.03374"  # reference-style link
    assert humaneval.venue.venue == "ICML" and humaneval.venue.year == 2021
    assert (
        "MBPP (Mostly Basic Python Problems): Program Synthesis with Large Language Models"
        in titles
    )
    refine = next(e for e in parsed.entries if e.title.startswith("Self-Refine"))
    assert refine.title.endswith("[Self-Refine]")  # brackets inside a link text
    unbalanced = next(e for e in parsed.entries if e.title.startswith("Unbalanced"))
    assert unbalanced.url == "https://arxiv.org/abs/2203.07814"
    kinds = {r.line: r.kind for r in parsed.lines}
    assert kinds[1] == LineKind.STRUCTURE and kinds[6] == LineKind.HEADING  # setext headings
    assert kinds[21] == LineKind.STRUCTURE  # link reference definitions


def test_details_blocks_blockquotes_paragraph_entries_and_unsafe_links() -> None:
    parsed = _read("details_blocks.md")
    lines = {e.line: e for e in parsed.entries}
    assert lines[12].title.startswith("Tree of Thoughts")  # nested inside <details>
    assert lines[18].title.startswith("Toolformer") and lines[19].title.startswith("Gorilla")
    assert lines[25].title.startswith("AgentBench")  # a bullet inside a blockquote
    assert lines[30].kind == WorkKind.DATASET
    unsafe = lines[31]
    assert unsafe.title == "Do not click" and unsafe.url is None
    assert any(i.kind == "unsafe-link" and i.line == 31 for i in parsed.issues)
    kinds = {r.line: r.kind for r in parsed.lines}
    assert kinds[7] == LineKind.STRUCTURE  # <details>
    assert kinds[22] == LineKind.STRUCTURE  # fenced code


def test_tables_map_columns_by_header_whatever_their_order() -> None:
    parsed = _read("table_columns_reordered.md")
    self_instruct, alpaca, wizard, lima = parsed.entries
    assert self_instruct.venue.venue == "ACL" and self_instruct.venue.year == 2023
    assert self_instruct.code_url == "https://github.com/yizhongw/self-instruct"
    assert len(self_instruct.sections) == 2  # "Generation, Bootstrapping"
    assert alpaca.kind == WorkKind.SOFTWARE and alpaca.code_url is None
    assert wizard.venue.year == 2024  # a short row does not crash
    assert lima.venue.venue == "NeurIPS"  # a long row does not either
    assert [r.line for r in parsed.lines if r.kind == LineKind.PLACEHOLDER] == [9]


def test_html_paragraphs_that_link_works_are_entries(tmp_path: Path) -> None:
    (tmp_path / "h.md").write_text(
        "# List\n\n## Papers\n\n"
        '<p align="center"><a href="https://awesome.re"><img src="b.svg" alt="Awesome"></a></p>\n\n'
        '<p><a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a>, NeurIPS 2017</p>\n'
        '<p><a href="#top">back to top</a></p>\n',
        encoding="utf-8",
    )
    parsed = read_list(SurveyList(id="h", title="h", file="h.md"), tmp_path)
    assert [(e.line, e.title, e.venue.venue) for e in parsed.entries] == [
        (7, "Attention Is All You Need", "NeurIPS")
    ]
