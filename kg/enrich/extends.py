"""`extends`: version lineage, and building on a named method.

Rules, and their confidence after hand-labelling (data/eval/relations_labelled.csv; run
`python benchmarks/eval_relations.py` for current figures):

- name-version (0.9): "MAmmoTH2" → "MAmmoTH", "HuatuoGPT-II" → "HuatuoGPT", "Tulu 3" → "Tülu",
  "LongWriter-Zero" → "LongWriter", "phi-1.5" → "phi-1": same stem and tail, pointing at the
  nearest lower version (else at the plain name).
- name-modifier (0.7): "Code Alpaca" → "Alpaca", "LongMagpie" → "Magpie": a domain word before a
  listed name.  Below the precision target (3 of 4 labelled correct: "CodeUltraFeedback" only
  borrows UltraFeedback's name), so its confidence is lowered; of the modifiers only Code, Long
  and Multimodal are kept ("MathGenie" is no maths Genie, "ToolAlpaca" no tool Alpaca).
- title-sequel (0.9): "Textbooks Are All You Need II" → "Textbooks Are All You Need" (papers).
- title-with-method (0.85): "WizardCoder … with Evol-Instruct" → Evol-Instruct, when another work
  presents the method or several works use it (see `claims.settle`).
- title-version-of (0.9): "… Version of RedPajama" → RedPajama.
- title-base-name (0.9): "VILA2: VILA Augmented VILA" → VILA.
"""

from __future__ import annotations

from collections import defaultdict

from kg.enrich import names
from kg.enrich.claims import Claim, Role
from kg.enrich.entities import EntityIndex
from kg.enrich.versions import Version, version
from kg.model import Entity, EntityKind, Relation, Work, WorkKind
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
        predicate="extends",
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


def _predecessor(mine: Version, family: list[tuple[Version, Entity]]) -> Entity | None:
    """The nearest lower version in the family; for a variant or a first version, the plain name."""
    lower = [(v.number, e.id, e) for v, e in family if v.number is not None]
    if mine.number is not None:
        lower = [x for x in lower if x[0] < mine.number]  # type: ignore[operator]
        if lower:
            return max(lower, key=lambda x: (x[0], x[1]))[2]
    plain = sorted((e.id, e) for v, e in family if not v.versioned)
    return plain[0][1] if plain else None


def _by_version(index: EntityIndex) -> list[Relation]:
    families = _families(index)
    relations = []
    for _, members in sorted(families.items()):
        for mine, entity in members:
            others = [(v, e) for v, e in members if e.id != entity.id]
            base = _predecessor(mine, others) if mine.versioned else None
            if base is not None:
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

    def of(self, claim: Claim) -> str | None:
        for candidates in (self.by_work[claim.work], self.by_mention[claim.mention]):
            if len(candidates) == 1:
                return next(iter(candidates))
        return claim.work if self.kinds[claim.work] is WorkKind.PAPER else None


def _by_title(index: EntityIndex, kinds: dict[str, WorkKind]) -> list[Relation]:
    subjects = _Subjects(index, kinds)
    grouped: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for entity_id, claims in index.claims_of.items():
        for c in claims:
            subject = subjects.of(c) if c.role in (Role.USED, Role.BASE) else None
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
            key = _sequel_of(t)
            for base in sorted(by_title.get(key, set()) - {w.id}) if key else []:
                evidence = f'title "{t}" continues the listed title "{titles[base]}"'
                relations.append(_relation(w.id, base, "title-sequel", evidence, set(w.mentions)))
    return relations


def extends(index: EntityIndex, works: list[Work]) -> list[Relation]:
    """Every extends relation the names and titles support."""
    kinds = {w.id: w.kind for w in works}
    return _by_version(index) + _by_modifier(index) + _by_title(index, kinds) + _by_sequel(works)
