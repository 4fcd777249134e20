"""Tests for kg.normalize.text: mojibake repair, cleaning, keys and slugs."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.normalize.text import clean_text, looks_mojibake, repair_text, slugify, title_key

LISTS = sorted((Path(__file__).resolve().parents[2] / "data" / "lists").glob("*.md"))
FAST = settings(max_examples=200, deadline=None)

# Mojibake exactly as it occurs in the lists (Mac Roman unless noted) and what it should be.
MOJIBAKE = [
    ("\uf8ffüî•", "🔥"),
    ("Arxiv 2024.\uf8ffüî•", "Arxiv 2024.🔥"),
    ("¬†", "\u00a0"),
    ("‚Äô", "’"),
    ("star a ‚≠ê.", "star a ⭐."),
    ("Andr√© Bauer", "André Bauer"),
    ("Abdullatif K√∂ksal", "Abdullatif Köksal"),
    ("Hinrich Sch√ºtze", "Hinrich Schütze"),
    ("Tim Rockt√§schel", "Tim Rocktäschel"),
    ("Gabriel Mart√≠n Bl√°zquez", "Gabriel Martín Blázquez"),
    ("√Ålvaro Bartolom√©", "Álvaro Bartolomé"),
    ("Dilek Hakkani-T√ºr", "Dilek Hakkani-Tür"),
    ("Stra√üe", "Straße"),
    ("\uf8ffü§ó Welcome", "🤗 Welcome"),
    ("# \uf8ffüöÄ Awesome-Data-Efficient-LLM \uf8ffüöÄ", "# 🚀 Awesome-Data-Efficient-LLM 🚀"),
    ("## ‚ùñ  Paper List", "## ❖  Paper List"),
    ("LLMsÔºö", "LLMs："),
    ("V¬¥ƒ±ctor Gallego", "Víctor Gallego"),
    # Windows-1252
    ("A Survey of LLM Ã— DATA", "A Survey of LLM × DATA"),
    ("Free Dollyâ€”Introducing", "Free Dolly—Introducing"),
    ("Benchmarks â€” The Arena-Hard Pipeline", "Benchmarks — The Arena-Hard Pipeline"),
    ("GitHub!ðŸ”¥âš¡ðŸ”¥", "GitHub!🔥⚡🔥"),
    ("TÃ¼lu: How Far Can Camels Go?", "Tülu: How Far Can Camels Go?"),
]

LEGITIMATE = [
    "[ZhongJing(仲景)](https://github.com/pariskang/CMLM-ZhongJing)",
    "Tülu 3: Pushing Frontiers",
    "Abdullatif Köksal",
    "é",
    "pages 1–10",
    "a — b",
    "LLM × DATA",
    "≥ 80%",
    "🔥⚡🔥",
    "“Über” and «École»",
    "Je suis allé…”",
    "„Fuß“",
    "naïve Łódź",
    "Ä—",
    "plain ASCII (with) [brackets] & ampersands; it's fine",
]


@pytest.mark.parametrize(("raw", "expected"), MOJIBAKE)
def test_repair_text_fixes_list_mojibake(raw, expected):
    assert repair_text(raw) == expected
    assert looks_mojibake(raw)


@pytest.mark.parametrize("text", LEGITIMATE)
def test_repair_text_keeps_legitimate_text(text):
    assert repair_text(text) == text
    assert not looks_mojibake(text)


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.stem)
def test_lists_repair_only_mojibake_lines(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        fixed = repair_text(line)
        assert repair_text(fixed) == fixed
        assert not looks_mojibake(fixed), fixed
        if not looks_mojibake(line):
            assert fixed == line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Yue Yu,¬†Yuchen Zhuang", "Yue Yu, Yuchen Zhuang"),
        ("  a\tb\n\nc\u00a0d\u200be  ", "a b c d e"),
        ("it‚Äôs “quoted” ‘single’ 5′ 6″", "it's \"quoted\" 'single' 5' 6\""),
        ("ctrl\x00\x07chars\x1b", "ctrlchars"),
        ("soft\u00adhyphen", "softhyphen"),
        ("√\x00©", "é"),  # the control character hid the mojibake
        ("\tICLR 2025 Workshop", "ICLR 2025 Workshop"),
        ("", ""),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tülu: How Far Can Camels Go?", "tulu how far can camels go"),
        ("TÃ¼lu: How Far Can Camels Go?", "tulu how far can camels go"),
        ("Self-Instruct:  Aligning LMs", "self instruct aligning lms"),
        ("V¬¥ƒ±ctor Gallego", "victor gallego"),
        ("Łukasz Straße", "lukasz strasse"),
        ("ZhongJing(仲景)", "zhongjing 仲景"),
        ("snake_case__name", "snake case name"),
        ("!!!", ""),
    ],
)
def test_title_key(raw, expected):
    assert title_key(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tülu: How Far Can Camels Go?", "tulu-how-far-can-camels-go"),
        ("Free Dollyâ€”Introducing", "free-dolly-introducing"),
        ("ZhongJing(仲景)", "zhongjing"),
        ("仲景", "x"),
        ("", "x"),
        ("--A--B--", "a-b"),
    ],
)
def test_slugify(raw, expected):
    assert slugify(raw) == expected


def test_slugify_truncates_at_a_hyphen():
    slug = slugify("alpha beta gamma delta epsilon", max_len=18)
    assert slug == "alpha-beta-gamma"
    assert slugify("x" * 100, max_len=10) == "x" * 10
    assert slugify("abc", max_len=0) == "a"


SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@FAST
@given(st.text())
def test_text_functions_are_idempotent(s):
    for fn in (repair_text, clean_text, title_key, slugify):
        once = fn(s)
        assert fn(once) == once


@FAST
@given(st.text(), st.integers(min_value=-5, max_value=120))
def test_slugify_shape(s, max_len):
    slug = slugify(s, max_len=max_len)
    assert SLUG.match(slug)
    assert len(slug) <= max(1, max_len)


@FAST
@given(st.text())
def test_clean_text_shape(s):
    cleaned = clean_text(s)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
    assert not any(ch in cleaned for ch in "\t\n\r\u00a0‘’“”")
    assert isinstance(looks_mojibake(s), bool)


# Text of the kind the lists contain; none of these characters is a Mac Roman lead byte.
LEGIT_ALPHABET = st.sampled_from(
    list("abcXYZ019 .,:;!?()-'")
    + list("éüößáíóñçèàÉÜÖ")
    + ["—", "–", "’", "“", "”", "×", "≥", "…", "🔥", "🚀", "🤗", "⭐", "❖", "仲", "景", "中"]
)
LEGIT_TEXT = st.lists(LEGIT_ALPHABET, max_size=30).map("".join)


@FAST
@given(LEGIT_TEXT)
def test_mac_roman_mojibake_round_trips(s):
    mangled = s.encode("utf-8").decode("mac_roman")
    assert repair_text(mangled) == repair_text(s)


WIN_ALPHABET = st.sampled_from([*"abc XYZ 019.,", "—", "’", "“", "”", "≥", "…", "🔥", "🚀"])


@FAST
@given(st.lists(WIN_ALPHABET, max_size=30).map("".join))
def test_windows_1252_mojibake_round_trips(s):
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

    mangled = s.encode("utf-8").decode("sloppy-windows-1252")
    assert repair_text(mangled) == repair_text(s)
