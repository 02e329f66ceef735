"""Keep the served snapshot fresh: check the source, rebuild off-process, swap in one step.

The rebuild runs as ``python -m core.snapshot.build`` in a child process (``core.snapshot.child``):
it takes ~10 s of CPU on the full data, and in a thread it would hold the interpreter
lock against every command being answered. Here the process only loads the finished
snapshot and swaps ``Store.current``. Checking for changes happens here (stat calls or
conditional requests), so the usual answer, "unchanged", starts no process. A failed or
refused rebuild leaves the current snapshot serving; so does any unforeseen error, which
becomes a "failed" attempt like the others.

After a refresh adds titles the bot tells subscribers, then records the version in
``ANNOUNCED``. A bot killed in between finds the gap at its next start
(``unannounced_news``).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from core.ingest.fetch import Limits
from core.ingest.source import SourceError, normalise_location
from core.snapshot.atomic import write_atomically
from core.snapshot.build import DEFAULT_MAX_DROP, probe
from core.snapshot.child import BUILD_TIME_LIMIT_SECONDS, run_build
from core.snapshot.files import SNAPSHOT_PREFIX, load_catalogue
from core.snapshot.memory import release_freed_memory
from core.snapshot.store import Snapshot, Store, load_snapshot

log = logging.getLogger(__name__)
ANNOUNCED_FILE = "ANNOUNCED"  # in the data folder: the version whose new titles subscribers were told


@dataclass(frozen=True)
class Attempt:
    """One refresh: when, what came of it, and the titles it added per platform."""

    started_at: datetime
    seconds: float
    outcome: str  # "updated", "unchanged", "refused", "failed", or "busy" (another was running)
    detail: str
    version: str  # the version served afterwards
    added: dict[str, list[dict]] = field(default_factory=dict)
    repeated: bool = False  # failed exactly as the attempt before: the admins already know

    @property
    def ok(self) -> bool:
        return self.outcome in ("updated", "unchanged")


class Refresher:
    def __init__(
        self,
        store: Store,
        data_dir,
        source,
        *,
        max_drop: float = DEFAULT_MAX_DROP,
        limits: Limits | None = None,
    ):
        self.store = store
        self.data_dir = Path(data_dir).resolve()  # the build runs from the repository folder
        self.source = normalise_location(source)
        self.max_drop = max_drop
        self.limits = limits or Limits()  # per download from a URL source
        self.last: Attempt | None = None  # the last attempt that ran ("busy" ones do not)
        self._lock = threading.Lock()
        self._running_since = 0.0

    def refresh(self, force: bool = False) -> Attempt:
        """Check the source and publish a new snapshot if it changed. Blocks for the whole
        rebuild: call it from a worker thread. A call while another refresh runs returns at
        once with outcome "busy": callers queued behind a refresh stuck on a slow source
        would each hold a worker thread."""
        if not self._lock.acquire(blocking=False):
            return self._busy()
        try:
            self._running_since = time.monotonic()
            if self.store.completing is not None:  # a first start's build: checked once done, not raced
                self.store.completing.wait(BUILD_TIME_LIMIT_SECONDS)
            return self._attempt(force)
        finally:
            self._lock.release()

    def _attempt(self, force: bool) -> Attempt:
        started, clock = datetime.now(UTC), time.monotonic()
        before, previous = self.store.current, self.last
        outcome, detail, added = self._outcome(before, force)
        attempt = Attempt(
            started_at=started,
            seconds=time.monotonic() - clock,
            outcome=outcome,
            detail=detail,
            version=self.store.current.version,
            added=added,
            repeated=previous is not None and (previous.outcome, previous.detail) == (outcome, detail),
        )
        self.last = attempt
        level = logging.INFO if attempt.ok else logging.WARNING
        log.log(level, "refresh outcome=%s seconds=%.1f version=%s detail=%s",
                outcome, attempt.seconds, attempt.version, detail)  # fmt: skip
        return attempt

    def _busy(self) -> Attempt:
        running = time.monotonic() - self._running_since
        detail = f"another refresh has been running for {running:.0f} s; this one was not started"
        log.info("refresh skipped: %s", detail)
        return Attempt(datetime.now(UTC), 0.0, "busy", detail, self.store.current.version)

    def _outcome(self, before: Snapshot, force: bool) -> tuple[str, str, dict]:
        try:
            return self._run(before, force)
        except Exception as exc:  # unforeseen: still an answer for /reload and the admins
            log.exception("the refresh failed unexpectedly")
            return "failed", f"unexpected error ({type(exc).__name__}: {exc})", {}

    def _run(self, before: Snapshot, force: bool) -> tuple[str, str, dict]:
        if not force:
            # Most checks find nothing new: answer those without starting a build process.
            try:
                _, _, unchanged = probe(self.data_dir, self.source, self.limits)
            except SourceError as exc:
                return "failed", str(exc), {}
            if unchanged:
                return unchanged.outcome, unchanged.detail, {}
        result = run_build(
            self.data_dir, self.source, max_drop=self.max_drop, force=force, limits=self.limits
        )
        if result["outcome"] != "published":
            return result["outcome"], result["detail"], {}
        try:
            fresh = load_snapshot(self.data_dir)
        except Exception as exc:  # a published snapshot that does not load: keep serving
            log.exception("the new snapshot does not load")
            return "failed", f"the new snapshot does not load: {exc}", {}
        self.store.publish(fresh)
        release_freed_memory()  # the load's leftovers and, once nobody holds it, the old snapshot
        return "updated", result["detail"], new_titles(before.catalogue, fresh)

    # --- announcements ----------------------------------------------------------------

    def unannounced_news(self) -> dict[str, list[dict]]:
        """New titles of the snapshot being served that subscribers were never told about:
        the bot died between a build publishing it and the announcement. Compared with the
        last announced snapshot; {} when that is the one served, unknown (a data folder from
        before announcements were recorded) or already pruned."""
        announced = self.announced_version()
        current = self.store.current
        if announced in (None, current.version):
            return {}
        folder = _snapshot_of(self.data_dir, announced)
        if folder is None:
            log.warning("cannot tell what is new since catalogue %s: its snapshot is gone", announced)
            return {}
        return new_titles(load_catalogue(folder), current)

    def announced_version(self) -> str | None:
        try:
            return (self.data_dir / ANNOUNCED_FILE).read_text().strip() or None
        except FileNotFoundError:
            return None

    def mark_announced(self, version: str) -> None:
        write_atomically(self.data_dir / ANNOUNCED_FILE, lambda path: Path(path).write_text(version + "\n"))


def _snapshot_of(data_dir: Path, version: str) -> Path | None:
    """The newest published snapshot folder of ``version``, if it is still kept."""
    folders = sorted(data_dir.glob(f"{SNAPSHOT_PREFIX}*-{version}"), key=lambda p: p.name)
    return folders[-1] if folders else None


def new_titles(before: pd.DataFrame, after: Snapshot, limit: int = 50) -> dict[str, list[dict]]:
    """Titles in ``after`` that the catalogue ``before`` lacked, per platform (at most
    ``limit`` each).

    Matched on platform, title and year rather than id: a source that renumbers its
    rows should not announce its whole catalogue as new."""

    def keys(cat: pd.DataFrame):
        return zip(cat["platform"], cat["title"], cat["release_year"], strict=True)  # titles are lowercase

    known = set(keys(before))
    added: dict[str, list[dict]] = {}
    for title_id, key in zip(after.catalogue["id"], keys(after.catalogue), strict=True):
        if key not in known and len(added.setdefault(key[0], [])) < limit:
            added[key[0]].append(after.title(title_id))
    return {platform: titles for platform, titles in added.items() if titles}
