"""extends: the version lineages and named methods the issue lists, and none that are not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.model import Relation


@pytest.mark.parametrize(
    ("later", "earlier"),
    [
        ("MAmmoTH2", "MAmmoTH"),
        ("HuatuoGPT-II", "HuatuoGPT"),
        ("arxiv:2309.05463", "arxiv:2306.11644"),  # Textbooks Are All You Need II → I
        ("phi-1.5", "phi-1"),
        ("LongWriter-Zero", "LongWriter"),
        ("Tulu 3", "Tülu"),
        ("WizardCoder", "Evol-Instruct"),
        ("WizardMath", "Evol-Instruct"),
        ("SlimPajama", "RedPajama"),
        ("VILA2", "VILA"),
        ("Code Alpaca", "Alpaca"),
        ("LongMagpie", "Magpie"),
    ],
)
def test_lineage_examples_are_extracted(
    derived: list[Relation], node: Callable[[str], str], later: str, earlier: str
) -> None:
    found = {(r.subject, r.object) for r in derived if r.predicate == "extends"}
    assert (node(later), node(earlier)) in found


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("rStar-Math", "STaR"),
        ("MetaMath", "MATH"),
        ("MathGenie", "Genie"),
        ("ToolAlpaca", "Alpaca"),
        ("AMC 23", "AIME 24"),
        ("Qwen2.5-Math", "Qwen2.5-Coder"),
    ],
)
def test_look_alike_names_do_not_extend(
    triples: set[tuple[str, str, str]], node: Callable[[str], str], a: str, b: str
) -> None:
    assert (node(a), "extends", node(b)) not in triples
    assert (node(b), "extends", node(a)) not in triples
