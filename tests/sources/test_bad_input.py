"""Bad input: a clear message naming the file, never a traceback, never silent loss."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import LineKind, SurveyList
from kg.sources import ListReadError, read_list


def _source(path: Path) -> SurveyList:
    return SurveyList(id="x", title="x", file=path.name)


def test_empty_file_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"  \n\n")
    with pytest.raises(ListReadError, match=r"empty\.md: the file is empty"):
        read_list(_source(tmp_path / "empty.md"), tmp_path)


def test_binary_file_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ListReadError, match=r"logo\.png: this looks like a binary file"):
        read_list(_source(tmp_path / "logo.png"), tmp_path)


def test_missing_file_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(ListReadError, match=r"nope\.md: no such file"):
        read_list(_source(tmp_path / "nope.md"), tmp_path)


def test_latin1_file_is_read_with_a_warning(tmp_path: Path) -> None:
    text = "# Liste\n\n## Résumé\n\n- [Café au lait: une étude](https://arxiv.org/abs/2301.00001)\n"
    (tmp_path / "latin.md").write_bytes(text.encode("latin-1"))
    parsed = read_list(_source(tmp_path / "latin.md"), tmp_path)
    assert parsed.entries[0].title == "Café au lait: une étude"
    assert any(i.kind == "encoding" and "line 3" in i.message for i in parsed.issues)


def test_ten_megabyte_list_is_read(tmp_path: Path) -> None:
    bullet = (
        "- [A Study of Things {n}](https://arxiv.org/abs/2301.{n:05d}) *A. Author.* ICML 2023.\n"
    )
    body = "".join(bullet.format(n=n % 99999) for n in range(120_000))
    (tmp_path / "big.md").write_text("# Big\n\n## Papers\n\n" + body, "utf-8")
    assert (tmp_path / "big.md").stat().st_size > 10_000_000
    parsed = read_list(_source(tmp_path / "big.md"), tmp_path)
    assert len(parsed.entries) == 120_000


def test_very_long_line_and_unbalanced_brackets(tmp_path: Path) -> None:
    long_title = "word " * 20_000
    text = (
        "# L\n\n## S\n\n"
        f"- [{long_title}](https://example.org/x)\n"
        "- [Unclosed title (https://arxiv.org/abs/2301.00002\n"
        "- ]]][[[ ((( *** \n"
    )
    (tmp_path / "odd.md").write_text(text, "utf-8")
    parsed = read_list(_source(tmp_path / "odd.md"), tmp_path)
    assert len(parsed.lines) == parsed.line_count == 7
    accounted = {r.line for r in parsed.lines if r.kind != LineKind.BLANK}
    assert {5, 6, 7} <= accounted
    assert parsed.entries[0].title.startswith("word word")
    assert parsed.entries[1].url == "https://arxiv.org/abs/2301.00002"
