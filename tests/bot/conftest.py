"""The bot as users meet it: one real bot per test module, over the loopback Bot API."""

from __future__ import annotations

import pytest

from tests.bot.running_bot import RunningBot
from tests.telegram_server import FakeTelegram


def serving(snapshot, tmp_path_factory):
    """The loopback Bot API server, with the real bot serving ``snapshot`` polling it."""
    with (
        FakeTelegram() as server,
        RunningBot(server, snapshot, data_dir=tmp_path_factory.mktemp("data")),
    ):
        yield server


@pytest.fixture(scope="module")
def tg(fixture_snapshot, tmp_path_factory):
    """The bot serving the fixture catalogue."""
    yield from serving(fixture_snapshot, tmp_path_factory)


@pytest.fixture(scope="module")
def tg_full(full_snapshot, tmp_path_factory):
    """The bot serving the full data, for the figures only the real catalogues have."""
    yield from serving(full_snapshot, tmp_path_factory)
