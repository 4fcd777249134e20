"""Property tests: arbitrary text never crashes the reader, and every line is accounted for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import SurveyList
from kg.sources import read_markdown

SOURCE = SurveyList(id="p", title="p", file="p.md")
MARKDOWNISH = st.lists(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(
            [
                "# T",
                "## 1. A",
                "### 1.1 B",
                "#### **2.3. C**",
                "- ",
                "* ",
                "1. ",
                "| a | b |",
                "|---|---|",
                "[x](http://a.b)",
                "[]()",
                "**A. L**",
                "*i*",
                "<details>",
                "```",
                "> ",
                "](#x",
                "[",
                "](",
                "🔥",
                "Ã—",
                "\t",
                "\r\n",
                "&amp;",
                "<https://x.y>",
            ]
        ),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH)
def test_reader_never_crashes_and_accounts_for_every_line(text: str) -> None:
    parsed = read_markdown(text, SOURCE)
    assert [r.line for r in parsed.lines] == list(range(1, parsed.line_count + 1))
    for entry in parsed.entries:
        assert entry.sections and entry.title
        assert entry.url is None or entry.url.startswith(("http://", "https://"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_reader_survives_arbitrary_unicode(text: str) -> None:
    parsed = read_markdown(text, SOURCE)
    assert len(parsed.lines) == parsed.line_count
