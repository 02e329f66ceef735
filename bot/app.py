"""Builds the Application: handlers, error handler, rate limiter, commands menu."""

from __future__ import annotations

import logging

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, Defaults, TypeHandler
from telegram.request import BaseRequest

from bot import conversation
from bot.config import Settings
from bot.handlers import (
    admin,
    card,
    catalogue,
    chat,
    errors,
    everywhere,
    feedback,
    foryou,
    inline,
    people,
    platforms,
    poll,
    poll_result,
    privacy,
    recommend,
    seen,
    start,
    stats,
    subscribe,
    watching,
    watchlist,
    where,
)
from bot.handlers.language import decide as decide_language
from bot.health import PollingRequest
from bot.jobs import refresh, retrain
from bot.languages import Languages
from bot.runtime.limits import rate_limiter as share_of_flood_limits
from bot.runtime.logs import LoggedUpdateProcessor
from bot.runtime.transport import RetryingRequest
from bot.state import CONTEXT_TYPES
from bot.text import commands as command_names
from bot.text import i18n
from core.snapshot.refresh import Refresher
from core.snapshot.store import Store
from core.userdata.database import open_database
from core.userdata.dialogue import DialogueStore
from core.userdata.feedback import Feedback
from core.userdata.together import Together

log = logging.getLogger(__name__)
# chat is last: its catch-alls (plain text, unknown commands, stale buttons) get what is left.
FEATURES = (
    start,
    recommend,
    where,
    card,
    catalogue,
    people,
    stats,
    poll,
    poll_result,
    platforms,
    seen,
    watchlist,
    foryou,
    watching,
    feedback,
    privacy,
    subscribe,
    admin,
    inline,
    everywhere,
    chat,
)
ADMIN_ONLY = {"reload", "model"}  # listed in the menu of admins' private chats only
# Updates overlap while replies travel; the CPU work of each is a few milliseconds.
CONCURRENT_UPDATES = 16
LAST_GROUP = 100  # after the features' groups (0 and the few each adds)


def commands(*, group: bool, admin: bool = False, language: str = i18n.ENGLISH) -> list[BotCommand]:
    """The menu in ``language``: each command by the name a reader of it knows (``/contar`` in
    Spanish, ``/count`` in English; both work in either) and described in it."""
    listed = [c for module in FEATURES for c in getattr(module, "COMMANDS", [])]
    if group:
        listed = [c for c in listed if c[0] != "start"]
    if not admin:
        listed = [c for c in listed if c[0] not in ADMIN_ONLY]
    with i18n.using(language):
        return [
            BotCommand(command_names.name(name), i18n._(description)[:256]) for name, description in listed
        ]


async def publish_commands(application: Application) -> None:
    """Each menu in English, the fallback for every language (no ``language_code``), and in
    Spanish for Spanish-language clients (``language_code="es"``)."""
    scopes = [(False, False, BotCommandScopeAllPrivateChats()), (True, False, BotCommandScopeAllGroupChats())]
    for admin_id in sorted(application.bot_data.settings.admin_ids):
        scopes.append((False, True, BotCommandScopeChat(admin_id)))
    for language in i18n.LANGUAGES:
        code = None if language == i18n.ENGLISH else language
        for group, for_admins, scope in scopes:
            menu = commands(group=group, admin=for_admins, language=language)
            try:
                await application.bot.set_my_commands(menu, scope=scope, language_code=code)
            except TelegramError as exc:  # a missing menu is no reason to stay offline
                log.warning("could not publish the %s commands menu for %s: %s", language, scope.type, exc)


async def close_stores(application: Application) -> None:
    application.bot_data.subscriptions.close()
    application.bot_data.feedback.close()
    application.bot_data.together.close()
    conversation.flush()  # the frames still being written
    application.bot_data.dialogue.close()
    if application.bot_data.database is not None:
        application.bot_data.database.close()  # the PostgreSQL pool, after every store's last write


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
        .context_types(CONTEXT_TYPES)
        .defaults(
            Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True))
        )
        .concurrent_updates(LoggedUpdateProcessor(CONCURRENT_UPDATES))
        .post_init(publish_commands)
        .post_shutdown(close_stores)
    )
    if settings.api_base_url:
        builder = builder.base_url(settings.api_base_url)
    if request is not None:
        builder = builder.request(request).get_updates_request(request).updater(None)
    else:
        polling = PollingRequest(settings.heartbeat_file, connection_pool_size=1)
        builder = builder.request(
            RetryingRequest(connection_pool_size=CONCURRENT_UPDATES + 4, read_timeout=15)
        ).get_updates_request(polling)
    if rate_limiter:
        builder = builder.rate_limiter(share_of_flood_limits(settings.replicas))  # one of N replicas
    application = builder.build()
    if request is None:
        application.bot_data.polling_request = polling  # bot/__main__.py watches it for a rejected token
    application.bot_data.store = store
    application.bot_data.settings = settings
    application.bot_data.refresher = Refresher(
        store,
        settings.data_dir,
        settings.data_source,
        max_drop=settings.max_title_drop,
        limits=settings.download_limits,
    )
    # User data: SQLite files in the data folder, or one PostgreSQL pool all the stores share.
    database = application.bot_data.database = open_database(settings.database_url)
    # Subscriptions, with each chat's language served from memory (every update reads it).
    application.bot_data.subscriptions = Languages(settings.data_dir, database)
    application.bot_data.feedback = Feedback(settings.data_dir, database)
    application.bot_data.together = Together(settings.data_dir, database)
    application.bot_data.dialogue = DialogueStore(settings.data_dir, database)
    refresh.schedule(application, settings.refresh_minutes)
    retrain.load_current(application)
    retrain.schedule(application, settings.retrain_minutes)
    # Before every other handler: the language the update is answered in (bot/handlers/language.py), then
    # presses without data, which every button handler would take (bot/handlers/chat.py).
    application.add_handler(TypeHandler(Update, conversation.begin), group=-3)
    application.add_handler(TypeHandler(Update, decide_language), group=-2)
    application.add_handler(TypeHandler(Update, chat.stop_empty_buttons), group=-1)
    # Who speaks in a group (for tonight's watchers), in a group of its own, never holding the update up.
    application.add_handler(TypeHandler(Update, watching.note_speaker, block=False), group=-4)
    for module in FEATURES:
        application.add_handlers(module.HANDLERS)
    # After every answer: the conversation's frame as the answer left it (bot/conversation.py).
    application.add_handler(TypeHandler(Update, conversation.finish), group=LAST_GROUP)
    application.add_error_handler(errors.on_error)
    return application
