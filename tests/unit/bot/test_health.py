"""``python -m bot.health`` vouches for one process: a named replica for its own heartbeat only,
so a dead replica shows even while the others sharing its data folder keep beating."""

from __future__ import annotations

import time

from bot.config import Settings
from bot.health import beat, check


def replica(data_dir, name: str | None) -> Settings:
    return Settings.from_env({"STREAMBOT_DATA_DIR": str(data_dir), "STREAMBOT_REPLICA_NAME": name or ""})


def test_each_named_replica_is_healthy_on_its_own_heartbeat_only(tmp_path):
    alive, dead = replica(tmp_path, "bot-1"), replica(tmp_path, "bot-2")
    beat(alive.heartbeat_file)
    assert check(alive)[0]
    healthy, message = check(dead)
    assert not healthy and message == f"unhealthy: no heartbeat at {tmp_path / 'heartbeat-bot-2'} yet"
    beat(dead.heartbeat_file)
    assert check(dead)[0] and not check(alive, now=time.time() + 600)[0]


def test_an_unnamed_process_keeps_the_one_heartbeat_file(tmp_path):
    single = replica(tmp_path, None)
    assert single.heartbeat_file == tmp_path / "heartbeat"
    assert single.replica_name  # it still has a name for its log lines (host and process id)
    beat(tmp_path / "heartbeat-bot-1")  # a named replica's beat says nothing about this process
    assert not check(single)[0]
    beat(tmp_path / "heartbeat")
    assert check(single)[0]
