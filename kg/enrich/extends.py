"""`extends`: version lineage, and building on a named method.

Rules, and their confidence after hand-labelling (data/eval/relations_labelled.csv; run
`python benchmarks/eval_relations.py` for current figures):

- name-version (0.9): "MAmmoTH2" → "MAmmoTH", "HuatuoGPT-II" → "HuatuoGPT", "Tulu 3" → "Tülu",
  "LongWriter-Zero" → "LongWriter", "phi-1.5" → "phi-1", "Qwen2-VL" → "Qwen-VL": same stem and
  tail, pointing at the nearest lower version written the same way (else at the plain name).
  The name is evidence of one family only with a stem of two letters or more that is no generic
  word or number format (`versions`), between things of one kind, when the earlier version is
  one thing (two DINOs: no link) and was not presented years after the later one.
- name-modifier (0.7): "Code Alpaca" → "Alpaca", "LongMagpie" → "Magpie": a domain word before a
  listed name.  Below the precision target (3 of 4 labelled correct: "CodeUltraFeedback" only
  borrows UltraFeedback's name), so its confidence is lowered; of the modifiers only Code, Long
  and Multimodal are kept ("MathGenie" is no maths Genie, "ToolAlpaca" no tool Alpaca).
- title-sequel (0.9): "Textbooks Are All You Need II" → "Textbooks Are All You Need", and "SAM 2:
  Segment Anything in Images and Videos" → "Segment Anything", whose words SAM abbreviates
  (papers).
- title-with-method (0.85): "WizardCoder … with Evol-Instruct" → Evol-Instruct, when another work
  presents the method or several works use it (see `claims.settle`), the work names what builds
  on it, and it is an unversioned method.  A paper that works with a model ("On the Road with
  GPT-4V(ision)", "… Using wav2vec 2.0 Embeddings") uses it and extends nothing.
- title-version-of (0.9): "… Version of RedPajama" → RedPajama.
- title-base-name (0.9): "VILA2: VILA Augmented VILA" → VILA.
"""

from __future__ import annotations

from collections import defaultdict

from kg.enrich import names
from kg.enrich.claims import Claim, Role
from kg.enrich.entities import EntityIndex
from kg.enrich.versions import Version, version
from kg.model import Entity, EntityKind, Predicate, Relation, Work, WorkKind
from kg.normalize import title_key

__all__ = ["CONFIDENCE", "extends"]

CONFIDENCE = {
    "name-version": 0.9,
    "name-modifier": 0.7,
    "title-sequel": 0.9,
    "title-with-method": 0.85,
    "title-version-of": 0.9,
    "title-base-name": 0.9,
}
MODIFIERS = ("code", "long", "multimodal", "multi-modal")
YEAR_SLACK = 1  # years a later version's venue may precede the earlier one's
MIN_BASE = 5  # a shorter base ("Math", "STaR") is too easily the end of an unrelated name
_SEQUEL = {"ii": 2, "iii": 3, "iv": 4, "2": 2, "3": 3, "4": 4}
_TITLE_VERBS = {
    "title-with-method": "names",
    "title-version-of": "calls it a version of",
    "title-base-name": "names the unversioned",
}


def _relation(subject: str, obj: str, rule: str, evidence: str, mentions: set[str]) -> Relation:
    return Relation(
        subject=subject,
        predicate=Predicate.EXTENDS,
        object=obj,
        confidence=CONFIDENCE[rule],
        evidence=evidence,
        rule=rule,
        mentions=sorted(mentions),
    )


def _spellings(entity: Entity) -> list[str]:
    return [entity.name, *entity.aliases]


def _both(index: EntityIndex, a: str, b: str) -> set[str]:
    """The mentions two entities were read from."""
    return {c.mention for c in index.claims_of[a] + index.claims_of[b]}


def _title(index: EntityIndex, entity_id: str) -> str:
    """The title that presents the entity (else the first that names it)."""
    claims = index.claims_of[entity_id]
    return min([c for c in claims if c.role is Role.INTRODUCED] or claims).title


# --- versions in names --------------------------------------------------------------------------


def _families(index: EntityIndex) -> dict[tuple[str, str], list[tuple[Version, Entity]]]:
    families: dict[tuple[str, str], list[tuple[Version, Entity]]] = defaultdict(list)
    for entity in index.entities:
        for v in {version(n) for n in _spellings(entity)}:
            families[v.family].append((v, entity))
    return families


def _compatible(a: Entity, b: Entity) -> bool:
    """Versions of one thing are things of one kind; a model is often presented as a method."""
    return a.kind is b.kind or {a.kind, b.kind} <= {EntityKind.METHOD, EntityKind.MODEL}


def _unique(found: list[Entity]) -> Entity | None:
    """The one entity found; None for none or for several (two DINOs: which one is unknown)."""
    ids = {e.id: e for e in found}
    return next(iter(ids.values())) if len(ids) == 1 else None


