"""Resolution guards: labels are no titles, ids count only where they name the work, and the
input order never changes the result."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Entry, Identifier, ParsedList, WorkKind
from kg.normalize import classify_url, identifiers_from_url, parse_venue
from kg.resolve import Resolution, resolve_entries
from kg.resolve.evidence import is_root_page
from kg.resolve.matching import candidate_pairs, mentions_of
from kg.resolve.titles import is_identifying, related_title, title_parts

ARXIV = "https://arxiv.org/abs/"
TEXTBOOKS = "2306.11644"
LABELS = ["1", "[1]", "**[1]**", "9)", "[9]", "pdf", "[pdf]", "paper", "link", "code", "arxiv"]
LABELS += ["here", "github", "project", "2023/05", "May 2023", "[Survey]", "(Oral)", "LLM"]
LABELS += ["Wang et al., 2023", "NeurIPS 2023", "untitled", "Fig. 3", "[Code & Data]"]
REAL = ["Magicoder", "LIMA", "Phi-1", "GPT-4", "The Pile", "Textbooks Are All You Need"]
REAL += ["Alpaca", "Self-Instruct", "Tulu 3", "Qwen2.5-Math", "仲景", "A Survey on Data"]


def entry(
    list_id: str,
    line: int,
    title: str,
    url: str | None = None,
    links: Iterable[str] = (),
    kind: WorkKind | None = None,
) -> Entry:
    """An entry as the reader records it: identifiers read from every link."""
    extra = list(links)
    idents = {i for u in [url, *extra] if u for i in identifiers_from_url(u)}
    return Entry(
        list_id=list_id,
        file=f"{list_id}.md",
        line=line,
        raw=f"- {title}",
        title=title,
        title_raw=title,
        url=url,
        links=extra,
        identifiers=sorted(idents, key=lambda i: (i.scheme, i.value)),
        kind=kind or (classify_url(url) if url else None) or WorkKind.PAPER,
    )


def paper(list_id: str, line: int, title: str, arxiv: str | None = None) -> Entry:
    return entry(list_id, line, title, f"{ARXIV}{arxiv}" if arxiv else None)


def clusters(res: Resolution) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for mention, work in res.work_of.items():
        groups.setdefault(work, set()).add(mention)
    return {frozenset(g) for g in groups.values()}


def same(res: Resolution, a: Entry, b: Entry) -> bool:
    return res.work_of[f"{a.list_id}:{a.line}"] == res.work_of[f"{b.list_id}:{b.line}"]


# ---------------------------------------------------------------- titles that are no titles


@pytest.mark.parametrize("title", LABELS)
def test_labels_numbers_dates_and_link_words_are_not_titles(title: str) -> None:
    assert not is_identifying(title)
    assert not title_parts(title).identifying
    assert related_title(title_parts(title), title_parts(title)) is None


@pytest.mark.parametrize("title", REAL)
def test_short_real_titles_still_identify(title: str) -> None:
    assert is_identifying(title)


@pytest.mark.parametrize("label", ["[1]", "pdf", "9)", "2023/05", "**[1]**", "link"])
def test_nine_papers_under_one_label_stay_nine(label: str) -> None:
    ids = [f"2401.0000{i}" for i in range(1, 10)]
    entries = [paper(f"list-{i % 3}", 10 + i, label, ids[i] if i % 2 else None) for i in range(9)]
    res = resolve_entries(entries)
    assert len(res.works) == 9
    assert not any(d.same for d in res.decisions)


def test_one_label_in_two_lists_is_not_one_work() -> None:
    a, b = paper("list-a", 9, "[9]", "2310.00001"), paper("list-b", 9, "[9]", "2305.00002")
    bare_a, bare_b = paper("list-a", 10, "[9]"), paper("list-b", 10, "[9]")
    res = resolve_entries([a, b, bare_a, bare_b])
    assert len(res.works) == 4


def test_a_label_never_makes_a_block() -> None:
    entries = [paper(f"list-{i}", i, "[pdf]") for i in range(50)]
    assert not list(candidate_pairs(mentions_of(entries)))


def test_labels_with_one_arxiv_id_across_lists_merge_by_the_id() -> None:
    a, b = paper("list-a", 3, "[1]", TEXTBOOKS), paper("list-b", 7, "[4]", TEXTBOOKS)
    real = paper("list-c", 5, "Textbooks Are All You Need", TEXTBOOKS)
    res = resolve_entries([a, b, real])
    assert same(res, a, b) and same(res, a, real)
    assert res.work(res.work_of["list-a:3"]).title == "Textbooks Are All You Need"


def test_two_labels_of_one_list_do_not_merge_on_a_shared_id() -> None:
    a, b = paper("list-a", 3, "[1]", TEXTBOOKS), paper("list-a", 4, "[2]", TEXTBOOKS)
    assert not same(resolve_entries([a, b]), a, b)


def test_a_label_does_not_join_an_id_that_two_titles_dispute() -> None:
    d4 = paper(
        "list-a", 1, "D4: Improving LLM Pretraining via Document De-Duplication", "2305.10429"
    )
    doremi = paper(
        "list-a", 2, "DoReMi: Optimizing Data Mixtures Speeds Up LM Pretraining", "2305.10429"
    )
    label = paper("list-b", 1, "[pdf]", "2305.10429")
    res = resolve_entries([d4, doremi, label])
    assert len(res.works) == 3


# ---------------------------------------------------------------- a name added to a title


@pytest.mark.parametrize(
    "named",
    [
        "Phi-1: Textbooks Are All You Need",
        "Phi-1 Textbooks Are All You Need",
        "phi-1 - Textbooks Are All You Need",
        "Textbooks Are All You Need (phi-1)",
    ],
)
def test_a_name_added_to_a_title_with_the_same_id_merges(named: str) -> None:
    a, b = (
        paper("list-a", 1, named, TEXTBOOKS),
        paper("list-b", 1, "Textbooks Are All You Need", TEXTBOOKS),
    )
    assert same(resolve_entries([a, b]), a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Textbooks Are All You Need II", "Textbooks Are All You Need"),
        ("Textbooks Are All You Need (Part II)", "Textbooks Are All You Need"),
        ("Unsupervised Neural Machine Translation", "Neural Machine Translation"),
        ("Phi-1: Textbooks", "Textbooks"),
    ],
)
def test_containment_without_a_name_does_not_merge(a: str, b: str) -> None:
    x, y = paper("list-a", 1, a, TEXTBOOKS), paper("list-b", 1, b, TEXTBOOKS)
    assert not same(resolve_entries([x, y]), x, y)


# ---------------------------------------------------------------- ids that name the work


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("https://github.com/o/r", True),
        ("https://github.com/O/R.git", True),
        ("https://github.com/o/r/tree/main", True),
        ("https://github.com/o/r#readme", True),
        ("https://github.com/o/r/blob/main/paper.pdf", False),
        ("https://github.com/o/r/tree/main/papers/x", False),
        ("https://github.com/o/r/releases/download/v1/x.pdf", False),
        ("https://arxiv.org/abs/2306.11644", False),
    ],
)
def test_root_page_of_a_repository(url: str, root: bool) -> None:
    assert is_root_page(url, Identifier(scheme="github", value="o/r")) is root


def test_pdfs_in_one_repository_are_different_papers() -> None:
    repo = "https://github.com/someone/papers"
    a = entry(
        "list-a",
        1,
        "Orca: Progressive Learning from Complex Explanation Traces of GPT-4",
        f"{repo}/blob/main/orca.pdf",
    )
    b = entry("list-a", 2, "Textbooks Are All You Need", f"{repo}/blob/main/phi-1.pdf")
    c = entry("list-b", 1, "LIMA: Less Is More for Alignment", f"{repo}/tree/main/lima")
    res = resolve_entries([a, b, c])
    assert len(res.works) == 3
    assert not [i for i in res.issues if "someone/papers" in i.id]


def test_repository_root_links_still_merge() -> None:
    a = entry("list-a", 1, "Alpaca", "https://github.com/tatsu-lab/stanford_alpaca")
    b = entry(
        "list-b", 1, "Stanford Alpaca", "https://github.com/tatsu-lab/stanford_alpaca/tree/main"
    )
    assert same(resolve_entries([a, b]), a, b)


def test_a_shared_code_repository_does_not_merge_its_papers() -> None:
    code = "https://github.com/nlpxucan/WizardLM"
    lm = entry(
        "list-a",
        1,
        "WizardLM: Empowering LLMs to Follow Complex Instructions",
        f"{ARXIV}2304.12244",
        [code],
    )
    coder = entry(
        "list-a",
        2,
        "WizardCoder: Empowering Code LLMs with Evol-Instruct",
        f"{ARXIV}2306.08568",
        [code],
    )
    assert not same(resolve_entries([lm, coder]), lm, coder)


def test_hub_file_links_are_not_the_dataset() -> None:
    hub = "https://huggingface.co/datasets/org/mixture"
    a = entry("list-a", 1, "Mixture Part A Instructions", f"{hub}/blob/main/a.json")
    b = entry("list-b", 1, "Mixture Part B Dialogues", f"{hub}/resolve/main/b.json")
    root_a = entry("list-a", 2, "The Mixture Dataset", hub)
    root_b = entry("list-b", 2, "Mixture", f"{hub}/tree/main")
    res = resolve_entries([a, b, root_a, root_b])
    assert not same(res, a, b) and not same(res, a, root_a)
    assert same(res, root_a, root_b)


# ---------------------------------------------------------------- ids pasted onto many titles


PASTED_TITLES = [
    "Textbooks Are All You Need",
    "Orca: Progressive Learning from Complex Explanation Traces of GPT-4",
    "LIMA: Less Is More for Alignment",
    "Self-Instruct: Aligning Language Models with Self-Generated Instructions",
]


def test_an_arxiv_id_pasted_onto_four_titles_names_none_of_them() -> None:
    pasted = [paper("list-a", i + 1, t, TEXTBOOKS) for i, t in enumerate(PASTED_TITLES)]
    lima = paper("list-b", 1, "LIMA: Less is More for Alignment", "2305.11206")
    orca = paper("list-b", 2, "Orca: Progressive Learning from Explanation Traces", TEXTBOOKS)
    res = resolve_entries([*pasted, lima, orca])
    assert len({res.work_of[f"list-a:{i + 1}"] for i in range(4)}) == 4
    assert same(res, pasted[2], lima)  # the title still merges
    assert not same(res, pasted[1], orca)  # the pasted id is no evidence for "Orca"
    issue = next(i for i in res.issues if i.id == f"conflicting-identifier/arxiv:{TEXTBOOKS}")
    assert {f"list-a:{i + 1}" for i in range(4)} <= set(issue.mentions)


def test_a_list_repository_on_every_entry_merges_nothing() -> None:
    own = "https://github.com/someone/awesome-data"
    entries = [
        entry("list-a", i + 1, t, own, kind=WorkKind.PAPER) for i, t in enumerate(PASTED_TITLES)
    ]
    res = resolve_entries(entries)
    assert len(res.works) == 4
    assert any(i.id == "conflicting-identifier/github:someone/awesome-data" for i in res.issues)


def test_one_work_listed_three_times_keeps_its_id() -> None:
    titles = [
        "Phi-1: Textbooks Are All You Need",
        "Textbooks Are All You Need",
        "Textbooks are all you need",
    ]
    entries = [paper("list-a", i + 1, t, TEXTBOOKS) for i, t in enumerate(titles)]
    res = resolve_entries(entries)
    assert len(res.works) == 1 and not res.issues


# ---------------------------------------------------------------- order never matters


POOL = [
    *(paper("list-a", i + 1, t, TEXTBOOKS) for i, t in enumerate(PASTED_TITLES)),
    paper("list-b", 1, "Textbooks Are All You Need", TEXTBOOKS),
    paper("list-b", 2, "Phi-1: Textbooks Are All You Need", TEXTBOOKS),
    paper("list-b", 3, "[1]", TEXTBOOKS),
    paper("list-c", 3, "[1]", TEXTBOOKS),
    paper("list-c", 4, "[2]", TEXTBOOKS),
    paper("list-b", 4, "Textbooks Are All You Need II", TEXTBOOKS),
    paper("list-c", 5, "Textbooks Are All You Need II: phi-1.5 technical report", "2309.05463"),
    paper("list-b", 5, "D4: Improving LLM Pretraining via Document De-Duplication", "2305.10429"),
    paper("list-b", 6, "DoReMi: Optimizing Data Mixtures Speeds Up LM Pretraining", "2305.10429"),
    paper("list-c", 6, "[pdf]", "2305.10429"),
    paper("list-c", 7, "DoReMi: Optimizing Data Mixtures Speeds Up Language Model Pretraining"),
    paper("list-a", 8, "pdf"),
    paper("list-b", 8, "pdf"),
    entry("list-a", 9, "Alpaca", "https://github.com/tatsu-lab/stanford_alpaca"),
    entry("list-b", 9, "Stanford Alpaca", "https://github.com/tatsu-lab/stanford_alpaca"),
    entry("list-c", 9, "LIMA", "https://github.com/tatsu-lab/stanford_alpaca/blob/main/x.pdf"),
    paper("list-c", 10, "LIMA: Less Is More for Alignment", "2305.11206"),
    paper("list-c", 11, "LIMA: Less is More for Alignment"),
    paper("list-a", 12, "LIMO: Less is More for Reasoning", "2305.11206"),
    *(
        entry(f"list-{x}", 13, "Synthetic Data Generation at Scale", url)
        for x, url in [("a", f"{ARXIV}2401.00001"), ("b", None), ("c", "https://medium.com/x")]
    ),
]


def test_a_tie_between_two_merges_is_broken_by_content_not_position() -> None:
    """An unlinked mention may join the paper or the blog post of one title, not both."""
    tied = POOL[-3:]
    results = {frozenset(clusters(resolve_entries(list(p)))) for p in itertools.permutations(tied)}
    assert len(results) == 1


@settings(max_examples=60, deadline=None)
@given(st.permutations(POOL))
def test_shuffling_the_entries_never_changes_the_clusters(shuffled: list[Entry]) -> None:
    assert clusters(resolve_entries(shuffled)) == clusters(resolve_entries(POOL))


TITLE_BITS = [
    "Textbooks Are All You Need",
    "Phi-1: Textbooks Are All You Need",
    "[1]",
    "pdf",
    "Textbooks Are All You Need II",
    "LIMA: Less Is More for Alignment",
    "LIMO: Less Is More for Reasoning",
    "Less Is More for Alignment",
    "2023/05",
]
IDS = [None, TEXTBOOKS, "2305.11206", "2305.10429"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("abc"), st.sampled_from(TITLE_BITS), st.sampled_from(IDS)),
        min_size=2,
        max_size=14,
    ),
    st.randoms(use_true_random=False),
)
def test_any_small_corpus_resolves_the_same_in_any_order(
    rows: list[tuple[str, str, str | None]], rng: random.Random
) -> None:
    entries = [
        paper(f"list-{lst}", n + 1, title, arxiv) for n, (lst, title, arxiv) in enumerate(rows)
    ]
    shuffled = entries[:]
    rng.shuffle(shuffled)
    assert clusters(resolve_entries(shuffled)) == clusters(resolve_entries(entries))


def test_shuffled_bundled_lists_resolve_alike(seeds: dict[str, ParsedList]) -> None:
    entries = [e for p in seeds.values() for e in p.entries]
    shuffled = entries[:]
    random.Random(7).shuffle(shuffled)
    assert clusters(resolve_entries(shuffled)) == clusters(resolve_entries(entries))


def _handed_on(res: Resolution) -> tuple[list[str], list[str]]:
    """What the resolution hands on to the graph and the audit: works and issues, as JSON."""
    return [w.model_dump_json() for w in res.works], [i.model_dump_json() for i in res.issues]


@settings(max_examples=30, deadline=None)
@given(st.permutations(POOL))
def test_shuffling_the_entries_never_changes_works_or_issues(shuffled: list[Entry]) -> None:
    assert _handed_on(resolve_entries(shuffled)) == _handed_on(resolve_entries(POOL))


def test_lists_in_reverse_give_the_same_works_and_issues(seeds: dict[str, ParsedList]) -> None:
    """Venues, authors, mention order and conflict anchors included, not only the clusters."""
    forward = [e for p in seeds.values() for e in p.entries]
    backward = [e for p in reversed(seeds.values()) for e in p.entries]
    assert _handed_on(resolve_entries(backward)) == _handed_on(resolve_entries(forward))


def test_a_tie_between_two_venues_goes_to_content_not_to_list_order() -> None:
    title = "Magicoder: Empowering Code Generation with OSS-Instruct"
    icml = paper("list-a", 1, title, "2312.02120")
    pmlr = paper("list-b", 1, title, "2312.02120")
    icml = icml.model_copy(update={"venue": parse_venue("ICML 2024")})
    pmlr = pmlr.model_copy(update={"venue": parse_venue("PMLR 2024")})
    venues = {
        resolve_entries([first, second]).works[0].venue.venue
        for first, second in [(icml, pmlr), (pmlr, icml)]
    }
    renamed = [e.model_copy(update={"list_id": f"z-{e.list_id}"}) for e in (pmlr, icml)]
    assert len(venues) == 1 and resolve_entries(renamed).works[0].venue.venue in venues
