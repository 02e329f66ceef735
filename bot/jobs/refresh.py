"""Refreshing the catalogue from the bot: on a schedule (python-telegram-bot's JobQueue,
which runs on APScheduler) and on /reload; then telling admins and subscribers."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from telegram import Bot
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application

from bot.state import Context
from bot.text import i18n, status
from core.snapshot.refresh import Attempt, Refresher
from core.userdata.subscriptions import Subscriptions

log = logging.getLogger(__name__)
JOB_NAME = "refresh"
FIRST_CHECK_SECONDS = 60  # soon after start-up: a bot restarted after a while serves stale data
SHOWN_PER_PLATFORM = 5
ANNOUNCE_CHECK_SECONDS = 1  # right after start-up, well before the first refresh
CATCH_UP_SECONDS = 5  # a replica taking the jobs over while it swaps a newer snapshot in


def schedule(application: Application, minutes: float) -> None:
    if application.job_queue is None:
        return
    application.job_queue.run_once(announce_missed_news, when=ANNOUNCE_CHECK_SECONDS, name="announce")
    if minutes <= 0:
        return
    interval = minutes * 60
    application.job_queue.run_repeating(
        refresh_job, interval=interval, first=min(interval, FIRST_CHECK_SECONDS), name=JOB_NAME
    )


def next_run(application: Application):
    """When the next scheduled refresh runs (an aware datetime), or None."""
    if application.job_queue is None:
        return None
    jobs = application.job_queue.get_jobs_by_name(JOB_NAME)
    return jobs[0].next_t if jobs else None


async def refresh_job(context: Context) -> None:
    await run_refresh(context.application)


async def run_refresh(application: Application, force: bool = False) -> Attempt:
    """Refresh off the event loop, then tell whoever should know. Never raises for bad data;
    returns at once ("busy") while another refresh runs."""
    refresher: Refresher = application.bot_data.refresher
    attempt = await asyncio.to_thread(refresher.refresh, force)
    if attempt.outcome == "busy":
        return attempt  # the running one will tell the admins what came of it
    if not attempt.ok and not attempt.repeated:  # once per new problem
        await tell_admins(application, lambda: status.refresh_problem(attempt))
    if attempt.outcome == "updated":
        await announce(application, attempt.version, attempt.added)
    return attempt


async def announce_missed_news(context: Context) -> None:
    """At start-up: tell subscribers about a snapshot published while no bot was left to
    announce it (killed after the build published, before it told them)."""
    application = context.application
    refresher: Refresher = application.bot_data.refresher
    # A replica taking the jobs over may still serve an older snapshot than the one announced:
    # its "news" would be the titles since dropped. It catches up first (nothing to do on SQLite).
    await asyncio.to_thread(refresher.follow)
    if await asyncio.to_thread(refresher.pending):  # a swap already under way: look again soon
        context.job_queue.run_once(announce_missed_news, when=CATCH_UP_SECONDS, name="announce")
        return
    news = await asyncio.to_thread(refresher.unannounced_news)
    if news:
        log.info(
            "announcing new titles of catalogue %s that were never announced", refresher.store.current.version
        )
    await announce(application, refresher.store.current.version, news)


async def announce(application: Application, version: str, news: dict[str, list[dict]]) -> None:
    if news:
        await tell_subscribers(application.bot, application.bot_data.subscriptions, version, news)
    try:
        await asyncio.to_thread(application.bot_data.refresher.mark_announced, version)
    except Exception as exc:  # noqa: BLE001 (a file or PostgreSQL; each chat still hears once per version)
        log.warning("could not record that catalogue %s was announced: %s", version, exc)


async def tell_admins(application: Application, compose: Callable[[], str]) -> None:
    """Send each admin ``compose()``, written in the language recorded for the admin's chat
    (English if none): a job, and even a /reload, speaks to every admin, not to one update."""
    subscriptions: Subscriptions = application.bot_data.subscriptions
    for admin in sorted(application.bot_data.settings.admin_ids):
        # On PostgreSQL every replica reads the language from the database: off the event loop.
        spoken = await asyncio.to_thread(subscriptions.language_of, admin)
        with i18n.using(spoken or i18n.ENGLISH):
            text = compose()
        try:
            await application.bot.send_message(admin, text)
        except TelegramError as exc:  # an admin who never started the bot cannot be messaged
            log.warning("could not tell admin %s: %s", admin, exc)


async def tell_subscribers(
    bot: Bot, subscriptions: Subscriptions, version: str, added: dict[str, list[dict]]
) -> None:
    for chat_id, language, platforms in subscriptions.subscribers(added):
        # A committed SQLite write waits for the disk: never on the event loop.
        if not await asyncio.to_thread(subscriptions.claim, version, chat_id):
            continue
        with i18n.using(language):  # the language the chat subscribed in
            text = status.new_titles({p: added[p] for p in platforms}, SHOWN_PER_PLATFORM)
        try:
            await bot.send_message(chat_id, text)
        except Forbidden:  # blocked the bot or removed it from the group: stop writing there
            await asyncio.to_thread(subscriptions.remove, chat_id)
        except TelegramError as exc:
            log.warning("could not tell chat %s about new titles: %s", chat_id, exc)
