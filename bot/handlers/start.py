"""/start and /help: what the bot does, with examples that run when tapped."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks, conversation
from bot.handlers import (
    admin,
    catalogue,
    recommend,
    stats,
    where,
)
from bot.handlers.common import reply, snapshot
from bot.state import Context
from bot.text import commands as command_names
from bot.text import status as status_text
from bot.text.i18n import N_, _, platform_names

COMMANDS = [("start", N_("what I can do")), ("help", N_("every command, with examples"))]
# Telegram sends only the bare command when a /command in a message is tapped, so the
# examples are buttons that run the full command. A button shows its example in the reader's
# language ("/contar netflix 2019") and runs the English one, whose answer the tests know.
EXAMPLES = [
    (N_("/recommend toy story"), recommend.recommend_command),
    (N_("/where the office"), where.where),
    (N_("/count netflix 2019"), catalogue.HANDLER_OF["count"]),
    (N_("/top disney animation"), catalogue.HANDLER_OF["top"]),
    (N_("/stats netflix"), stats.stats),
]


def examples_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    _("Try {example}").format(example=_(text)), callback_data=callbacks.Example(i).encode()
                )
            ]
            for i, (text, _handler) in enumerate(EXAMPLES)
        ]
    )


def welcome(bot_username: str, as_of: str = "") -> str:
    """``as_of``: which date the catalogues are of (``bot.text.status.catalogue_date``)."""
    lines = [
        _("🎬 <b>streambot</b> helps you decide what to watch on {platforms}.").format(
            platforms=platform_names()
        ),
        "",
        _("• /recommend <i>title</i> — five titles like one you love"),
        _("• /where <i>title</i> — which platform has it"),
        _("• /count <i>platform [year] [movie|show]</i> — how many titles"),
        _("• /top <i>[platform] [year] [genre]</i> — the best scored"),
        _("• /stats <i>platform</i> — a chart of the catalogue"),
        _("• /foryou — picks for you from the titles you rate with 👍 and 👎"),
        _("• Or just ask: <i>where can I watch moana?</i>, <i>algo parecido a coco</i>"),
        _(
            "• In any chat, type <code>@{bot} frozen</code> to share suggestions with friends; "
            "in a group, /poll <i>title</i> lets everyone vote."
        ).format(bot=bot_username),
        _("• /subscribe <i>platform</i> — hear about new titles when the catalogue is refreshed"),
        "",
        _("Tap an example below, or type your own. /help lists every command."),
    ]
    if as_of:
        lines[1:1] = [as_of]  # before the commands: every answer below comes from these catalogues
    return "\n".join(lines)


def help_text(as_of: str = "") -> str:
    """Every command by the name the reader's language knows, as the menu lists them; the other
    language's names work too, and the first line says so. ``as_of`` as for ``welcome``."""
    lines = [_("<b>Commands</b> (Spanish names work too: /recomendar, /donde, /contar…)")]
    from bot.app import FEATURES  # the menu's order (bot.app imports this module)

    for module in (m for m in FEATURES if m.__name__ != __name__):
        lines += [
            f"/{command_names.name(name)} — {_(description)}"
            for name, description in getattr(module, "COMMANDS", [])
        ]
    lines.append("")
    lines.append(_("Arguments can come in any order: <code>/count 2019 shows netflix</code> works."))
    if as_of:
        lines.append(as_of)
    return "\n".join(lines)


def as_of(context: Context) -> str:
    """ "Catalogues as of …" for the snapshot being served."""
    return status_text.catalogue_date(snapshot(context).latest_added)


async def start(update: Update, context: Context) -> None:
    conversation.started_afresh()
    if admin.is_admin(update, context):
        await admin.remember_admin_language(update, context)  # refresh alerts speak it from now on
    await reply(update, welcome(context.bot.username, as_of(context)), reply_markup=examples_keyboard())


async def help_command(update: Update, context: Context) -> None:
    await reply(update, help_text(as_of(context)), reply_markup=examples_keyboard())


async def example_button(update: Update, context: Context) -> None:
    query = update.callback_query
    await query.answer()
    if query.message is None:  # under an inline message there is no chat to answer in
        return
    text, handler = EXAMPLES[callbacks.Example.parse(query.data).index]
    context.args = text.split()[1:]
    await handler(update, context)


HANDLERS = [
    CommandHandler("start", start),
    CommandHandler(["help", "ayuda"], help_command),
    CallbackQueryHandler(example_button, pattern=callbacks.Example.pattern),
]
