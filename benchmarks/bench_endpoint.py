"""A bounded load test of `kg serve` on loopback: concurrent clients send saved queries mixed
with hostile ones (huge results, cross products, endless paths, updates of every form), to show
that normal queries keep being answered, hostile ones are cut or refused, and the store is never
written.

    kg build --out /tmp/benchout && python benchmarks/bench_endpoint.py --out /tmp/benchout
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.sparql.params import examples
from kg.sparql.query import bind, saved_queries

HUGE = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"
HOSTILE = [
    HUGE,
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s (<urn:p>|!<urn:p>)* ?o . ?x ?y ?z }",
]
UPDATES = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR ALL",
    "DROP ALL",
    "CREATE GRAPH <urn:g>",
]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass
class Tally:
    """What the clients saw, shared between their threads."""

    normal: list[float] = field(default_factory=list)
    normal_status: Counter[int] = field(default_factory=Counter)
    hostile: Counter[int] = field(default_factory=Counter)
    updates: Counter[int] = field(default_factory=Counter)
    truncated: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def request(url: str, query: str, update: bool) -> tuple[int, dict[str, str]]:
    """One request: updates by every protocol route in turn, queries by GET."""
    if update:
        route = random.choice(["form", "body", "query"])
        if route == "form":
            data, kind = (
                urllib.parse.urlencode({"update": query}).encode(),
                "application/x-www-form-urlencoded",
            )
        else:
            data = query.encode()
            kind = "application/sparql-update" if route == "body" else "application/sparql-query"
        req = urllib.request.Request(f"{url}/sparql", data=data, headers={"Content-Type": kind})
    else:
        req = urllib.request.Request(f"{url}/sparql?" + urllib.parse.urlencode({"query": query}))
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            response.read()
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as err:
        err.read()
        return err.code, dict(err.headers)


def client(url: str, normal: list[str], until: float, tally: Tally, seed: int) -> None:
    """Half normal queries, a quarter hostile, a quarter updates, until the time is up."""
    rng = random.Random(seed)
    while time.monotonic() < until:
        pick = rng.random()
        if pick < 0.5:
            query = rng.choice(normal)
            started = time.monotonic()
            status, _ = request(url, query, False)
            with tally.lock:
                tally.normal.append(time.monotonic() - started)
                tally.normal_status[status] += 1
        elif pick < 0.75:
            status, headers = request(url, rng.choice(HOSTILE), False)
            with tally.lock:
                tally.hostile[status] += 1
                tally.truncated += headers.get("X-Result-Truncated") == "true"
        else:
            status, _ = request(url, rng.choice(UPDATES), True)
            with tally.lock:
                tally.updates[status] += 1


def checksums(store: Path) -> dict[str, str]:
    """The store's data files (logs and lock files left out: RocksDB touches them on open)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(store.iterdir())
        if p.is_file() and p.suffix in (".sst", "") and p.name not in ("LOCK", "LOG")
    }


def peak_rss_kb(pid: int) -> int:
    """VmHWM of the server and each of its child processes (KiB)."""
    total = _hwm(pid)
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        total += sum(_hwm(int(c)) for c in child.read_text().split())
    return total


def _hwm(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def wait_ready(url: str) -> None:
    """Until the server answers its index page."""
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--port", type=int, default=7979)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--timeout", type=float, default=3.0)
    parser.add_argument("--max-rows", type=int, default=10_000)
    args = parser.parse_args()
    url = f"http://127.0.0.1:{args.port}"
    normal = [bind(q.text, examples(q.text)) for q in saved_queries()]
    before = checksums(args.out / "store")
    command = [str(Path(sys.executable).with_name("kg")), "serve", "--out", str(args.out), "--host",
               "127.0.0.1", "--port", str(args.port), "--timeout", str(args.timeout),
               "--max-rows", str(args.max_rows)]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    try:
        wait_ready(url)
        count_before = request(url, COUNT, False)
        tally = Tally()
        until = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=client, args=(url, normal, until, tally, i))
            for i in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        while any(t.is_alive() for t in threads):
            peak = max(peak, peak_rss_kb(server.pid))
            time.sleep(0.2)
        ask_started = time.monotonic()
        ask_status = request(url, "ASK { ?s a skg:Survey }", False)[0]
        ask_seconds = time.monotonic() - ask_started
    finally:
        server.terminate()
        server.wait(10)
    report(args, tally, peak, ask_status, ask_seconds, before == checksums(args.out / "store"))
    print(f"count query before the load: status {count_before[0]}")


def report(
    args: argparse.Namespace, tally: Tally, peak: int, ask: int, ask_s: float, same: bool
) -> None:
    """Print the figures."""
    within = sum(1 for t in tally.normal if t <= args.timeout)
    print(f"{args.clients} clients for {args.seconds:g} s, timeout {args.timeout:g} s, "
          f"max rows {args.max_rows}")  # fmt: skip
    print(f"normal queries: {len(tally.normal)} sent, status {dict(tally.normal_status)}, "
          f"p50 {statistics.median(tally.normal or [0]) * 1000:.0f} ms, "
          f"p95 {percentile(tally.normal, 0.95) * 1000:.0f} ms, {within} within the timeout")  # fmt: skip
    print(f"hostile queries: status {dict(tally.hostile)} "
          f"(503 cut or busy; 200 cut at the row cap: {tally.truncated} truncated)")  # fmt: skip
    print(f"updates: status {dict(tally.updates)} (403 refused)")
    print(f"store files unchanged: {same}")
    print(f"ASK after the load: {ask} in {ask_s * 1000:.0f} ms")
    print(f"peak RSS, server and workers (VmHWM summed): {peak / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
