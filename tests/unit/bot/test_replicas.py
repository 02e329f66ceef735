"""Two replicas on one PostgreSQL: only the holder of the jobs lease has the refresh, retrain and
announcement jobs and sets the webhook; when it leaves, the other takes them over. One process
on SQLite keeps them all, as before."""

from __future__ import annotations

import asyncio

import pytest
from telegram import Bot

from bot.app import build_application, close_stores
from bot.config import Settings
from bot.jobs import replicas, retrain
from bot.runtime.webhook_gate import WebhookGate
from core.personal import registry
from core.snapshot.store import Store
from tests.support.telegram_server import FakeTelegram
from tests.unit.core.personal.test_registry import publish_one

JOBS = {"refresh", "retrain", "announce"}
WEBHOOK = "https://bot.example.org/telegram"


def job_names(application) -> set[str]:
    return {job.name for job in application.job_queue.jobs()}


def replica(name: str, fixture_snapshot, data_dir, database_url: str | None):
    settings = Settings(
        token="123456:REPLICA-token",
        data_dir=data_dir,
        database_url=database_url,
        replica_name=name,
        refresh_minutes=60,
        retrain_minutes=60,
        webhook_url=WEBHOOK,
    )
    return build_application(settings, Store(fixture_snapshot), rate_limiter=False)


@pytest.fixture
def pair(postgres_server, fixture_snapshot, tmp_path):
    url = postgres_server.fresh_schema()
    first = replica("bot-1", fixture_snapshot, tmp_path, url)
    second = replica("bot-2", fixture_snapshot, tmp_path, url)
    yield first, second
    for application in (second, first):
        asyncio.run(close_stores(application))


def test_only_the_lease_holder_schedules_the_jobs(pair):
    first, second = pair
    assert first.bot_data.holds_jobs and not second.bot_data.holds_jobs
    assert job_names(first) >= JOBS
    assert not JOBS & job_names(second)
    assert replicas.LEASE_JOB in job_names(first) & job_names(second)  # both keep trying


def test_the_other_replica_takes_the_jobs_over_when_the_holder_leaves(pair):
    first, second = pair
    assert asyncio.run(replicas.renew(second)) is False  # still the first's
    first.bot_data.leases.release()  # the first is stopping (or its lease expired)
    assert asyncio.run(replicas.renew(second)) is True
    assert JOBS | {replicas.WEBHOOK_JOB} <= job_names(second)  # and it sets the webhook
    assert asyncio.run(replicas.renew(first)) is False
    assert not JOBS & {job.name for job in first.job_queue.jobs() if not job.removed}


def test_a_model_one_replica_publishes_or_rolls_back_to_is_served_by_the_other(pair, tmp_path):
    first, second = pair
    assert retrain.follow(second) is None  # nothing published: the built-in order serves both
    older, newer = publish_one(tmp_path, 1), publish_one(tmp_path, 2)  # the first's retrains
    retrain.publish_current(first)
    assert retrain.follow(second) == newer == second.bot_data.model_version
    assert second.bot_data.reranker.version == newer and second.bot_data.reranker_meta["version"] == newer
    assert retrain.follow(second) is None  # swapped once
    registry.rollback(tmp_path)  # /model rollback on the first
    retrain.publish_current(first)
    assert retrain.follow(second) == older == second.bot_data.reranker.version


def test_a_single_process_on_sqlite_keeps_every_job(fixture_snapshot, tmp_path):
    solo = replica("solo", fixture_snapshot, tmp_path, None)
    try:
        assert solo.bot_data.holds_jobs
        assert job_names(solo) >= JOBS
        assert replicas.LEASE_JOB not in job_names(solo)  # nothing to renew
    finally:
        asyncio.run(close_stores(solo))


async def set_webhook(base_url: str, holds_jobs: bool) -> bool:
    gate = WebhookGate(2)
    gate.holds_jobs = lambda: holds_jobs
    async with Bot("123456:GATE-token", base_url=base_url, request=gate, get_updates_request=gate) as bot:
        return await bot.set_webhook(WEBHOOK, secret_token="s3cret")


def test_only_the_jobs_replica_calls_setwebhook():
    with FakeTelegram() as tg:
        assert asyncio.run(set_webhook(tg.base_url, holds_jobs=False)) is True  # answered, unsent
        assert tg.calls("setWebhook") == []
        assert asyncio.run(set_webhook(tg.base_url, holds_jobs=True)) is True
        assert [c.params["url"] for c in tg.calls("setWebhook")] == [WEBHOOK]
