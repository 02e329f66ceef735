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

Every replica on PostgreSQL also follows what the jobs replica publishes (``follow``, every
``POLL_SECONDS``): a new snapshot is loaded from the shared data folder in a worker thread and
swapped in (``Refresher.follow``), a new model likewise (``bot.jobs.retrain.follow``); and it
says which snapshot it serves with each lease renewal (``Refresher.heartbeat``), so pruning
keeps it. The jobs replica also runs, at each poll, what admins asked of the others (a
``/reload`` or ``/model retrain`` there leaves a row: ``Publications.ask``) and sends each
admin the outcome.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot.jobs import refresh, retrain
from bot.state import Context
from bot.text import i18n, status
from core.userdata.leases import JOBS, RENEW_SECONDS
from core.userdata.publications import JobRequest

log = logging.getLogger(__name__)
LEASE_JOB = "jobs-lease"
FOLLOW_JOB = "follow"
POLL_SECONDS = 2.0  # a snapshot or model published elsewhere is served here this soon (plus its load)
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
        queue = application.job_queue
        queue.run_repeating(keep_lease, interval=RENEW_SECONDS, first=0.5, name=LEASE_JOB)
        queue.run_repeating(follow_job, interval=POLL_SECONDS, first=POLL_SECONDS, name=FOLLOW_JOB)


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
    try:
        await asyncio.to_thread(bot_data.refresher.heartbeat)
    except Exception as exc:  # noqa: BLE001 (the next renewal says it again)
        log.warning("could not say which snapshot this replica serves: %s", exc)
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


async def follow_job(context: Context) -> None:
    await follow(context.application)


async def follow(application: Application) -> None:
    """Swap in what the jobs replica published since the last poll. The snapshot's load takes
    seconds: it runs as a task of its own, so this job stays short and polls never pile up."""
    bot_data = application.bot_data
    try:
        if await asyncio.to_thread(bot_data.refresher.pending):
            application.create_task(swap_snapshot(application), name="swap-snapshot")
        await asyncio.to_thread(retrain.follow, application)
        if bot_data.holds_jobs:
            for request in await asyncio.to_thread(bot_data.publications.take_requests):
                application.create_task(run_request(application, request), name=f"asked-{request.job}")
    except Exception as exc:  # noqa: BLE001 (the database out of reach: the next poll tries again)
        log.warning("could not check for a newer snapshot or model: %s", exc)


async def run_request(application: Application, request: JobRequest) -> None:
    """Run what an admin asked on another replica, and send the outcome to the chat asking."""
    if request.job == "retrain":
        outcome = await retrain.retrain(application)
        with i18n.using(request.language):
            text = retrain.outcome_text(outcome)
    else:
        attempt = await refresh.run_refresh(application, force=request.argument == "force")
        with i18n.using(request.language):
            text = status.refresh_result(attempt)
    try:
        await application.bot.send_message(request.chat_id, text)
    except TelegramError as exc:
        log.warning(
            "could not tell chat %s how the %s it asked for went: %s", request.chat_id, request.job, exc
        )


async def swap_snapshot(application: Application) -> None:
    try:
        await asyncio.to_thread(application.bot_data.refresher.follow)
    except Exception as exc:  # noqa: BLE001 (the database out of reach: the next poll tries again)
        log.warning("could not swap in the published snapshot: %s", exc)


def stop(application: Application) -> None:
    """At a clean exit: hand the lease on at once rather than after it expires, and serve
    nothing any more (pruning need not keep this replica's snapshot)."""
    bot_data = application.bot_data
    try:
        if bot_data.holds_jobs and bot_data.leases.shared:
            bot_data.leases.release(JOBS)
        bot_data.publications.leave()
    except Exception as exc:  # noqa: BLE001 (both expire on their own)
        log.warning("could not hand the jobs lease on: %s", exc)
    bot_data.leases.close()
    bot_data.publications.close()
