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
    pandas' default string dtype). A large parquet file reads as several chunks; they are
    read where they lie (combining them copied ~220 MiB of text at ×10)."""

    def __init__(self, series: pd.Series):
        values = pyarrow.array(series, type=pyarrow.large_string())
        chunks = values.chunks if isinstance(values, pyarrow.ChunkedArray) else [values]
        chunks = [chunk for chunk in chunks if len(chunk)] or [pyarrow.array([], pyarrow.large_string())]
        if len(chunks) > 255:  # a chunk number is one byte; so many chunks are copied once
            chunks = [pyarrow.concat_arrays(chunks)]
        self._na = series.dtype.na_value
        self._keep = chunks  # own the memory ``_data`` points into
        self._missing = b"".join(c.is_null().to_numpy(zero_copy_only=False).tobytes() for c in chunks)
        self._data = [
            memoryview(c.buffers()[2]) if c.buffers()[2] is not None else memoryview(b"") for c in chunks
        ]
        # Which chunk a row is in: one byte a row, only when there are several.
        self._chunk = b"".join(bytes([i]) * len(c) for i, c in enumerate(chunks)) if len(chunks) > 1 else None
        starts = []
        for chunk in chunks:
            offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int64)
            starts.extend(offsets[chunk.offset : chunk.offset + len(chunk) + 1].tolist())
            starts.append(0)  # unused: keeps ``row + 1`` within the chunk's own offsets
        # Row r's offsets sit at r + (its chunk's number): each chunk adds one boundary.
        size = max((len(d) for d in self._data), default=0)
        # Python ints from an array.array slice a memoryview faster than numpy scalars do.
        self._offsets = array.array("i" if size < 2**31 else "q", starts)

    def __len__(self) -> int:
        return len(self._missing)

    def __iter__(self):
        return map(self.__getitem__, range(len(self)))

    def __getitem__(self, row: int):
        if self._missing[row]:  # also raises IndexError past the end, as a list would
            return self._na
        row = row + len(self) if row < 0 else row
        if self._chunk is None:
            data, at = self._data[0], row
        else:
            chunk = self._chunk[row]
            data, at = self._data[chunk], row + 2 * chunk
        return str(data[self._offsets[at] : self._offsets[at + 1]], "utf-8")


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
