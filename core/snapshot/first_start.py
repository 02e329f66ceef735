"""A first start: answer seconds after the command, while the model is still being built.

On an empty data folder the build child (``core.snapshot.build`` with ``--catalogue-first``)
publishes the catalogue with its title search first, then the whole snapshot: the
recommender's neighbour table and the act classifier, which take most of the build's time.
An ``Opening`` starts that child at once, before the serving process's heavy imports, so the
two overlap; ``Opening.store`` returns once the catalogue is loaded, so catalogue questions
answer at once, and swaps in the whole snapshot from a worker thread when it is published
(``Store.publish``). Meanwhile ``Snapshot.suggestions_in`` says when suggestions are expected,
and ``Store.completing`` lets a refresh wait for the build instead of racing it. A snapshot
left partial (its build was killed) is completed the same way at the next start. With a
complete snapshot on disk the source is not touched, so the bot starts offline.

This module imports only what starting the child needs; the loading side is imported when a
store is opened.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from core.ingest.fetch import Limits
from core.ingest.source import SourceError, open_source
from core.snapshot.child import CATALOGUE_READY, run_build

log = logging.getLogger(__name__)
CURRENT_FILE, TITLES_FILE = "CURRENT", "titles.parquet"  # core.snapshot.files' (which imports pandas)


class Opening:
    """A data folder about to serve: when it holds no snapshot, its first build runs from now."""

    def __init__(
        self,
        data_dir,
        source,
        *,
        limits: Limits | None = None,
        on_progress: Callable[[str], None] | None = None,
    ):
        """``on_progress`` hears a line per step (default: the log). Raises SourceError at once
        for a source that cannot be read when a build is needed."""
        self.data_dir, self.source, self.limits = Path(data_dir), source, limits
        self.say = on_progress or log.info
        self._catalogue_ready = threading.Event()
        self._build: Future | None = None
        if not ((self.data_dir / CURRENT_FILE).exists() or (self.data_dir / TITLES_FILE).exists()):
            self._first_build()

    def store(self, wait: bool = False):
        """The ``core.snapshot.store.Store`` serving the folder's snapshot. ``wait`` returns
        only once the whole snapshot serves (benchmarks, tests); otherwise a first start
        returns as soon as its catalogue serves. Raises SourceError when there is nothing
        to serve."""
        from core.snapshot.files import SnapshotError
        from core.snapshot.store import Store

        if self._build is None:
            try:
                store = Store(_loaded(self.data_dir))
            except SnapshotError as exc:  # a damaged or outdated snapshot: built again
                log.info("no usable snapshot in %s (%s)", self.data_dir, exc)
                self._first_build()
                store = self._first_store()
            else:
                if not store.current.recommender.suggests:  # a first start's build was killed mid-way
                    self._complete_later(store)
        else:
            store = self._first_store()
        if wait and store.completing is not None:
            store.completing.wait()
        return store

    def _complete_later(self, store) -> None:
        try:
            location = str(open_source(self.source))
        except SourceError as exc:  # offline: the catalogue still serves, the next refresh completes it
            log.warning("serving the catalogue without suggestions: cannot build them now (%s)", exc)
            return
        self.say("Completing the catalogue's suggestions (a build stopped before it made them)")
        self._build = self._run(location, catalogue_first=False)
        self._complete(store)

    def _first_build(self) -> None:
        location = str(open_source(self.source))  # a folder that does not exist fails here, before any build
        self.say(f"Building the catalogue from {location} (first start, a few seconds)")
        self._build = self._run(location, catalogue_first=True)

    def _first_store(self):
        from core.snapshot.store import Store

        self._catalogue_ready.wait()
        if self._build.done():  # ended before any catalogue served: failed, or published whole
            outcome = self._build.result()
            if outcome["outcome"] != "published":
                raise SourceError(outcome["detail"])
            self.say("first start: loading the new catalogue")
            return Store(_loaded(self.data_dir))
        self.say("first start: serving the catalogue; suggestions follow when the model is built")
        store = Store(_loaded(self.data_dir))
        # What the catalogue left for first use, built now, unless a question needs it sooner.
        threading.Thread(target=store.current.warm, name="first-start-warm", daemon=True).start()
        self._complete(store)
        return store

    def _run(self, location: str, catalogue_first: bool) -> Future:
        """The build child, run from a worker thread: its result (``run_build``'s dict) when it
        ends. A catalogue-first build sets ``_catalogue_ready`` when it says so (or at its end)."""
        result: Future = Future()

        def progress(step: str) -> None:
            if step == CATALOGUE_READY:
                self._catalogue_ready.set()
            else:
                self.say(f"first start: {step}")

        def run() -> None:
            try:
                # Nothing complete is served, so there is nothing for the shrink gate to protect.
                outcome = run_build(
                    self.data_dir, location, force=True, max_drop=1.0, limits=self.limits,
                    on_progress=progress, catalogue_first=catalogue_first,
                )  # fmt: skip
                result.set_result(outcome)
            except BaseException as exc:  # the opener hears of it; this thread has nobody to tell
                result.set_exception(exc)
            finally:
                self._catalogue_ready.set()

        threading.Thread(target=run, name="first-start-build", daemon=True).start()
        return result

    def _complete(self, store) -> None:
        """Swap in the whole snapshot when the build publishes it; ``store.completing`` is set
        then, or when it failed (the catalogue keeps serving; the next refresh builds again)."""
        completed = threading.Event()

        def swap(finished: Future) -> None:
            try:
                outcome = finished.result()
                if outcome["outcome"] != "published":
                    raise SourceError(outcome["detail"])
                store.publish(_loaded(self.data_dir))
                _release_memory()  # the catalogue-only snapshot, now that nobody holds it
                self.say("first start: suggestions are ready")
            except Exception as exc:
                log.warning("first start: suggestions could not be prepared: %s", exc)
            finally:
                completed.set()

        store.completing = completed
        self._build.add_done_callback(swap)


def _loaded(data_dir: Path):
    from core.snapshot.store import load_snapshot

    snapshot = load_snapshot(data_dir)
    _release_memory()  # loading freed far more than the snapshot keeps
    return snapshot


def _release_memory() -> None:
    from core.snapshot.memory import release_freed_memory

    release_freed_memory()
