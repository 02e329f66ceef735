"""The data the bot serves: one immutable snapshot, swapped whole.

A :class:`Snapshot` is a catalogue version and everything derived from it: the recommender,
the query index, the question table and its people, the title look-up columns, the copies of
each work, the understanding of messages, the re-ranker's pair features, the taste arrays,
the charts and the titles' Spanish names (``core.search.names``, which the recommender reads).
``Snapshot.build`` derives them all at once, when the snapshot loads, so the first reply is as
fast as the rest and no derived data lives anywhere else. The exceptions are built on first use:
the pair features, which only a learned model reads (``PairFeatures``); the query index, which
only benchmarks and tests ask; and, for a first start's catalogue, the people index and the
picks order, which ``warm`` builds right after it serves. :class:`Store` holds the current snapshot; replacing it is a single
reference assignment, so a handler that took ``store.current`` keeps a consistent view even if
a refresh lands while it runs.

The first build of an empty data folder is ``core.snapshot.first_start``'s: this module only
loads and swaps.
"""

from __future__ import annotations

import functools
import gc
import threading
import time
from dataclasses import dataclass

import pandas as pd
import pyarrow

from core.catalogue.as_of import latest_added
from core.catalogue.charts import Charts
from core.personal.reranker import PairContext, PairFeatures
from core.personal.taste import TasteSpace
from core.queries import CatalogueIndex
from core.questions.table import TitleTable
from core.recommender import Recommender, StaleModelError
from core.search.names import NameIndex
from core.snapshot.files import (
    SUGGESTIONS_EXPECTED_AT,
    SnapshotError,
    current_dir,
    load_catalogue,
    load_quality,
)
from core.snapshot.later import Later
from core.snapshot.memory import column_values, release_freed_memory
from core.understanding import Understanding
from core.understanding.acts import Acts


@dataclass(frozen=True, eq=False)
class Snapshot:
    """Build one with ``Snapshot.build`` (or ``load_snapshot``): the fields are derived there."""

    catalogue: pd.DataFrame
    recommender: Recommender
    quality: dict
    table: TitleTable  # any combination of filters, and the people (core.questions)
    understanding: Understanding  # messages and command arguments -> questions
    pair_features: PairFeatures  # the re-ranker's, built when a learned model first needs them
    taste: TasteSpace  # /foryou's arrays (core.personal.taste)
    charts: Charts  # /stats (core.catalogue.charts)
    columns: dict  # column name -> values per row, for ``title``
    copies: dict[str, list[str]]  # title id -> the ids of its work, its own first (works of one copy: absent)
    latest_added: dict  # platform -> its latest date added: which date the catalogues are of

    @classmethod
    def build(
        cls,
        catalogue: pd.DataFrame,
        recommender: Recommender,
        quality: dict | None = None,
        *,
        acts: Acts | None = None,
        later: bool = False,
    ) -> Snapshot:
        """Everything derived from ``catalogue`` and its ``recommender``, built now.

        ``acts``: the act classifier
        saved with the snapshot (else ``Understanding.build`` trains one). ``later``: the people
        index and the picks order are built on first use or by ``warm`` (a first start's
        catalogue, which answers its first question a second sooner so)."""
        works = (recommender.group, recommender.edition)
        table = TitleTable(catalogue, recommender.row_of, works, recommender.series, people_later=later)
        if not later:
            _ = table.by_picks  # ordered now: no reply waits for it
        # The Spanish names of this catalogue's titles, before anything resolves a title.
        recommender.use_names(NameIndex(recommender.resolver.exact))
        return cls(
            catalogue=catalogue,
            recommender=recommender,
            quality=dict(quality or {}),
            table=table,
            understanding=Understanding.build(catalogue, recommender, table.people, acts),
            pair_features=PairFeatures(recommender, catalogue),
            taste=TasteSpace(recommender),
            charts=Charts(catalogue),
            # Strings are decoded from the frame's Arrow buffers on each read: as Python lists
            # the columns held 41 MiB, the largest part of the serving process's data.
            columns={c: column_values(catalogue[c]) for c in catalogue.columns},
            copies=copies_of_ids(recommender),
            latest_added=latest_added(catalogue),
        )

    @functools.cached_property
    def index(self) -> CatalogueIndex:
        """The catalogue questions of ``core.queries`` (benchmarks and tests ask them; the bot
        asks ``table``), built on first use."""
        return query_index(self.catalogue)

    def warm(self) -> None:
        """Build what ``build(later=True)`` left for first use (from a worker thread)."""
        if isinstance(self.table.people, Later):
            self.table.people.get()
        _ = self.table.by_picks

    @property
    def pairs(self) -> PairContext:
        """The re-ranker's pair features (``core.personal.reranker``)."""
        return self.pair_features.get()

    def suggestions_in(self) -> float | None:
        """Seconds until this snapshot's suggestions are expected (negative once late), for a
        first start's catalogue served while its model builds (``core.snapshot.first_start``);
        None when it has them."""
        if self.recommender.suggests:
            return None
        return self.quality.get(SUGGESTIONS_EXPECTED_AT, 0.0) - time.time()

    @property
    def version(self) -> str:
        return self.quality.get("version") or self.catalogue.attrs.get("version", "")

    def title(self, title_id: str) -> dict | None:
        """One title's row as a plain dict, or None for an unknown id."""
        # The recommender's rows are the catalogue's (``Recommender.load`` checks).
        found = self.recommender.row_of.get(title_id)
        if found is None:
            return None
        # Per-column look-ups answer in microseconds; a pandas row look-up costs ~0.1 ms.
        return {column: values[found] for column, values in self.columns.items()}

    def platforms_of(self, title_id: str) -> list[str]:
        """Every platform carrying this work (``core.catalogue.works``), the title's own first."""
        platform, row_of = self.recommender.platforms, self.recommender.row_of
        return [platform[row_of[i]] for i in self.copies.get(title_id, [title_id])]


