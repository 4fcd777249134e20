"""`kg coverage --format html`: one list's coverage report as a single page that fetches nothing:
the taxonomy outline first, then years, venues, defects, gaps and the crosswalk, charted by pygal."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from markupsafe import Markup

from kg.authoring.coverage import Coverage, SectionCoverage
from kg.authoring.crosswalk import Alignment
from kg.export.html import charts
from kg.export.html.details import web_links
from kg.export.html.heatmap import crosswalk_maps
from kg.export.html.outline import report_assets
from kg.export.html.page import inline_page
from kg.export.html.payload import script_json
from kg.export.html.taxonomy import taxonomy_data
from kg.graph import KnowledgeGraph, survey_id

Json = dict[str, Any]
TOP_VENUES = 12


def coverage_page(
    graph: KnowledgeGraph, report: Coverage, alignments: list[Alignment] | None = None
) -> str:
    """The report as one self-contained HTML page; same graph and report, same bytes."""
    scripts, styles = report_assets()
    outline = taxonomy_data(
        graph, [report.list_id], alignments or _alignments(report), thin=report.thin_threshold
    )
    return inline_page(
        "coverage.html.j2",
        scripts,
        styles,
        title=f"Coverage of {report.title}",
        report=report,
        figures=figures(graph, report),
        charts=_charts(graph, report),
        defect_kinds=Counter(d.kind for d in report.defects).most_common(),
        gaps=[_gap(g) for g in report.gaps],
        more_gaps=report.gap_count - len(report.gaps),
        crosswalk=crosswalk_maps(report),
        taxonomy=Markup(script_json(outline)),
    )


def _alignments(report: Coverage) -> list[Alignment]:
    """The report's own alignments, so the outline names the same aligned sections."""
    return [
        Alignment(
            source=s.node,
            target=a.section,
            relation=a.relation,
            score=a.score,
            shared=0,
            label_similarity=0.0,
            evidence="",
            versions=False,
        )
        for s in report.sections
        for a in s.aligned
    ]


def figures(graph: KnowledgeGraph, report: Coverage) -> list[tuple[str, str]]:
    """The list's figures at a glance: (value, what)."""
    status = _statuses(graph, report.list_id)
    dated = sum(status.values()) - status.get("unknown", 0)
    share = f"{status.get('preprint', 0) / dated:.0%}" if dated else "–"
    years = [int(y) for y in report.years if y != "unknown"]
    span = f"{min(years)}–{max(years)}" if years else "–"
    return [
        (str(report.works), "works"),
        (str(len(report.sections)), "sections"),
        (str(len(report.empty)), "empty sections"),
        (str(len(report.thin)), f"thin (< {report.thin_threshold} works)"),
        (span, "years"),
        (share, "preprints"),
        (str(len(report.defects)), "defects"),
        (str(report.gap_count), "gaps other lists show"),
        (str(len(report.crosswalk)), "lists aligned"),
    ]


def _statuses(graph: KnowledgeGraph, list_id: str) -> Counter[str]:
    works = [graph.works[w] for w in graph.into(survey_id(list_id), "listedIn")]
    return Counter(w.venue.status or "unknown" for w in works)


def _venues(graph: KnowledgeGraph, list_id: str) -> Counter[str]:
    works = [graph.works[w] for w in graph.into(survey_id(list_id), "listedIn")]
    return Counter(w.venue.venue or "unknown" for w in works)


def _charts(graph: KnowledgeGraph, report: Coverage) -> dict[str, Markup]:
    venues = _venues(graph, report.list_id)
    known = [(v, n) for v, n in venues.most_common() if v != "unknown"][:TOP_VENUES]
    found = {
        "years": charts.years_overall("years", report.years),
        "top_years": charts.years_by_section("top-years", _top_level_years(report)),
        "all_years": charts.years_by_section("all-years", _section_years(report)),
        "venues": charts.ranked_bars("venues", known, "works"),
        "status": charts.share_pie("status", dict(_statuses(graph, report.list_id).most_common())),
    }
    shares = [
        (_name(s), round(100 * s.preprint_share))
        for s in report.sections
        if s.preprint_share is not None
    ]
    found["preprints"] = charts.ranked_bars("preprints", shares[::-1], "% preprints")
    return found


def _name(s: SectionCoverage) -> str:
    return f"{s.notation} {s.label}" if s.notation and s.notation != s.label else s.label


def _top_level_years(report: Coverage) -> list[tuple[str, dict[str, int]]]:
    """Each top-level section's works per year, its subsections included."""
    by_node = {s.node: s for s in report.sections}
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for s in report.sections:
        top = s
        while top.parent in by_node:
            top = by_node[top.parent]
        totals[top.node].update(s.years)
    return [(_name(s), dict(totals[s.node])) for s in report.sections if s.parent not in by_node]


def _section_years(report: Coverage) -> list[tuple[str, dict[str, int]]]:
    """Every section with works of its own, its works per year."""
    return [(_name(s), s.years) for s in report.sections if s.own]


def _gap(gap: Any) -> Json:
    """A gap with its link only when it is a web link."""
    links = web_links([gap.url] if gap.url else [])
    return {"gap": gap, "link": links[0] if links else None}
