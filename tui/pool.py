"""Worker processes on every core, made safely: forked, never spawned, with the heap frozen.

Shared by corpus mode (`tui.corpus`) and the inbox's first scan (`tui.inbox.summaries`).

Why fork: a spawned or forkserver child starts a fresh interpreter with ``python -c``, which
imports from the working directory first, and an article directory is untrusted input (a
``pickle.py`` there must never run). A forked child runs nothing new: it is a copy of this
process. The caller forks from a point where no other thread of its own is running.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
from contextlib import ExitStack
from multiprocessing.context import BaseContext


def default_jobs() -> int:
    """Return the number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def fork_context() -> BaseContext | None:
    """Return the ``fork`` start method's context, or None where there is none (Windows)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


def freeze_heap(stack: ExitStack) -> None:
    """Freeze the heap until ``stack`` closes.

    Forked workers share the parent's heap copy-on-write. Frozen, that heap is left alone by
    every collector, the parent's and the workers', which would otherwise touch (and so copy)
    each page of it: a third more CPU for two jobs than for one, measured in corpus mode."""
    gc.freeze()
    stack.callback(gc.unfreeze)


def ignore_sigint() -> None:
    """A worker's initializer: Ctrl+C reaches the whole process group, and the parent alone
    decides how the run stops (it ends the pool), so a worker must not die with a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def background_worker() -> None:
    """A worker's initializer for work done while the reader uses the screen: ignore Ctrl+C,
    yield the CPU to the app (a lower priority), and die with the app even if it is killed."""
    ignore_sigint()
    with contextlib.suppress(OSError):  # if not allowed, it runs at the app's priority
        os.nice(5)
    if sys.platform.startswith("linux"):
        _die_with_parent()


def _die_with_parent() -> None:
    # PR_SET_PDEATHSIG: the kernel kills the worker when the thread that forked it ends. The
    # pool is forked from the app's main thread, so that is when the app ends, however it
    # ends (a crash or SIGKILL included): no worker is ever left behind.
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 is PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the app ended before the call above took effect
        os._exit(0)
