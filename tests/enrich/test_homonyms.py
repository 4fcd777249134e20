"""One name presented by unrelated works splits; one thing listed twice does not."""

from __future__ import annotations

from kg.enrich.claims import Claim, Role
from kg.enrich.homonyms import split


def _presents(work: str, title: str, name: str = "LIFT") -> Claim:
    return Claim(work, f"{work}:1", name.casefold(), name, Role.INTRODUCED, "title-prefix", title)


def test_unrelated_works_split() -> None:
    a = _presents("p/1", "LIFT: Rethinking the Instruction Quality — LIFT Is What You Need")
    b = _presents("p/2", "LIFT: LLM-Based Pragma Insertion for HLS via GNN Supervised Fine-Tuning")
    assert split([a, b]) == [[a], [b]]


def test_one_thing_listed_twice_stays_together() -> None:
    a = _presents(
        "p/1", "Do-Not-Answer: A Dataset for Evaluating Safeguards in LLMs", "Do-Not-Answer"
    )
    b = _presents("p/2", "Do-Not-Answer: Evaluating Safeguards in LLMs", "Do-Not-Answer")
    assert split([a, b]) == [[a, b]]
