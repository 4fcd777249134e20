"""The five bundled lists: entry counts checked against independent counts, sections, defects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.model import LineKind, ParsedList, SectionOrigin, WorkKind
from kg.sources.ingest import empty_sections

ROOT = Path(__file__).resolve().parents[2]


def _lines(list_file: str) -> list[str]:
    return (ROOT / list_file).read_text("utf-8").splitlines()


def _bullet_count(lines: list[str]) -> int:
    """Independent count for the bullet lists: every `-`/`*` bullet line, minus table-of-contents
    bullets (an in-page `](#` link or a bare section number), minus bold/italic-only label bullets,
    minus the "Latest updates" notes (`- **Section …`). Plain line regexes, no markdown parser."""
    bullets = [ln for ln in lines if re.match(r"^\s*[-*] ", ln)]
    toc = [ln for ln in bullets if re.match(r"^\s*[-*] (\[[^]]*\]\(#|[0-9.]+ )", ln)]
    labels = [ln for ln in bullets if re.match(r"^\s*- (\*\*[^*]+\*\*|\*[^*]+\*)\s*$", ln)]
    notes = [ln for ln in bullets if ln.startswith("- **Section")]
    return len(bullets) - len(toc) - len(labels) - len(notes)


def _table_row_count(lines: list[str]) -> int:
    """Independent count for the table lists: lines holding a `|`, minus one header and one
    delimiter row per table, minus placeholder rows (`[]()` or an "example paper")."""
    rows = [ln for ln in lines if "|" in ln]
    delimiters = [ln for ln in rows if re.match(r"^\|?\s*:?-{3,}", ln)]
    placeholders = [ln for ln in rows if "[]()" in ln or "[example paper]" in ln]
    return len(rows) - 2 * len(delimiters) - len(placeholders)


@pytest.mark.parametrize(
    ("list_id", "counter", "expected"),
    [
        ("llms-data-ai-v1", _bullet_count, 97),
        ("llms-data-ai-v2", _bullet_count, 234),
        ("llm-synthetic-data", _bullet_count, 270),
        ("data-efficient-llm", _table_row_count, 215),
        ("data-synthesis-survey", _table_row_count, 109),
    ],
)
def test_entry_count_matches_independent_count(
    seeds: dict[str, ParsedList], list_id: str, counter, expected: int
) -> None:
    parsed = seeds[list_id]
    assert counter(_lines(parsed.source.file)) == expected
    assert len(parsed.entries) == expected


def test_every_line_is_classified_once(seeds: dict[str, ParsedList]) -> None:
    for parsed in seeds.values():
        numbers = [r.line for r in parsed.lines]
        assert numbers == list(range(1, parsed.line_count + 1))
        entry_lines = {e.line for e in parsed.entries}
        marked = {r.line for r in parsed.lines if r.kind == LineKind.ENTRY and not r.reason}
        assert entry_lines == marked


def test_stray_word_is_reported_not_lost(seeds: dict[str, ParsedList]) -> None:
    v1 = seeds["llms-data-ai-v1"]
    stray = [r for r in v1.lines if r.kind == LineKind.NOT_UNDERSTOOD]
    assert [r.line for r in stray] == [68]
    assert _lines(v1.source.file)[67] == "selection"


def test_missing_intermediate_sections_are_implied_from_the_contents(
    seeds: dict[str, ParsedList],
) -> None:
    v1 = {s.key: s for s in seeds["llms-data-ai-v1"].sections}
    assert v1["4"].origin == SectionOrigin.IMPLIED and v1["4"].label == "Creation"
    assert v1["4.1"].parent == "4" and v1["4.1.1"].parent == "4.1"
    assert v1["4.2"].parent == "4"  # written at level 3 after "### Summary", numbered 4.2
    kinds = {(i.line, i.kind) for i in seeds["llms-data-ai-v1"].issues}
    assert (132, "skipped-heading-level") in kinds


def test_misnumbered_heading_keeps_its_position(seeds: dict[str, ParsedList]) -> None:
    live = seeds["llm-synthetic-data"]
    section = next(s for s in live.sections if s.notation == "5.15")
    assert section.parent == "6" and section.label == "Knowledge-Intensive Data"
    assert any(i.kind == "misnumbered-heading" and i.line == section.line for i in live.issues)


def test_stray_heading_tails_are_removed_and_reported(seeds: dict[str, ParsedList]) -> None:
    v2 = seeds["llms-data-ai-v2"]
    labels = {s.notation: s.label for s in v2.sections}
    assert labels["6.2.8"] == "Model-Aware Filter"
    assert labels["6.1.3"] == "Data Sensitivity and Privacy"
    assert {i.line for i in v2.issues if i.kind == "malformed-heading"} == {352, 376}


def test_bold_and_italic_labels_are_sub_sections(seeds: dict[str, ParsedList]) -> None:
    live = seeds["llm-synthetic-data"]
    by_key = {s.key: s for s in live.sections}
    rubric = by_key["4.3.4/external-knowledge/human-rubric"]
    assert rubric.origin == SectionOrigin.ITALIC_LABEL
    assert by_key[rubric.parent or ""].origin == SectionOrigin.BOLD_LABEL
    entry = next(e for e in live.entries if e.line == 173)
    assert entry.sections == [rubric.key]


def test_category_cells_put_an_entry_in_each_category(seeds: dict[str, ParsedList]) -> None:
    table = seeds["data-efficient-llm"]
    coach = next(e for e in table.entries if e.title.startswith("CoachLM"))
    assert coach.sections == ["paper-list/data-selection", "paper-list/data-quality-enhancement"]
    assert coach.summary is not None and coach.summary.startswith("CoachLM automatically revises")
    assert (coach.venue.venue, coach.venue.year) == ("IEEE", 2023)


def test_venue_groups_stay_groups(seeds: dict[str, ParsedList]) -> None:
    table = seeds["data-efficient-llm"]
    alpagasus = next(e for e in table.entries if e.title.startswith("Alpagasus"))
    assert alpagasus.venue.is_group and alpagasus.venue.venue == "NIPS/ICML/ICLR"
    assert alpagasus.venue.year == 2024


def test_empty_sections_and_placeholders(seeds: dict[str, ParsedList]) -> None:
    survey = seeds["data-synthesis-survey"]
    empty = empty_sections(survey)
    assert "applications/prompt" in empty and "dataset/dataset-examples" in empty
    placeholders = [r.line for r in survey.lines if r.kind == LineKind.PLACEHOLDER]
    assert placeholders == [26, 106, 107, 108, 109, 110, 111]
    assert "2" in empty_sections(seeds["llms-data-ai-v1"])  # the empty "Taxonomy" section


def test_bullet_details(seeds: dict[str, ParsedList]) -> None:
    live = {e.line: e for e in seeds["llm-synthetic-data"].entries}
    phi = live[103]
    assert phi.title == "Phi-4 Technical Report" and phi.highlighted
    assert phi.authors == ["Microsoft Research"] and phi.venue.venue == "arXiv"
    selfplay = live[240]
    assert selfplay.note == "Submit to ICLR 2025" and selfplay.venue.status == "submitted"
    persona = live[277]
    assert persona.note == "Focus on Persona Diversity" and persona.venue.year == 2025
    assert live[88].authors[0] == "Ruibo Liu" and live[88].venue.venue == "COLM"


def test_mojibake_is_repaired_in_titles(seeds: dict[str, ParsedList]) -> None:
    v1 = {e.line: e for e in seeds["llms-data-ai-v1"].entries}
    assert v1[89].title == "Tülu: How Far Can Camels Go?"
    assert "Ã" in v1[89].raw  # the raw text is kept as written
    assert v1[55].title == "A Survey of LLM × DATA"


def test_entry_kinds(seeds: dict[str, ParsedList]) -> None:
    live = seeds["llm-synthetic-data"]
    kinds = {e.line: e.kind for e in live.entries}
    assert kinds[73] == WorkKind.SOFTWARE  # a GitHub list
    assert kinds[78] == WorkKind.BLOG  # a Hugging Face blog post
    assert kinds[415] == WorkKind.DATASET  # a Hugging Face dataset page
    assert kinds[88] == WorkKind.PAPER


def test_unsafe_links_never_become_urls(seeds: dict[str, ParsedList]) -> None:
    table = seeds["data-efficient-llm"]
    flagged = [i for i in table.issues if i.kind == "unsafe-link"]
    assert flagged and all("javascript" in i.message for i in flagged)
    for entry in table.entries:
        assert entry.url is None or entry.url.startswith(("http://", "https://"))
        assert entry.url is None or "javascript" not in entry.url
