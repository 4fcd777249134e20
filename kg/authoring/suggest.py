"""Where a new paper would go in a list: its most likely sections, each with the reason.

Offline and light: stemmed title and summary words, and four-letter pieces of them (so that
short, acronym-heavy titles still meet), weighted by how rare they are in the list (TF-IDF),
compared with each section's profile (its works' words and its label, weighted), a vote of the
most similar works already listed, and, when the paper is already in another list, the sections
the crosswalk aligns with where that list files it and the sections this list gives the works
filed beside it there. An index is built once per list, so that each suggestion afterwards is a
few dictionary look-ups.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from kg.authoring.crosswalk import (
    Alignment,
    Side,
    aligned_into,
    label_words,
    pair_scores,
    relation_between,
    subtree_works,
    version_scores,
)
from kg.graph import KnowledgeGraph, section_id, survey_id
from kg.model import WorkKind
from kg.resolve.titles import title_parts

if TYPE_CHECKING:
    from kg.pipeline import Built

Vector = dict[str, float]

LABEL_WEIGHT = 3.0  # a section's own label counts as much as this many of its works
PARENT_WEIGHT = 1.0  # the labels above it, less
NEIGHBOURS = 25  # works that vote
VOTE_POWER = 1.0  # a neighbour votes with its similarity to this power (2 and 4 did worse)
# One weight set for every list, chosen by leave-one-out over all the bundled lists jointly.
W_PROFILE, W_NEIGHBOURS, W_CROSSWALK, W_COFILED = 0.5, 1.0, 0.3, 0.3
W_KIND, W_SIZE = 0.15, 0.1  # a blog post goes where blog posts are; big sections take more


class Neighbour(BaseModel):
    """A work already in the section that reads like the new paper."""

    work: str
    title: str
    similarity: float


class Suggestion(BaseModel):
    """One section the paper could go in, and why."""

    section: str
    label: str
    path: str  # the labels from the top of the taxonomy down
    line: int
    score: float
    neighbours: list[Neighbour] = Field(default_factory=list)
    terms: list[str] = Field(default_factory=list)  # stems shared with the section's profile
    elsewhere: list[str] = Field(default_factory=list)  # "list: section" aligned with this one
    reason: str = ""


@dataclass
class SuggestIndex:
    """One list's sections and works as term vectors, built once, queried many times."""

    graph: KnowledgeGraph
    list_id: str
    sections: list[str]  # candidate sections, in list order
    idf: Vector
    works: dict[str, Vector]  # unit vectors
    work_sections: dict[str, frozenset[str]]
    profiles: dict[str, Vector]  # unnormalised sums: works plus weighted labels
    norms2: dict[str, float]
    postings: dict[str, dict[str, float]]  # term → work → weight
    aligned: dict[str, list[Alignment]]  # another list's section → alignments into this list
    kinds: dict[str, dict[WorkKind, int]]  # section → how many of its works are of each kind
    sizes: dict[str, int]
    by_key: dict[str, str] = field(default_factory=dict)  # title key → work of the graph
    cofiled: dict[str, Vector] = field(default_factory=dict)  # other section → shares here


_STOP = frozenset(
    """a an and the of for in on to with by from via is are be as at or its it we our your
    do does can how what when why which not no this that these those into over than using based
    toward towards new""".split()
)
_NOTATION = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+")


def tokens(text: str) -> list[str]:
    """Stemmed words, function words aside: "Surveys" and "survey" meet, "of" never counts.

    Unlike the crosswalk's label words, "data", "model" and "survey" are kept: the term weights
    tell how much each says in a list, and a "Surveys" section is named by that word alone."""
    words = re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", _NOTATION.sub("", text).lower())
    return [stem(w) for w in words if w not in _STOP and len(w) > 1]


GRAM = 4  # letters per word piece: "LLaMA2" meets "LLaMA", "synthetic" meets "synthesis"


