"""``python -m bot`` in webhook mode answers Telegram's POST only once the update is handled, so
an update whose replica dies before finishing it is sent again rather than lost."""

from __future__ import annotations

import json
import signal
import socket
import threading
import time

import psycopg
import pytest

from bot.runtime.webhook import SECRET_HEADER
from tests.e2e.test_deployment import bot_process, free_port
from tests.support.telegram_http import post_bytes
from tests.support.telegram_server import FakeTelegram
from tests.support.waiting import wait_until


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


def test_an_update_delivered_twice_is_answered_twice_and_handled_once(hooked):
    tg, _, _ = hooked
    update = tg.text_update("/count", user_id=45)
    assert tg.post_webhook(update) == 200
    assert tg.post_webhook(update) == 200  # a proxy's retry: Telegram must stop resending it
    assert len(replies_to(tg, 45)) == 1  # a second handling's reply would be in before its 200


def test_a_redelivery_while_the_update_is_being_handled_is_asked_again_later(hooked):
    tg, _, _ = hooked
    update = tg.text_update("/count", user_id=46)
    first, statuses = _posted_while_replying(tg, update, 1.0)
    assert tg.post_webhook(update) == 409  # not acknowledged: its holder may still die
    first.join(10)
    assert statuses == [200]
    assert tg.post_webhook(update) == 200  # asked again once done: answered, not handled again
    assert len(replies_to(tg, 46)) == 1


def test_a_webhook_port_already_taken_is_one_line_and_exit_1(tmp_path):
    with socket.socket() as taken, FakeTelegram() as tg:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with bot_process(tg, tmp_path, **webhook_env(port)) as (process, _):
            assert process.wait(60) == 1
    everything = (tmp_path / "bot.log").read_text()
    assert f"error: cannot listen on 127.0.0.1:{port} (Address already in use)" in everything
    assert "Traceback" not in everything and not tg.calls("setWebhook")


def test_sigterm_lets_the_update_in_flight_finish_and_be_answered(hooked):
    """Last in the module: it stops the module's bot (one start less to wait for)."""
    tg, folder, process = hooked
    update = tg.text_update("/count", user_id=43)
    posting, statuses = _posted_while_replying(tg, update, 1.5)
    process.send_signal(signal.SIGTERM)
    wait_until(lambda: "webhook stopping" in (folder / "bot.log").read_text(), timeout=10, what="the stop")
    with pytest.raises(OSError):  # no new calls while stopping: Telegram sends them to another replica
        tg.post_webhook(tg.text_update("/count", user_id=44))
    posting.join(20)
    assert statuses == [200] and len(replies_to(tg, 43)) == 1
    assert process.wait(20) == 0 and not replies_to(tg, 44)
    log = (folder / "bot.log").read_text()
    assert "webhook stopping: 1 updates in flight" in log and "Traceback" not in log


def test_two_replicas_on_postgresql_handle_a_redelivered_update_once(tmp_path, postgres_server):
    """A proxy's retry reaches the other replica: it finds the update done in the shared record,
    or still claimed while the first replica is on it, and takes it over once that one is killed."""
    shared = {"STREAMBOT_DATABASE_URL": postgres_server.fresh_database()}
    ports = [free_port(), free_port()]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with (
        FakeTelegram() as tg,
        bot_process(tg, tmp_path / "a", **webhook_env(ports[0]), **shared) as (first, _),
        bot_process(tg, tmp_path / "b", **webhook_env(ports[1]), **shared) as (second, _),
    ):
        # Only the replica holding the jobs lease calls setWebhook: wait for both to listen instead.
        wait_until(
            lambda: all(_listening(port) for port in ports), timeout=60, what="both replicas' webhooks"
        )
        secret = tg.webhook["secret_token"]

        def deliver(replica: int, update: dict) -> int:
            url = webhook_env(ports[replica])["STREAMBOT_WEBHOOK_URL"]
            return post_bytes(url, json.dumps(update).encode(), {SECRET_HEADER: secret})

        done = tg.text_update("/count", user_id=47)
        assert deliver(0, done) == 200 and deliver(1, done) == 200
        assert len(replies_to(tg, 47)) == 1  # a second handling's reply would be in before its 200

        dying = tg.text_update("/count", user_id=48)
        tg.delay_next("sendMessage", 3.0)
        statuses = []
        threading.Thread(target=lambda: statuses.append(_status(deliver, 0, dying)), daemon=True).start()
        wait_until(lambda: _claimed(shared, dying), timeout=10, what="the first replica's claim")
        assert deliver(1, dying) == 409  # its holder is alive and on it: not acknowledged twice
        first.kill()  # kill -9 mid-update: its call gets no answer, so Telegram sends it again
        first.wait(10)
        assert deliver(1, dying) == 200  # its holder's lock died with it: taken over at once
        assert statuses in ([], ["no answer"]) and replies_to(tg, 48)

        # The record out of reach (the database failing): the update is left for Telegram to
        # resend, not handled unrecorded; once it is back, the resent update is handled.
        later = tg.text_update("/count", user_id=49)
        _execute(shared, "ALTER TABLE handled_updates RENAME TO handled_updates_away")
        assert deliver(1, later) == 503 and not replies_to(tg, 49)
        _execute(shared, "ALTER TABLE handled_updates_away RENAME TO handled_updates")
        assert deliver(1, later) == 200 and len(replies_to(tg, 49)) == 1
    assert second.returncode == 0
    assert "Traceback" not in (tmp_path / "b" / "bot.log").read_text()


def _status(deliver, replica: int, update: dict) -> int | str:
    try:
        return deliver(replica, update)
    except OSError:
        return "no answer"


def _claimed(shared: dict, update: dict) -> bool:
    with psycopg.connect(shared["STREAMBOT_DATABASE_URL"]) as connection:
        return bool(
            connection.execute(
                "SELECT 1 FROM handled_updates WHERE update_id = %s", (update["update_id"],)
            ).fetchall()
        )


def _execute(shared: dict, sql: str) -> None:
    with psycopg.connect(shared["STREAMBOT_DATABASE_URL"], autocommit=True) as connection:
        connection.execute(sql)


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _posted_while_replying(tg, update, delay: float) -> tuple[threading.Thread, list]:
    """``update`` posted from a thread, its reply held ``delay`` seconds: returned once the
    reply is on its way, with the thread and the list its HTTP status is appended to."""
    tg.delay_next("sendMessage", delay)
    statuses: list = []
    posting = threading.Thread(target=lambda: statuses.append(tg.post_webhook(update)))
    posting.start()
    wait_until(lambda: not tg.delays_left("sendMessage"), timeout=10, what="the update's reply on its way")
    return posting, statuses
