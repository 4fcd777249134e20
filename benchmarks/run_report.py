"""The rows of benchmarks/run.py's table: each figure, its target where the project has one, and
whether it was met."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from kg.util.table import table

HEADERS = ("measure", "value", "detail", "target", "met")


@dataclass
class Row:
    """One figure of the run; `limit` is the target's upper bound (None: no target)."""

    measure: str
    value: float | None
    unit: str = "s"
    detail: str = ""
    target: str = ""
    limit: float | None = None

    def met(self) -> str:
        if self.limit is None:
            return "" if not self.target else "not run"
        if self.value is None:
            return "not run"
        return "met" if self.value <= self.limit else "not met"

    def shown(self) -> str:
        if self.value is None:
            return "-"
        if self.unit == "x":
            return f"{self.value:.2f}x"
        if self.unit == "":
            return f"{self.value:.3f}"
        return (
            f"{self.value:.3f} {self.unit}" if self.value < 10 else f"{self.value:.1f} {self.unit}"
        )

    def as_json(self) -> dict[str, object]:
        return asdict(self) | {"met": self.met()}


def render(rows: list[Row]) -> str:
    """One aligned table of every row."""
    return table(HEADERS, [(r.measure, r.shown(), r.detail, r.target, r.met()) for r in rows])


def target_row(measure: str, value: float | None, limit: float, target: str, **kw: str) -> Row:
    """A row judged against `limit`."""
    return Row(measure, value, target=target, limit=limit, **kw)


def unjudged(measure: str, value: float | None, target: str, **kw: str) -> Row:
    """A row whose target applies to a scale this run did not measure."""
    return Row(measure, value, target=target, limit=None, **kw)
