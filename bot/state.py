"""What the handlers share: ``context.bot_data``, typed (python-telegram-bot's ContextTypes).

``bot.app.build_application`` fills it in once; handlers read ``context.bot_data.store``
and the rest by attribute, so a misspelt name fails at once instead of as a missing key.
"""

from __future__ import annotations

import itertools
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from core.personal.reranker import Reranker

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.health import PollingRequest
    from core.snapshot.refresh import Refresher
    from core.snapshot.store import Store
    from core.userdata.database import PostgresDatabase
    from core.userdata.dialogue import DialogueStore
    from core.userdata.feedback import Feedback
    from core.userdata.leases import Leases
    from core.userdata.publications import LocalPublications, Publications
    from core.userdata.subscriptions import Subscriptions
    from core.userdata.together import Together


class Listings:
    """The filters behind recent counts and lists, by a short token a "Show them" button
    carries (64 bytes cannot hold any combination of filters). The newest few thousand are
    kept; an older button says it has expired."""

    KEPT = 5000

    def __init__(self):
        self._asked: OrderedDict[str, object] = OrderedDict()
        self._next = itertools.count(1)

    def remember(self, question) -> str:
        token = format(next(self._next), "x")
        self._asked[token] = question
        while len(self._asked) > self.KEPT:
            self._asked.popitem(last=False)
        return token

    def recall(self, token: str):
        return self._asked.get(token)


class Heard:
    """When each group member was last noted as speaking (``Together.spoke``), so a busy group
    costs one write a minute per member, not one per update. The newest many are kept."""

    EVERY = 60.0  # seconds between two notes of one member
    KEPT = 20000

    def __init__(self):
        self._at: OrderedDict[tuple[int, int], float] = OrderedDict()

    def due(self, chat_id: int, user_id: int, now: float | None = None) -> bool:
        """Whether to note this member now (and, if so, remembered as noted)."""
        now = time.monotonic() if now is None else now
        key = (chat_id, user_id)
        last = self._at.get(key)
        if last is not None and now - last < self.EVERY:
            return False
        self._at[key] = now
        self._at.move_to_end(key)
        while len(self._at) > self.KEPT:
            self._at.popitem(last=False)
        return True


@dataclass
class BotData:
    settings: Settings | None = None
    store: Store | None = None  # the snapshot being served: ``store.current``
    refresher: Refresher | None = None
    database: PostgresDatabase | None = None  # the stores' shared pool; None: SQLite files in data_dir
    subscriptions: Subscriptions | None = None
    feedback: Feedback | None = None
    together: Together | None = None  # platforms, seen titles, lists, watchers (core.userdata.together)
    dialogue: DialogueStore | None = None  # each conversation's memory (bot/conversation.py)
    leases: Leases | None = None  # which replica runs the jobs (bot.jobs.replicas)
    holds_jobs: bool = True  # this replica holds the jobs lease (always, on SQLite)
    publications: Publications | LocalPublications | None = None  # what the jobs replica published
    reranker: Reranker = field(default_factory=Reranker.identity)  # orders suggestions (bot.jobs.retrain)
    reranker_meta: dict | None = None  # the serving model's metrics.json; None for the identity
    model_version: str | None = None  # the serving model's version (None: the identity)
    polling_request: PollingRequest | None = None  # watched by bot/__main__.py for a rejected token
    token_rejected: str | None = None  # why Telegram refused the token while serving
    listings: Listings = field(default_factory=Listings)  # what "Show them" buttons list
    # /forget asked and not yet answered: user id -> the token its two buttons carry. In memory:
    # after a restart an old button finds nothing and says so.
    forget_asked: dict[int, str] = field(default_factory=dict)
    heard: Heard = field(default_factory=Heard)  # group members noted lately (bot/handlers/watching.py)


Context = CallbackContext[ExtBot, dict, dict, BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)
