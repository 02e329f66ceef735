"""Watching together, in SQLite or PostgreSQL: each chat's platforms, who has seen what, each chat's shared
list, and who is watching in a group tonight.

It lives in the ratings' file (``core.userdata.feedback.FILE_NAME``): one user-data store, so
"members who have rated anything" is one query, /forget erases a person from one place, and
the PostgreSQL store of the next issue has one schema to mirror.

- **Platforms** are a chat's (a private chat's id is its person's id): the platforms it has,
  whether it watches with children ("kids mode"), and whether only admins may change that.
- **Seen** is a person's, in every chat: a title seen is never suggested to them again.
- **The list** is a chat's, with who added each title.
- **Members** are a group's people the bot has heard from: their first name (for "Ana and Luis
  liked Coco"), when they last spoke, and whether they joined or left tonight's watchers
  (``/watching``); a choice made more than ``TONIGHT`` ago lapses back to "recently active".

Every call is a few microseconds and may wait for the disk: the bot calls it from a worker thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from core.userdata import feedback
from core.userdata.database import Step, connect

RECENT = 7 * 24 * 3600.0  # a member who spoke this recently and rated something watches by default
TONIGHT = 12 * 3600.0  # how long "I'm watching" / "not tonight" lasts
# Append, never edit: stores in the field are at every version (``Connection.migrate``).
MIGRATIONS = (
    Step("""
    CREATE TABLE IF NOT EXISTS chat_settings (
        chat_id BIGINT PRIMARY KEY,
        platforms TEXT NOT NULL DEFAULT '',
        kids INTEGER NOT NULL DEFAULT 0,
        admins_only INTEGER NOT NULL DEFAULT 0,
        set_by BIGINT,
        at DOUBLE PRECISION NOT NULL
    );
    CREATE TABLE IF NOT EXISTS seen (
        user_id BIGINT NOT NULL,
        title_id TEXT NOT NULL,
        at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (user_id, title_id)
    );
    CREATE TABLE IF NOT EXISTS watchlist (
        chat_id BIGINT NOT NULL,
        title_id TEXT NOT NULL,
        added_by BIGINT NOT NULL,
        at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (chat_id, title_id)
    );
    CREATE INDEX IF NOT EXISTS watchlist_by_adder ON watchlist (added_by);
    CREATE TABLE IF NOT EXISTS members (
        chat_id BIGINT NOT NULL,
        user_id BIGINT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        chat_name TEXT NOT NULL DEFAULT '',
        spoke_at DOUBLE PRECISION,
        watching INTEGER,
        watching_at DOUBLE PRECISION,
        PRIMARY KEY (chat_id, user_id)
    );
    CREATE INDEX IF NOT EXISTS members_by_user ON members (user_id);
    CREATE TABLE IF NOT EXISTS list_polls (
        poll_id TEXT PRIMARY KEY,
        chat_id BIGINT NOT NULL,
        message_id INTEGER NOT NULL,
        title_ids TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT '',
        at DOUBLE PRECISION NOT NULL
    );
    """),
    # "✓ Seen" tapped again un-marks it in one statement (``toggle_seen``): the row stays, 0.
    Step("ALTER TABLE seen ADD COLUMN seen INTEGER NOT NULL DEFAULT 1"),
)


@dataclass(frozen=True)
class ChatSettings:
    platforms: frozenset[str] = frozenset()  # empty: every platform (nothing set)
    kids: bool = False
    admins_only: bool = False


@dataclass(frozen=True)
class Entry:
    """A title on a chat's list."""

    title_id: str
    added_by: int
    added_by_name: str  # the member's first name as last seen, or "" when unknown
    at: float


@dataclass(frozen=True)
class ListPoll:
    """A /poll of the chat's list the bot sent: its options' titles, in order."""

    poll_id: str
    chat_id: int
    message_id: int
    title_ids: tuple[str, ...]
    language: str = ""  # the poll's: its result is told in it (a closed poll's update has no user)


@dataclass(frozen=True)
class Member:
    user_id: int
    name: str


