"""Move a data folder's SQLite user data into PostgreSQL:
``python -m core.userdata.migrate --from DIR --to URL``.

Every table a store keeps in the folder's SQLite files (``SOURCES``) is copied into the
database at URL, whose schema is made by the stores themselves (each is opened on the URL
once, so its migrations run): the tables are exactly the ones the bot serves from.

- **Idempotent and safe for a live database.** A row whose key PostgreSQL already has is
  never overwritten: PostgreSQL is the live copy once replicas serve from it. Such a row is
  "already there" when it holds the same values, "kept" when PostgreSQL's differ (a user rated
  again since). A second run moves nothing.
- **All or nothing.** Every table is copied in one transaction: a failure (a value PostgreSQL
  refuses, the server gone) leaves the rows as they were. The files are only read (opened
  read-only), so the folder is the same afterwards and can still be served from.
- **Counted.** One line per table and a total; exit 0, or 1 with one line saying what went
  wrong (the URL's password never shown), or 2 for bad arguments.

Files at an older schema version copy what they have: a column they lack takes PostgreSQL's
default (the "seen" flag of files from before it existed reads as seen, as the bot would).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from core.userdata import dialogue, feedback, subscriptions, together
from core.userdata.database import (
    PostgresConnection,
    UserDataError,
    check_reachable,
    is_postgres,
    open_database,
    where,
)

URL_VARIABLE = "STREAMBOT_DATABASE_URL"
BATCH = 5_000  # rows read from SQLite and sent to PostgreSQL at a time
WHAT = {  # what each table holds, for the counts' lines
    "feedback": "ratings",
    "chat_settings": "chats' platforms and kids mode",
    "seen": "seen titles",
    "watchlist": "lists' titles",
    "members": "group members and tonight's watchers",
    "list_polls": "open polls of a list",
    "subscriptions": "chats' news subscriptions",
    "announcements": "news a chat was told",
    "chat_languages": "chats' languages",
    "dialogue": "conversations' memory",
}


@dataclass(frozen=True)
class Source:
    """One SQLite file of the data folder: the stores that keep it, and its tables."""

    file_name: str
    stores: tuple[type, ...]
    tables: tuple[str, ...]


SOURCES = (
    Source(
        feedback.FILE_NAME,
        (feedback.Feedback, together.Together),
        ("feedback", "chat_settings", "seen", "watchlist", "members", "list_polls"),
    ),
    # The chats' languages (``bot.languages``) live in the subscriptions' file and table.
    Source(
        subscriptions.FILE_NAME,
        (subscriptions.Subscriptions,),
        ("subscriptions", "announcements", "chat_languages"),
    ),
    Source(dialogue.FILE_NAME, (dialogue.DialogueStore,), ("dialogue",)),
)


class MigrationError(RuntimeError):
    """Nothing was moved: why, in one line."""


@dataclass(frozen=True)
class Moved:
    """What became of one table's rows."""

    table: str
    moved: int = 0  # copied into PostgreSQL
    already: int = 0  # PostgreSQL had the same row
    kept: int = 0  # PostgreSQL had the key with other values: its row stays

    def line(self) -> str:
        named = f"{self.table} ({WHAT[self.table]})" if self.table in WHAT else self.table
        text = f"{named}: {self.moved} moved, {self.already} already there"
        return text + (f", {self.kept} kept (different in PostgreSQL, left as they are)" if self.kept else "")


def migrate(data_dir, url: str) -> list[Moved]:
    """Copy ``data_dir``'s user data into PostgreSQL at ``url``; what became of each table."""
    if not is_postgres(url):
        scheme = f"{url.split('://')[0]}://…" if "://" in url else "no scheme"
        raise MigrationError(f"not a PostgreSQL URL ({scheme}): postgresql://user:password@host:5432/db")
    readers = _open_files(Path(data_dir))
    try:
        try:
            check_reachable(url)
            database = open_database(url)
        except UserDataError as exc:
            raise MigrationError(str(exc)) from exc
        try:
            return _copy_all(readers, database, data_dir)
        finally:
            database.close()
    finally:
        for reader in readers.values():
            reader.close()


def _open_files(folder: Path) -> dict[Source, sqlite3.Connection]:
    """The folder's SQLite files, read-only and checked, before PostgreSQL is touched."""
    if not folder.is_dir():
        raise MigrationError(f"no such folder: {folder}")
    found = {source: folder / source.file_name for source in SOURCES if (folder / source.file_name).is_file()}
    if not found:
        names = ", ".join(source.file_name for source in SOURCES)
        raise MigrationError(f"no user data in {folder} (none of {names})")
    readers = {}
    try:
        for source, path in found.items():
            readers[source] = _open_checked(path)
    except MigrationError:
        for reader in readers.values():
            reader.close()
        raise
    return readers


def _open_checked(path: Path) -> sqlite3.Connection:
    try:
        reader = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise MigrationError(f"cannot read {path}: {exc}") from exc
    try:
        verdict = reader.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as exc:
        reader.close()
        raise MigrationError(f"{path} is damaged or not an SQLite file ({exc}): nothing was moved") from exc
    if verdict != "ok":
        reader.close()
        raise MigrationError(f"{path} is damaged ({verdict}): nothing was moved")
    return reader


