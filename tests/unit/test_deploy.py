"""deploy/compose.yaml and deploy/nginx.conf agree: every replica the proxy calls runs, named, and
each keeps to its share of the rate limits (a third replica added to one file and not the
other would leave calls unanswered, or the bot over Telegram's limits)."""

from __future__ import annotations

import re

from tests.conftest import REPO

DEPLOY = REPO / "deploy"


def test_the_proxy_calls_exactly_the_named_replicas_and_each_takes_its_share():
    compose, proxy = (DEPLOY / "compose.yaml").read_text(), (DEPLOY / "nginx.conf").read_text()
    names = re.findall(r"^\s+STREAMBOT_REPLICA_NAME: (\S+)$", compose, re.M)
    services = re.findall(r"^  (bot-\d+):$", compose, re.M)
    called = re.findall(r"^\s+server (\S+):8080 ", proxy, re.M)
    assert len(names) >= 2 and len(set(names)) == len(names)
    assert names == services == called
    assert re.findall(r'STREAMBOT_REPLICAS: "(\d+)"', compose) == [str(len(names))]


def test_a_replica_that_cannot_take_a_call_passes_it_to_the_other():
    proxy = (DEPLOY / "nginx.conf").read_text()
    retry = re.search(r"^\s+proxy_next_upstream (.*);$", proxy, re.M).group(1).split()
    # A webhook call is a POST: without non_idempotent nginx would not retry it at all.
    assert {"error", "timeout", "non_idempotent"} <= set(retry)


def test_each_replica_checks_its_own_health_on_the_shared_data_volume():
    compose = (DEPLOY / "compose.yaml").read_text()
    assert 'test: ["CMD", "python", "-m", "bot.health"]' in compose
    assert "- data:/data" in compose and "STREAMBOT_DATA_DIR: /data" in compose
    assert "STREAMBOT_WEBHOOK_URL:" in compose and "STREAMBOT_DATABASE_URL: postgresql://" in compose
