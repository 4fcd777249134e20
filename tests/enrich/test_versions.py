"""Versions in names: stems, numbers, variants, and years that are no versions."""

from __future__ import annotations

import pytest

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
