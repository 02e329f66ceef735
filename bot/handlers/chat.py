"""Plain messages are questions: "toy story", "¿dónde puedo ver moana?", "how many movies did
netflix release in 2019?" are read by ``core.understanding`` and answered like the command
they amount to. In a private chat nothing goes unanswered; in a group the bot speaks only
when spoken to (a mention, or a reply to one of its messages).

Registered after every other feature: its catch-alls (any command, any button) only see what
nothing else took.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, CallbackQueryHandler, MessageHandler, filters

from bot import callbacks, conversation
from bot.handlers import card, catalogue, catalogue_answers, people, recommend, start, together_talk, where
from bot.handlers.common import reply, snapshot
from bot.runtime.logs import mark_outcome
from bot.state import Context
from bot.text import explain, render
from bot.text.i18n import N_, _, platform_names
from core.catalogue.arguments import ArgumentError
from core.dialogue import Kind, follow
from core.dialogue.together import read_together, then_asked
from core.understanding import Question

log = logging.getLogger(__name__)
# Tappable questions for whoever is lost, in the user's language.
ASK_EXAMPLES = [
    N_("where can I watch the office?"),
    N_("shows like stranger things on netflix"),
    N_("how many movies did netflix release in 2019?"),
]


def examples_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(_(example), callback_data=callbacks.Ask(i).encode())]
            for i, example in enumerate(ASK_EXAMPLES)
        ]
    )


def addressed(update: Update, context: Context) -> bool:
    """Whether a message is for the bot: anything in a private chat; in a group, a mention of
    the bot or a reply to one of its messages."""
    message = update.effective_message
    if update.effective_chat.type == ChatType.PRIVATE:
        return True
    username = (context.bot.username or "").lower()
    if username and f"@{username}" in (message.text or "").lower():
        return True
    replied = message.reply_to_message
    return replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id


def without_mention(text: str, username: str | None) -> str:
    """ "@streambot where is moana" -> "where is moana"."""
    if not username:
        return text
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


async def which_title(update: Update, context: Context, q: Question) -> None:
    await reply(update, render.which_title("recommend" if q.intent == "recommend" else "where"))


async def help_reply(update: Update, context: Context, q: Question) -> None:
    await reply(update, start.help_text(start.as_of(context)), reply_markup=examples_keyboard())


async def greeting(update: Update, context: Context, q: Question) -> None:
    text = _(
        "Hi! 👋 Tell me a title and I'll say where it streams and what else you may like, or ask "
        "me about the {platforms} catalogues. For example:"
    ).format(platforms=platform_names())
    await reply(update, text, reply_markup=examples_keyboard())


async def thanks(update: Update, context: Context, q: Question) -> None:
    await reply(update, _("You're welcome! Enjoy the show. 🍿"))


async def remark(update: Update, context: Context, q: Question) -> None:
    """Small talk ("lol", "jaja ok", "que mal", "you suck"): a short reply, and the way on."""
    await reply(update, _("🙂 Anything else? Ask me where a title streams, or what to watch tonight."))


async def not_understood(update: Update, context: Context, q: Question) -> None:
    mark_outcome("not_understood")
    text = _(
        "Sorry, I didn't get that. I can tell you where a title streams, suggest titles like one "
        "you love, and count or rank the catalogues. Try one of these, or /help:"
    )
    await reply(update, text, reply_markup=examples_keyboard())


CONVERSATION = {
    "help": help_reply, "greeting": greeting, "thanks": thanks, "remark": remark, "unknown": not_understood,
}  # fmt: skip
TITLE_ANSWERS = {
    "where": where.answer, "recommend": recommend.answer, "title": card.answer, "credits": people.credits_answer,
}  # fmt: skip


async def answer(update: Update, context: Context, q: Question) -> None:
    """The reply to a question, whichever it is."""
    conversation.answered(q.intent)
    if q.intent in TITLE_ANSWERS:
        respond = TITLE_ANSWERS[q.intent] if q.title else which_title
    elif q.intent == "person":
        respond = people.person_answer
    elif q.intent in catalogue_answers.TEXTS:
        respond = catalogue.answer
    else:
        respond = CONVERSATION[q.intent]
    try:
        await respond(update, context, q)
    except ArgumentError as exc:  # a question missing what it needs: "how many movies scored above?"
        mark_outcome("bad_input")
        await reply(update, explain.usage_error(exc, catalogue.EXAMPLES[q.intent]))


async def plain_message(update: Update, context: Context) -> None:
    if not addressed(update, context):
        return
    text = without_mention(update.effective_message.text, context.bot.username)
    understanding = snapshot(context).understanding
    frame, about = conversation.frame(), None
    request = read_together(text, understanding)
    if not together_talk.applies(update, request):
        request = None
    if request is not None:  # "ya la vi", "add it to our list", "what's on our list?"
        about = await together_talk.answer(update, context, request)
        if not request.rest:
            return
        text = request.rest  # "ya vi lupin, ¿qué me recomiendas?": the question, about Lupin
        if about is not None:
            frame = replace(frame, focus=about, at=time.time())
    reading = follow(frame, understanding.parse(text), text, understanding, now=time.time())
    if reading.kind == Kind.POINTED:
        conversation.browsing()
    asked = reading.question
    if request is not None and about is not None and reading.kind == Kind.NEW:
        asked = then_asked(about, asked, understanding)
    await answer(update, context, asked)


async def unknown_command(update: Update, context: Context) -> None:
    """A command no handler took: in a group, only one addressed to this bot (``/foo@bot``)."""
    message = update.effective_message
    command = message.text.split()[0]
    name, _at, bot = command.partition("@")
    if update.effective_chat.type != ChatType.PRIVATE and bot.lower() != (context.bot.username or "").lower():
        return  # another bot's command, or a command for every bot in the group
    mark_outcome("unknown_command")
    text = _("I don't know the command {command}. Try one of these, or /help for every command:")
    await reply(
        update, text.format(command=render.esc(render.excerpt(name, 40))), reply_markup=examples_keyboard()
    )


async def ask_button(update: Update, context: Context) -> None:
    """A tapped example question: asked as if typed, answered below."""
    query = update.callback_query
    await query.answer()
    if query.message is None:  # under an inline message there is no chat to answer in
        return
    example = _(ASK_EXAMPLES[callbacks.Ask.parse(query.data).index])
    await answer(update, context, snapshot(context).understanding.parse(example))


async def expired_button(update: Update, context: Context) -> None:
    """Any button data no handler took (an old keyboard, or forged data): answered quietly,
    so the user's app stops spinning."""
    log.debug("button data nobody handles: %r", update.callback_query.data)
    await update.callback_query.answer(_("This button has expired."))


async def stop_empty_buttons(update: Update, context: Context) -> None:
    """A button press without data: python-telegram-bot would hand it to the first button
    handler whatever its pattern, so it is answered and stopped here, before any of them."""
    query = update.callback_query
    if query is not None and not query.data and not query.game_short_name:
        await expired_button(update, context)
        raise ApplicationHandlerStop


HANDLERS = [
    MessageHandler(
        filters.TEXT & ~filters.COMMAND & ~filters.VIA_BOT & filters.UpdateType.MESSAGE, plain_message
    ),
    MessageHandler(filters.COMMAND & filters.UpdateType.MESSAGE, unknown_command),
    CallbackQueryHandler(ask_button, pattern=callbacks.Ask.pattern),
    CallbackQueryHandler(expired_button),
]
