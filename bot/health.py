"""Is the bot alive? ``python -m bot.health`` exits 0 if the bot heard from Telegram lately.

The bot touches ``STREAMBOT_DATA_DIR/heartbeat`` after every successful long poll, or,
in webhook mode, after every successful ``getWebhookInfo`` (once a minute). A process
that is running but cut off from Telegram, or whose event loop is stuck, stops
touching it; the Docker HEALTHCHECK runs this module.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

from telegram.ext import ContextTypes

from bot.config import ConfigError, Settings
from bot.transport import RetryingRequest

WEBHOOK_CHECK_SECONDS = 60
BEAT_EVERY_SECONDS = 5  # under load polls return many times a second; one touch in a while is enough


def beat(path: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only disk must not stop the bot; the check says so
        path.touch()


class PollingRequest(RetryingRequest):
    """The getUpdates connection: each answered long poll is a heartbeat."""

    def __init__(self, heartbeat: Path, **kwargs):
        super().__init__(**kwargs)
        self.heartbeat = heartbeat
        self._last_beat = -BEAT_EVERY_SECONDS

    async def do_request(self, url, method, request_data=None, *args, **kwargs):
        status, body = await super().do_request(url, method, request_data, *args, **kwargs)
        if status == 200 and time.monotonic() - self._last_beat >= BEAT_EVERY_SECONDS:
            self._last_beat = time.monotonic()
            beat(self.heartbeat)
        return status, body


async def webhook_heartbeat(context: ContextTypes.DEFAULT_TYPE) -> None:
    await context.bot.get_webhook_info()  # raises (no beat) when Telegram is out of reach
    beat(context.bot_data["settings"].heartbeat_file)


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
