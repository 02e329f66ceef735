"""Which replica runs the jobs: a lease row per job group, in PostgreSQL.

Several replicas share one database, but only one may refresh the catalogue, retrain the
model, announce news and set the webhook. That one holds the ``jobs`` lease:

    leases(name PRIMARY KEY, holder, expires_at)

``take`` takes a free or expired lease, or renews this replica's own, in one statement
(``INSERT … ON CONFLICT … DO UPDATE … WHERE expires_at < now() OR holder = me RETURNING``):
two replicas taking it at once cannot both win. The time is the database's (``now()``), so
the replicas' clocks need not agree. A holder renews every ``RENEW_SECONDS``; one killed with
``kill -9`` stops renewing, and another takes the lease within ``LEASE_SECONDS`` plus one
renewal. ``release`` on a clean exit hands it on at once.

On SQLite (one process, the default) there is nobody to share with: the lease is always this
process's, and nothing is written.
"""

from __future__ import annotations

import logging

from core.userdata.database import Step, connect

log = logging.getLogger(__name__)
JOBS = "jobs"  # the lease of the refresh, the retrain, the announcements and setWebhook
LEASE_SECONDS = 30.0  # a holder that stops renewing loses it after this long
RENEW_SECONDS = 10.0  # how often a replica takes or renews it (bot.jobs.replicas)
MIGRATIONS = (
    Step("""
    CREATE TABLE IF NOT EXISTS leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
    )
    """),
)
TAKE = """
INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, now() + make_interval(secs => ?))
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
WHERE leases.expires_at < now() OR leases.holder = excluded.holder
RETURNING holder
"""


class Leases:
    """Leases held by ``replica`` (its name, ``STREAMBOT_REPLICA_NAME``), in PostgreSQL
    (``database``: a ``PostgresDatabase`` or its URL) or, with None, this process's alone."""

    def __init__(self, data_dir, database, replica: str):
        self.replica = replica
        self.shared = bool(database)
        self._db = None
        if self.shared:
            self._db = connect(data_dir, database, "")
            self._db.migrate("leases", MIGRATIONS)

    def take(self, name: str = JOBS, seconds: float = LEASE_SECONDS) -> bool:
        """Take ``name`` for ``seconds`` if it is free, expired or already ours (then renewed);
        whether this replica holds it now."""
        if self._db is None:
            return True
        return bool(self._db.execute(TAKE, (name, self.replica, float(seconds))))

    def holder(self, name: str = JOBS) -> str | None:
        """The replica holding ``name`` now, or None when nobody does (free or expired)."""
        if self._db is None:
            return self.replica
        rows = self._db.execute("SELECT holder FROM leases WHERE name = ? AND expires_at >= now()", (name,))
        return rows[0][0] if rows else None

    def release(self, name: str = JOBS) -> None:
        """Give ``name`` up if this replica holds it, so another takes it at its next try."""
        if self._db is not None:
            self._db.execute("DELETE FROM leases WHERE name = ? AND holder = ?", (name, self.replica))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
