"""Which chats want to hear about new titles on which platforms, and in which language, in SQLite or PostgreSQL.

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

from typing import NamedTuple

from core.userdata.database import Step, connect

FILE_NAME = "subscriptions.sqlite3"
DEFAULT_LANGUAGE = "en"
# MIGRATIONS[i] takes the store from schema version i to i + 1 (``Connection.migrate``). Append,
# never edit: stores in the field are at every version. Files from before versions were kept in
# ``schema_versions`` (SQLite's ``user_version`` counted the second step) replay the steps,
# which only create what is missing.
MIGRATIONS = (
    Step("""
    CREATE TABLE IF NOT EXISTS subscriptions (
        chat_id BIGINT NOT NULL,
        platform TEXT NOT NULL,
        PRIMARY KEY (chat_id, platform)
    );
    CREATE TABLE IF NOT EXISTS announcements (
        version TEXT NOT NULL,
        chat_id BIGINT NOT NULL,
        PRIMARY KEY (version, chat_id)
    );
    """),
    Step("""
    CREATE TABLE IF NOT EXISTS chat_languages (
        chat_id BIGINT PRIMARY KEY,
        language TEXT NOT NULL
    );
    """),
)


class Subscriber(NamedTuple):
    chat_id: int
    language: str
    platforms: list[str]


class Subscriptions:
    def __init__(self, data_dir, database=None):
        """In ``data_dir``'s SQLite file, or in PostgreSQL (``database``: a ``PostgresDatabase``
        or its URL; see ``core.userdata.database.connect``)."""
        self._db = connect(data_dir, database, FILE_NAME)
        self._db.migrate("subscriptions", MIGRATIONS)

    def add(self, chat_id: int, platform: str, language: str | None = None) -> bool:
        """Subscribe, remembering the chat's ``language`` if given; False if the chat already was."""
        with self._db.transaction():
            added = self._db.execute(
                "INSERT INTO subscriptions (chat_id, platform) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (chat_id, platform),
            ).rowcount
            self._remember(chat_id, language)
        return added == 1

    def remove(self, chat_id: int, platform: str | None = None, language: str | None = None) -> int:
        """Unsubscribe from one platform, or from all of them, remembering the chat's ``language``
        if given; returns how many ended."""
        with self._db.transaction():
            if platform is None:
                ended = self._db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
            else:
                ended = self._db.execute(
                    "DELETE FROM subscriptions WHERE chat_id = ? AND platform = ?", (chat_id, platform)
                )
            self._remember(chat_id, language)
        return ended.rowcount

    def forget(self, chat_id: int) -> int:
        """Everything kept about a chat (its subscriptions, its language, which news it was
        told) deleted at once; how many subscriptions ended."""
        with self._db.transaction():
            ended = self._db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
            self._db.execute("DELETE FROM chat_languages WHERE chat_id = ?", (chat_id,))
            self._db.execute("DELETE FROM announcements WHERE chat_id = ?", (chat_id,))
        return ended.rowcount

    def remember_language(self, chat_id: int, language: str) -> None:
        """Record the language a chat speaks (e.g. an admin's, for the refresh alerts)."""
        self._remember(chat_id, language)

    def _remember(self, chat_id: int, language: str | None) -> None:
        if language is not None:
            self._db.execute(
                "INSERT INTO chat_languages (chat_id, language) VALUES (?, ?) "
                "ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language",
                (chat_id, language),
            )

    def language_of(self, chat_id: int) -> str | None:
        """The language recorded for the chat, or None if it never told us."""
        rows = self._db.execute("SELECT language FROM chat_languages WHERE chat_id = ?", (chat_id,))
        return rows[0][0] if rows else None

    def of_chat(self, chat_id: int) -> list[str]:
        rows = self._db.execute(
            "SELECT platform FROM subscriptions WHERE chat_id = ? ORDER BY platform", (chat_id,)
        )
        return [platform for (platform,) in rows]

    def subscribers(self, platforms) -> list[Subscriber]:
        """The chats following any of ``platforms``, each with its language (English if none
        was recorded) and the platforms among ``platforms`` it follows; by chat id."""
        platforms = list(platforms)
        if not platforms:
            return []
        marks = ",".join("?" * len(platforms))
        rows = self._db.execute(
            "SELECT s.chat_id, COALESCE(l.language, ?), s.platform FROM subscriptions AS s "
            "LEFT JOIN chat_languages AS l ON l.chat_id = s.chat_id "
            f"WHERE s.platform IN ({marks}) ORDER BY s.chat_id, s.platform",
            [DEFAULT_LANGUAGE, *platforms],
        )
        chats: dict[int, Subscriber] = {}
        for chat_id, language, platform in rows:
            chats.setdefault(chat_id, Subscriber(chat_id, language, [])).platforms.append(platform)
        return list(chats.values())

    def claim(self, version: str, chat_id: int) -> bool:
        """True the first time a chat is to be told about ``version``, False after that (in
        one statement: two replicas announcing at once tell the chat once)."""
        claimed = self._db.execute(
            "INSERT INTO announcements (version, chat_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (version, chat_id),
        ).rowcount
        return claimed == 1

    def close(self) -> None:
        self._db.close()
