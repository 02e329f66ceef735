"""Is the bot alive? ``python -m bot.health`` exits 0 if the bot heard from Telegram lately.

The bot touches ``STREAMBOT_DATA_DIR/heartbeat`` after every successful long poll, or,
in webhook mode, after every successful ``getWebhookInfo`` (once a minute). A process
that is running but cut off from Telegram, or whose event loop is stuck, stops
touching it; the Docker HEALTHCHECK runs this module.

Replicas share the data folder, and one file touched by any of them would hide a dead one:
a replica named by ``STREAMBOT_REPLICA_NAME`` touches ``heartbeat-NAME`` instead, and the
check, run with the same name (in the replica's container), reads that one
(``Settings.heartbeat_file``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from telegram.error import InvalidToken

from bot.config import ConfigError, Settings
from bot.runtime.transport import RetryingRequest
from bot.state import Context

log = logging.getLogger(__name__)
WEBHOOK_CHECK_SECONDS = 60
BEAT_EVERY_SECONDS = 5  # under load polls return many times a second; one touch in a while is enough


def beat(path: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only disk must not stop the bot; the check says so
        path.touch()


class PollingRequest(RetryingRequest):
    """The getUpdates connection: each answered long poll is a heartbeat.

    A 401 or 404 means Telegram no longer knows the token (revoked, or the wrong
    TELEGRAM_API_BASE_URL). python-telegram-bot would stop polling for good and leave the
    process running, deaf. Instead the rejected poll is held here, ``on_rejected`` (set by
    ``python -m bot``) stops the bot, and ``rejected`` says why."""

    def __init__(self, heartbeat: Path, **kwargs):
        kwargs.setdefault("answer_timeout", None)  # a long poll has its own timeout
        super().__init__(**kwargs)
        self.heartbeat = heartbeat
        self._last_beat = -BEAT_EVERY_SECONDS
        self.rejected: str | None = None
        self.on_rejected: Callable[[str], Awaitable[None]] | None = None

    async def do_request(self, url, method, request_data=None, *args, **kwargs):
        if self.rejected:
            # Only the final poll at shutdown, which confirms updates: nothing to confirm.
            return 200, NO_UPDATES
        status, body = await super().do_request(url, method, request_data, *args, **kwargs)
        if status in REJECTED:
            return await self._reject(status, body)
        if status == 200 and time.monotonic() - self._last_beat >= BEAT_EVERY_SECONDS:
            self._last_beat = time.monotonic()
            beat(self.heartbeat)
        return status, body

    async def _reject(self, status: int, body: bytes):
        self.rejected = rejection_message("getUpdates", f"HTTP {status} {_description(body)}".strip())
        log.error(self.rejected)
        if self.on_rejected is not None:
            await self.on_rejected(self.rejected)
        await asyncio.Event().wait()  # until polling is cancelled at shutdown


REJECTED = (401, 404)  # python-telegram-bot's InvalidToken
NO_UPDATES = b'{"ok": true, "result": []}'


def rejection_message(method: str, answer: str) -> str:
    return (
        f"Telegram rejected the bot token ({answer} to {method}): "
        "check TELEGRAM_BOT_TOKEN (revoked?) and TELEGRAM_API_BASE_URL (wrong server?)"
    )


def _description(body: bytes) -> str:
    try:
        return str(json.loads(body).get("description") or "")
    except (ValueError, AttributeError):
        return ""


async def webhook_heartbeat(context: Context) -> None:
    try:
        await context.bot.get_webhook_info()  # raises (no beat) when Telegram is out of reach
    except InvalidToken as exc:
        # Telegram calls no webhook for a token it rejects: stop rather than wait, deaf.
        reason = rejection_message("getWebhookInfo", str(exc))
        log.error(reason)
        context.bot_data.token_rejected = reason
        context.application.stop_running()
        return
    beat(context.bot_data.settings.heartbeat_file)


def check(settings: Settings, now: float | None = None) -> tuple[bool, str]:
    path = settings.heartbeat_file
    try:
        age = (time.time() if now is None else now) - path.stat().st_mtime
    except FileNotFoundError:
        return False, f"unhealthy: no heartbeat at {path} yet"
    if age > settings.health_max_age:
        return (
            False,
            f"unhealthy: last contact with Telegram {age:.0f} s ago (limit {settings.health_max_age:.0f} s)",
        )
    return True, f"healthy: last contact with Telegram {age:.0f} s ago"


def main() -> int:
    try:
        healthy, message = check(Settings.from_env())
    except ConfigError as exc:
        healthy, message = False, f"unhealthy: {exc}"
    print(message)
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