def features(text: str) -> list[str]:
    """Stems, and the pieces of each word, so short and acronym-heavy titles still meet."""
    stems = tokens(text)
    return stems + [g for w in stems for g in _grams(w)]


@lru_cache(maxsize=1 << 16)
def _grams(word: str) -> tuple[str, ...]:
    padded = f"#{word}#"
    if len(padded) <= GRAM:
        return ()
    return tuple("#" + padded[i : i + GRAM] for i in range(len(padded) - GRAM + 1))


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude suffix stemmer, enough for "selection"/"selecting" and "models"/"model"."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "s", "ed", "al"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def build_index(built: Built, list_id: str, hidden: str | None = None) -> SuggestIndex:
    """Profiles, neighbours and crosswalk of one list, computed once; `hidden` leaves a listed
    work out of everything (word weights, profiles, neighbours, sizes, crosswalk evidence)."""
    kg = built.graph
    if survey_id(list_id) not in kg.surveys:
        raise KeyError(list_id)
    sections = _candidate_sections(kg, list_id)
    members = _members(kg, list_id, set(sections))
    members.pop(hidden or "", None)
    texts = {w: _work_text(kg, w, list_id) for w in members}
    labels = {s: _label_text(kg, s) for s in sections}
    idf = _idf([features(t) for t in texts.values()] + [features(t[0]) for t in labels.values()])
    works = {w: _unit(_tfidf(features(t), idf)) for w, t in texts.items()}
    profiles = {s: _profile(s, labels[s], members, works, idf) for s in sections}
    postings: dict[str, dict[str, float]] = defaultdict(dict)
    for w, vec in works.items():
        for term, weight in vec.items():
            postings[term][w] = weight
    return SuggestIndex(
        graph=kg,
        list_id=list_id,
        sections=sections,
        idf=idf,
        works=works,
        work_sections=members,
        profiles=profiles,
        norms2={s: _dot(p, p) for s, p in profiles.items()},
        postings=dict(postings),
        aligned=aligned_into(_without(built.alignments, kg, hidden), kg, list_id),
        kinds={s: _kinds(kg, s, members) for s in sections},
        sizes={s: sum(s in g for g in members.values()) for s in sections},
        by_key=_title_keys(kg),
        cofiled=_cofiled(kg, list_id, members),
    )


def _candidate_sections(kg: KnowledgeGraph, list_id: str) -> list[str]:
    """Sections that hold works, or hold nothing at all (an empty leaf may still be right)."""
    own = [(s.order, node) for node, s in kg.sections.items() if s.list_id == list_id]
    return [n for _, n in sorted(own) if kg.works_in(n) or not kg.into(n, "broader")]


def _members(kg: KnowledgeGraph, list_id: str, sections: set[str]) -> dict[str, frozenset[str]]:
    """Each work of the list and the candidate sections it is filed in."""
    found: dict[str, set[str]] = defaultdict(set)
    for s in sections:
        for w in kg.works_in(s):
            found[w].add(s)
    return {w: frozenset(s) for w, s in sorted(found.items())}


def _cofiled(
    kg: KnowledgeGraph, list_id: str, members: dict[str, frozenset[str]]
) -> dict[str, Vector]:
    """For each section of another list, where this list files the same works: shares, 0..1."""
    counts: dict[str, Vector] = defaultdict(lambda: defaultdict(float))
    for w, here in members.items():
        for other in kg.out(w, "categorizedAs"):
            if kg.sections[other].list_id != list_id:
                for s in here:
                    counts[other][s] += 1.0 / len(here)
    return {o: {s: c / sum(row.values()) for s, c in row.items()} for o, row in counts.items()}


def _kinds(
    kg: KnowledgeGraph, node: str, members: dict[str, frozenset[str]]
) -> dict[WorkKind, int]:
    """What the section holds: how many papers, blog posts, repositories, datasets."""
    held = [kg.works[w].kind for w, sections in members.items() if node in sections]
    return {k: held.count(k) for k in set(held)}


