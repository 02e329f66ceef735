"""Where the user-data stores keep their rows: SQLite files in the data folder (the default, one
file per store as always) or one PostgreSQL database shared by every store and replica.

A store asks ``connect(data_dir, database, file_name)`` for its ``Connection`` and speaks one
SQL to it: ``?`` placeholders (turned into psycopg's ``%s``), ``ON CONFLICT … DO UPDATE/NOTHING``
and ``RETURNING`` (both engines have them), portable column types (BIGINT: Telegram chat ids
such as -1001234567890 overflow PostgreSQL's 4-byte INTEGER; DOUBLE PRECISION: PostgreSQL's REAL
is 4 bytes, too coarse for Unix times). The connection

- serialises SQLite's one shared connection with a lock, or lends PostgreSQL connections from a
  pool (``psycopg_pool``), so worker threads may call it at once;
- runs ``with connection.transaction():`` blocks in one transaction, the statements inside using
  the same connection (it is bound to the calling thread);
- applies a store's versioned schema ``migrate(store, steps)``: the ``schema_versions`` table has a
  row per store; each step runs in its own transaction with the row's update, under a lock two
  starting replicas share (``pg_advisory_xact_lock``; SQLite's write lock, ``BEGIN IMMEDIATE``),
  so a step runs once, and a step that fails leaves the schema as it was (both engines roll DDL
  back).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
POOL_SIZE = 10  # connections per process: the worker threads' calls are short
CONNECT_TIMEOUT = 10  # seconds for the first connection at start-up
SCHEMA_LOCK = zlib.crc32(b"streambot-schema")  # the advisory lock every migration step takes
VERSIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_versions (
    store TEXT PRIMARY KEY,
    version INTEGER NOT NULL
)
"""


class UserDataError(RuntimeError):
    """The user data cannot be opened: the database cannot be reached, or a migration failed."""


@dataclass(frozen=True)
class Step:
    """One schema migration: the same SQL for both engines, or one for each."""

    sqlite: str
    postgres: str | None = None  # None: ``sqlite``'s text works on PostgreSQL too


class Rows(list):
    """A statement's rows (fetched to the end), with how many rows it changed."""

    rowcount: int = -1


def is_postgres(url: str | None) -> bool:
    return bool(url) and url.startswith(POSTGRES_SCHEMES)


def statements(script: str) -> list[str]:
    """A migration's statements (none of ours has a ``;`` inside a string)."""
    return [part.strip() for part in script.split(";") if part.strip()]


class Connection:
    engine = ""

    def execute(self, sql: str, args: Sequence = ()) -> Rows:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        raise NotImplementedError

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    def reader(self) -> Connection:
        """A connection for reads that must not wait behind this one's writes."""
        return self

    def close(self) -> None:
        pass

    def migrate(self, store: str, steps: Sequence[Step]) -> int:
        """Bring ``store``'s tables to ``len(steps)``; the version it is at afterwards."""
        for target in range(1, len(steps) + 1):
            try:
                self._step(store, target, steps[target - 1])
            except Exception as exc:
                raise UserDataError(
                    f"the {store} schema's migration to version {target} failed and was rolled back "
                    f"(still at version {target - 1}): {exc}"
                ) from exc
        return self._version(store)

    def _step(self, store: str, target: int, step: Step) -> None:
        with self.transaction():
            self._lock_schema()
            self.execute_script(VERSIONS_TABLE)  # under the lock: two replicas never race to create it
            if self._version(store) >= target:
                return  # done before, or by another replica meanwhile
            self.execute_script(step.postgres if self.engine == "postgres" and step.postgres else step.sqlite)
            self.execute(
                "INSERT INTO schema_versions (store, version) VALUES (?, ?) "
                "ON CONFLICT (store) DO UPDATE SET version = excluded.version",
                (store, target),
            )

    def execute_script(self, script: str) -> None:
        for statement in statements(script):
            self.execute(statement)

    def _version(self, store: str) -> int:
        rows = self.execute("SELECT version FROM schema_versions WHERE store = ?", (store,))
        return rows[0][0] if rows else 0

    def _lock_schema(self) -> None:
        pass  # SQLite: BEGIN IMMEDIATE took the file's write lock


