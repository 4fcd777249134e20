"""Deterministic synthetic awesome lists derived from the bundled seeds, for scaling benchmarks.

Run: python benchmarks/generate.py --scale 10 --out benchmarks/out/scale-10x [--seed 7]
Writes <out>/lists/*.md, <out>/data/manifest.json (files relative to <out>, so `root=out` works)
and <out>/truth.json: the injected variants, duplicates and wrong links, by mention "list:line".

Each list copies a seed list's lines (headings, labels, tables) and fills its entry slots in that
list's style. An entry names a brand-new work (NEW_SHARE of them, so distinct works grow linearly)
or an earlier one drawn in proportion to its mentions so far (popular works recur in many lists);
a few are title or link variants of an earlier mention, or defects.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import Entry, LineKind, ParsedList
from kg.normalize import classify_url
from kg.sources.ingest import ingest
from kg.sources.manifest import load_manifest

ROOT = Path(__file__).resolve().parent.parent

VERSION = 3
LISTS_PER_SCALE = 5
NEW_SHARE = 0.6
RATES = (("variant", 0.15), ("no-link", 0.03), ("wrong-link", 0.015), ("duplicate", 0.01))
PLACEHOLDER_RATE = 0.005
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
CONNECTORS = ("for", "with", "via", "in", "from", "through", "and", "of", "by")
VOCAB_RANKS = 50_000  # word ranks beyond the seed vocabulary are coined words (Heaps' law)
NAMES = (7_368_787, 70**4)  # serial × a unit mod 70⁴: distinct, unalike names for consecutive works
MIN_ANCHORED = 50  # variants start once this many works have been written cleanly

STOP = {"the", "and", "for", "with", "via", "from", "into", "are", "you", "all", "not"}
ARXIV_FORMS = (
    "https://arxiv.org/pdf/{id}",
    "https://arxiv.org/abs/{id}v{v}",
    "http://arxiv.org/pdf/{id}v{v}",
    "https://arxiv.org/pdf/{id}.pdf",
    "https://www.arxiv.org/abs/{id}",
)
_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})")
_BULLET = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)(.*)$")
_YEAR = re.compile(r"\s*\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Work:
    """What an entry can name: one seed entry's form, or a brand-new synthetic work."""

    key: str
    title: str
    url: str | None
    authors: str = ""
    venue: str = ""
    year: str = ""
    code: str = ""
    summary: str = ""

    @property
    def stable(self) -> bool:
        """Its kind comes from its link, not from the section it stands in, so variants merge."""
        return self.url is None or classify_url(self.url) is not None


@dataclass(frozen=True)
class Slot:
    """Where a seed list has an entry, and how that list writes one."""

    prefix: str  # indentation and bullet marker; "" for table rows
    style: str  # "authors", "bold", "venue", "plain" bullets; "tldr" or "paper" table rows
    category: str = ""


@dataclass
class Template:
    """A seed list's lines with each entry replaced by a slot (stray and placeholder lines gone)."""

    id: str
    title: str
    lines: list[str | Slot]
    entries: int


@dataclass
class Seeds:
    templates: list[Template]
    works: list[Work]
    vocab: list[str]
    authors: list[str]
    venues: list[tuple[str, str]]
    summaries: list[str]
    entry_count: int


def arxiv_id(url: str | None) -> str | None:
    match = _ARXIV.search(url or "")
    return match.group(1) if match else None


def read_seeds(root: Path) -> Seeds:
    """The bundled lists as templates, their entries as works, and word and name pools."""
    parsed = ingest(load_manifest(root), root).parsed
    entries = [e for p in parsed for e in p.entries]
    works = {(w.title, w.url): w for w in map(_seed_work, entries) if _usable(w.title)}
    words: Counter[str] = Counter()
    forms: dict[str, str] = {}
    for e in entries:
        for w in re.findall(r"[A-Za-z][A-Za-z-]*[A-Za-z]", e.title):
            if len(w) >= 3 and w.lower() not in STOP:
                words[w.lower()] += 1
                forms.setdefault(w.lower(), w)
    return Seeds(
        templates=[_template(p, root) for p in parsed],
        works=list(works.values()),
        vocab=[forms[w] for w, _ in words.most_common()],
        authors=list(dict.fromkeys(a for e in entries for a in e.authors)),
        venues=list(dict.fromkeys((_venue(e), str(e.venue.year)) for e in entries if e.venue.year)),
        summaries=list(dict.fromkeys(e.summary.replace("|", "/") for e in entries if e.summary)),
        entry_count=len(entries),
    )


