"""Ready-to-paste entries in a list's own style: a bullet for alpha, a table row for beta, a
" - summary" bullet for gamma; parts the work has no value for are left out or empty, never
filled with the example entry's values; hostile titles and links stay text."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from kg.authoring.style import Template, learn, render
from kg.model import VenueInfo, Work, WorkKind
from kg.pipeline import Built

BETA_HEADER = "| Title | Venue | Code |\n| --- | --- | --- |\n"
HOSTILE_TITLES = [
    "[evil](javascript:alert(1)) wins",
    "Pipes | split <script>alert(1)</script> cells",
    "Back`ticks` and **stars** and \\ backslash",
    "Line\nbreak\tand\r\ntabs",
    "![image](https://example.org/x.png) ]] [[ unbalanced",
]


def _template(built: Built, list_id: str) -> Template:
    entries = sorted(
        (e for e in built.graph.mentions.values() if e.list_id == list_id), key=lambda e: e.line
    )
    labels = {s.key: s.label for s in built.graph.sections.values() if s.list_id == list_id}
    template = learn(entries, labels)
    assert template is not None
    return template


def _work(title: str = "A New Graph Model", **fields: object) -> Work:
    values: dict[str, object] = {
        "id": "paper/new",
        "kind": WorkKind.PAPER,
        "title": title,
        "urls": ["https://arxiv.org/abs/2401.00001"],
        "venue": VenueInfo(raw="ICML 2024", venue="ICML", year=2024),
        "year": 2024,
    }
    return Work.model_validate(values | fields)


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _inline(tokens: list[Token]) -> list[Token]:
    return [child for t in tokens if t.type == "inline" for child in t.children or []]


def _links(children: list[Token]) -> list[tuple[str, str]]:
    """(text, href) of each link among inline tokens."""
    found, href, text = [], None, []
    for token in children:
        if token.type == "link_open":
            href, text = str(token.attrGet("href")), []
        elif token.type == "link_close":
            found.append(("".join(text), href))
            href = None
        elif href is not None:
            text.append(token.content if token.type != "softbreak" else " ")
    return found


def _no_markup(children: list[Token]) -> bool:
    kinds = {t.type for t in children}
    return not kinds & {"html_inline", "image", "code_inline", "em_open", "strong_open"}


def _row_cells(row: str) -> list[list[Token]]:
    """The cells of a table row written under beta's header, as inline tokens."""
    tokens = _md().parse(BETA_HEADER + row + "\n")
    body = tokens[[t.type for t in tokens].index("tbody_open") :]
    assert [t.type for t in body].count("tr_open") == 1, row
    return [t.children or [] for t in body if t.type == "inline"]


def _as_document(entry: str) -> str:
    """A table row goes under beta's header to be read as one."""
    return BETA_HEADER + entry if entry.startswith("|") else entry


def _collapsed(text: str) -> str:
    return " ".join(text.split())


# each list's own style


def test_alpha_writes_a_bullet_with_venue_and_year(built: Built) -> None:
    entry = render(_template(built, "alpha"), _work())
    assert entry == "- [A New Graph Model](https://arxiv.org/abs/2401.00001). ICML 2024."


def test_beta_writes_a_table_row_with_the_work_s_own_code_link(built: Built) -> None:
    work = _work(code_urls=["https://github.com/someone/new-model"])
    entry = render(_template(built, "beta"), work)
    assert entry == (
        "| [A New Graph Model](https://arxiv.org/abs/2401.00001) | ICML 2024 "
        "| [code](https://github.com/someone/new-model) |"
    )


def test_beta_leaves_cells_empty_rather_than_borrow_the_example_s_values(built: Built) -> None:
    template = _template(built, "beta")
    assert template.source.code_url  # the example row has a code link: GCN's
    bare = _work(urls=[], venue=VenueInfo(), year=None)
    entry = render(template, bare)
    assert entry == "| A New Graph Model | | |"
    assert "tkipf" not in entry and "2017" not in entry and "ICLR" not in entry
    assert [len(cells) > 0 for cells in _row_cells(entry)] == [True, False, False]


def test_gamma_keeps_its_summary_separator_only_with_a_summary(built: Built) -> None:
    template = _template(built, "gamma")
    plain = render(template, _work())
    assert plain == "- [A New Graph Model](https://arxiv.org/abs/2401.00001)"
    summarised = render(template, _work(summaries=["a new model."]))
    assert summarised == "- [A New Graph Model](https://arxiv.org/abs/2401.00001) - a new model."


def test_without_a_template_the_entry_is_a_plain_bullet() -> None:
    assert render(None, _work()) == (
        "- [A New Graph Model](https://arxiv.org/abs/2401.00001). ICML 2024."
    )
    assert render(None, _work(urls=[], venue=VenueInfo(), year=None)) == "- A New Graph Model."


def test_learn_skips_entries_whose_title_or_link_is_not_in_their_line(built: Built) -> None:
    alpha = sorted(
        (e for e in built.graph.mentions.values() if e.list_id == "alpha"), key=lambda e: -e.line
    )
    assert alpha[0].url is None  # "Benchmarking Graph Neural Networks" has no link
    template = learn(alpha)
    assert template is not None and template.source.url
    assert learn([alpha[0]]) is None
    assert "\x00title\x00" in template.text and "\x00url\x00" in template.text


# hostile values


@pytest.mark.parametrize("title", HOSTILE_TITLES)
@pytest.mark.parametrize("list_id", ["alpha", "gamma", None])
def test_a_hostile_title_stays_the_text_of_one_link(
    built: Built, list_id: str | None, title: str
) -> None:
    template = _template(built, list_id) if list_id else None
    entry = render(template, _work(title))
    assert "\n" not in entry and "\r" not in entry
    children = _inline(_md().parse(entry))
    assert _links(children) == [(_collapsed(title), "https://arxiv.org/abs/2401.00001")]
    assert _no_markup(children)


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_hostile_title_stays_in_its_table_cell(built: Built, title: str) -> None:
    work = _work(title, summaries=["| a | b |"], authors=["A | B"])
    entry = render(_template(built, "beta"), work)
    cells = _row_cells(entry)
    assert len(cells) == 3
    assert _links(cells[0]) == [(_collapsed(title), "https://arxiv.org/abs/2401.00001")]
    assert _no_markup(cells[0])


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a_(b)) [x](javascript:alert(1))",
        "https://example.org/with space|pipe>angle<",
        "https://example.org/ünïcode?q=1&r=2#frag",
    ],
)
def test_a_hostile_link_cannot_end_the_link_early(built: Built, url: str) -> None:
    for template in (_template(built, "alpha"), _template(built, "beta"), None):
        entry = render(template, _work(urls=[url]))
        links = _links(_inline(_md().parse(_as_document(entry))))
        assert len(links) == 1 and links[0][0] == "A New Graph Model"
        assert links[0][1].startswith("https://example.org/")
        assert "javascript" not in links[0][1].split("%")[0]
