"""Builds the Application: handlers, error handler, rate limiter, commands menu."""

from __future__ import annotations

import logging

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, Defaults
from telegram.request import BaseRequest

from bot.config import Settings
from bot.handlers import catalogue, errors, groups, inline, recommend, start, stats, where
from bot.transport import RetryingRequest
from core.store import Store

log = logging.getLogger(__name__)
FEATURES = (start, recommend, where, catalogue, stats, groups, inline)
# Updates overlap while replies travel; the CPU work of each is a few milliseconds.
CONCURRENT_UPDATES = 16


def commands(*, group: bool) -> list[BotCommand]:
    listed = [c for module in FEATURES for c in getattr(module, "COMMANDS", [])]
    if group:
        listed = [c for c in listed if c[0] != "start"]
    return [BotCommand(name, description[:256]) for name, description in listed]


async def publish_commands(application: Application) -> None:
    try:
        await application.bot.set_my_commands(commands(group=False), scope=BotCommandScopeAllPrivateChats())
        await application.bot.set_my_commands(commands(group=True), scope=BotCommandScopeAllGroupChats())
    except TelegramError as exc:  # a missing menu is no reason to stay offline
        log.warning("could not publish the commands menu: %s", exc)


def build_application(
    settings: Settings,
    store: Store,
    *,
    request: BaseRequest | None = None,
    rate_limiter: bool = True,
) -> Application:
    builder = (
        ApplicationBuilder()
        .token(settings.token or "console")
        .defaults(
            Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True))
        )
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(publish_commands)
    )
    if settings.api_base_url:
        builder = builder.base_url(settings.api_base_url)
    if request is not None:
        builder = builder.request(request).get_updates_request(request).updater(None)
    else:
        builder = builder.request(
            RetryingRequest(connection_pool_size=CONCURRENT_UPDATES + 4, read_timeout=15)
        ).get_updates_request(RetryingRequest(connection_pool_size=1))
    if rate_limiter:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    application = builder.build()
    application.bot_data["store"] = store
    application.bot_data["settings"] = settings
    for module in FEATURES:
        application.add_handlers(module.HANDLERS)
    application.add_error_handler(errors.on_error)
    return application
