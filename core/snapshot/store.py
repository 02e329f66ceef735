"""The data the bot serves: one immutable snapshot, swapped whole.

A :class:`Snapshot` bundles the catalogue, its query index and its recommender under
one version. :class:`Store` holds the current one; replacing it is a single reference
assignment, so a handler that took ``store.current`` keeps a consistent view even if
a refresh lands while it runs.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow

from core import queries
from core.ingest.fetch import Limits
from core.ingest.source import SourceError, open_source
from core.personal import reranker, taste
from core.recommender import Recommender
from core.snapshot.child import run_build
from core.snapshot.files import SnapshotError, current_dir, load_catalogue, load_quality
from core.snapshot.memory import column_values, release_freed_memory

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    catalogue: pd.DataFrame
    recommender: Recommender
    quality: dict = field(default_factory=dict)

    @property
    def version(self) -> str:
        return self.quality.get("version") or self.catalogue.attrs.get("version", "")

    def title(self, title_id: str) -> dict | None:
        """One title's row as a plain dict, or None for an unknown id."""
        found = self._rows.get(title_id)
        if found is None:
            return None
        # Per-column look-ups answer in microseconds; a pandas row look-up costs ~0.1 ms.
        return {column: values[found] for column, values in self._columns.items()}

    def platforms_of(self, title_id: str) -> list[str]:
        """Every platform carrying this work (``core.catalogue.works``), the title's own first."""
        platform = self.recommender.platforms
        return [platform[self._rows[i]] for i in self._copies.get(title_id, [title_id])]

    @property
    def understanding(self):
        """Messages and command arguments -> questions (``core.understanding``), built once."""

        def build():
            from core.understanding import Understanding  # ~15 ms, only when first needed

            return Understanding.build(self.catalogue, self.recommender)

        return self._cached("_understanding", build)

    @property
    def _rows(self) -> dict[str, int]:
        # The recommender's rows are the catalogue's (``Recommender.load`` checks): one dict for both.
        return self.recommender.row_of

    @property
    def _columns(self) -> dict:
        # Strings are decoded from the frame's Arrow buffers on each read: as Python lists
        # the columns held 41 MiB, the largest part of the serving process's data.
        return self._cached(
            "_column_values", lambda: {c: column_values(self.catalogue[c]) for c in self.catalogue.columns}
        )

    @property
    def _copies(self) -> dict[str, list[str]]:
        def build():
            ids, group_rows = self.recommender.ids, self.recommender.group_rows
            return {
                ids[row]: [ids[row]] + [ids[r] for r in rows if r != row]
                for rows in group_rows
                if len(rows) > 1
                for row in rows
            }

        return self._cached("_copies_of_id", build)

    def _cached(self, name: str, build):
        # The snapshot is frozen; derived look-up tables are filled in once, on first use.
        value = self.__dict__.get(name)
        if value is None:
            value = build()
            object.__setattr__(self, name, value)
        return value

    @classmethod
    def prepare(cls, catalogue: pd.DataFrame, recommender: Recommender, quality: dict) -> Snapshot:
        """A snapshot with every index built, so the first question is as fast as the rest."""
        snapshot = cls(catalogue, recommender, quality)
        index_queries(catalogue)
        first = str(catalogue["id"].iloc[0])
        snapshot.title(first)
        snapshot.platforms_of(first)
        snapshot.understanding.parse("hello")
        reranker.attach_types(recommender, catalogue)  # the learned re-ranker's "same type" feature
        taste.prepare(recommender)  # /foryou's look-up tables, ~7 ms
        return snapshot


def index_queries(catalogue: pd.DataFrame) -> None:
    queries.index_for(catalogue)
    # Building the indexes frees tens of MB of Arrow buffers, which pyarrow's allocator
    # keeps unless asked; the bot's resident target is 300 MB.
    pyarrow.default_memory_pool().release_unused()


def load_snapshot(data_dir) -> Snapshot:
    """The current snapshot of a data folder, ready to serve (the model is built if missing)."""
    folder = current_dir(data_dir)
    catalogue = load_catalogue(folder)
    release_freed_memory()  # parquet decoding's buffers: the index build's peak would add to them
    quality = load_quality(folder)
    index_queries(catalogue)  # before the model loads, so their peaks do not add up
    recommender = Recommender.load_or_build(folder, catalogue)
    return Snapshot.prepare(catalogue, recommender, quality)


def open_snapshot(
    data_dir: Path,
    source,
    *,
    limits: Limits | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> Snapshot:
    """The snapshot in ``data_dir``; built from ``source`` first when there is none yet.

    With a snapshot on disk the source is not touched, so the bot starts offline. The
    first build runs in a child process, as every refresh does: the ETL's peak memory
    and scikit-learn stay out of the serving process. ``on_progress`` hears what is
    happening, a line per step (default: the log)."""
    try:
        return _loaded(data_dir)
    except SnapshotError as exc:
        log.info("no usable snapshot in %s (%s)", data_dir, exc)
    say = on_progress or log.info
    location = str(open_source(source))  # a folder that does not exist fails here, before any build
    say(f"Building the catalogue from {location} (first start, about 10 s)")
    # Nothing loadable is being served, so there is nothing for the shrink gate to protect.
    result = run_build(
        data_dir, location, force=True, max_drop=1.0, limits=limits,
        on_progress=lambda step: say(f"first start: {step}"),
    )  # fmt: skip
    if result["outcome"] != "published":
        raise SourceError(result["detail"])
    say("first start: loading the new catalogue")
    return _loaded(data_dir)


def _loaded(data_dir) -> Snapshot:
    snapshot = load_snapshot(data_dir)
    release_freed_memory()  # loading freed far more than the snapshot keeps
    return snapshot


class Store:
    """Holds the current snapshot; a refresh publishes a new one by assigning ``current``."""

    def __init__(self, snapshot: Snapshot):
        self.current = snapshot
        settle_garbage_collector()

    def publish(self, snapshot: Snapshot) -> None:
        """Serve ``snapshot`` from now on; whoever holds the old one keeps it intact."""
        self.current = snapshot
        settle_garbage_collector()


def settle_garbage_collector() -> None:
    """Hide the long-lived snapshot objects from Python's cyclic garbage collector.

    A snapshot is ~100k objects that live until the next refresh. A full collection walks
    all of them (~60 ms measured), and every reply in flight waits for it; frozen, they
    are skipped. Unfreezing first lets the previous snapshot's cycles be collected.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
