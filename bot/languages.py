"""The language each chat was last answered in, served from memory: every update asks for its
chat's (``bot.handlers.language``), and a reply must not wait for SQLite to tell it.

``Languages`` is the bot's ``Subscriptions`` store (the language is kept in its file, beside
the chat's subscriptions) with a per-process map in front of its ``chat_languages`` table:

- read lazily: ``known`` answers from memory only (a dictionary); a chat not in memory is
  read from the file once (``language_of``) and kept. That read has a connection of its own:
  in WAL mode a reader never waits for the writer, so a new chat's first update does not
  queue behind other chats' writes (one indexed read; the bot makes it from a worker thread,
  since on PostgreSQL it is a round trip);
- written through: a new language is in memory at once and written to the file by one
  background thread, in order, so the reply never waits for the disk and a restart reads
  the last language the chat was answered in;
- bounded: the ``kept`` chats used most recently; a chat whose write is still queued is
  served from the queue, so dropping it from memory never brings back an older language;
- ``forget`` (``/forget``) erases the chat in memory at once and in the file after the writes
  already queued, which would otherwise write the language back.

Every other way the store records a language (``add``/``remove`` with one) goes through the
same map, so memory and file never disagree for long.

On PostgreSQL other replicas answer the same chats, and a language set through one must be
what the next update answers in, whichever replica gets it: there nothing is served from
memory but this process's own writes still in flight (the newest it knows), and everything
else is read per update (``reads_every_update``; the bot reads from a worker thread), as the
dialogue memory does (``core.userdata.dialogue``).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

from core.userdata.database import SQLiteConnection
from core.userdata.subscriptions import Subscriber, Subscriptions

log = logging.getLogger(__name__)
UNKNOWN = object()  # not in memory: ask the file (``language_of``)
KEPT = 50_000  # chats; a few MB at most


class Languages(Subscriptions):
    def __init__(self, data_dir, database=None, kept: int = KEPT):
        super().__init__(data_dir, database)
        self._kept = kept
        self._memory: OrderedDict[int, str | None] = OrderedDict()  # None: the file has none
        # Changes queued for the writer and not yet in the file: chat -> (ticket, language).
        self._queued: dict[int, tuple[int, str | None]] = {}
        self._tickets = 0
        self._guard = threading.Lock()  # held for dictionary work only, never around SQL
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="language-writer")
        self._reader = self._db.reader()  # SQLite: a connection of its own; PostgreSQL: the pool
        self._shared = not isinstance(self._db, SQLiteConnection)  # PostgreSQL: other replicas write too

    @property
    def reads_every_update(self) -> bool:
        """Whether a chat's language is read from the database on every update (shared with
        other replicas), so ``language_of`` must stay off the event loop."""
        return self._shared

    def known(self, chat_id: int):
        """The chat's language from memory ("es", "en", None when it has none), or ``UNKNOWN``
        when only the file can tell. Never touches the disk. Shared with other replicas, memory
        keeps nothing (``_keep``): only this process's writes still in flight are known."""
        with self._guard:
            if chat_id in self._memory:
                self._memory.move_to_end(chat_id)
                return self._memory[chat_id]
            queued = self._queued.get(chat_id)
        return queued[1] if queued is not None else UNKNOWN

    def language_of(self, chat_id: int) -> str | None:
        """The chat's language: from memory, else read from the file and kept."""
        known = self.known(chat_id)
        if known is not UNKNOWN:
            return known
        rows = self._reader.execute("SELECT language FROM chat_languages WHERE chat_id = ?", (chat_id,))
        stored = rows[0][0] if rows else None
        with self._guard:
            # A change made while the file was read is newer than what was read: it wins. (One
            # both written and dropped from memory meanwhile would take ``kept`` other chats
            # within one indexed read.)
            if chat_id in self._memory:
                return self._memory[chat_id]
            if chat_id in self._queued:
                return self._queued[chat_id][1]
            self._keep(chat_id, stored)
        return stored

    def remember_language(self, chat_id: int, language: str) -> None:
        """The chat speaks ``language`` from now on: at once in memory, soon in the file."""
        with self._guard:
            self._keep(chat_id, language)
            ticket = self._queue(chat_id, language)
        self._writer.submit(self._write, chat_id, language, ticket)

    def add(self, chat_id: int, platform: str, language: str | None = None) -> bool:
        added = super().add(chat_id, platform)
        if language is not None:
            self.remember_language(chat_id, language)
        return added

    def remove(self, chat_id: int, platform: str | None = None, language: str | None = None) -> int:
        ended = super().remove(chat_id, platform)
        if language is not None:
            self.remember_language(chat_id, language)
        return ended

    def forget(self, chat_id: int) -> int:
        """Everything kept about the chat deleted, its language in memory first. Blocks until
        the file is done (call it from a worker thread, as ``/forget`` does)."""
        with self._guard:
            self._keep(chat_id, None)
            ticket = self._queue(chat_id, None)
        return self._writer.submit(self._erase, chat_id, ticket).result()

    def subscribers(self, platforms) -> list[Subscriber]:
        """As the file has them, each with the language memory has for it (a write may be queued)."""
        found = super().subscribers(platforms)
        for i, (chat_id, language, followed) in enumerate(found):
            known = self.known(chat_id)
            if isinstance(known, str) and known != language:
                found[i] = Subscriber(chat_id, known, followed)
        return found

    def flush(self) -> None:
        """Wait until every queued change is in the file."""
        self._writer.submit(lambda: None).result()

    def close(self) -> None:
        self._writer.shutdown(wait=True)  # the last languages reach the file before it closes
        if self._reader is not self._db:
            self._reader.close()
        super().close()

    # ------------------------------------------------------------------ inside the guard
    def _keep(self, chat_id: int, language: str | None) -> None:
        if self._shared:
            return  # what another replica writes next would never reach this memory
        self._memory[chat_id] = language
        self._memory.move_to_end(chat_id)
        while len(self._memory) > self._kept:
            self._memory.popitem(last=False)

    def _queue(self, chat_id: int, language: str | None) -> int:
        self._tickets += 1
        self._queued[chat_id] = (self._tickets, language)
        return self._tickets

    # ------------------------------------------------------------------ on the writer thread
    def _write(self, chat_id: int, language: str, ticket: int) -> None:
        try:
            super().remember_language(chat_id, language)
        except Exception:  # nobody waits for this write: say so, and keep serving from memory
            log.exception("could not write chat %s's language", chat_id)
        finally:
            self._written(chat_id, ticket)

    def _erase(self, chat_id: int, ticket: int) -> int:
        try:
            return super().forget(chat_id)
        finally:
            self._written(chat_id, ticket)

    def _written(self, chat_id: int, ticket: int) -> None:
        with self._guard:
            if self._queued.get(chat_id, (None,))[0] == ticket:  # no later change is waiting
                del self._queued[chat_id]
