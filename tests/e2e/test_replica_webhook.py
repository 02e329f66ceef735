"""Two ``python -m bot`` replicas in webhook mode on one PostgreSQL and one data folder: only the
one holding the jobs lease calls setWebhook; when it stops, the other takes the lease over and
sets the webhook itself. Each replica has a loopback Bot API of its own, so the calls each makes
can be told apart."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager

from bot.config import Settings
from core.userdata.leases import RENEW_SECONDS
from tests.conftest import FIXTURE_SOURCE, REPO
from tests.e2e.test_deployment import TOKEN, ask, free_port
from tests.support.snapshot_helpers import built_snapshot
from tests.support.telegram_server import FakeTelegram
from tests.support.waiting import wait_until

SECRET = Settings(token=TOKEN).secret_token
GATED = "setWebhook left to the replica running the jobs"  # bot/runtime/webhook_gate.py's log line


@contextmanager
def replica(tg: FakeTelegram, name: str, source, data, database_url: str, log_path):
    port = free_port()
    hook = f"http://127.0.0.1:{port}/telegram/hook"
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "STREAMBOT_"))}
    environ.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=tg.base_url,
        STREAMBOT_DATA_SOURCE=str(source),
        STREAMBOT_DATA_DIR=str(data),
        STREAMBOT_REFRESH_MINUTES="0",
        STREAMBOT_DATABASE_URL=database_url,
        STREAMBOT_REPLICA_NAME=name,
        STREAMBOT_WEBHOOK_URL=hook,
        STREAMBOT_WEBHOOK_LISTEN="127.0.0.1",
        STREAMBOT_WEBHOOK_PORT=str(port),
    )
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot"], cwd=REPO, env=environ, stderr=log, stdout=log
        )
        try:
            yield process, hook
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
                process.wait(30)


def test_only_the_jobs_replica_sets_the_webhook_and_the_other_takes_over(postgres_server, tmp_path):
    source, data = tmp_path / "source", tmp_path / "data"
    shutil.copytree(FIXTURE_SOURCE, source)
    built_snapshot(data, source)
    url = postgres_server.fresh_database()
    with (
        FakeTelegram() as tg1,
        FakeTelegram() as tg2,
        replica(tg1, "bot-1", source, data, url, tmp_path / "bot-1.log") as (first, hook1),
    ):
        assert tg1.wait_for("setWebhook", timeout=60).params["url"] == hook1
        with replica(tg2, "bot-2", source, data, url, tmp_path / "bot-2.log") as (_, hook2):
            # Started (its setWebhook answered unsent) before an update is sent: a slow start
            # would outlast the fake Telegram's retries of a webhook call.
            wait_until(lambda: GATED in (tmp_path / "bot-2.log").read_text(), timeout=60, what="bot-2")
            tg2.api.webhook = {"url": hook2, "secret_token": SECRET}  # the proxy's share of the calls
            assert "<b>228</b> titles" in ask(tg2, "/count", 31).text  # it serves…
            assert tg2.calls("setWebhook") == []  # …without setting the webhook

            first.send_signal(signal.SIGINT)  # a clean exit hands the lease on
            first.wait(30)
            taken = tg2.wait_for("setWebhook", timeout=RENEW_SECONDS + 20)
            assert taken.params["url"] == hook2 and taken.params["secret_token"] == SECRET
            assert "<b>228</b> titles" in ask(tg2, "/count", 32).text
    assert "replica bot-2 took over the jobs" in (tmp_path / "bot-2.log").read_text()
