"""Names of methods, models, datasets and benchmarks, read from paper titles.

A title names things in a few recognisable ways: an acronym or coined word before the colon
("DEITA: …", "Magpie: …"), a named technique after "with"/"via" ("… with Evol-Instruct"), a model
report ("Phi-4 Technical Report"), a dataset or benchmark phrase ("the MATH Dataset", "MMLU
Benchmark") and a base ("… Version of RedPajama").  Sizes, units and number formats ("7B",
"8-bit", "FP8") and the acronyms of a field's vocabulary ("GPU", "KV", "ASR") are never names.
Everything here works on one string; deciding what the names refer to across lists is the job of
`kg.enrich.claims` and `kg.enrich.entities`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.model import EntityKind

__all__ = [
    "base_names",
    "benchmark_names",
    "fold",
    "is_distinctive",
    "is_generic",
    "is_quantity",
    "leading_dataset",
    "looks_like_name",
    "prefix_names",
    "report_names",
    "subtitle",
    "tokens",
    "used_names",
]

# Words that never name one thing on their own (and never make a two-word name a name).
GENERIC_WORDS = frozenset(
    """
    a an the data dataset datasets model models llm llms lm lms mllm mllms ai nlp ml rl sft rlhf
    survey surveys review overview analysis study perspective perspectives matters matter
    language languages large small prompt prompts system systems quality method methods
    framework approach benchmark benchmarks evaluation generation synthesis selection learning
    training tuning alignment reasoning distillation instruction instructions knowledge
    synthetic self personas persona part chatgpt gpt gpt-4 api apis text web detection
    classification evolution memory mastery scaling prediction understanding augmentation
    annotation curation pruning compression
    """.split()
)
# Acronyms that are vocabulary, not names ("with LLMs", "via RL", "for HLS via GNN …"): fields,
# tasks, architectures and hardware that every list of a field writes ("KV Cache", "ASR", "GPU").
GENERIC_ACRONYMS = frozenset(
    """
    ai api apis cad cnn cot dpo gnn gpt gui hls icl ift it kd kg lm lms llm llms lora mcts ml
    mllm mllms moe ner nlp nlu pdf ppo qa rag rl rlhf sft sql ts
    ar asic asr cnns cpu cpus cv dl dnn dnns drl e2e fpga gan gans gpu gpus hci hpc io iot ir
    kv lmm lmms lstm lvlm lvlms marl mlp mt nlg nmt npu ocr ood sdk slam slu sota tpu tts ui ux vae
    vaes vlm vlms vqa vr xr
    """.split()
)
# Sizes, units and number formats: "7B", "1.6B", "8-bit", "128K", "3D", "FP8", "INT4", "W4A8".
# They qualify a model or a method and never name one.
_QUANTITY = re.compile(
    r"^(?:\d[\d.,]*(?:x\d[\d.,]*)?-?[a-z%]{0,4}"
    r"|(?:mx)?(?:fp|bf|int|uint|nf|tf)\d+|e\d+m\d+|w\d+a\d+(?:kv\d+)?)$",
    re.IGNORECASE,
)
# A prefix ending in one of these is a description ("Packing Analysis"), not a name.
GENERIC_HEADS = GENERIC_WORDS - {"knowledge", "instructions", "web", "ai"}
# Words that start a phrase rather than a name ("Stop Overthinking", "Craft Your Dataset").
VERB_STARTS = frozenset(
    """
    stop craft closing rethinking towards toward making learning generating improving
    enhancing measuring building distilling scaling unleashing boosting mastering
    """.split()
)
FUNCTION_WORDS = frozenset(
    """
    a an the of for to with via by in on at from through into is are be as and or your you we
    our what how can do does should not more less than using without towards toward beyond
    over make makes vs versus
    """.split()
)
# Hyphenated descriptive compounds that are vocabulary, not names.
GENERIC_COMPOUNDS = frozenset(
    """
    back-translation fine-tuning pre-training post-training self-play self-training zero-shot
    few-shot multi-agent multi-turn real-world high-quality large-scale in-context long-context
    instruction-tuning text-to-sql chain-of-thought self-supervised self-improving
    self-evolution self-evolving llm-as-a-judge vision-language state-of-the-art open-source
    """.split()
)
# The second part of a named recipe: Evol-Instruct, OSS-Instruct, Self-Refine, Self-Align.
METHOD_SUFFIXES = frozenset({"instruct", "instruction", "align", "refine", "bench", "eval"})

_SEPARATORS = re.compile(r"\s*(?::|：|\s--\s|\s—\s)\s*")
_QUOTES = "\"'“”‘’*`"
_TRIM = _QUOTES + ".,;!?()[]{}"
# "Self-instruction" is a spelling of Self-Instruct; "Super-NaturalInstructions" is no such case.
_SELF_INSTRUCTION = re.compile(r"(\w-)instruction$")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The matching key of a name: case, accents, spaces and hyphens do not count.

    "GSM8K", "gsm8k" and "GSM-8K" fold alike, as do "Tülu" and "Tulu"; "STaR" and "rStar" do
    not, and neither do "LESS" and "Less is More" (the phrase is no name in the first place), nor
    "QuIP#" and "QuIP", nor "Multi-News+" and "Multi-News".
    """
    bare = "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )
    bare = bare.casefold().replace("+", "plus").replace("#", "sharp")
    bare = _SELF_INSTRUCTION.sub(r"\1instruct", bare)
    return "".join(ch for ch in bare if ch.isalnum())