def _usable(title: str) -> bool:
    return bool(title) and not re.search(r"[\[\]|`]", title)


def _venue(e: Entry) -> str:
    raw = e.venue.raw.rstrip(". ")
    year = str(e.venue.year or "")
    return raw if year in raw else f"{raw} {year}".strip()


def _seed_work(e: Entry) -> Work:
    return Work(
        key=f"seed:{e.list_id}:{e.line}",
        title=e.title,
        url=e.url,
        authors=", ".join(e.authors),
        venue=_venue(e),
        year=str(e.venue.year or ""),
        code=e.code_url or "",
        summary=(e.summary or "").replace("|", "/"),
    )


def _template(parsed: ParsedList, root: Path) -> Template:
    text = (root / parsed.source.file).read_text("utf-8")
    at = {e.line for e in parsed.entries}
    kinds = {r.line: r.kind for r in parsed.lines}
    drop = (LineKind.ENTRY, LineKind.NOT_UNDERSTOOD, LineKind.PLACEHOLDER)
    lines: list[str | Slot] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if n in at:
            lines.append(_slot(line))
        elif kinds.get(n) not in drop:
            lines.append(line)
    return Template(parsed.source.id, parsed.title, lines, len(at))


def _slot(raw: str) -> Slot:
    """The seed line's way of writing an entry."""
    text = raw.strip()
    if text.startswith("|"):
        cells = [c.strip() for c in text.strip("|").split("|")]
        return Slot("", "tldr", cells[2]) if len(cells) >= 6 else Slot("", "paper")
    match = _BULLET.match(raw)
    prefix, body = (match.group(1), match.group(2)) if match else ("- ", text)
    if body.startswith("[**"):
        return Slot(prefix, "bold")
    tail = re.search(r"\]\([^\s)]*\)(.*)$", body)
    if not body.startswith("[") or tail is None:
        return Slot(prefix, "plain")
    return Slot(prefix, "venue" if tail.group(1).lstrip().startswith(".") else "authors")


def render(slot: Slot, work: Work | None, title: str | None, url: str | None) -> str:
    """One entry line in the slot's style; a placeholder line when there is no work."""
    if work is None:
        return _placeholder(slot)
    title = title or work.title
    if slot.style == "tldr":
        link = f"[link]({url})" if url else "-"
        publish = _YEAR.sub("", work.venue).strip() or "arxiv"
        cells = [title, work.summary or "-", slot.category, link, work.year or "-", publish]
        return "| " + " | ".join(cells) + " |"
    if slot.style == "paper":
        head = f"[{title}]({url})" if url else title
        return f"| {head} | {work.venue or '-'} | {work.code or '-'} |"
    if slot.style == "plain" or (url is None and not work.authors):
        return slot.prefix + title
    venue = f" {work.venue}." if work.venue else ""
    if url is None:
        return f"{slot.prefix}{title}. *{work.authors}.*{venue}"
    head = f"[**{title}**]({url})" if slot.style == "bold" else f"[{title}]({url})"
    if slot.style == "venue" or not work.authors:
        return f"{slot.prefix}{head}.{venue}" if venue else slot.prefix + head
    return f"{slot.prefix}{head} *{work.authors}.*{venue}"


def _placeholder(slot: Slot) -> str:
    stub = "https://arxiv.org/abs/..."
    if slot.style == "tldr":
        return f"| Paper title | - | {slot.category} | [link]({stub}) | 2024 | arxiv |"
    if slot.style == "paper":
        return f"| [example paper]({stub}) | arxiv 2024 | - |"
    return f"{slot.prefix}[...]({stub})"


