"""Names read from titles: folding, generic words, prefixes, methods named after with/via."""

from __future__ import annotations

import pytest

from kg.enrich.names import (
    base_names,
    benchmark_names,
    fold,
    is_distinctive,
    is_generic,
    is_quantity,
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


@pytest.mark.parametrize(
    "token", ["7B", "1.6B", "13B", "8x7B", "8-bit", "4-bit", "2bit", "128K", "FP8", "INT8", "BF16"]
)
def test_sizes_units_and_number_formats_are_never_names(token: str) -> None:
    assert is_quantity(token) and is_generic(token) and not is_distinctive(token)
    assert prefix_names(f"{token}: Something About Language Models") == []


@pytest.mark.parametrize("token", ["GSM8K", "FP8-LM", "LLM-FP4", "Phi-4", "T0", "RT-1", "H2O"])
def test_names_with_numbers_are_no_quantities(token: str) -> None:
    assert not is_quantity(token)
    assert is_distinctive(token)


@pytest.mark.parametrize("word", ["GPU", "CPU", "API", "RL", "KV", "ASR", "TTS", "SLAM", "IO"])
def test_generic_acronyms_are_never_names(word: str) -> None:
    assert is_generic(word) and not is_distinctive(word)


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Training Transformers with 4-bit Integers", []),
        ("Efficient Post-training Quantization with FP8 Formats", []),
        ("KVQuant: Towards 10 Million Context Length LLM Inference with KV Cache Quantization", []),
        ("FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness", []),
        ("FlexGen: High-Throughput Generative Inference with a Single GPU", []),
        ("Emotion Recognition from Speech Using wav2vec 2.0 Embeddings", []),
        ("DINO: DETR with Improved DeNoising Anchor Boxes for End-to-End Object Detection", []),
        ("Efficient Memory Management for LLM Serving with PagedAttention", ["PagedAttention"]),
        ("Teaching a Model to Use Tools via Self-instruction", ["Self-instruction"]),
        ("Explorations with GPT-4V(ision): Early Results", ["GPT-4V"]),
        ("Speaker Verification with wav2vec 2.0 and Friends", ["wav2vec 2.0"]),
    ],
)
def test_a_coined_word_before_a_noun_qualifies_it(title: str, names: list[str]) -> None:
    """ "with KV Cache Quantization" applies quantization to a cache; only a coined name that ends
    the phrase is read as what the title works with."""
    assert used_names(title) == names


def test_comparisons_and_reports_are_no_prefix_names() -> None:
    assert (
        prefix_names("Gemini vs GPT-4V: A Preliminary Comparison of Vision-Language Models") == []
    )
    title = "Phi-3 Technical Report: A Highly Capable Language Model Locally on Your Phone"
    assert prefix_names(title) == []
    assert report_names(title) == ["Phi-3"]


def test_sharp_is_part_of_a_name() -> None:
    assert fold("QuIP#") != fold("QuIP")
