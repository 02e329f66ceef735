"""Two real bots on one PostgreSQL and one data folder (each answering its own loopback Bot API,
as two replicas behind one webhook URL would): only the first, which holds the jobs lease,
refreshes; the second says which replica does; after the first's /reload the second serves the
new catalogue within seconds, without building it, and each subscribed chat hears the news once.
A /reload sent to the second is run by the first, which tells the admin how it went."""

from __future__ import annotations

import asyncio
import shutil

import pytest

from bot.app import close_stores
from core.snapshot.files import SNAPSHOT_PREFIX
from core.snapshot.store import Store
from tests.conftest import FIXTURE_SOURCE
from tests.e2e.test_refresh import ADMIN, GROUP, USER, add_title, messages_to, say
from tests.support.running_bot import RunningBot
from tests.support.snapshot_helpers import served_snapshot
from tests.support.telegram_server import FakeTelegram
from tests.support.waiting import wait_until


@pytest.fixture
def shared(postgres_server, tmp_path):
    source, data = tmp_path / "source", tmp_path / "data"
    shutil.copytree(FIXTURE_SOURCE, source)
    served_snapshot(data, source)
    return source, data, postgres_server.fresh_database()


def replica(tg, name, source, data, url):
    store = Store(served_snapshot(data, source))
    return RunningBot(
        tg, store.current, data_dir=data, data_source=str(source), admin_ids=frozenset({ADMIN}),
        database_url=url, replica_name=name,
    )  # fmt: skip


def test_the_jobs_replica_refreshes_and_the_other_swaps_the_new_catalogue_in(shared):
    source, data, url = shared
    with FakeTelegram() as tg1, FakeTelegram() as tg2:
        first = replica(tg1, "bot-1", source, data, url)
        second = replica(tg2, "bot-2", source, data, url)
        try:
            with first, second:
                assert first.application.bot_data.holds_jobs and not second.application.bot_data.holds_jobs
                assert "Subscribed" in say(tg2, "/subscribe netflix", USER, chat_type="group").text
                status = say(tg2, "/status", ADMIN).text
                assert "Replica: bot-2; the jobs run on bot-1" in status
                assert "Next refresh: on the replica that runs the jobs" in status

                after_subscribing, before_reload = tg2.mark(), tg1.mark()
                add_title(source)
                # /reload reaches the second: it asks the first, which refreshes and tells the admin.
                assert "Asked replica <code>bot-1</code>" in say(tg2, "/reload", ADMIN).text
                result = tg1.wait_for(
                    "sendMessage", lambda c: c.params["chat_id"] == ADMIN, after=before_reload, timeout=60
                )
                assert "Now serving catalogue" in result.text
                version = first.store.current.version
                wait_until(lambda: second.store.current.version == version, timeout=15, what="the swap")
                assert "The Refresh Test" in say(tg2, "/where the refresh test", USER).text
                assert len(list(data.glob(f"{SNAPSHOT_PREFIX}*"))) == 2  # one build, the first's

                wait_until(lambda: messages_to(tg1, GROUP), timeout=10, what="the news")
                assert len(messages_to(tg1, GROUP)) == 1 and messages_to(tg2, GROUP, after_subscribing) == []
        finally:
            for bot in (second, first):
                asyncio.run(close_stores(bot.application))