def _work_text(kg: KnowledgeGraph, work_id: str, list_id: str) -> str:
    """Its titles and one-line summaries, as the lists give them."""
    work = kg.works[work_id]
    return " ".join(dict.fromkeys([work.title, *work.titles, *work.summaries]))


def list_entry(kg: KnowledgeGraph, work_id: str, list_id: str) -> tuple[str, str | None]:
    """The title and summary the list itself gives the work (its first entry)."""
    entries = [kg.mentions[m] for m in kg.mentions_of(work_id)]
    own = sorted((e for e in entries if e.list_id == list_id), key=lambda e: e.line)
    if not own:
        return kg.works[work_id].title, None
    return own[0].title, own[0].summary


def _label_text(kg: KnowledgeGraph, node: str) -> tuple[str, str]:
    """The section's own label, and the labels above it."""
    section = kg.sections[node]
    above = []
    parent = section.parent
    while parent is not None:
        up = kg.sections[section_id(section.list_id, parent)]
        above.append(up.label)
        parent = up.parent
    return section.label, " ".join(above)


def path_of(kg: KnowledgeGraph, node: str) -> str:
    """ "Paper List › Data Selection"."""
    own, above = kg.sections[node].label, []
    parent = kg.sections[node].parent
    while parent is not None:
        up = kg.sections[section_id(kg.sections[node].list_id, parent)]
        above.append(up.label)
        parent = up.parent
    return " › ".join([*reversed(above), own])


def _idf(documents: list[list[str]]) -> Vector:
    """Smoothed inverse document frequency: rare words in this list weigh more."""
    df: dict[str, int] = defaultdict(int)
    for doc in documents:
        for term in set(doc):
            df[term] += 1
    n = len(documents)
    return {t: math.log((n + 1) / (d + 1)) + 1.0 for t, d in df.items()}


def _tfidf(words: Iterable[str], idf: Vector) -> Vector:
    vec: Vector = defaultdict(float)
    for w in words:
        vec[w] += idf.get(w, 1.0)
    return dict(vec)


def _unit(vec: Vector) -> Vector:
    norm = math.sqrt(_dot(vec, vec))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _profile(
    node: str,
    label: tuple[str, str],
    members: dict[str, frozenset[str]],
    works: dict[str, Vector],
    idf: Vector,
) -> Vector:
    """The sum of the section's works, plus its label and, less, the labels above it."""
    total: Vector = defaultdict(float)
    for w, sections in members.items():
        if node in sections:
            for t, v in works[w].items():
                total[t] += v
    for text, weight in ((label[0], LABEL_WEIGHT), (label[1], PARENT_WEIGHT)):
        for t, v in _unit(_tfidf(features(text), idf)).items():
            total[t] += weight * v
    return dict(total)


def _without(
    alignments: list[Alignment], kg: KnowledgeGraph, hidden: str | None
) -> list[Alignment]:
    """The crosswalk as it would be without the hidden work: alignments it supported rescored."""
    if hidden is None:
        return alignments
    under = subtree_works(kg)
    kept = []
    for a in alignments:
        if hidden in under[a.source] and hidden in under[a.target]:
            a = _rescored(a, kg, under[a.source] - {hidden}, under[a.target] - {hidden})
        if a is not None:
            kept.append(a)
    return kept


def _rescored(
    a: Alignment, kg: KnowledgeGraph, first: frozenset[str], second: frozenset[str]
) -> Alignment | None:
    """One alignment scored again from fewer works; None when the evidence no longer holds."""
    one, two = (kg.sections[a.source], kg.sections[a.target])
    left = Side(a.source, one, label_words(one.label), first)
    right = Side(a.target, two, label_words(two.label), second)
    if a.versions:
        score, shared, _, _ = version_scores(left, right)
        relation: str | None = a.relation if score >= 0.45 else None
    else:
        score, shared, overlap, label = pair_scores(left, right)
        relation = relation_between(shared, overlap, label)
    if relation is None:
        return None
    return Alignment(
        a.source, a.target, relation, score, shared, a.label_similarity, a.evidence, a.versions
    )


