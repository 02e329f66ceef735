"""``python -m bot`` in webhook mode answers Telegram's POST only once the update is handled, so
an update whose replica dies before finishing it is sent again rather than lost."""

from __future__ import annotations

import json
import signal
import threading
import time

import pytest

from tests.e2e.test_deployment import bot_process, free_port
from tests.support.telegram_server import FakeTelegram


def webhook_env(port: int) -> dict:
    return {
        "STREAMBOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram/hook",
        "STREAMBOT_WEBHOOK_LISTEN": "127.0.0.1",
        "STREAMBOT_WEBHOOK_PORT": str(port),
    }


@pytest.fixture(scope="module")
def hooked(tmp_path_factory):
    """One bot process on a webhook for the module: (FakeTelegram, its folder)."""
    folder = tmp_path_factory.mktemp("webhook")
    with FakeTelegram() as tg, bot_process(tg, folder, **webhook_env(free_port())) as (process, _):
        tg.wait_for("setWebhook", timeout=60)
        yield tg, folder, process


def replies_to(tg: FakeTelegram, chat_id: int) -> list:
    return [c for c in tg.calls("sendMessage") if c.params["chat_id"] == chat_id]


def test_telegram_gets_its_answer_only_after_the_reply_was_sent(hooked):
    tg, _, _ = hooked
    tg.delay_next("sendMessage", 1.0)  # a slow Bot API: the reply takes a second
    started = time.monotonic()
    status = tg.post_webhook(tg.text_update("/count", user_id=41))
    answered_after = time.monotonic() - started
    assert status == 200
    replies = replies_to(tg, 41)  # recorded before the 200 came back
    assert len(replies) == 1 and "<b>228</b> titles" in replies[0].text
    assert answered_after >= 1.0


def test_calls_that_are_not_updates_are_refused_and_the_bot_goes_on(hooked):
    tg, folder, process = hooked
    assert tg.post_raw(b"{not json") == 400
    assert tg.post_raw(json.dumps({"message": "no update_id"}).encode()) == 400
    assert tg.post_raw(json.dumps([1, 2]).encode()) == 400
    assert tg.post_webhook(tg.text_update("/count", user_id=42), secret="wrong") == 403  # not Telegram
    assert not replies_to(tg, 42)
    assert tg.post_webhook(tg.text_update("/count", user_id=42)) == 200
    assert len(replies_to(tg, 42)) == 1 and process.poll() is None
    assert "Traceback" not in (folder / "bot.log").read_text()


def test_sigterm_lets_the_update_in_flight_finish_and_be_answered(hooked):
    """Last in the module: it stops the module's bot (one start less to wait for)."""
    tg, folder, process = hooked
    update = tg.text_update("/count", user_id=43)
    tg.delay_next("sendMessage", 1.5)
    statuses = []
    posting = threading.Thread(target=lambda: statuses.append(tg.post_webhook(update)))
    posting.start()
    time.sleep(0.5)  # the update is being handled: its reply is on its way
    process.send_signal(signal.SIGTERM)
    posting.join(20)
    assert statuses == [200] and len(replies_to(tg, 43)) == 1
    assert process.wait(20) == 0
    log = (folder / "bot.log").read_text()
    assert "webhook stopping: 1 updates in flight" in log and "Traceback" not in log
