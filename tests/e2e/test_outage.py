"""An outage of the Bot API while replies are in flight: the real bot, over HTTP, through a
proxy that closes every connection and refuses new ones for several seconds. Each reply
is delivered once the API is back, exactly once, and nobody gets an apology."""

from __future__ import annotations

import time
from types import SimpleNamespace

from bot.handlers.errors import SORRY
from tests.conftest import FIXTURE_SOURCE
from tests.support.outage_proxy import OutageProxy
from tests.support.running_bot import RunningBot
from tests.support.snapshot_helpers import built_snapshot
from tests.support.telegram_server import FakeTelegram

OUTAGE_SECONDS = 4.0
USERS = range(501, 511)


def test_replies_in_flight_ride_out_an_outage_and_arrive_once(tmp_path):
    snapshot = built_snapshot(tmp_path / "data", FIXTURE_SOURCE)
    with FakeTelegram() as tg, OutageProxy(tg.port) as proxy:
        behind_proxy = SimpleNamespace(base_url=f"http://127.0.0.1:{proxy.port}/bot")
        with RunningBot(behind_proxy, snapshot, data_dir=tmp_path / "data") as bot:
            # The answer carrying the updates gets through; then the API is gone, so every
            # reply needs a connection that cannot open.
            proxy.cut_after(b'"update_id"', OUTAGE_SECONDS)
            with tg._cond:  # one getUpdates answer carries all ten (the fake's lock is re-entrant)
                updates = [tg.send_text("/count", user_id=user) for user in USERS]
            started = time.monotonic()
            for user in USERS:
                tg.wait_for("sendMessage", lambda c, user=user: c.params["chat_id"] == user, timeout=30)
            rode_out = time.monotonic() - started
            bot.wait_handled(*updates)  # retries and any apology are over: all it sent is logged
    replies = [c for c in tg.calls("sendMessage") if c.params["chat_id"] in USERS]
    assert sorted(c.params["chat_id"] for c in replies) == list(USERS)  # each exactly once
    assert all("<b>228</b> titles" in c.text and SORRY not in c.text for c in replies)
    assert proxy.outages == 1 and rode_out > OUTAGE_SECONDS - 0.5  # they waited the outage out
