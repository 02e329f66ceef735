"""Keeping the serving process small: per-title columns without a Python object per
title, and freed memory given back to the operating system once a snapshot is loaded.

A list of 23k Python strings costs 1.4-6 MiB, mostly object headers; kept for every
catalogue column and for the recommender's titles, cast and genres, such lists were ~75 MiB
of a bot holding ~355. :class:`TextColumn` reads a value from the catalogue frame's own
Arrow buffers when asked (~0.3 us). Loading a snapshot also allocates far more than it
keeps (parquet pages, conversions, index building), and both allocators involved keep what
was freed for later: pyarrow's own pool (mimalloc) and glibc's malloc. Measured with
``python -m benchmarks.bench_memory``.
"""

from __future__ import annotations

import array
import ctypes
import gc
from collections.abc import Callable

import numpy as np
import pandas as pd
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


def arrow_strings(series: pd.Series) -> pyarrow.Array:
    """A string column as one Arrow array (a large parquet file reads as several chunks)."""
    values = pyarrow.array(series, type=pyarrow.large_string())
    return values.combine_chunks() if isinstance(values, pyarrow.ChunkedArray) else values


class TextColumn:
    """A string column's values by row, read from its Arrow buffers without copying them.

    ``column[row]`` equals ``series.tolist()[row]``, the missing value included (NaN for
    pandas' default string dtype)."""

    def __init__(self, series: pd.Series):
        values = arrow_strings(series)  # a parquet file read whole gives one chunk: no copy
        self._missing = values.is_null().to_numpy(zero_copy_only=False).tobytes()  # a byte a row
        self._na = series.dtype.na_value
        _, offsets, data = values.buffers()
        self._data = memoryview(data) if data is not None else memoryview(b"")
        self._keep = values  # owns the memory ``_data`` points into
        # Python ints from an array.array slice a memoryview faster than numpy scalars do.
        starts = np.frombuffer(offsets, dtype=np.int64)[values.offset : values.offset + len(values) + 1]
        self._offsets = array.array("i" if len(self._data) < 2**31 else "q", starts.tolist())

    def __len__(self) -> int:
        return len(self._missing)

    def __iter__(self):
        return map(self.__getitem__, range(len(self)))

    def __getitem__(self, row: int):
        if self._missing[row]:  # also raises IndexError past the end, as a list would
            return self._na
        row = row + len(self) if row < 0 else row
        return str(self._data[self._offsets[row] : self._offsets[row + 1]], "utf-8")


class DerivedColumn:
    """``derive(column[row])`` computed on each read: per-title values (split lists of cast,
    genres) that are cheap to recompute and costly to keep as Python objects."""

    def __init__(self, column, derive: Callable):
        self._column, self._derive = column, derive

    def __len__(self) -> int:
        return len(self._column)

    def __iter__(self):
        return map(self._derive, self._column)

    def __getitem__(self, row: int):
        return self._derive(self._column[row])


def column_values(series: pd.Series):
    """Per-row values of a catalogue column, as ``series.tolist()`` gives them but, for
    strings, without a Python object per row."""
    if isinstance(series.dtype, pd.StringDtype):
        return TextColumn(series)
    return series.tolist()


def shared_strings(series: pd.Series) -> list:
    """``series.tolist()`` with one string object per distinct value: 8 bytes a row instead
    of ~60 for a column of few values (platform, type) that is read too often to decode."""
    distinct: dict = {}
    return [distinct.setdefault(value, value) for value in series.tolist()]
