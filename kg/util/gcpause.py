"""Pausing Python's cyclic garbage collector around bulk work.

Resolution, RDF export and page building allocate millions of short-lived, acyclic objects;
collection passes triggered by that churn scan the whole (large) heap and find nothing to free.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable cyclic collection inside the block; restore it after, if it was on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