def _predecessor(mine: Version, family: list[tuple[Version, Entity]]) -> Entity | None:
    """The nearest lower version written the same way ("MiniGPT-4" is no later "MiniGPT-v2"); for
    a variant or a first version, the plain name."""
    if mine.number is not None:
        lower = [
            (v.number, e)
            for v, e in family
            if v.number is not None and v.notation == mine.notation and v.number < mine.number
        ]
        if lower:
            nearest = max(n for n, _ in lower)
            return _unique([e for n, e in lower if n == nearest])
    return _unique([e for v, e in family if not v.versioned])


def _base(
    mine: Version, entity: Entity, families: dict[tuple[str, str], list[tuple[Version, Entity]]]
) -> Entity | None:
    """What a versioned name is a later version of, among entities of a compatible kind; a name
    with a tail falls back on the plain name that includes it ("Qwen2-VL" → "Qwen-VL")."""

    def kin(members: list[tuple[Version, Entity]]) -> list[tuple[Version, Entity]]:
        return [(v, e) for v, e in members if e.id != entity.id and _compatible(e, entity)]

    base = _predecessor(mine, kin(families.get(mine.family, [])))
    if base is None and mine.tail:
        plain = kin(families.get((mine.stem + mine.tail, ""), []))
        base = _unique([e for v, e in plain if not v.versioned])
    return base


def _years(index: EntityIndex, works: list[Work]) -> dict[str, int]:
    """Entity id → the earliest year of a work presenting it, where any is known."""
    year = {w.id: w.year for w in works if w.year}
    found = {}
    for entity_id, presenters in index.presenters.items():
        known = [year[w] for w in presenters if w in year]
        if known:
            found[entity_id] = min(known)
    return found


def _in_order(later: Entity, earlier: Entity, years: dict[str, int]) -> bool:
    """A later version is not presented years before the one it follows ("X-3" of 2019 follows
    no "X-2" of 2023: the two only share a name).  A year's slack: a sequel's preprint may
    precede the proceedings of the first version (SEED-Bench-2, arXiv 2023; SEED-Bench, CVPR 2024)."""
    if later.id not in years or earlier.id not in years:
        return True
    return years[later.id] + YEAR_SLACK >= years[earlier.id]


def _by_version(index: EntityIndex, years: dict[str, int]) -> list[Relation]:
    families = _families(index)
    relations = []
    for _, members in sorted(families.items()):
        for mine, entity in members:
            base = _base(mine, entity, families) if mine.versioned else None
            if base is not None and _in_order(entity, base, years):
                evidence = (
                    f'"{entity.name}" (title "{_title(index, entity.id)}") is a later version of '
                    f'"{base.name}" (title "{_title(index, base.id)}")'
                )
                mentions = _both(index, entity.id, base.id)
                relations.append(_relation(entity.id, base.id, "name-version", evidence, mentions))
    return relations


# --- domain modifiers ---------------------------------------------------------------------------


def _modifier(name: str, base: str) -> str | None:
    """The domain word that turns base into name ("Code Alpaca", "LongMagpie"), if any."""
    if len(names.fold(base)) < MIN_BASE or not name.casefold().endswith(base.casefold()):
        return None
    head = name[: len(name) - len(base)].strip(" -")
    return head if head.casefold() in MODIFIERS else None


def _modified(entity: Entity, base: Entity) -> tuple[str, str, str] | None:
    """(name, base name, modifier) when one spelling of entity is a modified base spelling."""
    for n in _spellings(entity):
        for b in _spellings(base):
            modifier = _modifier(n, b)
            if modifier:
                return n, b, modifier
    return None


def _base_candidates(entity: Entity, by_spelling: dict[str, list[Entity]]) -> list[Entity]:
    """Entities one of whose spellings is entity's spelling minus a leading modifier word:
    a lookup per modifier, not a comparison with every other entity."""
    found: dict[str, Entity] = {}
    for n in _spellings(entity):
        folded = n.casefold()
        for modifier in MODIFIERS:
            if folded.startswith(modifier):
                for base in by_spelling.get(folded[len(modifier) :].strip(" -"), []):
                    found.setdefault(base.id, base)
    return [found[k] for k in sorted(found)]


def _by_modifier(index: EntityIndex) -> list[Relation]:
    by_spelling: dict[str, list[Entity]] = defaultdict(list)
    for base in index.entities:
        if base.kind is not EntityKind.BENCHMARK:
            for spelling in _spellings(base):
                by_spelling[spelling.casefold()].append(base)
    relations = []
    for entity in index.entities:
        for base in _base_candidates(entity, by_spelling):
            hit = None if base.id == entity.id else _modified(entity, base)
            if hit:
                n, b, m = hit
                evidence = (
                    f'"{n}" is "{b}" with the modifier "{m}" (title "{_title(index, entity.id)}")'
                )
                mentions = _both(index, entity.id, base.id)
                relations.append(_relation(entity.id, base.id, "name-modifier", evidence, mentions))
    return relations


# --- methods and bases named in titles ----------------------------------------------------------


