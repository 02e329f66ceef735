"""End-to-end refresh: /reload and /status through the real bot over HTTP, admins told
about broken data, subscribers told about new titles once (even when the bot died before
telling them), subscriptions kept across a restart, and a URL source that breaks off or
drips. The catalogue is the small fixture source, so each rebuild takes a second."""

from __future__ import annotations

import contextlib
import shutil
import time

import pytest

from core.ingest.fetch import Limits
from core.snapshot.build import build_snapshot
from core.snapshot.files import current_dir
from core.snapshot.refresh import ANNOUNCED_FILE
from core.snapshot.store import Store
from tests.conftest import FIXTURE_SOURCE
from tests.support.running_bot import RunningBot
from tests.support.snapshot_helpers import served_snapshot
from tests.support.static_server import StaticServer
from tests.support.telegram_server import FakeTelegram
from tests.support.waiting import wait_until

ADMIN, USER = 42, 4242
GROUP = -1002000000002
NETFLIX = "titles/netflix_titles.csv"
NEW_ROW = 's99,Movie,The Refresh Test,Ann,Bo,Spain,"October 1, 2021",2021,PG,101 min,Dramas,A new film.\n'


@pytest.fixture
def setup(tmp_path):
    source, data = tmp_path / "source", tmp_path / "data"
    shutil.copytree(FIXTURE_SOURCE, source)
    return source, data


def start(tg, source, data):
    store = Store(served_snapshot(data, source))
    return RunningBot(tg, store.current, data_dir=data, data_source=str(source), admin_ids=frozenset({ADMIN}))


def say(tg, text, user_id, chat_type="private", timeout=20.0):
    mark = tg.mark()
    chat_id = GROUP if chat_type == "group" else user_id
    tg.send_text(text, user_id=user_id, chat_type=chat_type, chat_id=chat_id)
    return tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == chat_id, after=mark, timeout=timeout)


def reload(tg, *args):
    mark = tg.mark()
    say(tg, " ".join(["/reload", *args]), ADMIN)
    return tg.wait_for("editMessageText", lambda c: c.params["chat_id"] == ADMIN, after=mark, timeout=60)


def add_title(source):
    with open(source / NETFLIX, "a", encoding="utf-8") as handle:
        handle.write(NEW_ROW)


def announced(data):
    """What identifies the last write of the ANNOUNCED file (a new file each time), or None."""

    def identity():
        with contextlib.suppress(FileNotFoundError):
            written = (data / ANNOUNCED_FILE).stat()
            return written.st_ino, written.st_mtime_ns
        return None

    return identity


def messages_to(tg, chat_id, after=0):
    return [
        c.text for c in tg.calls()[after:] if c.method == "sendMessage" and c.params["chat_id"] == chat_id
    ]


def test_reload_swaps_in_new_titles_and_tells_subscribers_once(setup):
    source, data = setup
    with FakeTelegram() as tg, start(tg, source, data):
        assert "Subscribed" in say(tg, "/subscribe netflix", USER, chat_type="group").text
        assert "Netflix 89 " in say(tg, "/status", USER).text

        with open(source / NETFLIX, "a", encoding="utf-8") as handle:
            handle.write(NEW_ROW)
        mark = tg.mark()
        assert "Now serving catalogue" in reload(tg).text
        news = tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == GROUP, after=mark, timeout=10)
        assert "New titles" in news.text and "Netflix</b>: The Refresh Test (2021)" in news.text
        assert "The Refresh Test" in say(tg, "/where the refresh test", USER).text  # served at once

        mark = tg.mark()
        assert "Nothing new" in reload(tg).text  # nothing rebuilt, nobody told twice
        assert "unchanged" in say(tg, "/status", ADMIN).text
        assert messages_to(tg, GROUP, mark) == []


def test_status_shows_admins_the_details_and_reload_is_for_admins_only(setup):
    source, data = setup
    with FakeTelegram() as tg, start(tg, source, data):
        public = say(tg, "/status", USER).text
        assert "228 titles" in public and "Last refresh: none since start-up" in public
        assert "Source:" not in public
        assert f"Source: {source}" in say(tg, "/status", ADMIN).text
        assert "Only the bot's admins" in say(tg, "/reload", USER).text
        menus = {
            (c.params["scope"]["type"], c.params.get("language_code")): c.params
            for c in tg.calls("setMyCommands")
        }
        assert "reload" not in {c["command"] for c in menus["all_private_chats", None]["commands"]}
        assert "recargar" not in {c["command"] for c in menus["all_private_chats", "es"]["commands"]}
        assert menus["chat", None]["scope"]["chat_id"] == ADMIN == menus["chat", "es"]["scope"]["chat_id"]
        assert "reload" in {c["command"] for c in menus["chat", None]["commands"]}
        assert "recargar" in {c["command"] for c in menus["chat", "es"]["commands"]}  # its Spanish name


