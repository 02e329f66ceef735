"""Which Telegram updates were handled, so a redelivered one (same ``update_id``) is handled once.

Telegram sends a webhook update again when its call got no 2xx: after a proxy's retry, a slow
replica, a replica that died mid-update. Before handling an update the webhook ``claim``s its
id; ``done`` marks it after. A claim answers

- ``CLAIMED``: new, or taken over from a holder that died (a ``kill -9`` mid-update is retried
  by the survivor at once) or has not finished it in ``stale_after`` seconds;
- ``DONE``: handled already; answer Telegram without handling it again;
- ``BUSY``: being handled by a holder still within its time; Telegram should ask again later.

In PostgreSQL (several replicas: one table, a claim is one ``INSERT … ON CONFLICT … RETURNING``)
How a replica sees that another died: each holds a PostgreSQL session-level advisory lock on
its own key for as long as it lives (on a connection of its own); the server drops the lock the
moment the process's connection closes, ``kill -9`` included. A claim whose holder's lock is gone
is taken over. (While PostgreSQL restarts every lock is gone until the replicas reconnect: an
update redelivered then, while its first handling still runs, may be handled twice.)
Or, for SQLite's single process, in memory (bounded; a restart forgets, and then a redelivered
update is handled, which is what an update the dead process never finished needs). Ids older than
a day are pruned: Telegram gives up redelivering long before.
"""

from __future__ import annotations

import os
import random
import socket
import threading
import time
import zlib
from collections import OrderedDict

from core.userdata.database import Step, connect

CLAIMED, DONE, BUSY = "claimed", "done", "busy"
STALE_AFTER = 60.0  # seconds: an unfinished claim this old lost its holder (updates take milliseconds)
KEPT_FOR = 86_400.0  # seconds an id is remembered
PRUNE_EVERY = 3_600.0  # seconds between prunes (each claim checks)
PRESENCE_CHECK_EVERY = 1.0  # seconds between checks that this process's own lock is still held
# The advisory locks' first key (the second is each process's own): pg_locks's classid.
PRESENCE_CLASS = zlib.crc32(b"streambot-update-holder") & 0x7FFFFFFF
KEPT_IN_MEMORY = 100_000  # ids the in-memory record holds at most (a day at ~1 update/s)
# Append, never edit: stores in the field are at every version (``Connection.migrate``).
MIGRATIONS = (
    Step("""
    CREATE TABLE IF NOT EXISTS handled_updates (
        update_id BIGINT PRIMARY KEY,
        holder TEXT NOT NULL,
        holder_key INTEGER NOT NULL,
        claimed_at DOUBLE PRECISION NOT NULL,
        done_at DOUBLE PRECISION
    );
    CREATE INDEX IF NOT EXISTS handled_updates_by_time ON handled_updates (claimed_at);
    """),
)


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def open_handled_updates(
    data_dir, database=None, *, holder: str | None = None, stale_after: float = STALE_AFTER
):
    """The record for ``database`` (a ``PostgresDatabase`` or its URL), or in memory (None: SQLite)."""
    if database is None or database == "":
        return MemoryUpdates(holder=holder, stale_after=stale_after)
    return DatabaseUpdates(data_dir, database, holder=holder, stale_after=stale_after)


