"""Telegram's flood limits, shared among the replicas serving one bot.

Telegram limits a bot, not a process: about 30 messages a second overall and 20 a minute per
group. Each replica has its own python-telegram-bot ``AIORateLimiter`` and knows nothing of
the others' sends, so with ``STREAMBOT_REPLICAS=N`` each keeps to 1/N of both. The reverse
proxy spreads updates evenly, so a busy group's updates reach every replica about equally
and together they still give it its whole rate; should a replica's share trip Telegram's
limit anyway, the 429 is waited out and sent again (``RETRIES``), pausing only that replica.
PTB keeps no limit per private chat (a private chat gets about one reply per message its
person sends), so there is none to share: at worst two replicas answer one chat's messages
in the same second, and a 429 for that is waited out the same way.
"""

from __future__ import annotations

from telegram.constants import FloodLimit
from telegram.ext import AIORateLimiter

# A 429 (RetryAfter) is waited out and sent again this many times (PTB's default is none).
RETRIES = 3


def rate_limiter(replicas: int = 1) -> AIORateLimiter:
    """This replica's share (one of ``replicas``) of the bot's overall and per-group rates."""
    return AIORateLimiter(
        overall_max_rate=FloodLimit.MESSAGES_PER_SECOND / replicas,
        group_max_rate=FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP / replicas,
        max_retries=RETRIES,
    )
