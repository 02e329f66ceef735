"""The bot as users meet it: one real bot per test module, over the loopback Bot API."""

from __future__ import annotations

import pytest

from tests.bot.running_bot import RunningBot
from tests.telegram_server import FakeTelegram


@pytest.fixture(scope="module")
def tg(full_snapshot, tmp_path_factory):
    """The loopback Bot API server, with the real bot serving the full snapshot polling it."""
    with (
        FakeTelegram() as server,
        RunningBot(server, full_snapshot, data_dir=tmp_path_factory.mktemp("data")),
    ):
        yield server
