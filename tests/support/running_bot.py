"""The real bot, polling a FakeTelegram server from a background thread."""

from __future__ import annotations

import asyncio
import threading

from bot.app import build_application
from bot.config import Settings
from core.snapshot.store import Store


class RunningBot:
    def __init__(self, server, snapshot, *, data_dir, rate_limiter: bool = True, **settings_options):
        """``data_dir`` holds subscriptions (and snapshots a refresh writes); no scheduled
        refreshes unless ``refresh_minutes`` is given."""
        settings_options.setdefault("refresh_minutes", 0)
        settings = Settings(
            token="123456:TEST-token", api_base_url=server.base_url, data_dir=data_dir, **settings_options
        )
        self.store = Store(snapshot)
        self.application = build_application(settings, self.store, rate_limiter=rate_limiter)
        self._ready = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)
        self._stop: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

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

    def __enter__(self) -> RunningBot:
        self._thread.start()
        if not self._ready.wait(30):
            raise RuntimeError("the bot did not start")
        return self

    def __exit__(self, *exc) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(15)
