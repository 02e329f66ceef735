"""Several replicas, one set of jobs: the replica holding the ``jobs`` lease
(``core.userdata.leases``) runs the scheduled refresh, the retrain, the announcement of missed
news and ``setWebhook``; the others only answer updates.

``start`` (from ``bot.app.build_application``) takes the lease once, at once: a replica that
holds it schedules the jobs as a single process always did, and ``python -m bot`` lets
python-telegram-bot's ``run_webhook`` set the webhook (``WebhookGate`` answers that call
unsent on the other replicas). On PostgreSQL every replica then tries the lease every
``RENEW_SECONDS`` (``keep_lease``): the holder renews it; another takes it over when the holder
died or left, and schedules the jobs and sets the webhook then. A replica that cannot renew it
(it expired, or the database is out of reach) stops its jobs: two holders would build twice.
On SQLite the lease is always the process's own and nothing is scheduled here.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.ext import Application

from bot.jobs import refresh, retrain
from bot.state import Context
from core.userdata.leases import JOBS, RENEW_SECONDS

log = logging.getLogger(__name__)
LEASE_JOB = "jobs-lease"
WEBHOOK_JOB = "set-webhook"
ANNOUNCE_JOB = "announce"  # bot.jobs.refresh.schedule's start-up announcement
HOLDER_JOBS = (refresh.JOB_NAME, ANNOUNCE_JOB, retrain.JOB_NAME, WEBHOOK_JOB)


def start(application: Application) -> None:
    """Take the jobs lease now; schedule the jobs if held, and the lease's renewal."""
    bot_data = application.bot_data
    try:
        bot_data.holds_jobs = bot_data.leases.take(JOBS)
    except Exception as exc:  # noqa: BLE001 (the database out of reach: serve, retry at the next renewal)
        log.warning("could not take the jobs lease: %s", exc)
        bot_data.holds_jobs = False
    if bot_data.holds_jobs:
        log.info("replica %s runs the jobs", bot_data.leases.replica)
        schedule_jobs(application)  # python -m bot's run_webhook sets the webhook at start-up
    if bot_data.leases.shared and application.job_queue is not None:
        application.job_queue.run_repeating(
            keep_lease, interval=RENEW_SECONDS, first=RENEW_SECONDS, name=LEASE_JOB
        )


async def keep_lease(context: Context) -> None:
    await renew(context.application)


async def renew(application: Application) -> bool:
    """Renew the lease, take it over, or notice it is lost; start or stop the jobs to match.
    Whether this replica holds it now."""
    bot_data = application.bot_data
    try:
        held = await asyncio.to_thread(bot_data.leases.take, JOBS)
    except Exception as exc:  # noqa: BLE001 (cannot renew: another replica may take it meanwhile)
        log.warning("could not renew the jobs lease: %s", exc)
        held = False
    if held and not bot_data.holds_jobs:
        log.info("replica %s took over the jobs", bot_data.leases.replica)
        bot_data.holds_jobs = True
        schedule_jobs(application, set_webhook=True)
    elif not held and bot_data.holds_jobs:
        log.warning("replica %s no longer holds the jobs lease: its jobs stop", bot_data.leases.replica)
        bot_data.holds_jobs = False
        stop_jobs(application)
    return held


def schedule_jobs(application: Application, set_webhook: bool = False) -> None:
    settings = application.bot_data.settings
    refresh.schedule(application, settings.refresh_minutes)
    retrain.schedule(application, settings.retrain_minutes)
    if set_webhook and settings.webhook_url and application.job_queue is not None:
        application.job_queue.run_once(set_webhook_job, when=0, name=WEBHOOK_JOB)


def stop_jobs(application: Application) -> None:
    if application.job_queue is None:
        return
    for name in HOLDER_JOBS:
        for job in application.job_queue.get_jobs_by_name(name):
            job.schedule_removal()


async def set_webhook_job(context: Context) -> None:
    """The new holder points Telegram at the replicas' shared URL (the same URL and secret
    every replica serves, so nothing changes for the others)."""
    settings = context.bot_data.settings
    await context.bot.set_webhook(
        url=settings.webhook_url, secret_token=settings.secret_token, allowed_updates=Update.ALL_TYPES
    )
    log.info("webhook set to the replicas' URL by the jobs replica")


def stop(application: Application) -> None:
    """At a clean exit: hand the lease on at once rather than after it expires."""
    bot_data = application.bot_data
    if bot_data.holds_jobs and bot_data.leases.shared:
        try:
            bot_data.leases.release(JOBS)
        except Exception as exc:  # noqa: BLE001 (it expires on its own)
            log.warning("could not release the jobs lease: %s", exc)
    bot_data.leases.close()
