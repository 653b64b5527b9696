"""Worker processes that end with the build that started them.

A build interrupted by SIGKILL gets no chance to stop its workers. Each worker asks the kernel to kill it when
its parent dies (Linux ``PR_SET_PDEATHSIG``), so no worker outlives the build, keeps its output pipes open or
goes on writing into folders the next build will use. Interrupted otherwise (Ctrl+C), the build terminates
its workers itself: ``multiprocessing.Pool`` can (``terminate``), where ``concurrent.futures`` waits.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import importlib
import multiprocessing
import multiprocessing.pool
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(*modules: str) -> None:
    """Pool initializer: end with the parent process, then import ``modules`` while nothing waits for them."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle: it terminates the pool
    for module in modules:
        importlib.import_module(module)


def release_memory() -> None:
    """Collect garbage and give the freed heap back to the system (glibc keeps it otherwise: a worker that ran
    three MkDocs runs would hold the memory of the largest one, and the next, and the next)."""
    gc.collect()
    if sys.platform == "linux":
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc: nothing to give back this way
            pass


@contextlib.contextmanager
def batch_memory():
    """Loading and checking make a million small objects that all stay: the cyclic collector is paused meanwhile
    (it would take a third of the time at national scale). Then those objects are set aside for good (frozen)
    and the collector runs again, less often, for what the later stages make and drop."""
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*DEFAULT_GC)
        gc.enable()
        gc.collect()


DEFAULT_GC = gc.get_threshold()


def after_loading() -> None:
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    gc.enable()


def pool(workers: int, method: str, preload: tuple[str, ...] = ()) -> multiprocessing.pool.Pool:
    """``workers`` processes, started now: forked (they share the parent's data) or spawned (a clean
    interpreter each, importing ``preload`` while the caller goes on)."""
    return multiprocessing.get_context(method).Pool(workers, initializer=die_with_parent, initargs=preload)


_INHERITED: tuple | None = None  # what a process forked by ``forked`` finds instead of being sent it


@contextlib.contextmanager
def forked(*state):
    """One worker process forked now, which finds ``state`` with ``inherited()`` (nothing is pickled to send it);
    ended when the block is left."""
    global _INHERITED
    _INHERITED = state
    try:
        worker = pool(1, "fork")
    finally:
        _INHERITED = None
    try:
        yield worker
    finally:
        worker.terminate()
        worker.join()


def inherited() -> tuple:
    """In a process forked by ``forked``: the state it was forked with."""
    return _INHERITED