@dataclass(frozen=True)
class Membership:
    """One group a person is known in, for /mydata."""

    chat_id: int
    chat_name: str  # the group's title as last seen, or ""
    watching: bool | None  # joined (True) or left (False) tonight's watchers; None: not chosen
    spoke_at: float | None


@dataclass(frozen=True)
class PersonRecord:
    """Everything this module keeps about one person (/mydata)."""

    platforms: frozenset[str] = frozenset()  # their private chat's
    kids: bool = False
    seen: list[str] = field(default_factory=list)  # title ids, oldest first
    added: list[tuple[int, str]] = field(default_factory=list)  # (chat id, title id) they put on lists
    memberships: list[Membership] = field(default_factory=list)


@dataclass(frozen=True)
class Erased:
    seen: int = 0
    added: int = 0
    memberships: int = 0
    settings: int = 0


class Together:
    def __init__(self, data_dir, database=None):
        """In the ratings' SQLite file in ``data_dir``, or in PostgreSQL (``database``: a
        ``PostgresDatabase`` or its URL; see ``core.userdata.database.connect``)."""
        self._db = connect(data_dir, database, feedback.FILE_NAME)
        self._db.migrate("feedback", feedback.MIGRATIONS)  # watchers() reads the ratings
        self._db.migrate("together", MIGRATIONS)

    def _all(self, sql: str, args=()) -> list[tuple]:
        return self._db.execute(sql, args)

    def _run(self, sql: str, args=()) -> int:
        return self._db.execute(sql, args).rowcount

    # ---- platforms and kids mode ---------------------------------------------------------
    def settings_of(self, chat_id: int) -> ChatSettings:
        rows = self._all(
            "SELECT platforms, kids, admins_only FROM chat_settings WHERE chat_id = ?", (chat_id,)
        )
        if not rows:
            return ChatSettings()
        platforms, kids, admins_only = rows[0]
        return ChatSettings(frozenset(filter(None, platforms.split(","))), bool(kids), bool(admins_only))

    def set_settings(self, chat_id: int, settings: ChatSettings, set_by: int | None = None) -> None:
        """The chat's platforms, kids mode and who may change them, all at once."""
        self._run(
            "INSERT INTO chat_settings (chat_id, platforms, kids, admins_only, set_by, at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET platforms = excluded.platforms, "
            "kids = excluded.kids, admins_only = excluded.admins_only, set_by = excluded.set_by, at = excluded.at",
            (
                chat_id,
                ",".join(sorted(settings.platforms)),
                int(settings.kids),
                int(settings.admins_only),
                set_by,
                time.time(),
            ),
        )

    # ---- seen ----------------------------------------------------------------------------
    def mark_seen(self, user_id: int, title_id: str, seen: bool = True, at: float | None = None) -> bool:
        """``user_id`` has seen ``title_id`` (or not, ``seen=False``); whether anything changed."""
        if not seen:
            return (
                self._run(
                    "DELETE FROM seen WHERE user_id = ? AND title_id = ? AND seen = 1", (user_id, title_id)
                )
                > 0
            )
        return (
            self._run(
                "INSERT INTO seen (user_id, title_id, at, seen) VALUES (?, ?, ?, 1) "
                "ON CONFLICT (user_id, title_id) DO UPDATE SET seen = 1, at = excluded.at WHERE seen.seen = 0",
                (user_id, title_id, time.time() if at is None else at),
            )
            > 0
        )

    def toggle_seen(self, user_id: int, title_id: str, at: float | None = None) -> bool:
        """The "✓ Seen" button: seen if it was not, un-marked if it was; whether it is seen now.
        One statement, so two taps at once end where two taps one after the other would."""
        rows = self._all(
            "INSERT INTO seen (user_id, title_id, at, seen) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (user_id, title_id) DO UPDATE SET seen = 1 - seen.seen, at = excluded.at "
            "RETURNING seen",
            (user_id, title_id, time.time() if at is None else at),
        )
        return rows[0][0] == 1

    def seen_by(self, user_ids) -> set[str]:
        """Every title any of these people has seen."""
        ids = list(dict.fromkeys(user_ids))
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        return {
            row[0]
            for row in self._all(f"SELECT title_id FROM seen WHERE user_id IN ({marks}) AND seen = 1", ids)
        }

    def who_saw(self, title_id: str, user_ids) -> list[int]:
        ids = list(dict.fromkeys(user_ids))
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._all(
            f"SELECT user_id FROM seen WHERE title_id = ? AND seen = 1 AND user_id IN ({marks})",
            [title_id, *ids],
        )
        return [row[0] for row in rows]

    # ---- the chat's list -----------------------------------------------------------------
    def add_to_list(self, chat_id: int, title_id: str, user_id: int, at: float | None = None) -> bool:
        """Whether it was added (False: already on the list, kept with its first adder)."""
        return (
            self._run(
                "INSERT INTO watchlist (chat_id, title_id, added_by, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (chat_id, title_id, user_id, time.time() if at is None else at),
            )
            > 0
        )

    def remove_from_list(self, chat_id: int, title_id: str) -> bool:
        return self._run("DELETE FROM watchlist WHERE chat_id = ? AND title_id = ?", (chat_id, title_id)) > 0

    def watchlist(self, chat_id: int) -> list[Entry]:
        """The chat's list, oldest first."""
        rows = self._all(
            "SELECT w.title_id, w.added_by, COALESCE(m.name, ''), w.at FROM watchlist w "
            "LEFT JOIN members m ON m.chat_id = w.chat_id AND m.user_id = w.added_by "
            "WHERE w.chat_id = ? ORDER BY w.at, w.title_id",
            (chat_id,),
        )
        return [Entry(*row) for row in rows]

    def clear_list(self, chat_id: int) -> int:
        """A group admin empties the chat's list (its platforms stay): titles removed."""
        return self._run("DELETE FROM watchlist WHERE chat_id = ?", (chat_id,))

    # ---- polls of the list, until they close ---------------------------------------------
    def remember_poll(self, poll: ListPoll, at: float | None = None) -> None:
        """A poll of the list, kept until it closes (maybe hours later, maybe after a restart)."""
        self._run(
            "INSERT INTO list_polls (poll_id, chat_id, message_id, title_ids, language, at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (poll_id) DO UPDATE SET chat_id = excluded.chat_id, "
            "message_id = excluded.message_id, title_ids = excluded.title_ids, language = excluded.language, "
            "at = excluded.at",
            (
                poll.poll_id,
                poll.chat_id,
                poll.message_id,
                ",".join(poll.title_ids),
                poll.language,
                time.time() if at is None else at,
            ),
        )

    def take_poll(self, poll_id: str) -> ListPoll | None:
        """The poll, forgotten as it is read: a closed poll's winner is announced once, however
        many updates say it closed."""
        rows = self._all(
            "DELETE FROM list_polls WHERE poll_id = ? RETURNING poll_id, chat_id, message_id, title_ids, language",
            (poll_id,),
        )
        if not rows:
            return None
        row = rows[0]
        return ListPoll(row[0], row[1], row[2], tuple(filter(None, row[3].split(","))), row[4])

    # ---- members and tonight's watchers --------------------------------------------------
    def spoke(
        self, chat_id: int, user_id: int, name: str, at: float | None = None, chat_name: str = ""
    ) -> None:
        """A group member spoke to the bot: their name and time, kept for /watching's default,
        and the group's title, so /mydata can say which groups know them."""
        self._run(
            "INSERT INTO members (chat_id, user_id, name, chat_name, spoke_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (chat_id, user_id) DO UPDATE SET name = excluded.name, spoke_at = excluded.spoke_at, "
            "chat_name = CASE WHEN excluded.chat_name = '' THEN members.chat_name ELSE excluded.chat_name END",
            (chat_id, user_id, name or "", chat_name or "", time.time() if at is None else at),
        )

    def set_watching(
        self, chat_id: int, user_id: int, name: str, watching: bool, at: float | None = None
    ) -> None:
        """``user_id`` joins (True) or leaves (False) the chat's watchers for tonight."""
        moment = time.time() if at is None else at
        self._run(
            "INSERT INTO members (chat_id, user_id, name, spoke_at, watching, watching_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (chat_id, user_id) DO UPDATE SET name = excluded.name, spoke_at = excluded.spoke_at, "
            "watching = excluded.watching, watching_at = excluded.watching_at",
            (chat_id, user_id, name or "", moment, int(watching), moment),
        )

    def watchers(self, chat_id: int, now: float | None = None) -> list[Member]:
        """Who watches tonight: those who joined, and those who spoke within ``RECENT`` and rated
        something, unless they left; a choice older than ``TONIGHT`` no longer counts."""
        now = time.time() if now is None else now
        rows = self._all(
            "SELECT m.user_id, m.name FROM members m WHERE m.chat_id = ? AND ("
            " (m.watching = 1 AND m.watching_at >= ?)"
            " OR (NOT (m.watching IS NOT NULL AND m.watching_at >= ?)"
            "     AND m.spoke_at >= ? AND EXISTS (SELECT 1 FROM feedback f WHERE f.user_id = m.user_id AND f.value <> 0))"
            ") ORDER BY m.spoke_at, m.user_id",
            (chat_id, now - TONIGHT, now - TONIGHT, now - RECENT),
        )
        return [Member(*row) for row in rows]

    def members(self, chat_id: int) -> list[Member]:
        rows = self._all(
            "SELECT user_id, name FROM members WHERE chat_id = ? ORDER BY spoke_at, user_id", (chat_id,)
        )
        return [Member(*row) for row in rows]

    def is_watching(self, chat_id: int, user_id: int, now: float | None = None) -> bool:
        return any(m.user_id == user_id for m in self.watchers(chat_id, now))

    def left_tonight(self, chat_id: int, user_id: int, now: float | None = None) -> bool:
        """Whether ``user_id`` said "not tonight" in the chat within ``TONIGHT``."""
        now = time.time() if now is None else now
        rows = self._all(
            "SELECT 1 FROM members WHERE chat_id = ? AND user_id = ? AND watching = 0 AND watching_at >= ?",
            (chat_id, user_id, now - TONIGHT),
        )
        return bool(rows)

    # ---- privacy -------------------------------------------------------------------------
    def of_person(self, user_id: int) -> PersonRecord:
        settings = self.settings_of(user_id)
        seen = [
            r[0]
            for r in self._all(
                "SELECT title_id FROM seen WHERE user_id = ? AND seen = 1 ORDER BY at", (user_id,)
            )
        ]
        added = self._all(
            "SELECT chat_id, title_id FROM watchlist WHERE added_by = ? ORDER BY at", (user_id,)
        )
        memberships = [
            Membership(chat_id, chat_name, None if watching is None else bool(watching), spoke_at)
            for chat_id, chat_name, watching, spoke_at in self._all(
                "SELECT chat_id, chat_name, watching, spoke_at FROM members WHERE user_id = ? ORDER BY chat_id",
                (user_id,),
            )
        ]
        return PersonRecord(settings.platforms, settings.kids, seen, [tuple(a) for a in added], memberships)

    def forget_person(self, user_id: int) -> Erased:
        """Everything about ``user_id``: seen titles, the titles they added to any list, their
        membership of groups, and their private chat's settings."""
        with self._db.transaction():
            counts = Erased(
                seen=self._db.execute("DELETE FROM seen WHERE user_id = ? RETURNING seen", (user_id,)).count(
                    (1,)
                ),
                added=self._db.execute("DELETE FROM watchlist WHERE added_by = ?", (user_id,)).rowcount,
                memberships=self._db.execute("DELETE FROM members WHERE user_id = ?", (user_id,)).rowcount,
                settings=self._db.execute("DELETE FROM chat_settings WHERE chat_id = ?", (user_id,)).rowcount,
            )
        return counts

    def clear_chat(self, chat_id: int) -> tuple[int, bool]:
        """A group admin clears the group's list and platforms: (titles removed, settings removed)."""
        with self._db.transaction():
            listed = self._db.execute("DELETE FROM watchlist WHERE chat_id = ?", (chat_id,)).rowcount
            settings = self._db.execute("DELETE FROM chat_settings WHERE chat_id = ?", (chat_id,)).rowcount
        return listed, settings > 0

    def close(self) -> None:
        self._db.close()
