"""The download limits of a URL source, from the environment."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, Settings
from core.ingest.fetch import Limits


def test_downloads_default_to_a_five_minute_deadline_and_512_mb():
    assert Settings.from_env({}).download_limits == Limits(deadline=300, max_bytes=512 * 2**20)


def test_the_download_limits_can_be_set():
    limits = Settings.from_env({"STREAMBOT_DOWNLOAD_DEADLINE": "90", "STREAMBOT_DOWNLOAD_MAX_MB": "64"})
    assert limits.download_limits == Limits(deadline=90, max_bytes=64 * 2**20)


@pytest.mark.parametrize("name", ["STREAMBOT_DOWNLOAD_DEADLINE", "STREAMBOT_DOWNLOAD_MAX_MB"])
@pytest.mark.parametrize("value", ["0", "-1", "lots"])
def test_a_download_limit_must_be_a_positive_number(name, value):
    with pytest.raises(ConfigError, match=f"{name}: '{value}' is not a number of"):
        Settings.from_env({name: value})
