"""``python -m bot`` with a token, as a deployment runs it: long polling or a webhook,
one structured log line per update, no token in the logs, and a health check that
follows the last contact with Telegram."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest

from bot.config import Settings
from bot.health import check
from tests.conftest import FIXTURE_SOURCE, REPO
from tests.support.snapshot_helpers import built_snapshot
from tests.support.telegram_server import FakeTelegram
from tests.support.waiting import wait_until

TOKEN = "123456:DEPLOY-secret-token-value"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def bot_process(tg: FakeTelegram, tmp_path, first_start: bool = False, **env):
    """``python -m bot`` with a token. Its snapshot is built beforehand, in this process,
    unless ``first_start``: the first start's build costs each test ~1.5 s of imports."""
    source = tmp_path / "source"
    shutil.copytree(FIXTURE_SOURCE, source, dirs_exist_ok=True)
    if not first_start:
        built_snapshot(tmp_path / "data", source)
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "STREAMBOT_"))}
    environ.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=tg.base_url,
        STREAMBOT_DATA_SOURCE=str(source),
        STREAMBOT_DATA_DIR=str(tmp_path / "data"),
        STREAMBOT_REFRESH_MINUTES="0",
        **env,
    )
    log = open(tmp_path / "bot.log", "w+")  # noqa: SIM115 - read back after the process ends
    process = subprocess.Popen([sys.executable, "-m", "bot"], cwd=REPO, env=environ, stderr=log, stdout=log)
    try:
        yield process, environ
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)
        log.close()


def ask(tg, text, user_id):
    mark = tg.mark()
    tg.send_text(text, user_id=user_id)
    return tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == user_id, after=mark, timeout=20)


def health(environ) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.health"],
        cwd=REPO,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )


def update_lines(tmp_path) -> list[str]:
    """The update log lines, by update_id: each is written when its update is done, and
    updates are handled concurrently, so a quick one can finish before a slower earlier one."""
    lines = [line for line in (tmp_path / "bot.log").read_text().splitlines() if "logger=bot.updates" in line]
    return sorted(lines, key=lambda line: int(line.split(" update_id=")[1].split()[0]))


def test_polling_logs_one_line_per_update_without_the_token(tmp_path):
    with FakeTelegram() as tg, bot_process(tg, tmp_path, first_start=True) as (_, environ):
        tg.wait_for("getUpdates", timeout=60)
        assert "<b>228</b> titles" in ask(tg, "/count", 11).text
        assert "Unknown platform" in ask(tg, "/count nowhere", 12).text
        tg.fail_next("sendMessage", status=400, description="Bad Request: can't parse entities")
        ask(tg, "/count netflix", 13)  # the failed reply, then the error handler's apology
        tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == 13 and not c.faulted, timeout=20)
        done = health(environ)
        assert done.returncode == 0 and done.stdout.startswith("healthy"), done.stdout
    lines = update_lines(tmp_path)
    assert len(lines) == 3, lines
    for line, outcome in zip(lines, ["ok", "bad_input", "error"], strict=True):
        assert " kind=command command=/count chat=private duration_ms=" in line
        assert line.endswith(f"outcome={outcome}")
    everything = (tmp_path / "bot.log").read_text()
    assert TOKEN not in everything and TOKEN.split(":")[1] not in everything
    assert "nowhere" not in "\n".join(lines)  # what people write stays out of the update log
    # the first start says what it is doing, step by step, in the log
    assert (
        f'msg="Building the catalogue from {tmp_path / "source"} (first start, a few seconds)"' in everything
    )
    assert 'msg="first start: read titles/netflix_titles.csv' in everything
    assert (
        'msg="first start: serving the catalogue; suggestions follow when the model is built"' in everything
    )


def test_json_logs_are_one_object_per_line(tmp_path):
    with (
        FakeTelegram() as tg,
        bot_process(tg, tmp_path, STREAMBOT_LOG_FORMAT="json", STREAMBOT_REPLICA_NAME="bot-2"),
    ):
        tg.wait_for("getUpdates", timeout=60)
        ask(tg, "/count hulu", 21)
    records = [json.loads(line) for line in (tmp_path / "bot.log").read_text().splitlines() if line.strip()]
    updates = [r for r in records if r["logger"] == "bot.updates"]
    assert len(updates) == 1 and updates[0]["command"] == "/count" and updates[0]["outcome"] == "ok"
    assert isinstance(updates[0]["duration_ms"], float)
    assert {r["replica"] for r in records} == {"bot-2"}  # every line says which replica wrote it