def title_variant(
    work: Work, rng: random.Random, linked: bool, forced: str | None, acl: str
) -> tuple[str, str | None, str | None]:
    """(title, url, variant kind) for a variant of the work; kind None when none applies."""
    t, ident = work.title, arxiv_id(work.url)
    usable = "://" not in t
    options = {
        "case": usable,
        "typo": usable and len(_key(t).split()) >= 4 and bool(re.search(r"[A-Za-z]{6}", t)),
        "acronym": usable and ":" not in t and len(_key(t).split()) >= 4,
        "url-form": linked and ident is not None,
        "acl-link": linked and ident is not None,
        "mojibake": not t.isascii(),
    }
    kinds = [k for k, ok in options.items() if ok]
    kind = forced or (rng.choice(kinds) if kinds else None)
    if kind is None or (kind == "no-link" and work.url is None):
        return t, work.url, None
    if kind == "case":
        change = rng.choice((str.lower, str.upper, str.title, str.capitalize))
        return change(t), work.url, kind
    if kind == "typo":
        return _typo(t, rng), work.url, kind
    if kind == "acronym":
        letters = [w[0] for w in re.findall(r"[A-Za-z]+", t) if w.lower() not in STOP]
        return f"{''.join(letters[:6]).upper()}: {t}", work.url, kind
    if kind == "url-form":
        forms = [f.format(id=ident, v=rng.randint(1, 4)) for f in ARXIV_FORMS]
        return t, rng.choice([f for f in forms if f != work.url]), kind
    if kind == "acl-link":
        return t, f"https://aclanthology.org/{acl}/", kind
    if kind == "mojibake":
        return _mojibake(t, rng), work.url, kind
    return t, None, kind  # no-link


def _typo(title: str, rng: random.Random) -> str:
    """One letter replaced, dropped or swapped inside one word of six letters or more."""
    match = rng.choice(list(re.finditer(r"[A-Za-z]{6,}", title)))
    word, i = match.group(), rng.randrange(1, len(match.group()) - 2)
    op = rng.choice(("replace", "drop", "swap"))
    if op == "replace":
        letter = rng.choice([c for c in "aeiourstnl" if c != word[i].lower()])
        typo = word[:i] + letter + word[i + 1 :]
    elif op == "drop":
        typo = word[:i] + word[i + 1 :]
    else:
        typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if typo == word:
        typo = word[:i] + word[i + 1 :]
    return title[: match.start()] + typo + title[match.end() :]


def _mojibake(title: str, rng: random.Random) -> str:
    """UTF-8 bytes read back as Mac Roman or Windows-1252, as copy-paste chains do."""
    data = title.encode("utf-8")
    try:
        return data.decode(rng.choice(("mac_roman", "cp1252")))
    except UnicodeDecodeError:
        return data.decode("mac_roman")


@dataclass
class State:
    """Everything that carries over from one synthetic list to the next."""

    rng: random.Random
    works: dict[str, Work]
    pool: list[str]  # one key per mention so far: preferential attachment
    vocab: list[str]
    authors: list[str]
    venues: list[tuple[str, str]]
    summaries: list[str]
    titles: set[str] = field(default_factory=set)
    serial: int = 0
    anchor: dict[str, str] = field(default_factory=dict)  # work key → first clean mention
    anchored: list[str] = field(default_factory=list)  # the keys of anchor, in order
    linked: dict[str, str] = field(default_factory=dict)  # … first clean mention on arXiv
    linked_keys: list[str] = field(default_factory=list)
    truth: dict[str, list[dict[str, str]]] = field(
        default_factory=lambda: {"variants": [], "duplicates": [], "wrong_links": []}
    )


def coin(n: int) -> str:
    """A pronounceable made-up word, distinct for every n."""
    out = ""
    while True:
        n, digit = divmod(n, len(SYLLABLES))
        out += SYLLABLES[digit]
        if n == 0:
            return out


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _word(state: State) -> str:
    """A title word: rank drawn log-uniformly (Zipf), seed words first, then coined words."""
    rank = int(math.exp(state.rng.random() * math.log(VOCAB_RANKS)))
    word = state.vocab[rank - 1] if rank <= len(state.vocab) else coin(rank)
    return word[0].upper() + word[1:]


