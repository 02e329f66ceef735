"""Several replicas serve one bot, which Telegram limits as one: each replica keeps to its share
(``STREAMBOT_REPLICAS``) of the overall and per-group rates."""

from __future__ import annotations

import asyncio
import io
import time

import pytest

from bot.app import build_application
from bot.config import ConfigError, Settings
from bot.console.chat import Console
from bot.runtime.limits import rate_limiter
from core.snapshot.store import Store


def limits(limiter) -> tuple[float, float]:
    """Messages a second overall, and a minute per group."""
    return limiter._base_limiter.max_rate, limiter._group_max_rate  # PTB keeps them there


def test_the_setting_reaches_the_applications_rate_limiter(tmp_path, fixture_snapshot):
    settings = Settings.from_env({"STREAMBOT_DATA_DIR": str(tmp_path), "STREAMBOT_REPLICAS": "2"})
    assert settings.replicas == 2 and Settings.from_env({}).replicas == 1
    application = build_application(
        settings, Store(fixture_snapshot), request=Console(io.StringIO()).request()
    )
    try:
        assert limits(application.bot.rate_limiter) == (15, 10)
    finally:
        for store in ("subscriptions", "feedback", "together", "dialogue"):
            getattr(application.bot_data, store).close()


def test_one_replica_keeps_telegrams_whole_limits():
    assert limits(rate_limiter()) == (30, 20)


def sending_time(limiter, messages: int) -> float:
    async def sent():
        return True

    async def send_all():
        started = time.perf_counter()
        for chat in range(1, messages + 1):
            await limiter.process_request(sent, (), {}, "sendMessage", {"chat_id": chat}, None)
        return time.perf_counter() - started

    return asyncio.run(send_all())


def test_a_replica_of_two_sends_no_more_than_half_the_overall_rate():
    assert sending_time(rate_limiter(1), 20) < 0.2  # within Telegram's 30 at once
    assert sending_time(rate_limiter(2), 20) > 0.25  # 15 at once, then one each 1/15 s


@pytest.mark.parametrize("bad", ["0", "two", "21"])
def test_a_number_of_replicas_out_of_range_is_refused(bad):
    with pytest.raises(ConfigError, match="STREAMBOT_REPLICAS: .* is not a number of replicas"):
        Settings.from_env({"STREAMBOT_REPLICAS": bad})