# ---- SQLite -------------------------------------------------------------------------------------
class SQLiteConnection(Connection):
    """One connection to a file in the data folder, in autocommit mode outside transactions.

    The event loop and worker threads share it, so a lock serialises it (every statement is a
    few microseconds); WAL lets a reader and the writer work at once and survives a kill
    mid-write; the busy timeout waits for another connection's write (the ratings' file has two)."""

    engine = "sqlite"

    def __init__(self, path: Path):
        self._path = Path(path)
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.execute("PRAGMA journal_mode=WAL")
        self._lock = threading.RLock()  # re-entered by the statements of a transaction

    def execute(self, sql: str, args: Sequence = ()) -> Rows:
        with self._lock:
            cursor = self._db.execute(sql, args)
            rows = Rows(cursor.fetchall())  # to the end: a DELETE … RETURNING is done only then
            rows.rowcount = cursor.rowcount
        return rows

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        with self._lock:
            self._db.executemany(sql, rows)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """The statements inside commit together (one wait for the disk); IMMEDIATE takes the
        write lock at once, so two writers queue instead of one failing to upgrade."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def pragma(self, text: str) -> None:
        with self._lock:
            self._db.execute(f"PRAGMA {text}")

    def reader(self) -> Connection:
        return SQLiteConnection(self._path)  # in WAL mode it never waits for the writer

    def close(self) -> None:
        with self._lock:
            self._db.close()


# ---- PostgreSQL ---------------------------------------------------------------------------------
class PostgresDatabase:
    """One pool of connections to the database, shared by every store of the process."""

    def __init__(self, url: str, pool_size: int = POOL_SIZE):
        # psycopg only where a PostgreSQL deployment needs it
        from psycopg_pool import ConnectionPool

        check_reachable(url)  # at once, with libpq's reason, rather than the pool retrying in the background
        self.url = url
        self.pool = ConnectionPool(
            url,
            min_size=1,
            max_size=pool_size,
            kwargs={"autocommit": True},
            check=ConnectionPool.check_connection,  # a connection the server dropped is replaced
            open=True,
            name="streambot-userdata",
        )
        self.pool.wait(timeout=30)

    def close(self) -> None:
        self.pool.close()


class PostgresConnection(Connection):
    engine = "postgres"

    def __init__(self, database: PostgresDatabase, owns: bool = False):
        self._database = database
        self._owns = owns  # made from a URL for this store alone: closing it closes the pool
        self._bound = threading.local()  # the connection of the thread's open transaction

    @contextlib.contextmanager
    def _connection(self):
        bound = getattr(self._bound, "connection", None)
        if bound is not None:
            yield bound
            return
        with self._database.pool.connection() as connection:
            yield connection

    def execute(self, sql: str, args: Sequence = ()) -> Rows:
        with self._connection() as connection, connection.cursor() as cursor:
            # Without arguments psycopg sends the text as it is (a "%" stays one).
            if args:
                cursor.execute(_placeholders(sql), tuple(args))
            else:
                cursor.execute(sql)
            rows = Rows(cursor.fetchall() if cursor.description is not None else [])
            rows.rowcount = cursor.rowcount
        return rows

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        with self._connection() as connection, connection.cursor() as cursor:
            cursor.executemany(_placeholders(sql), [tuple(row) for row in rows])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        if getattr(self._bound, "connection", None) is not None:
            raise RuntimeError("transactions do not nest")
        with self._database.pool.connection() as connection, connection.transaction():
            self._bound.connection = connection
            try:
                yield
            finally:
                self._bound.connection = None

    def _lock_schema(self) -> None:
        # Held until the step's transaction ends: a second replica starting waits, then sees the
        # new version and skips the step.
        self.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))

    def close(self) -> None:
        if self._owns:
            self._database.close()


def where(url: str) -> str:
    """``host:port/database`` of a URL, without its user or password (for messages)."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # noqa: BLE001 (a URL libpq cannot read: say nothing of it)
        return "the configured URL"
    return f"{parts.get('host', 'localhost')}:{parts.get('port', 5432)}/{parts.get('dbname', '')}"


def _placeholders(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


def check_reachable(url: str | None) -> None:
    """UserDataError when ``url`` names a PostgreSQL server that cannot be reached (nothing to
    check for SQLite): the bot says so before a first start's build, not after it."""
    if not url or not is_postgres(url):
        return
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT).close()
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise UserDataError(f"cannot connect to PostgreSQL at {where(url)}: {reason}") from exc


# ---- what a store opens -------------------------------------------------------------------------
def open_database(url: str | None):
    """The shared PostgreSQL pool for ``url`` (``postgresql://…``), or None for SQLite files."""
    if not url:
        return None
    if not is_postgres(url):
        raise ValueError(f"not a PostgreSQL URL: {url.split('://')[0]}://…")
    return PostgresDatabase(url)


def connect(data_dir, database, file_name: str) -> Connection:
    """A store's connection: ``database`` is a ``PostgresDatabase`` (shared: the caller closes
    it), a ``postgresql://`` URL (a pool of the store's own) or None (``data_dir/file_name``)."""
    if database is None or database == "":
        return SQLiteConnection(Path(data_dir) / file_name)
    if isinstance(database, str):
        return PostgresConnection(open_database(database), owns=True)
    return PostgresConnection(database)