def _copy_all(readers: dict[Source, sqlite3.Connection], database, data_dir) -> list[Moved]:
    try:
        for source in SOURCES:  # every store's schema, even for a file the folder lacks: the served one
            for store_class in source.stores:
                store_class(data_dir, database).close()
    except UserDataError as exc:
        raise MigrationError(f"{exc}: nothing was moved") from exc
    target = PostgresConnection(database)
    try:
        with target.transaction():
            return [
                _copy_table(readers[source], target, table) if source in readers else Moved(table)
                for source in SOURCES
                for table in source.tables
            ]
    except sqlite3.Error as exc:
        raise MigrationError(f"cannot read the folder's files ({exc}): nothing was moved") from exc
    except Exception as exc:  # noqa: BLE001 (psycopg's errors: the transaction was rolled back)
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise MigrationError(f"PostgreSQL refused the copy ({reason}): nothing was moved") from exc


def _copy_table(reader: sqlite3.Connection, target: PostgresConnection, table: str) -> Moved:
    """Copy one table through a temporary table of PostgreSQL's own types, then count."""
    present = {row[1] for row in reader.execute(f"PRAGMA table_info({table})")}
    if not present:
        return Moved(table)  # a file from before this table existed
    every = _columns(target, table)
    incoming = f"incoming_{table}"
    # Columns a file from an older version lacks take the table's defaults, as the bot's migration gave them.
    target.execute(f"CREATE TEMPORARY TABLE {incoming} (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DROP")
    shared = ", ".join(name for name in every if name in present)
    marks = ", ".join("?" * sum(name in present for name in every))
    rows = reader.execute(f"SELECT {shared} FROM {table}")
    while batch := rows.fetchmany(BATCH):
        target.executemany(f"INSERT INTO {incoming} ({shared}) VALUES ({marks})", batch)
    listed = ", ".join(every)
    moved = target.execute(
        f"INSERT INTO {table} ({listed}) SELECT {listed} FROM {incoming} ON CONFLICT DO NOTHING"
    ).rowcount
    total = target.execute(f"SELECT COUNT(*) FROM {incoming}")[0][0]
    equal = _rows_alike(target, table, incoming, every)
    return Moved(table, moved=moved, already=equal - moved, kept=total - equal)


def _rows_alike(target: PostgresConnection, table: str, incoming: str, every: list[str]) -> int:
    """How many incoming rows the table holds exactly (the ones just moved among them)."""
    same_key = " AND ".join(f"t.{name} = i.{name}" for name in _primary_key(target, table))
    same_values = " AND ".join(f"t.{name} IS NOT DISTINCT FROM i.{name}" for name in every)
    rows = target.execute(
        f"SELECT COUNT(*) FROM {incoming} i JOIN {table} t ON {same_key} WHERE {same_values}"
    )
    return rows[0][0]


def _columns(target: PostgresConnection, table: str) -> list[str]:
    rows = target.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped "
        "ORDER BY attnum",
        (table,),
    )
    return [name for (name,) in rows]


def _primary_key(target: PostgresConnection, table: str) -> list[str]:
    rows = target.execute(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
        "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = ?::regclass AND i.indisprimary",
        (table,),
    )
    return [name for (name,) in rows]


def _secret(url: str) -> str | None:
    from psycopg.conninfo import conninfo_to_dict

    try:
        return conninfo_to_dict(url).get("password") or None
    except Exception:  # noqa: BLE001 (a URL libpq cannot read has no password to find)
        return None


def _masked(text: str, url: str) -> str:
    """``text`` with the URL's password, should any message quote it, replaced by ***."""
    secret = _secret(url)
    return text.replace(secret, "***") if secret else text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m core.userdata.migrate",
        description="Copy a data folder's SQLite user data (ratings, subscriptions, chat languages, "
        "dialogue memory, platforms, seen titles, lists, watchers) into PostgreSQL. Rows PostgreSQL "
        "already has are never overwritten; a second run moves nothing; the folder is only read.",
    )
    parser.add_argument(
        "--from", dest="data_dir", required=True, metavar="DIR", help="the data folder (STREAMBOT_DATA_DIR)"
    )
    parser.add_argument(
        "--to",
        dest="url",
        metavar="URL",
        help=f"postgresql://user:password@host:5432/db (default: ${URL_VARIABLE})",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    url = (args.url or os.environ.get(URL_VARIABLE, "")).strip()
    if not url:
        parser.error(f"no database: give --to URL or set {URL_VARIABLE}")
    try:
        results = migrate(args.data_dir, url)
    except MigrationError as exc:  # one line, and nothing else: nothing was moved
        one_line = " ".join(str(exc).split())  # libpq's reasons come with newlines and tabs
        print(f"error: {_masked(one_line, url)}", file=sys.stderr)
        return 1
    print(f"From {args.data_dir} into PostgreSQL at {where(url)}:")
    for result in results:
        print(result.line())
    total = Moved(
        "total",
        sum(r.moved for r in results),
        sum(r.already for r in results),
        sum(r.kept for r in results),
    )
    print(total.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
