"""What the handlers share: ``context.bot_data``, typed (python-telegram-bot's ContextTypes).

``bot.app.build_application`` fills it in once; handlers read ``context.bot_data.store``
and the rest by attribute, so a misspelt name fails at once instead of as a missing key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from core.personal.reranker import Reranker

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.health import PollingRequest
    from core.snapshot.refresh import Refresher
    from core.snapshot.store import Store
    from core.userdata.feedback import Feedback
    from core.userdata.subscriptions import Subscriptions


@dataclass
class BotData:
    settings: Settings | None = None
    store: Store | None = None  # the snapshot being served: ``store.current``
    refresher: Refresher | None = None
    subscriptions: Subscriptions | None = None
    feedback: Feedback | None = None
    reranker: Reranker = field(default_factory=Reranker.identity)  # orders suggestions (bot.jobs.retrain)
    reranker_meta: dict | None = None  # the serving model's metrics.json; None for the identity
    polling_request: PollingRequest | None = None  # watched by bot/__main__.py for a rejected token
    token_rejected: str | None = None  # why Telegram refused the token while serving


Context = CallbackContext[ExtBot, dict, dict, BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)
