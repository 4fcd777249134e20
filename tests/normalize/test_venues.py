"""Tests for kg.normalize.venues: every venue spelling found in the lists."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import VenueInfo
from kg.normalize.venues import is_peer_reviewed, parse_venue

FAST = settings(max_examples=200, deadline=None)
DB = "Datasets and Benchmarks"

# raw -> (venue, year, track, status)
CASES = [
    ("NeurIPS 2023 Datasets & Benchmarks", ("NeurIPS", 2023, DB, "published")),
    ("NeurIPS D&B 2023", ("NeurIPS", 2023, DB, "published")),
    ("NeurIPS 2021", ("NeurIPS", 2021, None, "published")),
    ("Neurips 2024", ("NeurIPS", 2024, None, "published")),
    ("NIPS 2022", ("NeurIPS", 2022, None, "published")),
    ("ACL Findings 2024", ("ACL", 2024, "Findings", "published")),
    ("ACL 2024 Findings", ("ACL", 2024, "Findings", "published")),
    ("Findings of ACL 2025", ("ACL", 2025, "Findings", "published")),
    ("EMNLP finding2023", ("EMNLP", 2023, "Findings", "published")),
    ("EMNLP finding 2023", ("EMNLP", 2023, "Findings", "published")),
    ("EMNLP Findings 2024", ("EMNLP", 2024, "Findings", "published")),
    ("EMNLP 2024 findings", ("EMNLP", 2024, "Findings", "published")),
    ("NAACL Findings 2025", ("NAACL", 2025, "Findings", "published")),
    ("EACL 2024", ("EACL", 2024, None, "published")),
    ("AAAI2025", ("AAAI", 2025, None, "published")),
    ("ICLR2023", ("ICLR", 2023, None, "published")),
    ("Arxiv 2024", ("arXiv", 2024, None, "preprint")),
    ("arXiv 2024", ("arXiv", 2024, None, "preprint")),
    ("arxiv", ("arXiv", None, None, "preprint")),
    ("arxuv 2023", ("arXiv", 2023, None, "preprint")),
    ("Arxiv 2025. (Focus on Persona Diversity)", ("arXiv", 2025, None, "preprint")),
    ("ICLR 2024 Oral", ("ICLR", 2024, "Oral", "published")),
    ("Submitted to TMLR 2025", ("TMLR", 2025, None, "submitted")),
    ("Submit to ICLR 2025", ("ICLR", 2025, None, "submitted")),
    ("Submit to TMLR", ("TMLR", None, None, "submitted")),
    ("ICLR 2022 (Workshop)", ("ICLR", 2022, "Workshop", "workshop")),
    ("NeurIPS Workshop 2024", ("NeurIPS", 2024, "Workshop", "workshop")),
    ("EMNLP Workshop 2023", ("EMNLP", 2023, "Workshop", "workshop")),
    ("ICML Workshop 2024", ("ICML", 2024, "Workshop", "workshop")),
    ("ICDE workshop 2025", ("ICDE", 2025, "Workshop", "workshop")),
    ("\tICLR 2025 Workshop", ("ICLR", 2025, "Workshop", "workshop")),
    ("AutoRL@ICML 2024", ("ICML", 2024, "Workshop", "workshop")),
    ("DPFM@ICLR 2024", ("ICLR", 2024, "Workshop", "workshop")),
    ("AfricaNLP 2025", ("AfricaNLP", 2025, "Workshop", "workshop")),
    ("XLLM 2025", ("XLLM", 2025, "Workshop", "workshop")),
    ("NeurIPS Workshop 2023 / ACL 2024", ("ACL", 2024, None, "published")),
    ("EMNLP 2024 Industry Track", ("EMNLP", 2024, "Industry", "published")),
    ("ACL 2022 Demo", ("ACL", 2022, "Demo", "published")),
    ("CoLM 2025", ("COLM", 2025, None, "published")),
    ("COLM 2024", ("COLM", 2024, None, "published")),
    ("LREC-COLING 2024", ("LREC-COLING", 2024, None, "published")),
    ("JMLR 2024", ("JMLR", 2024, None, "published")),
    ("TACL 2025", ("TACL", 2025, None, "published")),
    ("TMLR 2025", ("TMLR", 2025, None, "published")),
    ("PMLR 2025", ("PMLR", 2025, None, "published")),
    ("CCS 2024", ("CCS", 2024, None, "published")),
    ("WWW 2025", ("WWW", 2025, None, "published")),
    ("GECCO 2024", ("GECCO", 2024, None, "published")),
    ("SIGDIAL 2025", ("SIGDIAL", 2025, None, "published")),
    ("Nature 2024", ("Nature", 2024, None, "published")),
    ("Nature Machine Intelligence 2025", ("Nature Machine Intelligence", 2025, None, "published")),
    ("iScience 2023", ("iScience", 2023, None, "published")),
    ("OpenReview 2025", ("OpenReview", 2025, None, "preprint")),
    ("Huggingface 2024", ("Hugging Face", 2024, None, "preprint")),
    ("Hugging Face 2023", ("Hugging Face", 2023, None, "preprint")),
    ("GitHub 2024", ("GitHub", 2024, None, "preprint")),
    ("github 2023", ("GitHub", 2023, None, "preprint")),
    ("Github repo", ("GitHub", None, None, "preprint")),
    ("41 ICML", ("ICML", None, None, "published")),
    ("Databricks Blog 2023", ("Databricks Blog", 2023, None, None)),
    ("Stanford 2023", ("Stanford", 2023, None, None)),
    ("NAS 2023", ("NAS", 2023, None, None)),
    ("ICIAAI", ("ICIAAI", None, None, None)),
    (
        "Proceedings of the 26th Australasian Computing Education Conference",
        (
            "Proceedings of the 26th Australasian Computing Education Conference",
            None,
            None,
            "published",
        ),
    ),
    ("Feb 16, 2024", (None, 2024, None, None)),
    ("July 15, 2024", (None, 2024, None, None)),
    ("November 8, 2024", (None, 2024, None, None)),
    ("2024", (None, 2024, None, None)),
    ("", (None, None, None, None)),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_parse_venue(raw, expected):
    info = parse_venue(raw)
    assert (info.venue, info.year, info.track, info.status) == expected
    assert info.raw == raw
    assert not info.is_group


# The "Publish" column of data-efficient-llm.md names categories, not venues.
GROUPS = [
    ("NIPS/ICML/ICLR", ("NIPS/ICML/ICLR", True, "published")),
    ("*ACL", ("*ACL", True, "published")),
    ("Journal", ("Journal", True, "published")),
    ("Others", ("Others", True, None)),
    ("AAAI/IJCAL", ("AAAI/IJCAL", True, "published")),
    ("ACM", ("ACM", False, "published")),
    ("IEEE", ("IEEE", False, "published")),
    ("arxiv", ("arXiv", False, "preprint")),
    ("COLM", ("COLM", False, "published")),
]


@pytest.mark.parametrize(("raw", "expected"), GROUPS)
def test_parse_venue_group_column(raw, expected):
    info = parse_venue(raw, group_column=True)
    assert (info.venue, info.is_group, info.status) == expected
    assert info.year is None


def test_slash_groups_are_never_one_venue():
    info = parse_venue("NIPS/ICML/ICLR")
    assert info.is_group
    assert info.venue == "NIPS/ICML/ICLR"


@pytest.mark.parametrize(
    ("status", "expected"),
    [("published", True), ("workshop", True), ("preprint", False), ("submitted", False)],
)
def test_is_peer_reviewed(status, expected):
    assert is_peer_reviewed(VenueInfo(status=status)) is expected
    assert not is_peer_reviewed(VenueInfo())


@FAST
@given(st.text(), st.booleans())
def test_parse_venue_is_total(raw, group_column):
    info = parse_venue(raw, group_column=group_column)
    assert info.raw == raw
    assert info.year is None or 1900 <= info.year <= 2099
    assert info.status in {None, "published", "preprint", "submitted", "workshop"}
    assert info.track in {None, "Findings", "Workshop", DB, "Oral", "Industry", "Demo"}
    assert isinstance(is_peer_reviewed(info), bool)


@FAST
@given(st.sampled_from([raw for raw, _ in CASES]), st.integers(1900, 2099))
def test_year_is_read_anywhere(raw, year):
    assert parse_venue(f"{raw} {year}").year in {year, parse_venue(raw).year}
