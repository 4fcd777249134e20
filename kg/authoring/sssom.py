"""Section alignments as an SSSOM mapping table (TSV with its YAML metadata block).

Written with the csv module rather than sssom-py: the format is a TSV under a short commented
YAML header, and sssom-py (with pandas and LinkML) is too heavy a dependency for writing it; the
tests validate every table with sssom-py's own validators.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from kg.authoring.crosswalk import Alignment
from kg.graph import KnowledgeGraph, survey_id

ID_BASE = "https://w3id.org/surveykg/id/"
CURIE_MAP = {
    "skgr": ID_BASE,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "semapv": "https://w3id.org/semapv/vocab/",
}
COLUMNS = (
    "subject_id",
    "subject_label",
    "subject_source",
    "predicate_id",
    "object_id",
    "object_label",
    "object_source",
    "mapping_justification",
    "confidence",
    "mapping_tool",
    "comment",
)
JUSTIFICATION = "semapv:CompositeMatching"  # shared works and lexical similarity together
LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/"


def sssom_table(
    kg: KnowledgeGraph, alignments: Iterable[Alignment], first: str, second: str
) -> str:
    """The mappings from sections of list `first` to sections of list `second`."""
    out = io.StringIO()
    out.write(_header(first, second))
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for a in sorted(alignments, key=lambda x: (x.source, -x.score, x.target)):
        writer.writerow(_row(kg, a))
    return out.getvalue()


def _header(first: str, second: str) -> str:
    lines = ["curie_map:"] + [f"  {k}: {v}" for k, v in CURIE_MAP.items()]
    lines += [
        f"mapping_set_id: {ID_BASE}crosswalk/{first}--{second}",
        f"mapping_set_description: Sections of the list {first} mapped to sections of {second}",
        f"license: {LICENSE}",
        f"subject_source: skgr:{survey_id(first)}",
        f"object_source: skgr:{survey_id(second)}",
    ]
    return "".join(f"# {line}\n" for line in lines)


def _row(kg: KnowledgeGraph, a: Alignment) -> list[str]:
    source, target = kg.sections[a.source], kg.sections[a.target]
    return [
        f"skgr:{a.source}",
        _cell(source.label),
        f"skgr:{survey_id(source.list_id)}",
        f"skos:{a.relation}",
        f"skgr:{a.target}",
        _cell(target.label),
        f"skgr:{survey_id(target.list_id)}",
        JUSTIFICATION,
        f"{min(1.0, a.score):.2f}",
        "surveykg",
        _cell(a.evidence),
    ]


def _cell(text: str) -> str:
    """No tab or line break may reach a TSV cell."""
    return " ".join(str(text).split())
