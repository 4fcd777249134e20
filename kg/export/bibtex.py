"""BibTeX for a list, a section or a query's works, so survey authors can cite what they list."""

from __future__ import annotations

from collections.abc import Iterable

import bibtexparser
from bibtexparser.model import Entry, Field

from kg.export.bib_keys import citation_keys
from kg.export.bib_latex import escape, protect_title
from kg.graph import KnowledgeGraph, survey_id
from kg.model import Work, WorkKind

JOURNALS = frozenset({"tmlr", "jmlr", "tacl", "science", "iscience", "pnas", "cacm", "nature"})
JOURNAL_WORDS = ("journal", "transactions", "nature", "letters", "review", "magazine")
NOT_VENUES = frozenset({"others", "other", "arxiv", "openreview", "github", "hugging face"})


def identifier(work: Work, scheme: str) -> str | None:
    """The work's identifier in `scheme`, the first in code-point order when it has several."""
    values = sorted(i.value for i in work.identifiers if i.scheme == scheme)
    return values[0] if values else None


def venue_name(work: Work) -> str | None:
    """A venue BibTeX can name: not a group of venues, a catch-all or a preprint server."""
    venue = work.venue.venue
    if not venue or work.venue.is_group or "/" in venue or venue.lower() in NOT_VENUES:
        return None
    return venue


def is_journal(venue: str) -> bool:
    """Journals are named by a short known list or by words only journals use."""
    low = venue.lower()
    return low in JOURNALS or any(word in low for word in JOURNAL_WORDS)


def entry_type(work: Work) -> str:
    """@article for journals, @inproceedings for conferences, @misc for everything else."""
    venue = venue_name(work)
    if work.kind is not WorkKind.PAPER or venue is None or work.venue.status == "preprint":
        return "misc"
    return "article" if is_journal(venue) else "inproceedings"


def best_url(work: Work) -> str | None:
    """A stable landing page: the arXiv abstract, the DOI resolver, else the first link seen."""
    arxiv, doi = identifier(work, "arxiv"), identifier(work, "doi")
    if arxiv:
        return f"https://arxiv.org/abs/{arxiv}"
    if doi:
        return f"https://doi.org/{doi}"
    return work.urls[0] if work.urls else None


def howpublished(work: Work) -> str | None:
    """What a @misc entry is: a preprint, a blog post, software… so a reader knows what to open."""
    if identifier(work, "arxiv"):
        return "arXiv preprint"
    if work.venue.venue and not work.venue.is_group and work.venue.venue.lower() not in {"others"}:
        return escape(work.venue.venue)
    labels = {
        WorkKind.BLOG: "Blog post",
        WorkKind.SOFTWARE: "Software",
        WorkKind.DATASET: "Dataset",
    }
    return labels.get(work.kind, "Online")


def fields(work: Work) -> list[tuple[str, str]]:
    """The entry's fields in the usual order, each already escaped for LaTeX."""
    kind = entry_type(work)
    out = [("title", protect_title(work.title))]
    if work.authors:
        out.append(("author", " and ".join(escape(a) for a in work.authors)))
    venue = venue_name(work)
    if kind == "article" and venue:
        out.append(("journal", escape(venue)))
    elif kind == "inproceedings" and venue:
        out.append(("booktitle", escape(venue)))
    elif kind == "misc":
        published = howpublished(work)
        if published:
            out.append(("howpublished", published))
    if work.year:
        out.append(("year", str(work.year)))
    arxiv, doi = identifier(work, "arxiv"), identifier(work, "doi")
    if arxiv:
        out += [("eprint", arxiv), ("archivePrefix", "arXiv")]
    if doi:
        out.append(("doi", escape(doi)))
    url = best_url(work)
    if url:
        out.append(("url", url.replace("%", r"\%").replace("#", r"\#")))
    return out


def bib_entries(kg: KnowledgeGraph, work_ids: Iterable[str]) -> list[Entry]:
    """Entries for the given works, ordered by key; keys are computed over the whole graph."""
    keys = citation_keys(kg.works.values())
    chosen = sorted(set(work_ids), key=lambda w: keys[w])
    return [
        Entry(entry_type(kg.works[w]), keys[w], [Field(k, v) for k, v in fields(kg.works[w])])
        for w in chosen
    ]


def bibtex(kg: KnowledgeGraph, work_ids: Iterable[str]) -> str:
    """The BibTeX text of the given works, written by bibtexparser."""
    library = bibtexparser.Library()
    for entry in bib_entries(kg, work_ids):
        library.add(entry)
    return bibtexparser.write_string(library)


def list_works(kg: KnowledgeGraph, list_id: str) -> list[str]:
    """The works a list names."""
    return kg.into(survey_id(list_id), "listedIn")


def section_works(kg: KnowledgeGraph, section: str) -> list[str]:
    """The works of a section and of every section under it."""
    found: list[str] = []
    pending = [section]
    while pending:
        node = pending.pop()
        found += kg.works_in(node)
        pending += kg.into(node, "broader")
    return found
