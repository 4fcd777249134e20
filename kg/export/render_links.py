"""The one link, venue and year a regenerated list shows for a work."""

from __future__ import annotations

from kg.model import Entry, VenueInfo, Work

LANDING = {
    "arxiv": "https://arxiv.org/abs/{}",
    "doi": "https://doi.org/{}",
    "acl": "https://aclanthology.org/{}",
    "openreview": "https://openreview.net/forum?id={}",
}


def best_link(work: Work, entry: Entry) -> str | None:
    """A paper identifier's landing page (arXiv > DOI > ACL > OpenReview), else the list's link."""
    for scheme, pattern in LANDING.items():
        values = sorted(i.value for i in work.identifiers if i.scheme == scheme)
        if values:
            return pattern.format(values[0])
    return entry.url or (work.urls[0] if work.urls else None)


def _named(venue: VenueInfo) -> str | None:
    """A venue worth printing: a real name, not a group such as NIPS/ICML/ICLR or "Others"."""
    name = venue.venue
    if not name or venue.is_group or name.lower() in {"others", "other"}:
        return None
    return name


def venue_year(work: Work, entry: Entry) -> tuple[str | None, int | None]:
    """The list's own venue and year, each filled from the other lists where it has none."""
    venue = _named(entry.venue) or _named(work.venue)
    return venue, entry.venue.year or work.year


def code_link(work: Work, entry: Entry) -> str | None:
    """The code repository, when the list or another list gives one."""
    return entry.code_url or (work.code_urls[0] if work.code_urls else None)
