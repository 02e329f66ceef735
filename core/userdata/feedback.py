"""What people told the bot about titles: a like (+1) or a dislike (-1), in SQLite.

One row per user and title, the latest word winning, with when and where it was said
("button", "command"). The file lives in the data folder, beside the subscriptions, so it
survives restarts and refreshes; a title that leaves the catalogue keeps its rows (it may
come back, and the re-ranker still learns from them). Every call is a few microseconds and
may block on the disk for a commit: the bot calls it from a worker thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

from core.userdata.sqlite import open_store

FILE_NAME = "feedback.sqlite3"
LIKE, DISLIKE = 1, -1
SOURCES = frozenset(["button", "command", "import", "simulation"])
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    user_id INTEGER NOT NULL,
    title_id TEXT NOT NULL,
    value INTEGER NOT NULL CHECK (value IN (-1, 1)),
    source TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (user_id, title_id)
);
CREATE INDEX IF NOT EXISTS feedback_by_time ON feedback (at);
"""


@dataclass(frozen=True)
class Signal:
    user_id: int
    title_id: str
    value: int  # LIKE or DISLIKE
    source: str
    at: float  # Unix time


class Feedback:
    def __init__(self, data_dir):
        self._db = open_store(data_dir, FILE_NAME, SCHEMA)
        self._lock = threading.Lock()

    def record(self, user_id: int, title_id: str, value: int, source: str, at: float | None = None) -> None:
        """``user_id`` likes (1) or dislikes (-1) ``title_id``; 0 takes back what they said."""
        if value not in (LIKE, DISLIKE, 0):
            raise ValueError(f"feedback is 1, -1 or 0, not {value!r}")
        if source not in SOURCES:
            raise ValueError(f"unknown feedback source {source!r}")
        with self._lock:
            if value == 0:
                self._db.execute(
                    "DELETE FROM feedback WHERE user_id = ? AND title_id = ?", (user_id, title_id)
                )
                return
            self._db.execute(
                "INSERT INTO feedback (user_id, title_id, value, source, at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (user_id, title_id) DO UPDATE SET value = excluded.value, "
                "source = excluded.source, at = excluded.at",
                (user_id, title_id, value, source, time.time() if at is None else at),
            )

    def record_many(self, signals: list[Signal]) -> None:
        """Many signals in one transaction (imports, simulations)."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._db.executemany(
                    "INSERT OR REPLACE INTO feedback (user_id, title_id, value, source, at) VALUES (?, ?, ?, ?, ?)",
                    [(s.user_id, s.title_id, s.value, s.source, s.at) for s in signals],
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def of_user(self, user_id: int) -> dict[str, int]:
        """Title id -> 1 or -1, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT title_id, value FROM feedback WHERE user_id = ? ORDER BY at, title_id", (user_id,)
            ).fetchall()
        return dict(rows)

    def value_of(self, user_id: int, title_id: str) -> int | None:
        """What ``user_id`` said of ``title_id``: 1, -1, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT value FROM feedback WHERE user_id = ? AND title_id = ?", (user_id, title_id)
            ).fetchone()
        return row[0] if row else None

    def signals_of(self, user_id: int) -> list[Signal]:
        with self._lock:
            rows = self._db.execute(
                "SELECT user_id, title_id, value, source, at FROM feedback WHERE user_id = ? ORDER BY at",
                (user_id,),
            ).fetchall()
        return [Signal(*row) for row in rows]

    def forget(self, user_id: int) -> int:
        """Delete everything said by ``user_id``; how many rows went."""
        with self._lock:
            return self._db.execute("DELETE FROM feedback WHERE user_id = ?", (user_id,)).rowcount

    def all(self) -> Iterator[Signal]:
        """Every signal, oldest first (the re-ranker's training data)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT user_id, title_id, value, source, at FROM feedback ORDER BY at"
            ).fetchall()
        return (Signal(*row) for row in rows)

    def count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()
