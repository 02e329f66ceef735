"""Dialogue memory in SQLite or PostgreSQL: one frame per conversation (``core.dialogue.Frame``, as JSON).

A conversation is a private chat (``user_id`` 0: the chat is one person) or one member of a
group (chat and user), so two members never answer each other's "more". A frame older than
``EXPIRES_AFTER`` reads as no frame and is deleted by a later write (at most a minute apart);
a restart keeps the rest.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from core.dialogue.frame import EXPIRES_AFTER, Frame
from core.userdata.database import SQLiteConnection, Step, connect

FILE_NAME = "dialogue.sqlite3"
KEPT_IN_MEMORY = 20_000  # recent frames read without SQL (every update reads its frame)
SWEEP_EVERY = 60.0  # seconds between deletions of expired frames (they read as none meanwhile)
# Append, never edit: stores in the field are at every version (``Connection.migrate``).
MIGRATIONS = (
    Step("""
    CREATE TABLE IF NOT EXISTS dialogue (
        chat_id BIGINT NOT NULL,
        user_id BIGINT NOT NULL,
        frame TEXT NOT NULL,
        at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (chat_id, user_id)
    );
    CREATE INDEX IF NOT EXISTS dialogue_by_time ON dialogue (at);
    """),
)


class DialogueStore:
    def __init__(self, data_dir, database=None):
        """In ``data_dir``'s SQLite file, or in PostgreSQL (``database``: a ``PostgresDatabase``
        or its URL; see ``core.userdata.database.connect``)."""
        self._db = connect(data_dir, database, FILE_NAME)
        if isinstance(self._db, SQLiteConnection):
            # A frame is written on every answered update. In WAL mode NORMAL still never corrupts
            # the file; a power cut may lose the last frames, which a conversation survives (it
            # starts afresh). FULL waited for the disk on every update: 103 updates/s, p99 1.3 s.
            self._db.pragma("synchronous=NORMAL")
        self._db.migrate("dialogue", MIGRATIONS)
        self._shared = not isinstance(self._db, SQLiteConnection)  # PostgreSQL: other replicas write too
        self._lock = threading.Lock()
        self._swept = 0.0  # when expired frames were last deleted
        # As last written here, with the people its person ids belong to (a refresh may swap them).
        self._recent: OrderedDict[tuple[int, int], tuple[Frame, object]] = OrderedDict()

    @property
    def reads_every_update(self) -> bool:
        """Whether ``get`` reads the database each time (shared with other replicas): the
        caller must then keep it off the event loop."""
        return self._shared

    def get(self, chat_id: int, user_id: int = 0, people=None, now: float | None = None) -> Frame:
        """The conversation's frame, or an empty one (none yet, expired, or unreadable)."""
        now = time.time() if now is None else now
        with self._lock:
            kept = self._recent.get((chat_id, user_id))
            rows = None
            if kept is None or self._shared:
                # Shared with other replicas: the row may be newer than this process's last write
                # (the conversation's last message went to another replica), so it is read per update.
                rows = self._db.execute(
                    "SELECT frame, at FROM dialogue WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
                )
        row = rows[0] if rows else None
        if kept is not None and (row is None or kept[0].at >= row[1]):
            frame, known = kept
            if now - frame.at > EXPIRES_AFTER:
                return Frame()
            # Another catalogue version numbers its people otherwise: read it by name again.
            return frame if known is people else Frame.from_json(frame.to_json(known), people)
        if row is None or now - row[1] > EXPIRES_AFTER:
            return Frame()
        return Frame.from_json(row[0], people)

    def put(self, chat_id: int, user_id: int, frame: Frame, people=None) -> None:
        """Keep ``frame`` (stamped with its ``at``) as the conversation's; expired frames go."""
        self.remember(chat_id, user_id, frame, people)
        with self._lock:
            self._db.execute(
                "INSERT INTO dialogue (chat_id, user_id, frame, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (chat_id, user_id) DO UPDATE SET frame = excluded.frame, at = excluded.at",
                (chat_id, user_id, frame.to_json(people), frame.at),
            )
            if frame.at - self._swept > SWEEP_EVERY:
                self._db.execute("DELETE FROM dialogue WHERE at < ?", (frame.at - EXPIRES_AFTER,))
                self._swept = frame.at

    def remember(self, chat_id: int, user_id: int, frame: Frame, people=None) -> None:
        """Serve ``frame`` to the next ``get`` at once; ``put`` also writes it to the file (the
        bot writes in the background, so a reply never waits for SQLite)."""
        with self._lock:
            kept = self._recent.get((chat_id, user_id))
            if kept is not None and kept[0].at > frame.at:
                return  # the writer thread catching up with a frame a later update replaced
            self._recent[(chat_id, user_id)] = (frame, people)
            self._recent.move_to_end((chat_id, user_id))
            while len(self._recent) > KEPT_IN_MEMORY:
                self._recent.popitem(last=False)

    def forget_user(self, user_id: int) -> int:
        """Erase everything a person's conversations hold: their private chat (whose id is
        theirs) and their part of every group."""
        with self._lock:
            for key in [k for k in self._recent if k[1] == user_id or k == (user_id, 0)]:
                del self._recent[key]
            return self._db.execute(
                "DELETE FROM dialogue WHERE user_id = ? OR (chat_id = ? AND user_id = 0)", (user_id, user_id)
            ).rowcount

    def close(self) -> None:
        with self._lock:
            self._db.close()
