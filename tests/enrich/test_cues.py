"""Kind cues: what a title's wording says a named thing is."""

from __future__ import annotations

import pytest

from kg.enrich.cues import kind_cue, name_kind
from kg.model import EntityKind


@pytest.mark.parametrize(
    ("name", "subtitle", "kind"),
    [
        ("GAIA", "A Benchmark for General AI Assistants", EntityKind.BENCHMARK),
        ("HumanEval", "Evaluating Large Language Models Trained on Code", EntityKind.BENCHMARK),
        (
            "XSTest",
            "A Test Suite for Identifying Exaggerated Safety Behaviours",
            EntityKind.BENCHMARK,
        ),
        ("Dolma", "An Open Corpus of Three Trillion Tokens", EntityKind.DATASET),
        ("OpenMathInstruct-1", "A 1.8 Million Math Instruction Tuning Dataset", EntityKind.DATASET),
        (
            "Nemotron-CC",
            "Transforming Common Crawl into a Refined Pretraining Dataset",
            EntityKind.DATASET,
        ),
        ("Llemma", "An open language model for mathematics", EntityKind.MODEL),
        (
            "FinTral",
            "A Family of GPT-4 Level Multimodal Financial Large Language Models",
            EntityKind.MODEL,
        ),
        ("LESS", "Selecting Influential Data for Targeted Instruction Tuning", None),
        ("DEITA", "Data-Efficient Instruction Tuning for Alignment", None),
    ],
)
def test_kind_cue(name: str, subtitle: str, kind: EntityKind | None) -> None:
    assert kind_cue(name, subtitle) is kind


def test_name_kind() -> None:
    assert name_kind("HuatuoGPT-II") is EntityKind.MODEL
    assert name_kind("WizardCoder") is EntityKind.MODEL
    assert name_kind("Magpie") is None
