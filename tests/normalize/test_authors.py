"""Tests for kg.normalize.authors: author strings copied from the lists."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.normalize.authors import person_key, split_authors

FAST = settings(max_examples=200, deadline=None)

CASES = [
    (
        "Meyer, Yev and Emadi, Marjan and Nathawani, Dhruv and Ramaswamy, Lipika and Boyd, "
        "Kendrick and Van Segbroeck, Maarten and Grossman, Matthew and Mlocek, Piotr and "
        "Newberry, Drew.",
        [
            "Yev Meyer",
            "Marjan Emadi",
            "Dhruv Nathawani",
            "Lipika Ramaswamy",
            "Kendrick Boyd",
            "Maarten Van Segbroeck",
            "Matthew Grossman",
            "Piotr Mlocek",
            "Drew Newberry",
        ],
        False,
    ),
    ("Zifeng Wang and Chen-Yu Lee.", ["Zifeng Wang", "Chen-Yu Lee"], False),
    ("Microsoft Research.", ["Microsoft Research"], False),
    ("Tecent Hunyuan Team.", ["Tecent Hunyuan Team"], False),
    ("Moritz Laurer", ["Moritz Laurer"], False),
    (
        "Yue Yu,¬†Yuchen Zhuang,¬†Jieyu Zhang,¬†Yu Meng.",
        ["Yue Yu", "Yuchen Zhuang", "Jieyu Zhang", "Yu Meng"],
        False,
    ),
    (
        "Ashton Anderson, Robert West,",
        ["Ashton Anderson", "Robert West"],
        False,
    ),
    (
        "Nicolas Papernot, Ross Anderson & Yarin Gal,",
        ["Nicolas Papernot", "Ross Anderson", "Yarin Gal"],
        False,
    ),
    (
        "√Ålvaro Bartolom√© Del Canto, Gabriel Mart√≠n Bl√°zquez, Agust√≠n Piqueres "
        "Lajar√≠n and Daniel Vila Suero.",
        [
            "Álvaro Bartolomé Del Canto",
            "Gabriel Martín Blázquez",
            "Agustín Piqueres Lajarín",
            "Daniel Vila Suero",
        ],
        False,
    ),
    ("V¬¥ƒ±ctor Gallego.", ["Víctor Gallego"], False),
    ("Denny Zhou, Andrew M. Dai.", ["Denny Zhou", "Andrew M. Dai"], False),
    ("Noah D. Goodman", ["Noah D. Goodman"], False),
    ("Smith, J.", ["J. Smith"], False),
    ("A. Smith, B. Jones et al.", ["A. Smith", "B. Jones"], True),
    ("Jason Wei et al", ["Jason Wei"], True),
    ("Jason Wei, et. al.", ["Jason Wei"], True),
    ("X Li, Y Wu, and Z Chen", ["X Li", "Y Wu", "Z Chen"], False),
    ("Martin Luther King, Jr., Rosa Parks", ["Martin Luther King Jr", "Rosa Parks"], False),
    ("", [], False),
    (" , ; ", [], False),
]


@pytest.mark.parametrize(("raw", "names", "et_al"), CASES)
def test_split_authors(raw, names, et_al):
    assert split_authors(raw) == (names, et_al)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Van Segbroeck, Maarten", "Maarten Van Segbroeck"),
        ("Hinrich Sch√ºtze", "Hinrich Schütze"),
        ("Hinrich Schütze", "hinrich schutze"),
        ("V¬¥ƒ±ctor Gallego", "Victor Gallego"),
        ("Chen-Yu Lee", "Chen Yu Lee"),
    ],
)
def test_person_key_matches_spellings(a, b):
    assert person_key(a) == person_key(b)


@FAST
@given(st.text())
def test_split_authors_is_total(raw):
    names, et_al = split_authors(raw)
    assert isinstance(et_al, bool)
    assert all(name and name == name.strip() for name in names)
    assert isinstance(person_key(raw), str)


@FAST
@given(st.lists(st.from_regex(r"\A[A-Z][a-z]{1,8} [A-Z][a-z]{1,10}\Z"), min_size=1, max_size=6))
def test_split_authors_round_trips_comma_lists(names):
    assert split_authors(", ".join(names) + ".") == (names, False)


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        (
            "LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton",
            ["Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"],
        ),
        ("Sutton, Richard S., and Andrew G. Barto", ["Richard S. Sutton", "Andrew G. Barto"]),
        (
            "Van Hasselt, Hado, Arthur Guez, and David Silver",
            ["Hado Van Hasselt", "Arthur Guez", "David Silver"],
        ),
        ("He, K., Zhang, X., Ren, S., & Sun, J.", ["K. He", "X. Zhang", "S. Ren", "J. Sun"]),
        ("Mnih, Volodymyr", ["Volodymyr Mnih"]),
        ("Kaiming He, Xiangyu Zhang, Jian Sun", ["Kaiming He", "Xiangyu Zhang", "Jian Sun"]),
    ],
)
def test_inverted_first_authors_and_apa_lists(raw: str, names: list[str]) -> None:
    assert split_authors(raw)[0] == names
