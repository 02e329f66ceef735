"""python -m bot: long polling with a token, a console chat in the terminal without one.

On an empty data folder the first build's child starts before everything else is imported
(python-telegram-bot, the handlers, pandas, the snapshot's code), so the two overlap and the
first answer comes seconds sooner."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import importlib
import logging
import sys
import threading
import urllib.parse

from bot.config import ConfigError, Settings
from core.ingest.source import SourceError
from core.snapshot.first_start import Opening
from core.userdata.database import UserDataError, check_reachable

log = logging.getLogger("bot")


def main() -> int:
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    console = settings.token is None
    try:
        check_reachable(settings.database_url)
    except UserDataError as exc:
        print(f"error: user data: {exc} (STREAMBOT_DATABASE_URL, see README)", file=sys.stderr)
        return 1
    say = Progress(console)
    try:
        opening = Opening(
            settings.data_dir, settings.data_source, limits=settings.download_limits, on_progress=say
        )
    except (SourceError, OSError) as exc:
        return no_catalogue(exc)
    from bot.runtime import logs  # python-telegram-bot: after the first build's child started

    logs.configure(
        settings.log_level or ("WARNING" if console else "INFO"),
        settings.log_format,
        settings.token,
        settings.replica_name,
    )
    say.to_log()
    try:
        store = serving_store(opening)
    except (SourceError, OSError) as exc:
        return no_catalogue(exc)
    log.info("serving catalogue %s (%s titles)", store.current.version, f"{len(store.current.catalogue):,}")
    try:
        if console:
            return run_console_chat(settings, store)
        from bot.app import build_application

        application = build_application(settings, store, rate_limiter=settings.rate_limit)
    except UserDataError as exc:  # PostgreSQL unreachable, or a schema migration failed
        print(f"error: user data: {exc} (STREAMBOT_DATABASE_URL, see README)", file=sys.stderr)
        return 1
    return serve(application, settings)


def no_catalogue(exc: Exception) -> int:
    print(
        f"error: no catalogue to serve ({exc}); set STREAMBOT_DATA_SOURCE to a folder or URL "
        "with titles/ and ratings/, or STREAMBOT_DATA_DIR to a folder holding a snapshot (see README)",
        file=sys.stderr,
    )
    return 1


def serving_store(opening: Opening):
    """The Store to serve (``core.snapshot.first_start``); SourceError when there is none. A first
    build's child works meanwhile: this process imports what serving needs first."""
    from core.snapshot import memory  # pyarrow: its allocator is chosen before anything loads

    memory.use_system_allocator()
    importlib.import_module("bot.app")  # the handlers, pandas, the snapshot's code: the heavy imports
    from core.snapshot.files import SnapshotError

    try:
        return opening.store()
    except SnapshotError as exc:
        raise SourceError(str(exc)) from exc


class Progress:
    """Where a first build reports its steps: the terminal for the console chat (whose log shows
    only warnings), the log otherwise; lines said before the log is set up wait for it."""

    def __init__(self, console: bool):
        self.console = console
        self._waiting: list[str] | None = []
        self._lock = threading.Lock()

    def __call__(self, text: str) -> None:
        if self.console:
            print(text, file=sys.stderr, flush=True)
            return
        with self._lock:
            if self._waiting is not None:
                self._waiting.append(text)
                return
        log.info("%s", text)

    def to_log(self) -> None:
        with self._lock:
            waiting, self._waiting = self._waiting or [], None
        for text in waiting:
            log.info("%s", text)


def run_console_chat(settings: Settings, store) -> int:
    from bot.console import LOCAL_USER_ID, run_console

    settings = dataclasses.replace(settings, admin_ids=settings.admin_ids | {LOCAL_USER_ID})

    from bot.app import build_application

    def application_for(request):
        return build_application(settings, store, request=request, rate_limiter=False)

    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C ends the chat, not with a traceback
        asyncio.run(run_console(application_for, sys.stdin, sys.stdout))
    return 0


def serve(application, settings: Settings) -> int:
    """Poll or serve the webhook until stopped; 1 with one line (token masked) when Telegram
    rejects the token or cannot be reached at start-up, or rejects the token later."""
    from telegram.error import TelegramError

    logging.getLogger().handlers[0].addFilter(_ReportedByMain())
    try:
        if settings.webhook_url:
            run_webhook(application, settings)
        else:
            run_polling(application)
    except TelegramError as exc:
        print(f"error: {_masked(start_up_failure(exc), settings.token)}", file=sys.stderr)
        return 1
    except ConfigError as exc:  # the webhook's port cannot be opened
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except UserDataError as exc:  # the webhook's record of handled updates could not be opened
        print(f"error: user data: {exc} (STREAMBOT_DATABASE_URL, see README)", file=sys.stderr)
        return 1
    rejected = application.bot_data.token_rejected
    if rejected:
        print(f"error: {_masked(rejected, settings.token)}", file=sys.stderr)
        return 1
    return 0


def run_polling(application) -> None:
    polling = application.bot_data.polling_request

    async def stop(reason: str) -> None:
        application.bot_data.token_rejected = reason
        while not application.running:  # rejected while still starting: stop once started
            await asyncio.sleep(0.05)
        application.stop_running()

    if polling is not None:
        polling.on_rejected = stop
    log.info("starting long polling")
    from telegram import Update

    application.run_polling(allowed_updates=Update.ALL_TYPES)


def start_up_failure(exc) -> str:
    """The one line for a ``telegram.error.TelegramError`` at start-up."""
    from telegram.error import InvalidToken

    from bot import health

    if isinstance(exc, InvalidToken):  # its own message quotes the token
        return health.rejection_message("getMe", str(exc.__cause__ or exc))
    return f"could not start: {exc}"


def _masked(text: str, token: str | None) -> str:
    return text.replace(token, "<token>") if token else text


class _ReportedByMain(logging.Filter):
    """python-telegram-bot logs a failed start-up with a traceback before raising it;
    serve() reports it as one line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == "telegram.ext" and "Bootstrap Initialize" in record.getMessage())


def run_webhook(application, settings: Settings) -> None:
    """Serve Telegram's calls on STREAMBOT_WEBHOOK_LISTEN:PORT, at the URL's path; TLS is
    the reverse proxy's job. Telegram proves each call with the secret token, and gets its
    answer once the update is handled (bot/runtime/webhook.py)."""
    from bot import health

    path = urllib.parse.urlsplit(settings.webhook_url).path.strip("/")
    application.job_queue.run_repeating(
        health.webhook_heartbeat, interval=health.WEBHOOK_CHECK_SECONDS, first=1
    )
    log.info("starting webhook on %s:%s/%s", settings.webhook_listen, settings.webhook_port, path)
    from bot.runtime import webhook  # tornado: only webhook mode needs it
    from core.userdata.updates import open_handled_updates

    try:
        webhook.serve(
            application,
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            path=path,
            url=settings.webhook_url,
            secret=settings.secret_token,
            # Which updates were handled: in PostgreSQL beside the other stores, in memory on SQLite.
            handled=open_handled_updates(settings.data_dir, application.bot_data.database),
        )
    except webhook.WebhookError as exc:
        raise ConfigError(f"{exc} (STREAMBOT_WEBHOOK_LISTEN, STREAMBOT_WEBHOOK_PORT)") from exc


if __name__ == "__main__":
    sys.exit(main())