def copies_of_ids(recommender: Recommender) -> dict[str, list[str]]:
    ids = recommender.ids
    return {
        ids[row]: [ids[row]] + [ids[r] for r in rows if r != row]
        for rows in recommender.group_rows
        if len(rows) > 1
        for row in rows
    }


def query_index(catalogue: pd.DataFrame) -> CatalogueIndex:
    index = CatalogueIndex(catalogue)
    # Building the index frees tens of MB of Arrow buffers, which pyarrow's allocator
    # keeps unless asked; the bot's resident target is 300 MB.
    pyarrow.default_memory_pool().release_unused()
    return index


def load_snapshot(data_dir) -> Snapshot:
    """The current snapshot of a data folder, ready to serve. A missing, damaged or stale
    model is a ``SnapshotError``: this process never builds one (scikit-learn and the build's
    memory stay in the build's child), ``open_snapshot`` rebuilds the snapshot instead."""
    folder = current_dir(data_dir)
    catalogue = load_catalogue(folder)
    release_freed_memory()  # parquet decoding's buffers: the index build's peak would add to them
    quality = load_quality(folder)
    try:
        recommender = Recommender.load(folder, catalogue)
    except StaleModelError as exc:
        raise SnapshotError(f"{folder.name}: {exc}") from exc
    acts = Acts.load(folder, quality.get("version") or catalogue.attrs.get("version", ""))
    partial = not recommender.suggests
    if acts is None and partial:
        # A first start's catalogue, served while its build trains the rest: the rules alone
        # read messages for those seconds, rather than every reply waiting for a training here.
        acts = Acts.untrained()
    # A first start's catalogue builds some of the rest on first use (``Snapshot.warm``).
    return Snapshot.build(catalogue, recommender, quality, acts=acts, later=partial)


class Store:
    """Holds the current snapshot; a refresh publishes a new one by assigning ``current``."""

    def __init__(self, snapshot: Snapshot):
        self.current = snapshot
        # Set once a first start's build has published the whole snapshot, or failed
        # (``core.snapshot.first_start``); None when there was none to wait for.
        self.completing: threading.Event | None = None
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
