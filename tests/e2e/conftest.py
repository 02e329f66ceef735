"""The bot as users meet it: one real bot per test module, over the loopback Bot API."""

from __future__ import annotations

import pytest

from bot.console.spec import available, violations
from tests.support.running_bot import RunningBot
from tests.support.telegram_server import FakeTelegram


def serving(snapshot, tmp_path_factory, **settings):
    """The real bot serving ``snapshot``, polling the loopback Bot API server (``.server``), with
    ``settings`` (``bot.config.Settings`` fields) beside the test ones.
    When the module's tests are done, every request the bot sent must obey the published
    Bot API, unknown parameters included (the server itself refuses only what Telegram would).
    Without the Bot API description nothing can be checked (on CI the run never starts then)."""
    with (
        FakeTelegram() as server,
        RunningBot(server, snapshot, data_dir=tmp_path_factory.mktemp("data"), **settings) as bot,
    ):
        yield bot
    problems = [
        f"{call.method}: {p}"
        for call in (server.calls() if available() else [])
        for p in violations(call.method, call.params)
    ]
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def fixture_bot(fixture_snapshot, tmp_path_factory):
    """The bot serving the fixture catalogue."""
    yield from serving(fixture_snapshot, tmp_path_factory)


@pytest.fixture(scope="module")
def tg(fixture_bot):
    """The Bot API server the fixture catalogue's bot polls: where tests play its users."""
    return fixture_bot.server


@pytest.fixture(scope="module")
def full_bot(full_snapshot, tmp_path_factory):
    """The bot serving the full data, for the figures only the real catalogues have."""
    yield from serving(full_snapshot, tmp_path_factory)


@pytest.fixture(scope="module")
def tg_full(full_bot):
    return full_bot.server
