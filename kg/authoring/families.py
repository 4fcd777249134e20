"""Lists that are versions of one survey form one family: they never count as independent
evidence for each other."""

from __future__ import annotations

from collections.abc import Iterable

from kg.model import SurveyList


def families(lists: Iterable[SurveyList]) -> dict[str, str]:
    """list id → the id of its family (the oldest version the manifest links it to)."""
    by_id = {s.id: s for s in lists}
    family: dict[str, str] = {}
    for list_id in sorted(by_id):
        seen = {list_id}
        current = by_id[list_id]
        while current.previous_version in by_id and current.previous_version not in seen:
            seen.add(current.previous_version)
            current = by_id[current.previous_version]
        family[list_id] = current.id
    return family


def independent(list_ids: Iterable[str], family: dict[str, str]) -> list[str]:
    """One list id per family (the first by id), so two versions count once."""
    chosen: dict[str, str] = {}
    for list_id in sorted(set(list_ids)):
        chosen.setdefault(family.get(list_id, list_id), list_id)
    return sorted(chosen.values())
