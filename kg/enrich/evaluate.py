"""Scores derived relations: precision on a hand-labelled sample, recall on a hand-made true set.

`data/eval/relations_labelled.csv` (subject, predicate, object, rule, judgement, note) labels
relations the extractor produced; a labelled row counts only while the extractor still produces it
(otherwise it is reported as stale).  `data/eval/relations_true.csv` (subject, predicate, object,
note) lists relations a reader of the lists expects, written without looking at the output; recall
is measured on the extraction rules alone, and again with the curated facts added.

The corpus (`read_corpus`: fixture lists of many fields, `data/eval/relations_corpus_labelled.csv`,
same columns) is scored by `evaluate_corpus`.  Its rows also name relations the extractor should
yield (correct, not produced: missed) or must not yield (wrong, not produced: avoided); an empty
rule matches any rule, and a name shared by homonyms matches each of them.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.enrich import Enrichment
from kg.enrich.curated import RULE as CURATED
from kg.enrich.refs import RefError, Refs
from kg.model import ParsedList, Predicate, Relation, SurveyList
from kg.resolve import Resolution
from kg.sources import read_list
from kg.util.table import table

__all__ = [
    "EvalResult",
    "corpus_report",
    "evaluate",
    "evaluate_corpus",
    "evaluate_files",
    "read_corpus",
    "report",
    "rows",
]

Key = tuple[str, str, str]


@dataclass
class EvalResult:
    """Counts per rule and per predicate, and the rows behind every miss."""

    correct: Counter[str] = field(default_factory=Counter)  # by rule
    wrong: Counter[str] = field(default_factory=Counter)
    unlabelled: Counter[str] = field(default_factory=Counter)
    predicate_of: dict[str, str] = field(default_factory=dict)  # rule → predicate
    expected: Counter[str] = field(default_factory=Counter)  # by predicate
    found: Counter[str] = field(default_factory=Counter)  # by extraction rules
    found_curated: Counter[str] = field(default_factory=Counter)  # with curated facts
    found_by_rule: Counter[str] = field(default_factory=Counter)
    # corpus rows by predicate: true rows produced or missed, false rows produced or avoided
    true_found: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    false_produced: Counter[str] = field(default_factory=Counter)
    avoided: Counter[str] = field(default_factory=Counter)
    per_list: dict[str, Counter[str]] = field(default_factory=dict)  # list id → counts
    problems: list[str] = field(default_factory=list)

    @property
    def labelled(self) -> int:
        return sum(self.correct.values()) + sum(self.wrong.values())

    @property
    def precision(self) -> float:
        return _ratio(sum(self.correct.values()), self.labelled)

    @property
    def recall(self) -> float:
        return _ratio(sum(self.found.values()), sum(self.expected.values()))

    @property
    def recall_with_curated(self) -> float:
        return _ratio(sum(self.found_curated.values()), sum(self.expected.values()))


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _key(row: dict[str, str], refs: Refs) -> Key:
    return refs.find(row["subject"]), row["predicate"], refs.find(row["object"])


def _row(row: dict[str, str]) -> str:
    return f"{row['subject']} {row['predicate']} {row['object']} [{row['rule']}]"


def _by_rule(relations: list[Relation]) -> dict[tuple[str, str, str, str], Relation]:
    return {(r.subject, r.predicate, r.object, r.rule): r for r in relations}


def _precision(
    result: EvalResult, rows: list[dict[str, str]], relations: list[Relation], refs: Refs
) -> None:
    produced = _by_rule(relations)
    seen = set()
    for n, row in enumerate(rows, start=2):
        try:
            key = (*_key(row, refs), row["rule"])
        except RefError as err:
            result.problems.append(f"UNRESOLVED labelled line {n}: {err}")
            continue
        if key not in produced:
            result.problems.append(f"STALE labelled line {n}: {_row(row)}")
            continue
        seen.add(key)
        if row["judgement"] == "correct":
            result.correct[row["rule"]] += 1
        else:
            result.wrong[row["rule"]] += 1
            result.problems.append(f"WRONG {_row(row)}: {row['note']}")
    for key, r in produced.items():
        result.predicate_of[r.rule] = r.predicate
        if key not in seen and r.rule != CURATED:
            result.unlabelled[r.rule] += 1


def _recall(
    result: EvalResult, rows: list[dict[str, str]], relations: list[Relation], refs: Refs
) -> None:
    rules: dict[Key, set[str]] = defaultdict(set)
    for r in relations:
        rules[(r.subject, r.predicate, r.object)].add(r.rule)
    for n, row in enumerate(rows, start=2):
        result.expected[row["predicate"]] += 1
        try:
            key = _key(row, refs)
        except RefError as err:
            result.problems.append(f"MISSED true line {n} (names nothing extracted): {err}")
            continue
        found = rules.get(key, set())
        result.found_by_rule.update(found)
        if found - {CURATED}:
            result.found[row["predicate"]] += 1
        if found:
            result.found_curated[row["predicate"]] += 1
        if not found - {CURATED}:
            result.problems.append(
                f"MISSED true line {n}: {row['subject']} {row['predicate']} {row['object']}"
            )


def evaluate(
    enrichment: Enrichment,
    resolution: Resolution,
    labelled: list[dict[str, str]],
    true: list[dict[str, str]],
) -> EvalResult:
    """Score the enrichment against labelled and true rows (dicts with the CSV columns)."""
    refs = Refs(enrichment.entities, enrichment.relations, resolution.works)
    result = EvalResult()
    _precision(result, labelled, enrichment.relations, refs)
    _recall(result, true, enrichment.relations, refs)
    return result


def evaluate_files(
    enrichment: Enrichment, resolution: Resolution, labelled: Path, true: Path
) -> EvalResult:
    return evaluate(enrichment, resolution, rows(labelled), rows(true))


def read_corpus(files: list[Path]) -> list[ParsedList]:
    """Each list file read as `kg ingest FILE` reads it: its stem is its id and title."""
    stems = Counter(f.stem for f in files)
    if clash := sorted(s for s, n in stems.items() if n > 1):
        raise ValueError(f"two corpus lists share a file name: {', '.join(clash)}")
    return [read_list(SurveyList(id=f.stem, title=f.stem, file=str(f)), Path(".")) for f in files]


RuleKey = tuple[str, str, str, str]


def _produced(row: dict[str, str], refs: Refs, triples: dict[Key, set[str]]) -> set[RuleKey]:
    """The produced relations (with their rule) the row labels, for any node its references may
    name; an empty rule stands for every rule but the curated facts."""
    found = set()
    for s in refs.candidates(row["subject"]):
        for o in refs.candidates(row["object"]):
            rules = triples.get((s, row["predicate"], o), set())
            rules = rules & {row["rule"]} if row["rule"] else rules - {CURATED}
            found |= {(s, row["predicate"], o, rule) for rule in rules}
    return found


def _corpus_row(result: EvalResult, row: dict[str, str], produced: set[RuleKey]) -> None:
    """Count one labelled row: per rule when produced, and per predicate as found, missed,
    produced or avoided."""
    correct, predicate = row["judgement"] == "correct", row["predicate"]
    if correct:
        (result.true_found if produced else result.missed)[predicate] += 1
    else:
        (result.false_produced if produced else result.avoided)[predicate] += 1
    for rule in {k[3] for k in produced}:
        (result.correct if correct else result.wrong)[rule] += 1
    if correct and not produced:
        result.problems.append(f"MISSED {_row(row)}: {row['note']}")
    if produced and not correct:
        result.problems.append(f"WRONG {_row(row)}: {row['note']}")


def _count_lists(result: EvalResult, relations: list[Relation], seen: set[RuleKey]) -> None:
    """Per list: the relations read from its entries, and how many of them are labelled."""
    for r in relations:
        labelled = (r.subject, r.predicate, r.object, r.rule) in seen
        for list_id in {m.rsplit(":", 1)[0] for m in r.mentions}:
            counts = result.per_list.setdefault(list_id, Counter())
            counts.update({r.predicate: 1, "labelled": int(labelled)})


def evaluate_corpus(
    enrichment: Enrichment, resolution: Resolution, labelled: list[dict[str, str]]
) -> EvalResult:
    """Score the corpus enrichment: precision on produced rows, and the rows it misses or avoids."""
    refs = Refs(enrichment.entities, enrichment.relations, resolution.works)
    triples: dict[Key, set[str]] = defaultdict(set)
    for r in enrichment.relations:
        triples[(r.subject, r.predicate, r.object)].add(r.rule)
    result, seen = EvalResult(), set()
    for row in labelled:
        produced = _produced(row, refs, triples)
        _corpus_row(result, row, produced)
        seen |= produced
    for r in enrichment.relations:
        result.predicate_of[r.rule] = r.predicate
        if (r.subject, r.predicate, r.object, r.rule) not in seen and r.rule != CURATED:
            result.unlabelled[r.rule] += 1
    _count_lists(result, enrichment.relations, seen)
    return result


def _precision_row(
    predicate: str, rule: str, correct: int, wrong: int, unlabelled: int
) -> tuple[object, ...]:
    n = correct + wrong
    return predicate, rule, n, correct, wrong, f"{_ratio(correct, n):.3f}", unlabelled


def _precision_table(result: EvalResult) -> str:
    """Per rule, then per predicate, then overall."""
    rules = sorted(
        set(result.correct) | set(result.wrong) | set(result.unlabelled),
        key=lambda r: (result.predicate_of.get(r, ""), r),
    )
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    rows = []
    for rule in rules:
        predicate = result.predicate_of.get(rule, "?")
        c, w, u = result.correct[rule], result.wrong[rule], result.unlabelled[rule]
        rows.append(_precision_row(predicate, rule, c, w, u))
        totals[predicate].update(correct=c, wrong=w, unlabelled=u)
        totals["all"].update(correct=c, wrong=w, unlabelled=u)
    for predicate in [*sorted(set(totals) - {"all"}), "all"]:
        t = totals[predicate]
        rows.append(
            _precision_row(predicate, "(all rules)", t["correct"], t["wrong"], t["unlabelled"])
        )
    headers = ("predicate", "rule", "labelled", "correct", "wrong", "precision", "unlabelled")
    return table(headers, rows)


def _recall_row(label: str, expected: int, found: int, with_curated: int) -> tuple[object, ...]:
    return (
        label,
        expected,
        found,
        f"{_ratio(found, expected):.3f}",
        with_curated,
        f"{_ratio(with_curated, expected):.3f}",
    )


def _recall_table(result: EvalResult) -> str:
    """Per predicate, then overall; extraction rules alone and with curated facts."""
    rows = [
        _recall_row(p, result.expected[p], result.found[p], result.found_curated[p])
        for p in sorted(result.expected)
    ]
    totals = (result.expected, result.found, result.found_curated)
    rows.append(_recall_row("all", *(sum(t.values()) for t in totals)))
    headers = ("predicate", "true", "extracted", "recall", "+curated", "recall+curated")
    return table(headers, rows)


def _rule_table(result: EvalResult) -> str:
    order = sorted(result.found_by_rule, key=lambda r: (result.predicate_of.get(r, ""), r))
    rows = [(result.predicate_of.get(r, "?"), r, result.found_by_rule[r]) for r in order]
    return table(("predicate", "rule", "true relations found"), rows)


def report(result: EvalResult) -> str:
    """The tables `benchmarks/eval_relations.py` prints, then every problem row."""
    parts = [
        "precision on the labelled sample (rows the extractor still produces)",
        _precision_table(result),
        "",
        "recall on the true set (extraction rules alone, then with curated facts)",
        _recall_table(result),
        "",
        "true relations found, per rule (a relation may be found by several rules)",
        _rule_table(result),
    ]
    if result.problems:
        parts += ["", *result.problems]
    return "\n".join(parts)


def _labelled_row(label: str, counts: list[int]) -> tuple[object, ...]:
    found, missed, produced, avoided = counts
    return label, found + missed, found, f"{_ratio(found, found + missed):.3f}", produced, avoided


def _labelled_rows_table(result: EvalResult) -> str:
    """Per predicate: true rows found (recall on them) and false rows produced or avoided."""
    counters = (result.true_found, result.missed, result.false_produced, result.avoided)
    body = [_labelled_row(p, [c[p] for c in counters]) for p in sorted(set().union(*counters))]
    body.append(_labelled_row("all", [sum(c.values()) for c in counters]))
    headers = ("predicate", "true rows", "found", "recall", "false rows produced", "avoided")
    return table(headers, body)


def _lists_table(result: EvalResult, lists: list[ParsedList]) -> str:
    """Per list: entries, relations read from them by predicate, and how many are labelled."""
    predicates = tuple(Predicate)
    body = []
    for p in sorted(lists, key=lambda p: p.source.id):
        counts = result.per_list.get(p.source.id, Counter())
        body.append(
            (p.source.id, len(p.entries), *(counts[k] for k in predicates), counts["labelled"])
        )
    return table(("list", "entries", *predicates, "labelled"), body)


def corpus_report(result: EvalResult, lists: list[ParsedList]) -> str:
    """The tables `benchmarks/eval_relations.py --corpus` prints, then every problem row."""
    parts = [
        f"corpus: {len(lists)} lists, {sum(len(p.entries) for p in lists)} entries",
        _lists_table(result, lists),
        "",
        "precision on the labelled corpus rows the extractor produces",
        _precision_table(result),
        "",
        "labelled corpus rows: true ones found, false ones produced or avoided",
        _labelled_rows_table(result),
    ]
    if result.problems:
        parts += ["", *result.problems]
    return "\n".join(parts)
