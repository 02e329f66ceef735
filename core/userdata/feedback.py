"""What people told the bot about titles: a like (+1) or a dislike (-1), in SQLite or PostgreSQL.

One row per user and title, the latest word winning, with when and where it was said
("button", "command"); a rating button's third tap leaves 0 (cleared), which reads as nothing.
The SQLite file lives in the data folder, beside the subscriptions, so it survives restarts and
refreshes; a title that leaves the catalogue keeps its rows (it may
come back, and the re-ranker still learns from them). Every call is a few microseconds and
may block on the disk for a commit: the bot calls it from a worker thread.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

from core.userdata.database import Step, connect

FILE_NAME = "feedback.sqlite3"
LIKE, DISLIKE, CLEARED = 1, -1, 0
SOURCES = frozenset(["button", "command", "import", "simulation"])
# Append, never edit: stores in the field are at every version (``Connection.migrate``).
MIGRATIONS = (
    Step("""
    CREATE TABLE IF NOT EXISTS feedback (
        user_id BIGINT NOT NULL,
        title_id TEXT NOT NULL,
        value INTEGER NOT NULL CHECK (value IN (-1, 1)),
        source TEXT NOT NULL,
        at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (user_id, title_id)
    );
    CREATE INDEX IF NOT EXISTS feedback_by_time ON feedback (at);
    """),
    # A rating button's third tap clears the rating by writing 0 (``cycle``): one statement,
    # whatever the row held. SQLite cannot alter a CHECK: the table is copied.
    Step(
        sqlite="""
        CREATE TABLE feedback_cycled (
            user_id BIGINT NOT NULL,
            title_id TEXT NOT NULL,
            value INTEGER NOT NULL CHECK (value IN (-1, 0, 1)),
            source TEXT NOT NULL,
            at DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (user_id, title_id)
        );
        INSERT INTO feedback_cycled SELECT user_id, title_id, value, source, at FROM feedback;
        DROP TABLE feedback;
        ALTER TABLE feedback_cycled RENAME TO feedback;
        CREATE INDEX feedback_by_time ON feedback (at);
        """,
        postgres="""
        ALTER TABLE feedback DROP CONSTRAINT feedback_value_check;
        ALTER TABLE feedback ADD CONSTRAINT feedback_value_check CHECK (value IN (-1, 0, 1));
        """,
    ),
)
RATED = "value <> 0"  # a cleared rating's row says nothing


@dataclass(frozen=True)
class Signal:
    user_id: int
    title_id: str
    value: int  # LIKE or DISLIKE
    source: str
    at: float  # Unix time


class Feedback:
    def __init__(self, data_dir, database=None):
        """In ``data_dir``'s SQLite file, or in PostgreSQL (``database``: a ``PostgresDatabase``
        or its URL; see ``core.userdata.database.connect``)."""
        self._db = connect(data_dir, database, FILE_NAME)
        self._db.migrate("feedback", MIGRATIONS)

    def record(self, user_id: int, title_id: str, value: int, source: str, at: float | None = None) -> None:
        """``user_id`` likes (1) or dislikes (-1) ``title_id``; 0 takes back what they said."""
        if value not in (LIKE, DISLIKE, 0):
            raise ValueError(f"feedback is 1, -1 or 0, not {value!r}")
        if source not in SOURCES:
            raise ValueError(f"unknown feedback source {source!r}")
        if value == 0:
            self._db.execute("DELETE FROM feedback WHERE user_id = ? AND title_id = ?", (user_id, title_id))
            return
        self._db.execute(
            "INSERT INTO feedback (user_id, title_id, value, source, at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (user_id, title_id) DO UPDATE SET value = excluded.value, "
            "source = excluded.source, at = excluded.at",
            (user_id, title_id, value, source, time.time() if at is None else at),
        )

    def cycle(self, user_id: int, title_id: str, source: str = "button", at: float | None = None) -> int:
        """A rating button's tap: nothing -> 👍 (1) -> 👎 (-1) -> cleared (0) -> 👍 …; the new value.

        One statement, so taps at once (two replicas, a double tap) each move the cycle one step:
        none is lost or counted twice."""
        if source not in SOURCES:
            raise ValueError(f"unknown feedback source {source!r}")
        rows = self._db.execute(
            "INSERT INTO feedback (user_id, title_id, value, source, at) VALUES (?, ?, 1, ?, ?) "
            "ON CONFLICT (user_id, title_id) DO UPDATE SET "
            "value = CASE feedback.value WHEN 1 THEN -1 WHEN -1 THEN 0 ELSE 1 END, "
            "source = excluded.source, at = excluded.at RETURNING value",
            (user_id, title_id, source, time.time() if at is None else at),
        )
        return rows[0][0]

    def record_many(self, signals: list[Signal]) -> None:
        """Many signals in one transaction (imports, simulations)."""
        with self._db.transaction():
            self._db.executemany(
                "INSERT INTO feedback (user_id, title_id, value, source, at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (user_id, title_id) DO UPDATE SET value = excluded.value, "
                "source = excluded.source, at = excluded.at",
                [(s.user_id, s.title_id, s.value, s.source, s.at) for s in signals],
            )

    def of_user(self, user_id: int) -> dict[str, int]:
        """Title id -> 1 or -1, oldest first."""
        rows = self._db.execute(
            f"SELECT title_id, value FROM feedback WHERE user_id = ? AND {RATED} ORDER BY at, title_id",
            (user_id,),
        )
        return dict(rows)

    def value_of(self, user_id: int, title_id: str) -> int | None:
        """What ``user_id`` said of ``title_id``: 1, -1, or None."""
        rows = self._db.execute(
            f"SELECT value FROM feedback WHERE user_id = ? AND title_id = ? AND {RATED}", (user_id, title_id)
        )
        return rows[0][0] if rows else None

    def signals_of(self, user_id: int) -> list[Signal]:
        rows = self._db.execute(
            f"SELECT user_id, title_id, value, source, at FROM feedback WHERE user_id = ? AND {RATED} "
            "ORDER BY at",
            (user_id,),
        )
        return [Signal(*row) for row in rows]

    def forget(self, user_id: int) -> int:
        """Delete everything said by ``user_id``; how many ratings went."""
        rows = self._db.execute("DELETE FROM feedback WHERE user_id = ? RETURNING value", (user_id,))
        return sum(1 for (value,) in rows if value != CLEARED)

    def all(self) -> Iterator[Signal]:
        """Every signal, oldest first (the re-ranker's training data)."""
        rows = self._db.execute(
            f"SELECT user_id, title_id, value, source, at FROM feedback WHERE {RATED} ORDER BY at"
        )
        return (Signal(*row) for row in rows)

    def count(self) -> int:
        return self._db.execute(f"SELECT COUNT(*) FROM feedback WHERE {RATED}")[0][0]

    def close(self) -> None:
        self._db.close()