class _Subjects:
    """What builds on a named method: the one thing the work (or the title) presents, else the
    paper itself."""

    def __init__(self, index: EntityIndex, kinds: dict[str, WorkKind]) -> None:
        self.kinds = kinds
        self.by_work: dict[str, set[str]] = defaultdict(set)
        self.by_mention: dict[str, set[str]] = defaultdict(set)
        for entity_id, claims in index.claims_of.items():
            for c in claims:
                if c.role is Role.INTRODUCED:
                    self.by_work[c.work].add(entity_id)
                    self.by_mention[c.mention].add(entity_id)

    def named(self, claim: Claim) -> str | None:
        """The one thing the work (or else the title) presents."""
        for candidates in (self.by_work[claim.work], self.by_mention[claim.mention]):
            if len(candidates) == 1:
                return next(iter(candidates))
        return None

    def of(self, claim: Claim) -> str | None:
        """What builds on the claim's name: the named thing, else the paper itself."""
        named = self.named(claim)
        if named or self.kinds[claim.work] is not WorkKind.PAPER:
            return named
        return claim.work


def _builds_on(index: EntityIndex, subjects: _Subjects, claim: Claim, obj: str) -> str | None:
    """The subject that extends obj, if the claim says so.

    "… Version of X" and "VILA2: VILA …" derive from X whoever says it.  "… with X" extends X
    only when a thing the work names builds on a method X ("WizardCoder … with Evol-Instruct");
    a paper that works with X ("On the Road with GPT-4V(ision)", "… Using wav2vec 2.0
    Embeddings") uses it, and a model, a dataset or a versioned release is used, not extended.
    """
    if claim.role is Role.BASE:
        return subjects.of(claim)
    if claim.role is not Role.USED:
        return None
    entity = index.entity(obj)
    if entity.kind is not EntityKind.METHOD or version(entity.name).versioned:
        return None
    return subjects.named(claim)


def _by_title(index: EntityIndex, kinds: dict[str, WorkKind]) -> list[Relation]:
    subjects = _Subjects(index, kinds)
    grouped: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for entity_id, claims in index.claims_of.items():
        for c in claims:
            subject = _builds_on(index, subjects, c, entity_id)
            if subject and subject != entity_id:
                grouped[(subject, entity_id, c.rule)].append(c)
    relations = []
    for (subject, obj, rule), claims in sorted(grouped.items()):
        first = min(claims)
        evidence = f'title "{first.title}" {_TITLE_VERBS[rule]} {first.name}'
        relations.append(_relation(subject, obj, rule, evidence, {c.mention for c in claims}))
    return relations


# --- sequels among paper titles -----------------------------------------------------------------


def _sequel_of(title: str) -> str | None:
    """ "Textbooks Are All You Need II: …" → the key of "Textbooks Are All You Need"."""
    words = title.split(":", 1)[0].split()
    if len(words) > 2 and words[-1].casefold() in _SEQUEL:
        return title_key(" ".join(words[:-1]))
    return None


def _abbreviated_sequel_of(title: str) -> list[str]:
    """ "SAM 2: Segment Anything in Images and Videos" → the key of "Segment Anything": a later
    version whose name abbreviates the words its subtitle opens with."""
    head, _, rest = title.partition(":")
    v, words = version(head.strip()), rest.split()
    if v.number is None or v.number < 2:
        return []
    return [
        title_key(" ".join(words[:n]))
        for n in range(2, min(len(words), len(v.stem)) + 1)
        if v.stem.startswith("".join(w[0] for w in words[:n]).casefold())
    ]


def _title_index(papers: list[Work]) -> dict[str, set[str]]:
    """Title key → papers, by whole title and by the part after a prefix ("Phi-1: …")."""
    found: dict[str, set[str]] = defaultdict(set)
    for w in papers:
        for t in w.titles or [w.title]:
            found[title_key(t)].add(w.id)
            found[title_key(t.split(":", 1)[-1])].add(w.id)
    return found


def _by_sequel(works: list[Work]) -> list[Relation]:
    papers = [w for w in works if w.kind is WorkKind.PAPER]
    by_title, titles = _title_index(papers), {w.id: w.title for w in papers}
    relations = []
    for w in papers:
        for t in sorted(w.titles or [w.title]):
            keys = [k for k in [_sequel_of(t)] if k] + _abbreviated_sequel_of(t)
            for base in sorted(set().union(*(by_title.get(k, set()) for k in keys)) - {w.id}):
                evidence = f'title "{t}" continues the listed title "{titles[base]}"'
                relations.append(_relation(w.id, base, "title-sequel", evidence, set(w.mentions)))
    return relations


def extends(index: EntityIndex, works: list[Work]) -> list[Relation]:
    """Every extends relation the names and titles support."""
    kinds = {w.id: w.kind for w in works}
    by_name = _by_version(index, _years(index, works)) + _by_modifier(index)
    return by_name + _by_title(index, kinds) + _by_sequel(works)
