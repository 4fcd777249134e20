"""A taxonomy being drafted (a small YAML of sections with descriptions or keywords), filled with
every work of every list: what each section would hold, what no section covers, what is empty.

    title: My survey
    sections:
      - name: Data selection
        keywords: [selection, pruning, filtering]
        sections:
          - name: Quality filters
            description: scoring examples and keeping the best
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from kg.authoring.crosswalk import label_words
from kg.graph import KnowledgeGraph


class DraftError(ValueError):
    """A draft taxonomy that cannot be read; the message says where and why."""


class DraftSection(BaseModel):
    name: str
    description: str = ""
    keywords: list[str] = Field(default_factory=list)
    sections: list[DraftSection] = Field(default_factory=list)


class Draft(BaseModel):
    title: str = "Draft taxonomy"
    sections: list[DraftSection]


class Placed(BaseModel):
    """A work placed into a draft section, with the words that put it there."""

    work: str
    title: str
    score: float
    matched: list[str]


class DraftSectionFill(BaseModel):
    path: str  # "Data selection > Quality filters"
    works: list[Placed] = Field(default_factory=list)


class DraftCoverage(BaseModel):
    title: str
    sections: list[DraftSectionFill]
    unplaced: list[Placed]

    @property
    def empty(self) -> list[DraftSectionFill]:
        return [s for s in self.sections if not s.works]


def read_draft(path: Path) -> Draft:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Draft.model_validate(data)
    except OSError as err:
        raise DraftError(f"{path}: cannot be read ({err.strerror or err})") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(err, "problem", None) or "not valid YAML"
        raise DraftError(f"{path}: not YAML{where}: {problem}") from None
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise DraftError(f"{path}: {where}: {first['msg']}") from None


def _flatten(sections: list[DraftSection], prefix: str = "") -> list[tuple[str, set[str]]]:
    """Each section's path and the stemmed words that describe it (name, keywords, description)."""
    found = []
    for s in sections:
        path = f"{prefix} > {s.name}" if prefix else s.name
        words = set(label_words(" ".join([s.name, *s.keywords, s.description])).split())
        found.append((path, words))
        found += _flatten(s.sections, path)
    return found


def _work_words(kg: KnowledgeGraph, work_id: str) -> Counter[str]:
    """What a work is about: its title and summaries, and the labels of the sections it is in."""
    work = kg.works[work_id]
    labels = [kg.sections[s].label for s in kg.out(work_id, "categorizedAs")]
    text = " ".join([work.title, *work.summaries, *labels])
    return Counter(label_words(re.sub(r"[^\w\s-]", " ", text)).split())


def fill(kg: KnowledgeGraph, draft: Draft) -> DraftCoverage:
    """Place every work in the draft section whose words it shares most (deeper wins a tie)."""
    sections = _flatten(draft.sections)
    filled = {path: DraftSectionFill(path=path) for path, _ in sections}
    unplaced = []
    for work_id in sorted(kg.works):
        words = _work_words(kg, work_id)
        best = max(
            (
                (sum(words[w] for w in wanted), path.count(">"), path, wanted)
                for path, wanted in sections
            ),
            default=None,
        )
        title = kg.works[work_id].title
        if best is None or best[0] == 0:
            unplaced.append(Placed(work=work_id, title=title, score=0, matched=[]))
            continue
        score, _, path, wanted = best
        matched = sorted(w for w in wanted if words[w])
        filled[path].works.append(Placed(work=work_id, title=title, score=score, matched=matched))
    return DraftCoverage(title=draft.title, sections=list(filled.values()), unplaced=unplaced)


def draft_markdown(report: DraftCoverage, shown: int = 10) -> str:
    lines = [f"# {report.title}: every listed work placed", ""]
    for s in report.sections:
        depth = s.path.count(">")
        lines.append(f"{'  ' * depth}- **{s.path.split(' > ')[-1]}**: {len(s.works)} works")
        for p in sorted(s.works, key=lambda p: (-p.score, p.title))[:shown]:
            lines.append(f"{'  ' * (depth + 1)}- {p.title} ({', '.join(p.matched)})")
    lines += ["", f"## Sections nothing fills ({len(report.empty)})", ""]
    lines += [f"- {s.path}" for s in report.empty] or ["none"]
    lines += ["", f"## Works no section covers ({len(report.unplaced)})", ""]
    lines += [f"- {p.title}" for p in report.unplaced[: shown * 5]]
    return "\n".join(lines) + "\n"
