"""Keep the served snapshot fresh: check the source, rebuild off-process, swap in one step.

The rebuild runs as ``python -m core.build`` in a child process: it takes ~10 s of CPU
on the full data, and in a thread it would hold the interpreter lock against every
command being answered. Here the process only loads the finished snapshot and swaps
``Store.current``. Checking for changes happens here (stat calls or conditional requests),
so the usual answer, "unchanged", starts no process. A failed or refused rebuild leaves
the current snapshot serving.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from core.build import DEFAULT_MAX_DROP, probe
from core.source import HTTP_TIMEOUT_SECONDS, SourceError, normalise_location
from core.store import Snapshot, Store, load_snapshot

log = logging.getLogger(__name__)
REPO = Path(__file__).resolve().parents[1]
BUILD_TIME_LIMIT_SECONDS = 15 * 60


@dataclass(frozen=True)
class Attempt:
    """One refresh: when, what came of it, and the titles it added per platform."""

    started_at: datetime
    seconds: float
    outcome: str  # "updated", "unchanged", "refused" or "failed"
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
        http_timeout: float = HTTP_TIMEOUT_SECONDS,
    ):
        self.store = store
        self.data_dir = Path(data_dir).resolve()  # the build runs from the repository folder
        self.source = normalise_location(source)
        self.max_drop = max_drop
        self.http_timeout = http_timeout
        self.last: Attempt | None = None
        self._lock = threading.Lock()

    def refresh(self, force: bool = False) -> Attempt:
        """Check the source and publish a new snapshot if it changed. Blocks for the whole
        rebuild: call it from a worker thread. Concurrent calls run one after the other."""
        with self._lock:
            started, clock = datetime.now(UTC), time.monotonic()
            before, previous = self.store.current, self.last
            outcome, detail, added = self._run(before, force)
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

    def _run(self, before: Snapshot, force: bool) -> tuple[str, str, dict]:
        if not force:
            # Most checks find nothing new: answer those without starting a build process.
            try:
                _, _, unchanged = probe(self.data_dir, self.source, self.http_timeout)
            except SourceError as exc:
                return "failed", str(exc), {}
            if unchanged:
                return unchanged.outcome, unchanged.detail, {}
        result = self._build(force)
        if result["outcome"] != "published":
            return result["outcome"], result["detail"], {}
        try:
            fresh = load_snapshot(self.data_dir)
        except Exception as exc:  # a published snapshot that does not load: keep serving
            log.exception("the new snapshot does not load")
            return "failed", f"the new snapshot does not load: {exc}", {}
        self.store.publish(fresh)
        return "updated", result["detail"], new_titles(before, fresh)

    def _build(self, force: bool) -> dict:
        command = [
            sys.executable, "-m", "core.build",
            "--source", self.source, "--data-dir", str(self.data_dir),
            "--max-drop", str(self.max_drop), "--timeout", str(self.http_timeout),
        ]  # fmt: skip
        if force:
            command.append("--force")
        try:
            done = subprocess.run(
                command, cwd=REPO, capture_output=True, text=True, timeout=BUILD_TIME_LIMIT_SECONDS
            )
        except subprocess.TimeoutExpired:
            return {"outcome": "failed", "detail": f"the rebuild took over {BUILD_TIME_LIMIT_SECONDS} s"}
        lines = done.stdout.strip().splitlines()
        try:
            return json.loads(lines[-1])
        except (IndexError, ValueError):
            last_error = (done.stderr.strip().splitlines() or ["no output"])[-1]
            return {
                "outcome": "failed",
                "detail": f"the rebuild crashed (exit {done.returncode}): {last_error}",
            }


def new_titles(before: Snapshot, after: Snapshot, limit: int = 50) -> dict[str, list[dict]]:
    """Titles in ``after`` that ``before`` lacked, per platform (at most ``limit`` each).

    Matched on platform, title and year rather than id: a source that renumbers its
    rows should not announce its whole catalogue as new."""

    def keys(snapshot: Snapshot):
        cat = snapshot.catalogue  # titles are lowercase already
        return zip(cat["platform"], cat["title"], cat["release_year"], strict=True)

    known = set(keys(before))
    added: dict[str, list[dict]] = {}
    for title_id, key in zip(after.catalogue["id"], keys(after), strict=True):
        if key not in known and len(added.setdefault(key[0], [])) < limit:
            added[key[0]].append(after.title(title_id))
    return {platform: titles for platform, titles in added.items() if titles}
