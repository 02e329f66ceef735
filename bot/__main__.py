"""python -m bot: long polling with a token, a console chat in the terminal without one."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import sys
import urllib.parse

from telegram import Update

from bot import health, logs
from bot.app import build_application
from bot.config import ConfigError, Settings
from core.snapshot import SnapshotError
from core.source import SourceError
from core.store import Store, open_snapshot

log = logging.getLogger("bot")


def main() -> int:
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    console = settings.token is None
    logs.configure(
        settings.log_level or ("WARNING" if console else "INFO"), settings.log_format, settings.token
    )
    try:
        store = Store(open_snapshot(settings.data_dir, settings.data_source))
    except (SourceError, SnapshotError, ValueError, OSError) as exc:
        print(
            f"error: no catalogue to serve ({exc}); set STREAMBOT_DATA_SOURCE to a folder or URL "
            "with titles/ and ratings/, or STREAMBOT_DATA_DIR to a folder holding a snapshot (see README)",
            file=sys.stderr,
        )
        return 1
    if console:
        from bot.console import LOCAL_USER_ID, run_console

        settings = dataclasses.replace(settings, admin_ids=settings.admin_ids | {LOCAL_USER_ID})
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C ends the chat, not with a traceback
            asyncio.run(
                run_console(
                    lambda request: build_application(settings, store, request=request, rate_limiter=False),
                    sys.stdin,
                    sys.stdout,
                )
            )
        return 0
    application = build_application(settings, store, rate_limiter=settings.rate_limit)
    if settings.webhook_url:
        run_webhook(application, settings)
    else:
        log.info("starting long polling")
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


def run_webhook(application, settings: Settings) -> None:
    """Serve Telegram's calls on STREAMBOT_WEBHOOK_LISTEN:PORT, at the URL's path; TLS is
    the reverse proxy's job. Telegram proves each call with the secret token."""
    path = urllib.parse.urlsplit(settings.webhook_url).path.strip("/")
    application.job_queue.run_repeating(
        health.webhook_heartbeat, interval=health.WEBHOOK_CHECK_SECONDS, first=1
    )
    log.info("starting webhook on %s:%s/%s", settings.webhook_listen, settings.webhook_port, path)
    application.run_webhook(
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        url_path=path,
        webhook_url=settings.webhook_url,
        secret_token=settings.secret_token,
        allowed_updates=Update.ALL_TYPES,
    )


if __name__ == "__main__":
    sys.exit(main())
