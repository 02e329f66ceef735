"""Which chats want to hear about new titles on which platforms, and in which language, in SQLite.

The file lives in the data folder, so subscriptions survive restarts and refreshes.
``claim`` records that a chat was told about a catalogue version before it is told,
so a chat hears about each refresh at most once, even across a crash and restart.

A chat's language is the one it spoke when it last subscribed or unsubscribed (the bot's
news and alerts are written outside any update, so they cannot ask the chat). It is kept
per chat, apart from the subscriptions, so it outlives them: an admin who unsubscribed
still gets alerts in their language. Chats with none recorded (files from before languages
were kept) read as English.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import NamedTuple

from core.userdata.sqlite import open_store

FILE_NAME = "subscriptions.sqlite3"
DEFAULT_LANGUAGE = "en"
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
# MIGRATIONS[i] takes a file from schema version i to i + 1 (SQLite's ``user_version``, 0 in
# every file written before versions were counted). Append, never edit: files in the field
# are at every version.
MIGRATIONS = (
    """
    CREATE TABLE IF NOT EXISTS chat_languages (
        chat_id INTEGER PRIMARY KEY,
        language TEXT NOT NULL
    );
    """,
)


class Subscriber(NamedTuple):
    chat_id: int
    language: str
    platforms: list[str]


class Subscriptions:
    def __init__(self, data_dir):
        self._db = open_store(data_dir, FILE_NAME, SCHEMA)
        self._migrate()
        self._lock = threading.Lock()

    def _migrate(self) -> None:
        (version,) = self._db.execute("PRAGMA user_version").fetchone()
        for target, script in enumerate(MIGRATIONS[version:], start=version + 1):
            # One transaction per step: a crash mid-way leaves the file at the previous version.
            self._db.executescript(f"BEGIN; {script}; PRAGMA user_version = {target}; COMMIT;")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """The statements inside commit together (one wait for the disk, not one each)."""
        self._db.execute("BEGIN")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def add(self, chat_id: int, platform: str, language: str | None = None) -> bool:
        """Subscribe, remembering the chat's ``language`` if given; False if the chat already was."""
        with self._lock, self._transaction():
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO subscriptions (chat_id, platform) VALUES (?, ?)", (chat_id, platform)
            )
            self._remember(chat_id, language)
        return cursor.rowcount == 1

    def remove(self, chat_id: int, platform: str | None = None, language: str | None = None) -> int:
        """Unsubscribe from one platform, or from all of them, remembering the chat's ``language``
        if given; returns how many ended."""
        with self._lock, self._transaction():
            if platform is None:
                cursor = self._db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
            else:
                cursor = self._db.execute(
                    "DELETE FROM subscriptions WHERE chat_id = ? AND platform = ?", (chat_id, platform)
                )
            self._remember(chat_id, language)
        return cursor.rowcount

    def forget(self, chat_id: int) -> int:
        """Everything kept about a chat (its subscriptions, its language, which news it was
        told) deleted at once; how many subscriptions ended."""
        with self._lock, self._transaction():
            cursor = self._db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
            self._db.execute("DELETE FROM chat_languages WHERE chat_id = ?", (chat_id,))
            self._db.execute("DELETE FROM announcements WHERE chat_id = ?", (chat_id,))
        return cursor.rowcount

    def remember_language(self, chat_id: int, language: str) -> None:
        """Record the language a chat speaks (e.g. an admin's, for the refresh alerts)."""
        with self._lock:
            self._remember(chat_id, language)

    def _remember(self, chat_id: int, language: str | None) -> None:
        if language is not None:
            self._db.execute(
                "INSERT OR REPLACE INTO chat_languages (chat_id, language) VALUES (?, ?)", (chat_id, language)
            )

    def language_of(self, chat_id: int) -> str | None:
        """The language recorded for the chat, or None if it never told us."""
        with self._lock:
            row = self._db.execute(
                "SELECT language FROM chat_languages WHERE chat_id = ?", (chat_id,)
            ).fetchone()
        return row[0] if row else None

    def of_chat(self, chat_id: int) -> list[str]:
        with self._lock:
            rows = self._db.execute(
                "SELECT platform FROM subscriptions WHERE chat_id = ? ORDER BY platform", (chat_id,)
            ).fetchall()
        return [platform for (platform,) in rows]

    def subscribers(self, platforms) -> list[Subscriber]:
        """The chats following any of ``platforms``, each with its language (English if none
        was recorded) and the platforms among ``platforms`` it follows; by chat id."""
        platforms = list(platforms)
        if not platforms:
            return []
        marks = ",".join("?" * len(platforms))
        with self._lock:
            rows = self._db.execute(
                "SELECT s.chat_id, COALESCE(l.language, ?), s.platform FROM subscriptions AS s "
                "LEFT JOIN chat_languages AS l ON l.chat_id = s.chat_id "
                f"WHERE s.platform IN ({marks}) ORDER BY s.chat_id, s.platform",
                [DEFAULT_LANGUAGE, *platforms],
            ).fetchall()
        chats: dict[int, Subscriber] = {}
        for chat_id, language, platform in rows:
            chats.setdefault(chat_id, Subscriber(chat_id, language, [])).platforms.append(platform)
        return list(chats.values())

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
