"""The real bot, polling a FakeTelegram server from a background thread."""

from __future__ import annotations

import asyncio
import logging
import threading

from bot.app import build_application
from bot.config import Settings
from core.snapshot.store import Store


class HandledUpdates(logging.Handler):
    """The update ids the bot has finished handling (its replies sent, the error handler
    done), read from the one ``bot.updates`` log line the update processor writes after each.
    Seeing an update handled is what lets a test say "and it sent nothing else"."""

    def __init__(self):
        super().__init__(logging.INFO)
        self._ids: set[int] = set()
        self._cond = threading.Condition()

    def emit(self, record: logging.LogRecord) -> None:
        update_id = getattr(record, "update_id", None)
        if update_id is not None:
            with self._cond:
                self._ids.add(update_id)
                self._cond.notify_all()

    def wait_for(self, update_ids: set[int], timeout: float) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: update_ids <= self._ids, timeout):
                missing = sorted(update_ids - self._ids)
                raise AssertionError(f"updates {missing} not handled within {timeout} s")


class RunningBot:
    def __init__(self, server, snapshot, *, data_dir, rate_limiter: bool = True, **settings_options):
        """``data_dir`` holds subscriptions (and snapshots a refresh writes); no scheduled
        refreshes unless ``refresh_minutes`` is given."""
        settings_options.setdefault("refresh_minutes", 0)
        settings = Settings(
            token="123456:TEST-token", api_base_url=server.base_url, data_dir=data_dir, **settings_options
        )
        self.server = server
        self.store = Store(snapshot)
        self.application = build_application(settings, self.store, rate_limiter=rate_limiter)
        self._ready = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)
        self._stop: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._handled = HandledUpdates()
        self._updates_log = logging.getLogger("bot.updates")
        self._updates_log_level = self._updates_log.level

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        async with self.application:
            # run_polling would call post_init (the commands menu) here; do the same.
            await self.application.post_init(self.application)
            await self.application.start()
            await self.application.updater.start_polling(poll_interval=0, timeout=1)
            self._ready.set()
            await self._stop.wait()
            await self.application.updater.stop()
            await self.application.stop()

    def wait_handled(self, *updates: dict, timeout: float = 10) -> None:
        """Until the bot has finished handling ``updates`` (as ``send_text`` and the like return them)."""
        self._handled.wait_for({u["update_id"] for u in updates}, timeout)

    def __enter__(self) -> RunningBot:
        self._updates_log.setLevel(logging.INFO)  # the line per handled update is written at INFO
        self._updates_log.addHandler(self._handled)
        self._thread.start()
        if not self._ready.wait(30):
            raise RuntimeError("the bot did not start")
        return self

    def __exit__(self, *exc) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(15)
        self._updates_log.removeHandler(self._handled)
        self._updates_log.setLevel(self._updates_log_level)
