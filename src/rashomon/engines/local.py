"""The local engine: a process pool (``spawn``), or inline for one process."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


@dataclass
class Engine:
    """A running executor and how many tasks it runs at once."""

    executor: Executor
    workers: int
    stop: Callable[[], None]  # stop now: pending tasks cancelled, workers ended
    remote: bool = False  # workers on other machines: they read the input files too


class InlineExecutor(Executor):
    """Runs each task at once in the calling process (one process: no pickling, no spawn)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001 - delivered through the future (Ctrl-C is not)
            future.set_exception(exc)
        return future


def _worker_init(parent: int) -> None:
    # Ctrl-C reaches the whole process group; only the parent decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed with SIGKILL cannot stop its workers: they notice and leave.
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _kill(pool: ProcessPoolExecutor) -> None:
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        if p.is_alive():
            p.kill()
    for p in procs:
        p.join(timeout=5)


@contextmanager
def local_engine(processes: int) -> Iterator[Engine]:
    """A process pool of ``processes`` workers (inline when ``processes`` <= 1)."""
    if processes <= 1:
        yield Engine(InlineExecutor(), 1, lambda: None)
        return
    pool = ProcessPoolExecutor(processes, mp_context=mp.get_context("spawn"), initializer=_worker_init,
                               initargs=(os.getpid(),))
    try:
        yield Engine(pool, processes, lambda: _kill(pool))
    except BaseException:
        _kill(pool)  # a failed run does not wait for tasks in flight
        raise
    pool.shutdown(wait=True)
