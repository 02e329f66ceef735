"""The error handler: a failure is logged and the user told, except when telling would be
wrong (a request that timed out may have been delivered)."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace

from telegram import Update
from telegram.error import BadRequest, TimedOut

from bot.console import objects
from bot.handlers import errors


class RecordingBot:
    """Stands in for Telegram's side only: records what would be sent."""

    def __init__(self):
        self.sent = []

    async def send_message(self, chat_id, text, **kwargs):
        self.sent.append((chat_id, text))


def handle(error: Exception) -> list:
    sender = objects.user(42)
    update = Update.de_json(
        {"update_id": 1, "message": objects.text_message(1, objects.chat(42, "private"), sender, "/count")},
        None,
    )
    bot = RecordingBot()
    asyncio.run(errors.on_error(update, SimpleNamespace(error=error, bot=bot)))
    return bot.sent


def test_a_send_that_timed_out_gets_no_apology(caplog):
    with caplog.at_level(logging.WARNING, logger="bot.errors"):
        assert handle(TimedOut()) == []
    assert "timed out" in caplog.text


def test_any_other_failure_is_apologised_for():
    assert handle(BadRequest("Can't parse entities")) == [(42, errors.SORRY)]
