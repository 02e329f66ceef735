"""Settings from the environment: defaults, forms people write, and clear refusals."""

from __future__ import annotations

import os
import socket

import pytest

from bot.config import ConfigError, Settings


def test_defaults_refresh_daily_with_a_20_percent_gate():
    settings = Settings.from_env({})
    assert settings.token is None and settings.refresh_minutes == 1440 and settings.max_title_drop == 0.2


@pytest.mark.parametrize(("text", "share"), [("30%", 0.3), ("0.05", 0.05), ("100%", 1.0), ("0", 0.0)])
def test_the_gate_takes_a_percentage_or_a_fraction(text, share):
    assert Settings.from_env({"STREAMBOT_MAX_TITLE_DROP": text}).max_title_drop == pytest.approx(share)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "STREAMBOT_REFRESH_MINUTES",
            "daily",
            "STREAMBOT_REFRESH_MINUTES: 'daily' is not a number of minutes",
        ),
        ("STREAMBOT_REFRESH_MINUTES", "-5", "(0 turns it off)"),
        ("STREAMBOT_MAX_TITLE_DROP", "150%", "STREAMBOT_MAX_TITLE_DROP: '150%' is not a share of titles"),
        ("STREAMBOT_ADMIN_IDS", "12, bob", "'bob' is not a Telegram user id"),
    ],
)
def test_a_wrong_setting_names_the_variable_and_what_it_expects(name, value, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Settings.from_env({name: value})


def test_refreshes_can_be_turned_off():
    assert Settings.from_env({"STREAMBOT_REFRESH_MINUTES": "0"}).refresh_minutes == 0


def test_user_data_stays_in_sqlite_files_unless_a_postgresql_url_is_given():
    assert Settings.from_env({}).database_url is None
    url = "postgresql://bot:secret@db:5432/streambot"
    assert Settings.from_env({"STREAMBOT_DATABASE_URL": f" {url} "}).database_url == url


def test_a_database_url_that_is_not_postgresql_is_refused_without_showing_its_password():
    with pytest.raises(
        ConfigError, match="STREAMBOT_DATABASE_URL: 'mysql'… is not a PostgreSQL URL"
    ) as refused:
        Settings.from_env({"STREAMBOT_DATABASE_URL": "mysql://bot:secret@db/streambot"})
    assert "secret" not in str(refused.value)


def test_a_replica_is_named_by_its_setting_or_by_host_and_process():
    assert Settings.from_env({"STREAMBOT_REPLICA_NAME": " bot-1 "}).replica_name == "bot-1"
    assert Settings.from_env({}).replica_name == f"{socket.gethostname()}-{os.getpid()}"


@pytest.mark.parametrize("bad", ["../etc", "bot 1", "x" * 64])
def test_a_replica_name_that_cannot_name_a_file_is_refused(bad):
    with pytest.raises(ConfigError, match="STREAMBOT_REPLICA_NAME: .* is not a replica name"):
        Settings.from_env({"STREAMBOT_REPLICA_NAME": bad})