def tokens(text: str) -> list[str]:
    """Words with surrounding quotes and punctuation removed."""
    return [t.strip(_TRIM) for t in text.split() if t.strip(_TRIM)]


def is_quantity(token: str) -> bool:
    """A size, unit or number format ("7B", "8-bit", "FP8"): it qualifies a name, never is one."""
    return _QUANTITY.match(token.strip(_TRIM)) is not None


def _has_camel(token: str) -> bool:
    """An upper-case letter after a lower-case one: WizardLM, rStar, MAmmoTH, OlympiadBench."""
    return re.search(r"[a-z][A-Z]", token) is not None


def _is_acronym(token: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", token)
    return len(letters) >= 2 and letters.isupper() and token.casefold() not in GENERIC_ACRONYMS


def _compound_is_named(token: str) -> bool:
    """Evol-Instruct, OSS-Instruct, Fine-tune-CoT: a hyphen compound that is a coined name."""
    parts = [p for p in token.split("-") if p]
    if len(parts) < 2 or token.casefold() in GENERIC_COMPOUNDS:
        return False
    if parts[-1].casefold() in METHOD_SUFFIXES and parts[0][:1].isupper():
        return True
    return any(_has_camel(p) or _is_acronym(p) for p in parts)


def is_distinctive(token: str) -> bool:
    """Whether one word reads as a coined name rather than as an English word."""
    if token.casefold() in GENERIC_ACRONYMS or token.casefold() in GENERIC_COMPOUNDS:
        return False
    if is_quantity(token):
        return False
    if re.search(r"[A-Za-z]", token) and re.search(r"\d", token):
        return True
    return _has_camel(token) or _is_acronym(token) or _compound_is_named(token)


def is_generic(name: str) -> bool:
    """Generic words (Data, LLM, Survey, Model …) and generic compounds are never entities."""
    key = name.casefold().strip(_TRIM)
    generic = key in GENERIC_WORDS or key in GENERIC_ACRONYMS or key in GENERIC_COMPOUNDS
    return generic or is_quantity(key)


def _is_single_name(token: str) -> bool:
    """One word before a colon names the work's thing unless it is generic or all lower-case."""
    if is_generic(token) or "@" in token or "/" in token:
        return False
    return token[:1].isupper() or is_distinctive(token)


def _is_phrase_name(tokens: list[str]) -> bool:
    """Two to four words: not a description ("Packing Analysis", "Trustworthy LLMs"), and either
    one word is coined ("Kimi k1.5", "Lawyer LLaMA") or two or three capitalised content words
    ("Absolute Zero", "Code Llama")."""
    lowered = [t.casefold() for t in tokens]
    if any(t in FUNCTION_WORDS for t in lowered) or any("@" in t or "/" in t for t in tokens):
        return False
    if lowered[-1] in GENERIC_HEADS | GENERIC_COMPOUNDS or all(map(is_generic, tokens)):
        return False
    if any(is_distinctive(t) for t in tokens):
        return True
    if len(tokens) > 3 or lowered[0] in VERB_STARTS or lowered[0].endswith("ing"):
        return False
    return not is_generic(tokens[0]) and all(_capitalised(t) for t in tokens)


def _capitalised(token: str) -> bool:
    """Title case, hyphen parts included: "Back-and-Forth" yes, "Data-centric" no."""
    parts = [p for p in token.split("-") if p and p.casefold() not in FUNCTION_WORDS]
    return all(p[:1].isupper() for p in parts)


_VERSION_WORD = re.compile(r"^(v?\d+(\.\d+)*|II|III|IV)$")


def looks_like_name(text: str) -> bool:
    """Whether a title segment (before a colon) is a name rather than a phrase."""
    words = tokens(text)
    if not words or len(words) > 4 or len(text) > 40 or "?" in text or "," in text:
        return False
    if len(words) > 1 and _VERSION_WORD.match(words[-1]):
        words = words[:-1]  # "Tulu 3", "Prometheus 2": a name and its version
    return _is_single_name(words[0]) if len(words) == 1 else _is_phrase_name(words)


_REPORT = re.compile(r"^(?P<name>.+?)\s+technical\s+report$", re.IGNORECASE)
_ACRONYM_IN_PARENS = re.compile(r"^(?P<long>.+?)\s*\((?P<short>[^()]+)\)$")


def _segment_name(segment: str) -> str | None:
    """The name a segment states: "Automatic Dataset Construction (ADC)" states ADC; "Phi-3
    Technical Report" states none (the report's model is read by `report_names`)."""
    if _REPORT.match(segment):
        return None
    match = _ACRONYM_IN_PARENS.match(segment)
    if match and is_distinctive(match["short"].strip()):
        return match["short"].strip()
    return " ".join(tokens(segment)) if looks_like_name(segment) else None


def _segments(title: str) -> list[str]:
    return [s.strip(_QUOTES + " ") for s in _SEPARATORS.split(title.strip())]


def prefix_names(title: str) -> list[str]:
    """Names standing before the title's colon(s): "RLAIF: Constitutional AI: …" gives both.

    A later segment is kept only if it is a name too, or spells the first one differently
    ("DoAnythingNow: "Do Anything Now": …").  "HuatuoGPT, towards …" counts as a prefix when the
    part before the comma is one coined word.
    """
    segments = _segments(title)
    names: list[str] = []
    for segment in segments[:-1]:
        name = _segment_name(segment)
        spelled = " ".join(tokens(segment))
        if name is None and names and fold(spelled) == fold(names[0]):
            name = spelled
        if name is None:
            break
        names.append(name)
    if not names and len(segments) == 1:
        head = title.split(",", 1)[0].strip()
        if head != title.strip() and len(tokens(head)) == 1 and is_distinctive(head):
            names.append(head)
    return list(dict.fromkeys(names))


def subtitle(title: str, names: list[str]) -> str:
    """The title after its last prefix name: what the title says about the named thing."""
    segments = _segments(title)
    return " ".join(segments[len(names) :]) if names else title


def report_names(title: str) -> list[str]:
    """ "Phi-4 Technical Report", "… II: phi-1.5 technical report": the model the report is about."""
    names = []
    for segment in _segments(title):
        match = _REPORT.match(segment)
        if match and looks_like_name(match["name"]):
            names.append(" ".join(tokens(match["name"])))
    return names


_USED = re.compile(r"\b(?:with|via|using|through)\s+(?P<phrase>[^,:;()]+)", re.IGNORECASE)


def _coined_run(phrase: str) -> str | None:
    """The first run of coined words in a phrase, with its version ("wav2vec 2.0").

    The run must end the phrase or meet a function word: a run followed by a noun qualifies that
    noun ("KV Cache Quantization", "wav2vec 2.0 Embeddings", "DeNoising Anchor Boxes"), so the
    title names what it applies X to, not a method it builds on.
    """
    run: list[str] = []
    for token in tokens(phrase):
        if token.casefold() in FUNCTION_WORDS:
            break
        if is_distinctive(token) or (run and _VERSION_WORD.match(token)):
            run.append(token)
        elif run:
            return None
    return " ".join(run) or None


def used_names(title: str) -> list[str]:
    """Named techniques after "with", "via", "using", "through": "… with Evol-Instruct".

    An all-capitals title says nothing about which words are acronyms, so it names nothing here.
    """
    if title.isupper():
        return []
    names = []
    for match in _USED.finditer(title):
        name = _coined_run(match["phrase"])
        if name and not is_generic(name):
            names.append(name)
    return list(dict.fromkeys(names))


_BENCHMARK_PHRASE = re.compile(
    r"\b(?:the\s+)?(?P<name>[\w.+-]+)\s+(?P<what>benchmark|dataset|corpus|leaderboard)\b",
    re.IGNORECASE,
)
_THE_DATASET = re.compile(r"^the\s+(?P<name>[\w.+-]+)\s+(?:dataset|corpus)\b", re.IGNORECASE)


def benchmark_names(title: str) -> list[tuple[str, EntityKind]]:
    """ "MMLU Benchmark", "the MATH Dataset", "The RefinedWeb Dataset …": name and kind."""
    found = []
    for match in _BENCHMARK_PHRASE.finditer(title):
        name = match["name"].strip(_TRIM)
        if is_distinctive(name) or (_THE_DATASET.match(title) and name[:1].isupper()):
            what = match["what"].casefold()
            kind = (
                EntityKind.BENCHMARK if what in ("benchmark", "leaderboard") else EntityKind.DATASET
            )
            found.append((name, kind))
    return found


def leading_dataset(title: str) -> str | None:
    """ "The RefinedWeb Dataset for Falcon LLM …": a title that is about one named dataset."""
    match = _THE_DATASET.match(title.strip())
    if match and match["name"][:1].isupper() and not is_generic(match["name"]):
        return match["name"]
    return None


_VERSION_OF = re.compile(r"\bversion\s+of\s+(?P<name>[\w.+-]+)", re.IGNORECASE)


def base_names(title: str) -> list[str]:
    """ "A … Cleaned and Deduplicated Version of RedPajama": the dataset this one derives from."""
    return [
        m["name"].strip(_TRIM)
        for m in _VERSION_OF.finditer(title)
        if is_distinctive(m["name"].strip(_TRIM))
    ]
