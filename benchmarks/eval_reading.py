"""How well the reader reads lists of every dialect, against hand-written golden files.

Run: python benchmarks/eval_reading.py [--folder tests/fixtures/lists/dialects] [--show N]
Prints per fixture: entries found (recall), nothing else taken (precision), identifiers captured
and the accuracy of every field; then up to N mismatches per fixture, and the time to read the
largest fixture.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.model import SurveyList  # noqa: E402
from kg.sources import read_markdown  # noqa: E402
from kg.sources.evaluate import evaluate_corpus, table  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "tests/fixtures/lists/dialects")
    parser.add_argument("--show", type=int, default=5, help="mismatches to print per fixture")
    args = parser.parse_args()
    scores = evaluate_corpus(args.folder)
    print(table(scores))
    for s in scores:
        problems = [f"  line {n}: missed" for n in s.missed] + [
            f"  line {n}: not an entry, read as one" for n in s.extra
        ]
        problems += [f"  line {n} {f}: expected {e!r}, got {g!r}" for n, f, e, g in s.mismatches]
        if problems and args.show:
            print(f"\n{s.name}:")
            print("\n".join(problems[: args.show]))
    largest = max(args.folder.glob("*.md"), key=lambda p: p.stat().st_size)
    print()
    _time_reading(largest, copies=1)
    _time_reading(largest, copies=4)
    return 0


def _time_reading(path: Path, copies: int) -> None:
    """Read the list, or the list written out `copies` times, to show reading stays linear."""
    source = SurveyList(id=path.stem, title=path.stem, file=path.name)
    text = "\n".join([path.read_text(encoding="utf-8")] * copies)
    started = time.perf_counter()
    parsed = read_markdown(text, source)
    elapsed = time.perf_counter() - started
    print(
        f"{path.name} x{copies}: {len(parsed.entries)} entries, {parsed.line_count} lines "
        f"read in {elapsed:.2f} s ({1e3 * elapsed / max(1, len(parsed.entries)):.2f} ms an entry)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
