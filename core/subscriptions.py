"""Which chats want to hear about new titles on which platforms, in SQLite.

The file lives in the data folder, so subscriptions survive restarts and refreshes.
``claim`` records that a chat was told about a catalogue version before it is told,
so a chat hears about each refresh at most once, even across a crash and restart.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

FILE_NAME = "subscriptions.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS subscriptions (
    chat_id INTEGER NOT NULL,
    platform TEXT NOT NULL,
    PRIMARY KEY (chat_id, platform)
);
CREATE TABLE IF NOT EXISTS announcements (
    version TEXT NOT NULL,
    chat_id INTEGER NOT NULL,
    PRIMARY KEY (version, chat_id)
);
"""


class Subscriptions:
    def __init__(self, data_dir):
        path = Path(data_dir) / FILE_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        # One connection shared by the event loop and refresh threads, serialised by a lock;
        # every statement is a few microseconds.
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)
        self._lock = threading.Lock()

    def add(self, chat_id: int, platform: str) -> bool:
        """Subscribe; False if the chat already was."""
        with self._lock:
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO subscriptions (chat_id, platform) VALUES (?, ?)", (chat_id, platform)
            )
        return cursor.rowcount == 1

    def remove(self, chat_id: int, platform: str | None = None) -> int:
        """Unsubscribe from one platform, or from all of them; returns how many ended."""
        with self._lock:
            if platform is None:
                cursor = self._db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
            else:
                cursor = self._db.execute(
                    "DELETE FROM subscriptions WHERE chat_id = ? AND platform = ?", (chat_id, platform)
                )
        return cursor.rowcount

    def of_chat(self, chat_id: int) -> list[str]:
        with self._lock:
            rows = self._db.execute(
                "SELECT platform FROM subscriptions WHERE chat_id = ? ORDER BY platform", (chat_id,)
            ).fetchall()
        return [platform for (platform,) in rows]

    def chats_for(self, platforms) -> dict[int, list[str]]:
        """Chat id -> the platforms among ``platforms`` it follows."""
        platforms = list(platforms)
        if not platforms:
            return {}
        marks = ",".join("?" * len(platforms))
        with self._lock:
            rows = self._db.execute(
                f"SELECT chat_id, platform FROM subscriptions WHERE platform IN ({marks}) "
                "ORDER BY chat_id, platform",
                platforms,
            ).fetchall()
        chats: dict[int, list[str]] = {}
        for chat_id, platform in rows:
            chats.setdefault(chat_id, []).append(platform)
        return chats

    def claim(self, version: str, chat_id: int) -> bool:
        """True the first time a chat is to be told about ``version``, False after that."""
        with self._lock:
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO announcements (version, chat_id) VALUES (?, ?)", (version, chat_id)
            )
        return cursor.rowcount == 1

    def close(self) -> None:
        with self._lock:
            self._db.close()
