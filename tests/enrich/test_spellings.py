"""One work's spellings across lists group together; different works' names do not."""

from __future__ import annotations

from kg.enrich.claims import Claim, Role
from kg.enrich.names import fold
from kg.enrich.spellings import spelling_groups


def _presents(work: str, mention: str, name: str) -> Claim:
    return Claim(work, mention, fold(name), name, Role.INTRODUCED, "title-prefix", name)


def test_typos_and_longer_names_of_one_work_group() -> None:
    groups = spelling_groups(
        [
            _presents("w", "a:1", "MetaMath"),
            _presents("w", "b:1", "MetaMath"),
            _presents("w", "c:1", "MetaMeth"),
            _presents("x", "a:2", "Alpaca"),
            _presents("x", "b:2", "Stanford Alpaca"),
        ]
    )
    assert groups["metameth"] == groups["metamath"] == "metamath"
    assert groups["stanfordalpaca"] == "alpaca"


def test_names_of_one_title_or_of_other_works_stay_apart() -> None:
    groups = spelling_groups(
        [
            _presents("w", "a:1", "WildGuardTest"),
            _presents("w", "a:1", "WildGuard"),
            _presents("y", "a:3", "STaR"),
            _presents("z", "a:4", "rStar"),
        ]
    )
    assert groups["wildguardtest"] != groups["wildguard"]
    assert groups["star"] != groups["rstar"]
