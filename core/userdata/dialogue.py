"""Dialogue memory in SQLite: one frame per conversation (``core.dialogue.Frame``, as JSON).

A conversation is a private chat (``user_id`` 0: the chat is one person) or one member of a
group (chat and user), so two members never answer each other's "more". A frame older than
``EXPIRES_AFTER`` reads as no frame and is deleted by the next write; a restart keeps the rest.
"""

from __future__ import annotations

import threading
import time

from core.dialogue.frame import EXPIRES_AFTER, Frame
from core.userdata.sqlite import open_store

FILE_NAME = "dialogue.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS dialogue (
    chat_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    frame TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);
CREATE INDEX IF NOT EXISTS dialogue_by_time ON dialogue (at);
"""


class DialogueStore:
    def __init__(self, data_dir):
        self._db = open_store(data_dir, FILE_NAME, SCHEMA)
        self._lock = threading.Lock()

    def get(self, chat_id: int, user_id: int = 0, people=None, now: float | None = None) -> Frame:
        """The conversation's frame, or an empty one (none yet, expired, or unreadable)."""
        now = time.time() if now is None else now
        with self._lock:
            row = self._db.execute(
                "SELECT frame, at FROM dialogue WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
            ).fetchone()
        if row is None or now - row[1] > EXPIRES_AFTER:
            return Frame()
        return Frame.from_json(row[0], people)

    def put(self, chat_id: int, user_id: int, frame: Frame, people=None) -> None:
        """Keep ``frame`` (stamped with its ``at``) as the conversation's; expired frames go."""
        with self._lock:
            self._db.execute(
                "INSERT INTO dialogue (chat_id, user_id, frame, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (chat_id, user_id) DO UPDATE SET frame = excluded.frame, at = excluded.at",
                (chat_id, user_id, frame.to_json(people), frame.at),
            )
            self._db.execute("DELETE FROM dialogue WHERE at < ?", (frame.at - EXPIRES_AFTER,))

    def forget(self, chat_id: int, user_id: int | None = None) -> int:
        """Erase a conversation (a chat's, or one member's of a group); how many went."""
        with self._lock:
            if user_id is None:
                return self._db.execute("DELETE FROM dialogue WHERE chat_id = ?", (chat_id,)).rowcount
            return self._db.execute(
                "DELETE FROM dialogue WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
            ).rowcount

    def forget_user(self, user_id: int) -> int:
        """Erase everything a person's conversations hold: their private chat (whose id is
        theirs) and their part of every group."""
        with self._lock:
            return self._db.execute(
                "DELETE FROM dialogue WHERE user_id = ? OR (chat_id = ? AND user_id = 0)", (user_id, user_id)
            ).rowcount

    def close(self) -> None:
        with self._lock:
            self._db.close()
