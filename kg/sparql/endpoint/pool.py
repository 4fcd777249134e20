"""Worker processes that run queries, so that a query past its time is killed, not abandoned:
a thread cannot be stopped, a process can, and its memory and cores come back with it."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import resource
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

Job = Callable[[Any], Any]
CONTEXT = mp.get_context("fork")  # workers share the parent's store or open it by path
PARENT_CHECK = 1.0  # seconds between checks that the server is still there


class Worker:
    """One process and the parent's end of its pipe."""

    def __init__(self, job: Job, memory_bytes: int | None) -> None:
        self.conn, child = CONTEXT.Pipe()
        self.process: BaseProcess = CONTEXT.Process(
            target=_serve, args=(child, job, memory_bytes), daemon=True
        )
        self.process.start()
        child.close()

    def kill(self) -> None:
        """SIGKILL and reap, so that neither a busy process nor a zombie is left."""
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Pool:
    """A fixed number of workers; a killed or crashed one is replaced at once."""

    def __init__(self, job: Job, size: int, memory_bytes: int | None = None) -> None:
        self.job, self.memory_bytes = job, memory_bytes
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self.closed = False
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> Worker:
        worker = Worker(self.job, self.memory_bytes)
        with self._lock:
            self._all.add(worker)
        return worker

    def acquire(self, wait: float) -> Worker | None:
        """An idle worker, or None when none came free within `wait` seconds."""
        try:
            return self._idle.get(timeout=max(wait, 0.0))
        except queue.Empty:
            return None

    def release(self, worker: Worker) -> None:
        """Back to the idle ones."""
        self._idle.put(worker)

    def replace(self, worker: Worker) -> None:
        """Kill a worker (timed out or broken) and put a fresh one in its place."""
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        if not self.closed:
            self._idle.put(self._spawn())

    def pids(self) -> list[int]:
        """The live workers' process ids (for monitoring and tests)."""
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None]

    def close(self) -> None:
        """Kill every worker: the server is going away."""
        self.closed = True
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.kill()


def _serve(conn: Connection, job: Job, memory_bytes: int | None) -> None:
    """The worker's loop: one request in, one answer out, until the pipe closes."""
    parent = os.getppid()
    _detach(memory_bytes)
    while True:
        try:
            if not conn.poll(PARENT_CHECK):
                if os.getppid() != parent:
                    return  # the server died without closing the pool
                continue
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer: object = job(request)
        except MemoryError:
            answer = MemoryError("the query needed more memory than a worker may use")
        except Exception as err:  # sent as text: not every exception survives pickling
            answer = RuntimeError(str(err))
        conn.send(answer)


def _detach(memory_bytes: int | None) -> None:
    """Ctrl-C is the parent's to handle; cap the address space."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_bytes:
        limit = _address_space() + memory_bytes
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _address_space() -> int:
    """The bytes of address space the process holds now (the cap is set on top of it)."""
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