def _new_title(state: State) -> str:
    rng = state.rng
    while True:
        words = [_word(state) for _ in range(rng.randint(3, 7))]
        glue = " — " if rng.random() < 0.1 else f" {rng.choice(CONNECTORS)} "
        cut = rng.randint(1, len(words) - 1)
        rest = " ".join(words[:cut]) + glue + " ".join(words[cut:])
        if _key(rest) not in state.titles and not _key(rest).startswith("example"):
            break  # "Example …" is how a table says placeholder
    state.titles.add(_key(rest))
    if rng.random() < 0.5:
        head = coin(state.serial * NAMES[0] % NAMES[1])
        head = head.upper() if rng.random() < 0.3 else head.capitalize()
        return f"{head}: {rest}"
    return rest


def new_work(state: State) -> Work:
    """A brand-new work with a unique arXiv-like id (2601.10000 onwards) and a unique title."""
    rng, n = state.rng, state.serial
    ident = f"26{1 + n // 90_000 % 12:02d}.{10_000 + n % 90_000:05d}"
    venue, year = rng.choice(state.venues)
    code = f"https://github.com/{coin(n + 7)}/{coin(n)}" if rng.random() < 0.3 else ""
    work = Work(
        key=f"new:{ident}",
        title=_new_title(state),
        url=f"https://arxiv.org/abs/{ident}",
        authors=", ".join(rng.sample(state.authors, rng.randint(1, 6))),
        venue=venue,
        year=year,
        code=code,
        summary=rng.choice(state.summaries),
    )
    state.serial += 1
    state.works[work.key] = work
    return work


def _pick(state: State, seen: set[str], known: bool) -> Work:
    """A new work, else an existing one drawn in proportion to its mentions so far; for a
    variant, a work already written cleanly (perhaps in this very list)."""
    for _ in range(8 if known and len(state.anchored) >= MIN_ANCHORED else 0):
        work = state.works[state.rng.choice(state.anchored)]
        if work.stable:
            return work
    if state.rng.random() >= NEW_SHARE:
        for _ in range(8):
            work = state.works[state.rng.choice(state.pool)]
            if work.key not in seen:
                return work
    return new_work(state)


def _treatment(rng: random.Random) -> str:
    roll = rng.random()
    for name, rate in RATES:
        if roll < rate:
            return name
        roll -= rate
    return "clean"


@dataclass
class ListState:
    """One list being written: its lines and the works it already names."""

    list_id: str
    lines: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    clean: list[tuple[str, str]] = field(default_factory=list)  # (work key, mention)

    def add(self, line: str) -> str:
        self.lines.append(line)
        return f"{self.list_id}:{len(self.lines)}"


def _emit(slot: Slot, state: State, lst: ListState) -> None:
    """Write one entry at a slot: clean, a variant of a known work, or a defect."""
    rng = state.rng
    if rng.random() < PLACEHOLDER_RATE:
        lst.add(render(slot, None, None, None))
    treatment = _treatment(rng)
    work = _pick(state, lst.seen, treatment in ("variant", "no-link"))
    linked = slot.style != "plain"
    if treatment == "duplicate" and lst.clean:
        key, first = rng.choice(lst.clean)
        mention = lst.add(render(slot, state.works[key], None, state.works[key].url))
        state.truth["duplicates"].append({"mention": mention, "original": first})
        return
    if treatment == "wrong-link" and linked and state.linked:
        victim = state.works[rng.choice(state.linked_keys)]
        if _key(victim.title) != _key(work.title):
            mention = lst.add(render(slot, work, None, victim.url))
            record = {"mention": mention, "victim": state.linked[victim.key]}
            state.truth["wrong_links"].append(record)
            lst.seen.add(work.key)
            return
    if treatment in ("variant", "no-link") and work.key in state.anchor and work.stable:
        kind = "no-link" if treatment == "no-link" else None
        title, url, kind = title_variant(work, rng, linked, kind, _acl_id(work))
        if kind:
            mention = lst.add(render(slot, work, title, url))
            original = state.anchor[work.key]
            state.truth["variants"].append(
                {"mention": mention, "original": original, "kind": kind, "work": work.key}
            )
            lst.seen.add(work.key)
            return
    mention = lst.add(render(slot, work, None, work.url))
    lst.seen.add(work.key)
    lst.clean.append((work.key, mention))
    state.pool.append(work.key)
    if work.key not in state.anchor:
        state.anchor[work.key] = mention
        state.anchored.append(work.key)
    if linked and arxiv_id(work.url) and work.key not in state.linked:
        state.linked[work.key] = mention
        state.linked_keys.append(work.key)


