"""Claims: the role of each name a title states, settled across all lists."""

from __future__ import annotations

from kg.enrich.claims import Claim, Role, settle, title_claims
from kg.enrich.names import fold


def _claim(work: str, name: str, role: Role, rule: str = "title-with-method") -> Claim:
    return Claim(work, f"list:{work}", fold(name), name, role, rule, f"title of {work}")


def test_title_claims_read_each_role() -> None:
    found = {(n, role) for n, role, _, _ in title_claims("VILA2: VILA Augmented VILA")}
    assert found == {("VILA2", Role.INTRODUCED), ("VILA", Role.BASE)}
    wizard = title_claims("WizardCoder: Empowering Code Large Language Models with Evol-Instruct")
    assert [(n, r) for n, r, _, _ in wizard] == [
        ("WizardCoder", Role.INTRODUCED),
        ("Evol-Instruct", Role.USED),
    ]


def test_surveys_present_nothing() -> None:
    assert (
        title_claims("LLMs-as-Judges: A Comprehensive Survey on LLM-based Evaluation Methods") == []
    )


def test_a_method_used_by_one_work_alone_is_its_own() -> None:
    settled = settle([_claim("a", "OSS-Instruct", Role.USED)])
    assert [(c.role, c.rule) for c in settled] == [(Role.INTRODUCED, "title-with-new-method")]


def test_a_method_used_by_two_works_is_built_on() -> None:
    settled = settle(
        [_claim("a", "Evol-Instruct", Role.USED), _claim("b", "Evol-Instruct", Role.USED)]
    )
    assert {c.role for c in settled} == {Role.USED}


def test_a_method_presented_elsewhere_is_built_on() -> None:
    claims = [
        _claim("a", "Self-Instruct", Role.USED),
        _claim("b", "Self-Instruct", Role.INTRODUCED, "title-prefix"),
    ]
    assert {(c.work, c.role) for c in settle(claims)} == {("a", Role.USED), ("b", Role.INTRODUCED)}


def test_a_work_does_not_use_what_it_presents() -> None:
    claims = [
        _claim("a", "MT-Bench", Role.INTRODUCED, "title-prefix"),
        _claim("a", "MT-Bench", Role.USED),
    ]
    assert [c.role for c in settle(claims)] == [Role.INTRODUCED]