def test_webhook_mode_registers_and_serves_only_telegram(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    with (
        FakeTelegram() as tg,
        bot_process(
            tg,
            tmp_path,
            STREAMBOT_WEBHOOK_URL=url,
            STREAMBOT_WEBHOOK_LISTEN="127.0.0.1",
            STREAMBOT_WEBHOOK_PORT=str(port),
            STREAMBOT_REPLICA_NAME="bot-1",
        ) as (_, environ),
    ):
        registered = tg.wait_for("setWebhook", timeout=60)
        assert registered.params["url"] == url and len(registered.params["secret_token"]) >= 32
        assert "<b>228</b> titles" in ask(tg, "/count", 31).text  # delivered by POST to the webhook
        forged = {
            "update_id": 999999,
            "message": {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"}, "text": "/count"},
        }
        assert tg.post_webhook(forged, secret="wrong") == 403  # someone who is not Telegram
        tg.wait_for("getWebhookInfo", timeout=30)
        wait_until(lambda: health(environ).returncode == 0, timeout=10, what="a healthy check", every=0.5)
        # The replica's own heartbeat: another replica on the same data folder is not vouched for.
        other = health({**environ, "STREAMBOT_REPLICA_NAME": "bot-9"})
        assert (
            other.returncode == 1 and "no heartbeat at" in other.stdout and "heartbeat-bot-9" in other.stdout
        )
        assert health({**environ, "STREAMBOT_REPLICA_NAME": ""}).returncode == 1  # nor the unnamed one
    assert not [c for c in tg.calls("getUpdates")]  # no polling in webhook mode
    assert " replica=bot-1 msg=update " in (tmp_path / "bot.log").read_text()


def outcome(process, tmp_path, timeout: float = 60) -> tuple[int, list[str], str]:
    """Exit code, the lines starting with "error:", and everything it wrote."""
    process.wait(timeout)
    everything = (tmp_path / "bot.log").read_text()
    return (
        process.returncode,
        [line for line in everything.splitlines() if line.startswith("error:")],
        everything,
    )


@pytest.mark.parametrize(("status", "description"), [(401, "Unauthorized"), (404, "Not Found")])
def test_a_token_rejected_at_start_up_is_one_masked_line(tmp_path, status, description):
    with FakeTelegram() as tg:
        tg.fail_next("getMe", status=status, description=description)  # revoked, or the wrong server
        with bot_process(tg, tmp_path) as (process, _):
            code, errors, everything = outcome(process, tmp_path)
    assert code == 1 and errors == [
        f"error: Telegram rejected the bot token ({description} to getMe): check TELEGRAM_BOT_TOKEN "
        "(revoked?) and TELEGRAM_API_BASE_URL (wrong server?)"
    ]
    assert "Traceback" not in everything and TOKEN.split(":")[1] not in everything


def test_a_token_rejected_while_polling_stops_the_bot_with_one_line(tmp_path):
    """python-telegram-bot stops polling for good on a 401; alive and deaf, the process
    would never be restarted."""
    with FakeTelegram() as tg, bot_process(tg, tmp_path) as (process, _):
        tg.wait_for("getUpdates", timeout=60)
        tg.fail_next("getUpdates", status=401, description="Unauthorized")
        code, errors, everything = outcome(process, tmp_path, timeout=20)
    assert code == 1 and errors == [
        "error: Telegram rejected the bot token (HTTP 401 Unauthorized to getUpdates): check "
        "TELEGRAM_BOT_TOKEN (revoked?) and TELEGRAM_API_BASE_URL (wrong server?)"
    ]
    assert "Traceback" not in everything and TOKEN.split(":")[1] not in everything


def test_a_token_rejected_in_webhook_mode_stops_the_bot_with_one_line(tmp_path):
    port = free_port()
    webhook = {
        "STREAMBOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
        "STREAMBOT_WEBHOOK_LISTEN": "127.0.0.1",
        "STREAMBOT_WEBHOOK_PORT": str(port),
    }
    with FakeTelegram() as tg:
        tg.fail_next("getWebhookInfo", status=401, description="Unauthorized")  # its check, once a minute
        with bot_process(tg, tmp_path, **webhook) as (process, _):
            code, errors, everything = outcome(process, tmp_path, timeout=30)
    assert code == 1 and errors == [
        "error: Telegram rejected the bot token (Unauthorized to getWebhookInfo): check TELEGRAM_BOT_TOKEN "
        "(revoked?) and TELEGRAM_API_BASE_URL (wrong server?)"
    ]
    assert TOKEN.split(":")[1] not in everything


def test_health_follows_the_heartbeat(tmp_path):
    settings = Settings(data_dir=tmp_path, health_max_age=120)
    assert check(settings) == (False, f"unhealthy: no heartbeat at {tmp_path / 'heartbeat'} yet")
    settings.heartbeat_file.touch()
    assert check(settings)[0]
    healthy, message = check(settings, now=time.time() + 600)
    assert not healthy and "last contact with Telegram 600 s ago (limit 120 s)" in message


@pytest.mark.parametrize("bad", ["http://example.com/hook", "example.com"])
def test_a_webhook_url_telegram_cannot_call_is_refused(bad):
    from bot.config import ConfigError

    with pytest.raises(ConfigError, match="must be the public https://"):
        Settings.from_env({"STREAMBOT_WEBHOOK_URL": bad})
