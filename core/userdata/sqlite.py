"""The small SQLite stores in the data folder (subscriptions, feedback) open the same way."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def open_store(data_dir, file_name: str, schema: str) -> sqlite3.Connection:
    """A connection to ``data_dir/file_name`` with ``schema`` applied, in autocommit mode.

    One connection is shared by the event loop and worker threads, so callers serialise it
    with a lock (every statement is a few microseconds); WAL lets a reader and the writer
    work at once and survives a kill mid-write."""
    path = Path(data_dir) / file_name
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(schema)
    return db