class DatabaseUpdates:
    """In PostgreSQL, shared by the replicas. Every call is one statement on the network: the
    caller keeps it off the event loop (``shared`` is True)."""

    shared = True

    def __init__(self, data_dir, database, *, holder: str | None = None, stale_after: float = STALE_AFTER):
        self._db = connect(data_dir, database, "")
        self._db.migrate("handled_updates", MIGRATIONS)
        self.holder = holder or this_process()
        self.stale_after = stale_after
        self._pruned = 0.0
        self._url = database if isinstance(database, str) else database.url
        self._key = random.randint(1, 2**31 - 1)  # this process's lock, as long as it lives
        self._presence = None
        self._presence_lock = threading.Lock()
        self._checked = 0.0
        self._be_present()

    def _be_present(self) -> None:
        """Hold this process's advisory lock (again, after PostgreSQL restarted)."""
        import psycopg

        with self._presence_lock:
            if time.monotonic() - self._checked < PRESENCE_CHECK_EVERY:
                return
            try:
                if self._presence is not None and not self._presence.closed:
                    self._presence.execute("SELECT 1")
                    self._checked = time.monotonic()
                    return
            except psycopg.Error:
                self._presence.close()
            self._presence = psycopg.connect(self._url, autocommit=True, connect_timeout=10)
            self._presence.execute("SELECT pg_advisory_lock(%s, %s)", (PRESENCE_CLASS, self._key))
            self._checked = time.monotonic()

    def claim(self, update_id: int, now: float | None = None) -> str:
        now = time.time() if now is None else now
        if now - self._pruned > PRUNE_EVERY:
            self.prune(now)
        self._be_present()
        taken = self._db.execute(
            "INSERT INTO handled_updates (update_id, holder, holder_key, claimed_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (update_id) DO UPDATE SET holder = excluded.holder, "
            "holder_key = excluded.holder_key, claimed_at = excluded.claimed_at "
            "WHERE handled_updates.done_at IS NULL AND (handled_updates.claimed_at < ? OR NOT EXISTS ("
            "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2 "
            "AND classid = ? AND objid = handled_updates.holder_key)) RETURNING update_id",
            (update_id, self.holder, self._key, now, now - self.stale_after, PRESENCE_CLASS),
        )
        if taken:
            return CLAIMED
        rows = self._db.execute("SELECT done_at FROM handled_updates WHERE update_id = ?", (update_id,))
        return DONE if rows and rows[0][0] is not None else BUSY

    def done(self, update_id: int, now: float | None = None) -> None:
        self._db.execute(
            "UPDATE handled_updates SET done_at = ? WHERE update_id = ? AND done_at IS NULL",
            (time.time() if now is None else now, update_id),
        )

    def release(self, update_id: int) -> None:
        """Give an unfinished claim up (a stop cut its handling short): its redelivery is handled at once."""
        self._db.execute(
            "DELETE FROM handled_updates WHERE update_id = ? AND holder = ? AND done_at IS NULL",
            (update_id, self.holder),
        )

    def prune(self, now: float | None = None) -> int:
        """Forget ids claimed more than a day ago; how many."""
        now = time.time() if now is None else now
        self._pruned = now
        return self._db.execute(
            "DELETE FROM handled_updates WHERE claimed_at < ?", (now - KEPT_FOR,)
        ).rowcount

    def close(self) -> None:
        """Closing lets the lock go: another replica takes this one's unfinished claims over."""
        with self._presence_lock:
            if self._presence is not None:
                self._presence.close()
        self._db.close()


class MemoryUpdates:
    """In this process's memory: one process serves a SQLite data folder. Microseconds a call."""

    shared = False

    def __init__(
        self, *, holder: str | None = None, stale_after: float = STALE_AFTER, size: int = KEPT_IN_MEMORY
    ):
        self.holder = holder or this_process()
        self.stale_after = stale_after
        self._size = size
        self._pruned = 0.0
        self._lock = threading.Lock()
        self._claims: OrderedDict[int, list] = (
            OrderedDict()
        )  # update id -> [holder, claimed_at, done_at], oldest first

    def claim(self, update_id: int, now: float | None = None) -> str:
        now = time.time() if now is None else now
        if now - self._pruned > PRUNE_EVERY:
            self.prune(now)
        with self._lock:
            found = self._claims.get(update_id)
            if found is not None and found[2] is not None:
                return DONE
            if found is not None and found[1] >= now - self.stale_after:
                return BUSY
            self._claims[update_id] = [self.holder, now, None]
            self._claims.move_to_end(update_id)
            while len(self._claims) > self._size:
                self._claims.popitem(last=False)
        return CLAIMED

    def done(self, update_id: int, now: float | None = None) -> None:
        with self._lock:
            found = self._claims.get(update_id)
            if found is not None and found[2] is None:
                found[2] = time.time() if now is None else now

    def release(self, update_id: int) -> None:
        with self._lock:
            found = self._claims.get(update_id)
            if found is not None and found[0] == self.holder and found[2] is None:
                del self._claims[update_id]

    def prune(self, now: float | None = None) -> int:
        now = time.time() if now is None else now
        self._pruned, cutoff = now, now - KEPT_FOR
        with self._lock:
            old = [key for key, (_, claimed_at, _) in self._claims.items() if claimed_at < cutoff]
            for key in old:
                del self._claims[key]
        return len(old)

    def close(self) -> None:
        pass
