"""Kind cues: what a title says a named thing is (benchmark, dataset, model) or nothing.

"GAIA: A Benchmark for …" and "HumanEval: Evaluating …" present benchmarks; "Dolma: An Open Corpus
…" a dataset; "Llemma: An open language model …" a model.  The subtitle's first noun phrase is
read; a subtitle that starts with a verb ("LESS: Selecting Influential Data …") says what the
thing does, not what it is.  Sections and the other mentions weigh in later (`entities`).
"""

from __future__ import annotations

import re

from kg.enrich.names import tokens
from kg.enrich.versions import bare_name
from kg.model import EntityKind

__all__ = ["kind_cue", "name_kind"]

_BENCH_NAME = re.compile(r"(bench|eval|test|qa|leaderboard|arena|-hard)$", re.IGNORECASE)
_BENCH_WORDS = re.compile(
    r"\b(benchmark\w*|leaderboard|test suite|evaluat\w*|measuring)\b", re.IGNORECASE
)
_DATA_HEADS = {"dataset", "datasets", "corpus", "corpora", "token", "tokens", "data", "version"}
_FINAL_DATA = _DATA_HEADS - {"data", "version", "token", "tokens"}
_MODEL_HEADS = {"model", "models", "llm", "llms", "mllm", "mllms", "lm", "lms"}
_GROUPS = {"family", "series", "suite"}
_MODEL_NAME = re.compile(r"(gpt|llm|lm|llama|coder|math|-r1|chat)$", re.IGNORECASE)
# A release of a model family: "GPT-4V", "GPT-4o", "GPT-3.5-turbo", "Llama-2-7B".
_MODEL_RELEASE = re.compile(r"^(gpt|llama|llm)[-\s]?v?\d+(\.\d+)?[a-z]?(-[\w.]+)?$", re.IGNORECASE)
_NP_STOP = re.compile(
    r"\s(?:for|to|with|via|by|in|on|from|through|towards?|into|using|that|which|at|across|"
    r"without|beyond|as|of|between|based|built|collected|derived)\s",
    re.IGNORECASE,
)


def _head(subtitle: str) -> str:
    """Last word of the first noun phrase ("A 1.8 Million … Dataset for …" → "dataset").

    "A Family of … Models" is headed by what follows "of".
    """
    parts = _NP_STOP.split(f" {subtitle} ", maxsplit=1)
    words = tokens(parts[0])
    head = words[-1].casefold() if words else ""
    if head in _GROUPS and len(parts) > 1:
        return _head(parts[1])
    return head


def kind_cue(name: str, subtitle: str) -> EntityKind | None:
    """The kind the title's wording states; None when it states none."""
    if _BENCH_NAME.search(name) or _BENCH_WORDS.search(subtitle):
        return EntityKind.BENCHMARK
    words = tokens(subtitle)
    if words and words[0].casefold().endswith("ing"):
        return EntityKind.DATASET if words[-1].casefold() in _FINAL_DATA else None
    head = _head(subtitle)
    if head in _DATA_HEADS:
        return EntityKind.DATASET
    return EntityKind.MODEL if head in _MODEL_HEADS else None


def name_kind(name: str) -> EntityKind | None:
    """What the name alone suggests: "…GPT", "…LLM", "…Coder", "…Math" are usually models, and
    so are their releases ("GPT-4V")."""
    model = _MODEL_NAME.search(bare_name(name)) or _MODEL_RELEASE.search(name)
    return EntityKind.MODEL if model else None