def _title_keys(kg: KnowledgeGraph) -> dict[str, str]:
    """Each listed title's matching key → its work, to recognise a paper already listed."""
    keys: dict[str, str] = {}
    for work_id, work in sorted(kg.works.items()):
        for title in [work.title, *work.titles]:
            parts = title_parts(title)
            if parts.identifying and parts.key:
                keys.setdefault(parts.key, work_id)
    return keys


def known_work(index: SuggestIndex, title: str) -> str | None:
    """The work of the graph with this title (by the resolver's title key), if any."""
    parts = title_parts(title)
    return index.by_key.get(parts.key) if parts.identifying else None


def placements(index: SuggestIndex, work_id: str | None) -> list[str]:
    """Sections of other lists the work is filed in."""
    if work_id is None or work_id not in index.graph.works:
        return []
    kg = index.graph
    return sorted(
        s for s in kg.out(work_id, "categorizedAs") if kg.sections[s].list_id != index.list_id
    )


def rank(
    index: SuggestIndex,
    title: str,
    summary: str | None = None,
    elsewhere: Iterable[str] = (),
    exclude: str | None = None,
    top: int = 3,
    kind: WorkKind = WorkKind.PAPER,
) -> list[Suggestion]:
    """The `top` sections for a paper; `exclude` hides a listed work (leave-one-out)."""
    query = _unit(_tfidf(features(" ".join(x for x in (title, summary) if x)), index.idf))
    profile = _profile_scores(index, query, exclude)
    neighbours = _neighbours(index, query, exclude)
    votes = _votes(index, neighbours)
    crossed = _crossed(index, list(elsewhere))
    cofiled = _cofiled_votes(index, list(elsewhere))
    scores = {
        s: W_PROFILE * profile.get(s, 0.0)
        + W_NEIGHBOURS * votes.get(s, 0.0)
        + W_CROSSWALK * crossed.get(s, (0.0, []))[0]
        + W_COFILED * cofiled.get(s, 0.0)
        for s in index.sections
    }
    for s, extra in _priors(index, kind, exclude).items():
        scores[s] += extra
    order = {s: i for i, s in enumerate(index.sections)}
    best = sorted(index.sections, key=lambda s: (-scores[s], order[s]))[:top]
    return [_suggestion(index, s, scores[s], query, neighbours, crossed, exclude) for s in best]


def _priors(index: SuggestIndex, kind: WorkKind, exclude: str | None) -> Vector:
    """What a section holds, before any word: the share of its works of this kind, its size."""
    largest = math.log1p(max(index.sizes.values(), default=0)) or 1.0
    hidden = index.graph.works[exclude].kind if exclude else None
    out: Vector = {}
    for s in index.sections:
        own = int(exclude is not None and s in index.work_sections.get(exclude, ()))
        size = index.sizes[s] - own
        same = index.kinds[s].get(kind, 0) - (own if hidden == kind else 0)
        out[s] = W_KIND * (same / size if size else 0.0) + W_SIZE * math.log1p(size) / largest
    return out


def _profile_scores(index: SuggestIndex, query: Vector, exclude: str | None) -> Vector:
    """Cosine of the query with each section's profile, the excluded work taken out of it."""
    hidden = index.works.get(exclude or "", {})
    held = index.work_sections.get(exclude or "", frozenset())
    out: Vector = {}
    for s in index.sections:
        profile = index.profiles[s]
        dot, norm2 = _dot(query, profile), index.norms2[s]
        if s in held:
            dot -= _dot(query, hidden)
            norm2 += -2 * _dot(profile, hidden) + _dot(hidden, hidden)
        out[s] = dot / math.sqrt(norm2) if norm2 > 1e-12 else 0.0
    return out


