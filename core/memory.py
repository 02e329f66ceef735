"""Giving memory back to the operating system once a snapshot is loaded.

Loading a snapshot allocates far more than it keeps (parquet pages, conversions, index
building), and both allocators involved keep what was freed for later: pyarrow's own
pool (mimalloc) and glibc's malloc. On the full data that is 60-90 MiB of a serving
process that holds ~350 MiB. Measured with ``python -m benchmarks.bench_memory``.
"""

from __future__ import annotations

import ctypes
import gc

import pyarrow

# glibc's; None elsewhere (musl, macOS), where there is nothing to trim this way.
_malloc_trim = getattr(ctypes.CDLL(None), "malloc_trim", None)


def use_system_allocator() -> None:
    """Let pyarrow allocate with malloc, whose freed memory ``release_freed_memory`` can
    return; its default pool keeps it. Call before anything is loaded."""
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())


def release_freed_memory() -> None:
    """Collect garbage, then return freed memory to the operating system."""
    gc.collect()
    pyarrow.default_memory_pool().release_unused()
    if _malloc_trim is not None:
        _malloc_trim(0)