def _acl_id(work: Work) -> str:
    """One ACL Anthology id per work (year 2026, so it never names a real paper)."""
    digest = int(hashlib.sha256(work.key.encode()).hexdigest()[:12], 16)
    track = ("acl-long", "emnlp-main", "findings-acl", "naacl-long")[digest % 4]
    return f"2026.{track}.{digest // 4 % 900_000 + 1}"


def _spread(slots: int, target: int, rng: random.Random) -> list[int]:
    """How many entries go at each slot so that the list holds exactly `target` entries."""
    base, extra = divmod(target, slots)
    chosen = set(rng.sample(range(slots), extra))
    return [base + (i in chosen) for i in range(slots)]


def _sizes(total: int, weights: list[float]) -> list[int]:
    """Split total in proportion to weights (largest remainder), at least one each."""
    raw = [total * w / sum(weights) for w in weights]
    sizes = [max(1, int(r)) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (int(raw[i]) - raw[i], i))
    for i in order[: max(0, total - sum(sizes))]:
        sizes[i] += 1
    return sizes


def generate(scale: float, out: Path, seed: int = 7) -> Path:
    """Write about scale × the seeds' entries across about 5 × scale lists; return the root."""
    seeds = read_seeds(ROOT)
    rng = random.Random(seed)
    state = State(
        rng,
        {w.key: w for w in seeds.works},
        [w.key for w in seeds.works],
        seeds.vocab,
        seeds.authors,
        seeds.venues,
        seeds.summaries,
    )
    state.titles.update(_key(w.title) for w in seeds.works)
    count = max(1, round(LISTS_PER_SCALE * scale))
    templates = [rng.choice(seeds.templates) for _ in range(count)]
    weights = [t.entries * rng.uniform(0.7, 1.3) for t in templates]
    sizes = _sizes(round(scale * seeds.entry_count), weights)
    (out / "lists").mkdir(parents=True, exist_ok=True)
    for old in sorted((out / "lists").glob("synth-*.md")):
        old.unlink()
    records = []
    for i, (template, size) in enumerate(zip(templates, sizes, strict=True)):
        lst = ListState(f"synth-{i + 1:05d}")
        counts = iter(_spread(template.entries, size, rng))
        for line in template.lines:
            if isinstance(line, str):
                lst.add(line)
                continue
            for _ in range(next(counts)):
                _emit(line, state, lst)
        records.append(_write(out, lst, template.id, template.title, seed))
    _dump(out / "data" / "manifest.json", {"lists": records})
    params = {"scale": scale, "seed": seed, "version": VERSION}
    _dump(out / "truth.json", {"params": params, **state.truth})
    return out


def _write(out: Path, lst: ListState, template: str, title: str, seed: int) -> dict:
    file = f"lists/{lst.list_id}.md"
    data = ("\n".join(lst.lines) + "\n").encode("utf-8")
    (out / file).write_bytes(data)
    return {
        "id": lst.list_id,
        "title": title,
        "origin": f"synthetic, derived from seed list {template} (generator seed {seed})",
        "version": "synthetic",
        "file": file,
        "sha256": hashlib.sha256(data).hexdigest(),
        "previous_version": None,
    }


def _dump(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    path.write_bytes(text.encode("utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    root = generate(args.scale, args.out, args.seed)
    print(f"wrote {root / 'data' / 'manifest.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
