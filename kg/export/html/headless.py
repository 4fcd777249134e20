"""How to open the explorer in headless Chromium on a machine with no network (tests, benchmarks)."""

from __future__ import annotations

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # else it keeps trying to reach update and sync hosts
    "--disable-component-update",
    "--disable-sync",
]
