"""The Bot API client: what it retries, what it gives up on, and files on the wire.

A request is sent again only when it cannot have arrived (its connection never opened)
or the server said it failed (5xx); that rides out an outage of several seconds. A
request that left is never sent twice, and its answer is awaited past the read timeout."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest
from telegram import Bot
from telegram.error import NetworkError, TimedOut

from bot.health import PollingRequest
from bot.runtime.transport import RetryingRequest
from tests.support.outage_proxy import OutageProxy
from tests.support.telegram_server import FakeTelegram

TOKEN = "123456:TRANSPORT-token"


def run(coroutine):
    return asyncio.run(coroutine)


async def with_bot(base_url: str, action, **options):
    options.setdefault("backoff", 0.01)
    request = RetryingRequest(4, **options)
    async with Bot(TOKEN, base_url=base_url, request=request, get_updates_request=request) as bot:
        return await action(bot)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def test_an_unreachable_server_is_retried_then_reported():
    url = f"http://127.0.0.1:{closed_port()}/bot"
    started = time.monotonic()
    with pytest.raises(NetworkError, match="could not reach the Bot API for"):
        run(with_bot(url, lambda bot: bot.send_message(1, "hi"), patience=0.5))
    assert 0.2 < time.monotonic() - started < 3  # retried for a while, then given up


def test_a_send_rides_out_an_outage_and_arrives_once():
    with FakeTelegram() as tg, OutageProxy(tg.port) as proxy:
        url = f"http://127.0.0.1:{proxy.port}/bot"

        async def send_through_an_outage(bot):
            await bot.get_me()  # a pooled connection exists, and the outage closes it
            proxy.cut_for(1.0)  # the e2e outage test rides out a longer one through the whole bot
            await asyncio.sleep(0.1)  # the reply comes a moment into the outage
            return await bot.send_message(7, "still here")

        started = time.monotonic()
        message = run(with_bot(url, send_through_an_outage, patience=20, backoff=0.25))
        assert message.text == "still here" and time.monotonic() - started > 0.95
        assert len(tg.calls("sendMessage")) == 1


def test_a_server_error_to_a_read_is_retried_until_it_answers():
    with FakeTelegram() as tg:
        tg.fail_next("getMe", status=502, times=2)
        me = run(with_bot(tg.base_url, lambda bot: bot.get_me()))
        assert me.is_bot
        # initialize() asks getMe first and rides out the two 502s; then the call itself
        assert [c.faulted for c in tg.calls("getMe")] == [True, True, False, False]


def test_a_server_error_to_a_send_is_reported_not_sent_again():
    """A proxy's 502 may come after the message went out: sending again could send it twice."""
    with FakeTelegram() as tg:
        tg.fail_next("sendMessage", status=502, times=1)
        with pytest.raises(NetworkError):
            run(with_bot(tg.base_url, lambda bot: bot.send_message(7, "hello")))
        assert len(tg.calls("sendMessage")) == 1


def test_an_answer_slower_than_the_read_timeout_is_awaited():
    """A send answered after the read timeout went out: waiting for the answer beats
    reporting a failure (and apologising) for a message that arrived."""
    with FakeTelegram() as tg:
        tg.delay_next("sendMessage", 0.7)
        slow = {"read_timeout": 0.3, "write_timeout": 0.2, "answer_timeout": 5}
        message = run(with_bot(tg.base_url, lambda bot: bot.send_message(7, "late"), **slow))
        assert message.text == "late" and len(tg.calls("sendMessage")) == 1


def test_a_reply_that_takes_too_long_is_a_timeout_and_not_resent():
    with FakeTelegram() as tg:
        tg.delay_next("sendMessage", 1.0)
        short = {"read_timeout": 0.3, "write_timeout": 0.2, "answer_timeout": 0.5}
        with pytest.raises(TimedOut):
            run(with_bot(tg.base_url, lambda bot: bot.send_message(7, "x"), **short))
        tg.wait_for("sendMessage", timeout=5)  # recorded once the delayed answer is written
        assert len(tg.calls("sendMessage")) == 1  # it may have been delivered: never sent twice


def test_sends_wait_a_minute_for_their_answer_and_long_polls_their_own_timeout(tmp_path):
    # The bot's sends used to give up after 20 s (read 15 + write 5) and apologise for
    # messages Telegram then delivered.
    assert RetryingRequest(read_timeout=15).answer_timeout >= 60
    assert PollingRequest(tmp_path / "heartbeat").answer_timeout is None


def test_files_go_as_multipart():
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    with FakeTelegram() as tg:
        run(with_bot(tg.base_url, lambda bot: bot.send_photo(7, png, caption="<b>chart</b>")))
        call = tg.calls("sendPhoto")[0]
        assert call.params["caption"] == "<b>chart</b>" and call.params["photo"]["is_png"]
