"""The Bot API client: what it retries, what it gives up on, and files on the wire."""

from __future__ import annotations

import asyncio
import socket

import pytest
from telegram import Bot
from telegram.error import NetworkError, TimedOut

from bot.transport import RetryingRequest
from tests.telegram_server import FakeTelegram

TOKEN = "123456:TRANSPORT-token"


def run(coroutine):
    return asyncio.run(coroutine)


async def with_bot(base_url: str, action, **options):
    request = RetryingRequest(4, backoff=0.01, **options)
    async with Bot(TOKEN, base_url=base_url, request=request, get_updates_request=request) as bot:
        return await action(bot)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def test_an_unreachable_server_is_retried_then_reported():
    url = f"http://127.0.0.1:{closed_port()}/bot"
    with pytest.raises(NetworkError, match="could not reach the Bot API"):
        run(with_bot(url, lambda bot: bot.send_message(1, "hi")))


def test_a_server_error_is_retried_until_it_answers():
    with FakeTelegram() as tg:
        tg.fail_next("sendMessage", status=502, times=2)
        message = run(with_bot(tg.base_url, lambda bot: bot.send_message(7, "hello")))
        assert message.text == "hello"
        assert [c.faulted for c in tg.calls("sendMessage")] == [True, True, False]


def test_a_reply_that_takes_too_long_is_a_timeout_and_not_resent():
    with FakeTelegram() as tg:
        tg.delay_next("sendMessage", 1.5)
        with pytest.raises(TimedOut):
            run(
                with_bot(
                    tg.base_url, lambda bot: bot.send_message(7, "x"), read_timeout=0.3, write_timeout=0.2
                )
            )
        tg.wait_for("sendMessage", timeout=5)  # recorded once the delayed answer is written
        assert len(tg.calls("sendMessage")) == 1  # it may have been delivered: never sent twice


def test_files_go_as_multipart():
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    with FakeTelegram() as tg:
        run(with_bot(tg.base_url, lambda bot: bot.send_photo(7, png, caption="<b>chart</b>")))
        call = tg.calls("sendPhoto")[0]
        assert call.params["caption"] == "<b>chart</b>" and call.params["photo"]["is_png"]