def _neighbours(index: SuggestIndex, query: Vector, exclude: str | None) -> list[Neighbour]:
    """The listed works most like the query, by cosine over the postings."""
    sims: Vector = defaultdict(float)
    for term, q in query.items():
        for w, v in index.postings.get(term, {}).items():
            sims[w] += q * v
    sims.pop(exclude or "", None)
    best = sorted(sims.items(), key=lambda x: (-x[1], x[0]))[:NEIGHBOURS]
    kg = index.graph
    return [Neighbour(work=w, title=kg.works[w].title, similarity=round(s, 3)) for w, s in best]


def _votes(index: SuggestIndex, neighbours: list[Neighbour]) -> Vector:
    """Each neighbour votes for its sections with its similarity, shared out; 0..1."""
    votes: Vector = defaultdict(float)
    total = sum(n.similarity**VOTE_POWER for n in neighbours)
    for n in neighbours:
        sections = index.work_sections[n.work]
        for s in sections:
            votes[s] += n.similarity**VOTE_POWER / len(sections)
    return {s: v / total for s, v in votes.items()} if total else {}


def _cofiled_votes(index: SuggestIndex, elsewhere: list[str]) -> Vector:
    """Where this list files the works other lists file beside the paper, averaged; 0..1."""
    votes: Vector = defaultdict(float)
    rows = [index.cofiled[o] for o in elsewhere if o in index.cofiled]
    for row in rows:
        for s, share in row.items():
            votes[s] += share / len(rows)
    return dict(votes)


def _crossed(index: SuggestIndex, elsewhere: list[str]) -> dict[str, tuple[float, list[str]]]:
    """Sections aligned with where other lists file the paper: best alignment score, and who."""
    found: dict[str, tuple[float, list[str]]] = {}
    kg = index.graph
    for other in elsewhere:
        for a in index.aligned.get(other, []):
            score, who = found.get(a.target, (0.0, []))
            where = f"{kg.sections[other].list_id}: {kg.sections[other].label} ({a.relation})"
            found[a.target] = (max(score, min(1.0, a.score)), [*who, where])
    return found


def _suggestion(
    index: SuggestIndex,
    node: str,
    score: float,
    query: Vector,
    neighbours: list[Neighbour],
    crossed: dict[str, tuple[float, list[str]]],
    exclude: str | None,
) -> Suggestion:
    kg = index.graph
    section = kg.sections[node]
    near = [n for n in neighbours if node in index.work_sections[n.work] and n.similarity > 0]
    profile = index.profiles[node]
    terms = sorted(
        (t for t in query if t in profile and not t.startswith("#")),
        key=lambda t: (-query[t] * profile[t], t),
    )
    suggestion = Suggestion(
        section=node,
        label=section.label,
        path=path_of(kg, node),
        line=section.line,
        score=round(score, 3),
        neighbours=near[:3],
        terms=terms[:5],
        elsewhere=crossed.get(node, (0.0, []))[1],
    )
    suggestion.reason = _reason(suggestion)
    return suggestion


def _reason(s: Suggestion) -> str:
    """One sentence a survey author can check."""
    parts = []
    if s.neighbours:
        parts.append("like " + "; ".join(f"{n.title!r} ({n.similarity:.2f})" for n in s.neighbours))
    if s.terms:
        parts.append("shares " + ", ".join(s.terms))
    if s.elsewhere:
        parts.append("filed elsewhere under " + "; ".join(s.elsewhere))
    return "; ".join(parts) or "no shared words; listed by section order only"


_INDEXES: dict[tuple[int, str], SuggestIndex] = {}


def index_for(built: Built, list_id: str) -> SuggestIndex:
    """The list's index, built on first use and kept for this build."""
    key = (id(built.graph), list_id)
    index = _INDEXES.get(key)
    if index is None or index.graph is not built.graph:
        index = _INDEXES[key] = build_index(built, list_id)
    return index


def suggest(
    built: Built, list_id: str, title: str, summary: str | None = None, top: int = 3
) -> list[Suggestion]:
    """The `top` sections of `list_id` a new paper most likely belongs in, with reasons."""
    index = index_for(built, list_id)
    return rank(index, title, summary, placements(index, known_work(index, title)), top=top)
