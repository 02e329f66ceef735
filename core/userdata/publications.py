"""What the jobs replica published, what every replica serves, and which news were announced.

Replicas share one data folder (a shared volume holding the snapshots and models) and one
PostgreSQL. The replica running the jobs (``core.userdata.leases``) builds a snapshot or
trains a model into the folder, then records it here; the others poll ``latest`` every few
seconds and swap in what it names from the folder:

    published(kind PRIMARY KEY, version, directory, at)      kind: "snapshot" or "model"
    served(replica, kind, directory, at)                     a heartbeat per replica
    announced(kind PRIMARY KEY, version)                     the catalogue subscribers heard of
    job_requests(id, job, argument, chat_id, language, at)   /reload asked of another replica

A pruning build keeps every snapshot a live replica serves (``served`` within
``LIVE_SECONDS``). Times are the database's (``now()``): the replicas' clocks need not agree.

On SQLite (one process, the default) nobody else needs telling: ``LocalPublications`` records
nothing, and the announced version stays in the data folder's ``ANNOUNCED`` file as always.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.snapshot.atomic import write_atomically
from core.userdata.database import Step, connect

SNAPSHOT, MODEL = "snapshot", "model"
LIVE_SECONDS = 90.0  # a replica whose heartbeat is older is gone: what it served may be pruned
ANNOUNCED_FILE = "ANNOUNCED"  # in the data folder, on SQLite: the version subscribers were told of
MIGRATIONS = (
    Step("""
    CREATE TABLE IF NOT EXISTS published (
        kind TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        directory TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL
    );
    CREATE TABLE IF NOT EXISTS served (
        replica TEXT NOT NULL,
        kind TEXT NOT NULL,
        directory TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (replica, kind)
    );
    CREATE TABLE IF NOT EXISTS announced (
        kind TEXT PRIMARY KEY,
        version TEXT NOT NULL
    );
    """),
    Step("""
    CREATE TABLE IF NOT EXISTS job_requests (
        id BIGSERIAL PRIMARY KEY,
        job TEXT NOT NULL,
        argument TEXT NOT NULL,
        chat_id BIGINT NOT NULL,
        language TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL
    )
    """),
)
REQUEST_EXPIRES_SECONDS = 300.0  # a request nobody took this long (no replica ran the jobs) is dropped


@dataclass(frozen=True)
class JobRequest:
    """A job an admin asked for on a replica that does not run the jobs, for the one that does."""

    job: str  # "reload" or "retrain"
    argument: str  # "force" for a forced reload, else ""
    chat_id: int  # where the outcome goes
    language: str  # the language the admin spoke


@dataclass(frozen=True)
class Published:
    kind: str
    version: str  # the catalogue's content version, or the model's version
    directory: str  # its folder's name in the data folder (a model's: its version)
    at: datetime


class Publications:
    """In PostgreSQL (``database``: a ``PostgresDatabase`` or its URL), as ``replica``."""

    shared = True

    def __init__(self, data_dir, database, replica: str):
        self.replica = replica
        self._db = connect(data_dir, database, "")
        self._db.migrate("publications", MIGRATIONS)

    def record(self, kind: str, version: str, directory: str) -> None:
        """``directory`` (of ``version``) is what every replica should serve from now on."""
        self._db.execute(
            "INSERT INTO published (kind, version, directory, at) VALUES (?, ?, ?, now()) "
            "ON CONFLICT (kind) DO UPDATE SET version = excluded.version, "
            "directory = excluded.directory, at = excluded.at",
            (kind, version, directory),
        )

    def latest(self, kind: str) -> Published | None:
        rows = self._db.execute("SELECT kind, version, directory, at FROM published WHERE kind = ?", (kind,))
        return Published(*rows[0]) if rows else None

    def serve(self, kind: str, directory: str) -> None:
        """This replica serves ``directory``, as of now (its heartbeat: call it every few seconds)."""
        self._db.execute(
            "INSERT INTO served (replica, kind, directory, at) VALUES (?, ?, ?, now()) "
            "ON CONFLICT (replica, kind) DO UPDATE SET directory = excluded.directory, at = excluded.at",
            (self.replica, kind, directory),
        )

    def served(self, kind: str, within: float = LIVE_SECONDS) -> set[str]:
        """The directories of ``kind`` that replicas alive in the last ``within`` seconds serve."""
        rows = self._db.execute(
            "SELECT DISTINCT directory FROM served WHERE kind = ? AND at >= now() - make_interval(secs => ?)",
            (kind, float(within)),
        )
        return {directory for (directory,) in rows}

    def leave(self) -> None:
        """At a clean exit: this replica serves nothing any more."""
        self._db.execute("DELETE FROM served WHERE replica = ?", (self.replica,))

    def ask(self, request: JobRequest) -> None:
        """Leave ``request`` for the replica running the jobs (``take_requests``)."""
        self._db.execute(
            "INSERT INTO job_requests (job, argument, chat_id, language, at) VALUES (?, ?, ?, ?, now())",
            (request.job, request.argument, request.chat_id, request.language),
        )

    def take_requests(self) -> list[JobRequest]:
        """The requests waiting, oldest first, removed in the same statement (a second taker
        gets none of them); those older than ``REQUEST_EXPIRES_SECONDS`` are dropped unrun."""
        rows = self._db.execute(
            "DELETE FROM job_requests RETURNING id, job, argument, chat_id, language, "
            "at >= now() - make_interval(secs => ?)",
            (REQUEST_EXPIRES_SECONDS,),
        )
        return [JobRequest(*row[1:5]) for row in sorted(rows) if row[5]]

    def announced_version(self) -> str | None:
        rows = self._db.execute("SELECT version FROM announced WHERE kind = ?", (SNAPSHOT,))
        return rows[0][0] if rows else None

    def mark_announced(self, version: str) -> None:
        self._db.execute(
            "INSERT INTO announced (kind, version) VALUES (?, ?) "
            "ON CONFLICT (kind) DO UPDATE SET version = excluded.version",
            (SNAPSHOT, version),
        )

    def close(self) -> None:
        self._db.close()


class LocalPublications:
    """One process on SQLite files: nothing to tell anyone; ``ANNOUNCED`` in the data folder."""

    shared = False

    def __init__(self, data_dir, replica: str = ""):
        self.replica = replica
        self._announced = Path(data_dir) / ANNOUNCED_FILE

    def record(self, kind: str, version: str, directory: str) -> None:
        pass

    def latest(self, kind: str) -> Published | None:
        return None  # this process published whatever it serves

    def serve(self, kind: str, directory: str) -> None:
        pass

    def served(self, kind: str, within: float = LIVE_SECONDS) -> set[str]:
        return set()  # the current snapshot, which pruning keeps anyway

    def leave(self) -> None:
        pass

    def ask(self, request: JobRequest) -> None:
        raise RuntimeError("one process runs its own jobs: nobody to ask")

    def take_requests(self) -> list[JobRequest]:
        return []

    def announced_version(self) -> str | None:
        try:
            return self._announced.read_text().strip() or None
        except FileNotFoundError:
            return None

    def mark_announced(self, version: str) -> None:
        write_atomically(self._announced, lambda path: Path(path).write_text(version + "\n"))

    def close(self) -> None:
        pass


def open_publications(data_dir, database, replica: str) -> Publications | LocalPublications:
    """PostgreSQL's shared rows with a ``database``; the data folder's file without one."""
    return Publications(data_dir, database, replica) if database else LocalPublications(data_dir, replica)