def test_admins_hear_once_about_a_broken_source_and_the_old_data_keeps_serving(setup):
    source, data = setup
    with FakeTelegram() as tg, start(tg, source, data):
        say(tg, "/start", ADMIN)  # an admin's private chat exists once they wrote to the bot
        (source / NETFLIX).unlink()
        mark = tg.mark()
        result = reload(tg)
        assert "failed" in result.text and "netflix_titles.csv: file not found" in result.text
        warnings = [t for t in messages_to(tg, ADMIN, mark) if t.startswith("⚠️")]
        assert len(warnings) == 1 and "Still serving catalogue" in warnings[0]
        assert "228 titles" in say(tg, "/status", USER).text

        mark = tg.mark()
        reload(tg)  # the same problem again: the admins already know
        assert [t for t in messages_to(tg, ADMIN, mark) if t.startswith("⚠️")] == []


def test_subscriptions_survive_a_restart(setup):
    source, data = setup
    with FakeTelegram() as tg:
        with start(tg, source, data):
            say(tg, "/subscribe hulu", USER)
        with start(tg, source, data):
            assert "This chat follows: Hulu." in say(tg, "/subscribe", USER).text
            assert "follows: nothing yet" in say(tg, "/unsubscribe all", USER).text


def test_news_published_while_the_bot_was_down_is_announced_after_a_restart(setup):
    """kill -9 during a refresh used to leave the build publishing, and after the restart
    subscribers never heard of the new titles."""
    source, data = setup
    with FakeTelegram() as tg:
        with start(tg, source, data):
            say(tg, "/subscribe netflix", USER, chat_type="group")
            wait_until(announced(data), timeout=10, what="the start-up check")  # nothing to tell yet
        add_title(source)
        build_snapshot(data, source)  # what the orphaned build did: published, nobody told
        mark, before = tg.mark(), announced(data)()
        with start(tg, source, data):
            news = tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == GROUP, after=mark, timeout=10)
            assert "New titles" in news.text and "The Refresh Test (2021)" in news.text
            wait_until(lambda: announced(data)() != before, timeout=10, what="the news to be marked told")
        assert (data / ANNOUNCED_FILE).read_text().strip() == current_dir(data).name[-12:]
        mark, before = tg.mark(), announced(data)()
        with start(tg, source, data):
            # The start-up check writes the file again once it has told whoever it was going to.
            wait_until(lambda: announced(data)() != before, timeout=10, what="the start-up check")
        assert messages_to(tg, GROUP, mark) == []  # told once


def test_reload_from_a_source_that_breaks_off_says_so_and_keeps_serving(setup):
    source, data = setup
    with FakeTelegram() as tg, StaticServer(source) as server, start(tg, server.url, data):
        say(tg, "/start", ADMIN)
        add_title(source)
        server.truncate_downloads(NETFLIX)  # Content-Length promised, half of it sent
        mark = tg.mark()
        result = reload(tg)
        assert "failed" in result.text and "netflix_titles.csv" in result.text and "broke off" in result.text
        warnings = [t for t in messages_to(tg, ADMIN, mark) if t.startswith("⚠️")]
        assert len(warnings) == 1 and "broke off" in warnings[0]
        status = say(tg, "/status", ADMIN).text
        assert "failed" in status and "broke off" in status and "228 titles" in status


def test_reload_while_a_refresh_hangs_answers_at_once_and_the_bot_keeps_serving(setup):
    source, data = setup
    with FakeTelegram() as tg, StaticServer(source) as server, start(tg, server.url, data) as bot:
        bot.application.bot_data.refresher.limits = Limits(timeout=2.0, deadline=3.0)
        say(tg, "/start", ADMIN)
        add_title(source)
        server.drip_downloads(NETFLIX, every=0.05)  # never silent long enough for a read timeout
        mark = tg.mark()
        assert "Checking the source" in say(tg, "/reload", ADMIN).text
        started = time.monotonic()
        for _ in range(3):  # each used to park a worker thread behind the hung refresh
            assert "Another refresh is already running" in reload(tg).text
        assert "Subscribed" in say(tg, "/subscribe netflix", USER).text
        assert time.monotonic() - started < 5
        first = tg.wait_for(
            "editMessageText",
            lambda c: c.params["chat_id"] == ADMIN and "did not finish within 3 s" in c.params["text"],
            after=mark,
            timeout=30,
        )
        assert "netflix_titles.csv" in first.text
        warnings = [t for t in messages_to(tg, ADMIN, mark) if t.startswith("⚠️")]
        assert len(warnings) == 1  # the busy answers alert nobody
