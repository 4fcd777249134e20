"""Names read from titles: folding, generic words, prefixes, methods named after with/via."""

from __future__ import annotations

import pytest

from kg.enrich.names import (
    base_names,
    benchmark_names,
    fold,
    is_generic,
    leading_dataset,
    looks_like_name,
    prefix_names,
    report_names,
    used_names,
)
from kg.model import EntityKind


@pytest.mark.parametrize(
    "spellings",
    [
        ("GSM8K", "gsm8k", "GSM-8K", "GSM 8K"),
        ("Evol-Instruct", "Evol Instruct", "evol-instruct", "EvolInstruct"),
        ("Tülu", "Tulu", "TULU"),
        ("Self-Instruct", "SELF-INSTRUCT", "Self-instruct", "Self-instruction"),
    ],
)
def test_spellings_fold_alike(spellings: tuple[str, ...]) -> None:
    assert len({fold(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("a", "b"), [("STaR", "rStar"), ("LESS", "Less is More"), ("LIMA", "LIMO")]
)
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_plus_is_part_of_a_name() -> None:
    assert fold("Multi-News+") != fold("Multi-News")


@pytest.mark.parametrize(
    "word", ["Data", "LLM", "LLMs", "Survey", "Model", "Models", "Self", "Personas", "Fine-Tuning"]
)
def test_generic_words_are_never_names(word: str) -> None:
    assert is_generic(word)
    assert not looks_like_name(word)
    assert prefix_names(f"{word}: Something About Language Models") == []


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("DEITA: Data-Efficient Instruction Tuning for Alignment", ["DEITA"]),
        ("Magpie: Alignment Data Synthesis from Scratch", ["Magpie"]),
        ("RLAIF: Constitutional AI: Harmlessness from AI Feedback", ["RLAIF", "Constitutional AI"]),
        ("Tulu 3: Pushing Frontiers in Open Language Model Post-Training", ["Tulu 3"]),
        ("Kimi k1.5: Scaling Reinforcement Learning with LLMs", ["Kimi k1.5"]),
        ("HuatuoGPT-II, One-stage Training for Medical Adaption of LLMs", ["HuatuoGPT-II"]),
        ("Automatic Dataset Construction (ADC): Sample Collection", ["ADC"]),
        (
            'DoAnythingNow: "Do Anything Now": Characterizing Jailbreak Prompts',
            ["DoAnythingNow", "Do Anything Now"],
        ),
        ("CorrSynth -- A Correlated Sampling Method", ["CorrSynth"]),
    ],
)
def test_prefix_names(title: str, names: list[str]) -> None:
    assert prefix_names(title) == names


@pytest.mark.parametrize(
    "title",
    [
        "Less is More: Adaptive Coverage for Synthetic Training Data",
        "Packing Analysis: Packing Is More Appropriate for Large Models",
        "Trustworthy LLMs: A survey and guideline",
        "Physics of Language Models: Part 3.1, Knowledge Storage and Extraction",
        "Leak, Cheat, Repeat: Data Contamination and Evaluation Malpractices",
        "Stop Overthinking: A Survey on Efficient Reasoning",
        "Synthetic data: save money, time and carbon with open source",
        "Textbooks Are All You Need",
        "LLMSR@XLLM25: Less is More: Enhancing Structured Multi-Agent Reasoning",
    ],
)
def test_phrases_are_not_names(title: str) -> None:
    assert prefix_names(title) == []


def test_methods_named_after_with_or_via() -> None:
    assert used_names("WizardCoder: Empowering Code LLMs with Evol-Instruct") == ["Evol-Instruct"]
    assert used_names("WizardMath: … via Reinforced Evol-Instruct") == ["Evol-Instruct"]
    assert used_names("Magicoder: Empowering Code Generation with OSS-Instruct") == ["OSS-Instruct"]
    assert used_names("Scaling Reinforcement Learning with LLMs") == []
    assert used_names("LIFT: Pragma Insertion for HLS via GNN Supervised Fine-Tuning") == []
    assert used_names("CODEGEN: AN OPEN MODEL FOR CODE WITH MULTI-TURN PROGRAM SYNTHESIS") == []


def test_technical_reports_name_their_model() -> None:
    assert report_names("Phi-4 Technical Report") == ["Phi-4"]
    assert report_names("Textbooks are all you need II: phi-1.5 technical report") == ["phi-1.5"]
    assert report_names("Lawyer LLaMA Technical Report") == ["Lawyer LLaMA"]


def test_dataset_and_benchmark_phrases() -> None:
    title = "Reducing LLM Hallucination: A Case Study with Mistral Large and MMLU Benchmark"
    assert benchmark_names(title) == [("MMLU", EntityKind.BENCHMARK)]
    assert leading_dataset("The RefinedWeb Dataset for Falcon LLM: Outperforming …") == "RefinedWeb"
    assert leading_dataset("The Applicability of LLMs in Generating Textual Samples") is None
    assert base_names("SlimPajama: A 627B Token Cleaned and Deduplicated Version of RedPajama") == [
        "RedPajama"
    ]
