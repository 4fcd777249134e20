"""Versions in names: stems, numbers, variants, and years that are no versions."""

from __future__ import annotations

import pytest

from kg.enrich.names import fold
from kg.enrich.versions import bare_name, unversioned_base, version


@pytest.mark.parametrize(
    ("name", "stem", "number", "tail", "variant"),
    [
        ("MAmmoTH2", "mammoth", 2.0, "", False),
        ("HuatuoGPT-II", "huatuogpt", 2.0, "", False),
        ("Tulu 3", "tulu", 3.0, "", False),
        ("Tülu", "tulu", None, "", False),
        ("phi-1.5", "phi", 1.5, "", False),
        ("Qwen2.5-Math", "qwen", 2.5, "math", False),
        ("LongWriter-Zero", "longwriter", None, "", True),
        ("AMC 23", "amc23", None, "", False),
        ("GSM8K", "gsm8k", None, "", False),
        ("LogicPro", "logicpro", None, "", False),
    ],
)
def test_version_reading(
    name: str, stem: str, number: float | None, tail: str, variant: bool
) -> None:
    v = version(name)
    assert (v.stem, v.number, v.tail, v.variant) == (stem, number, tail, variant)


def test_bare_name_and_unversioned_base() -> None:
    assert bare_name("HuatuoGPT-II") == "HuatuoGPT"
    assert unversioned_base("VILA2", "VILA Augmented VILA") == "VILA"
    assert unversioned_base("MAmmoTH2", "Scaling Instructions from the Web") is None
    assert unversioned_base("VILA", "VILA Augmented VILA") is None


@pytest.mark.parametrize("name", ["T0", "T1", "T5", "D4", "d1", "S1", "INT4", "INT8", "FP8-LM"])
def test_a_letter_and_a_digit_or_a_format_is_no_version(name: str) -> None:
    """ "T1" is no version of a "T", and "INT8" no release of an "INT": they are names (or formats)
    of their own, and never join a family."""
    v = version(name)
    assert not v.versioned and v.family == (fold(name), "")
    assert bare_name(name) == name


@pytest.mark.parametrize(
    ("name", "stem", "number", "tail", "notation"),
    [
        ("RT-2", "rt", 2.0, "", ""),
        ("SAM 2", "sam", 2.0, "", ""),
        ("YOLOv7", "yolo", 7.0, "", "v"),
        ("MiniGPT-v2", "minigpt", 2.0, "", "v"),
        ("MiniGPT-4", "minigpt", 4.0, "", ""),
        ("ZeroQuant-V2", "zeroquant", 2.0, "", "v"),
        ("MobileVLM V2", "mobilevlm", 2.0, "", "v"),
        ("wav2vec 2.0", "wav2vec", 2.0, "", ""),
        ("Qwen2-VL", "qwen", 2.0, "vl", ""),
        ("HuatuoGPT-II", "huatuogpt", 2.0, "", "roman"),
    ],
)
def test_version_notation(name: str, stem: str, number: float, tail: str, notation: str) -> None:
    """How the version is written: a "v" or a Roman numeral is a different numbering from plain
    digits ("MiniGPT-4" is no later "MiniGPT-v2")."""
    v = version(name)
    assert (v.stem, v.number, v.tail, v.notation) == (stem, number, tail, notation)


@pytest.mark.parametrize("name", ["LLaVA-NeXT", "QuIP#", "LongWriter-Zero", "Multi-News+"])
def test_variants_without_numbers(name: str) -> None:
    assert version(name).variant
