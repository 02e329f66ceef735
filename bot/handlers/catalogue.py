"""The catalogue questions: /count, /longest, /score, /actor, /country, /rating and /top, over
``core.questions``, each accepting every filter (several platforms, year ranges, genres and
exclusions, countries, maturity bands, a person, durations, a score).

A command's arguments are read by the same parser as plain messages
(``Understanding.parse_command``), so "/count movies on netflix in 2019" and "/count netflx
2019" work; each answer is a function of a ``Question``, shared with plain questions
("how many movies did netflix release in 2019?", see ``bot.handlers.chat``). A count carries a
"Show them" button; a list longer than a page, a "More" button (``listing_button``).
"""

from __future__ import annotations

from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks, conversation
from bot.handlers.catalogue_answers import LISTS, Reply, continued, question_reply
from bot.handlers.common import edit, friendly, reply, snapshot, text_of
from bot.handlers.limits import Redo, in_private, remember, viewer_of, with_note
from bot.state import Context
from bot.text.i18n import N_, _
from core.catalogue import arguments
from core.catalogue.arguments import ArgumentError
from core.questions.filters import Filters
from core.questions.viewer import Viewer
from core.understanding import Intent, Question

COMMANDS = [
    ("count", N_("how many titles: /count netflix 2019 horror")),
    ("longest", N_("the longest title: /longest hulu 2018 min")),
    ("score", N_("movies scored above: /score netflix 3.5 2020")),
    ("actor", N_("the busiest actor: /actor netflix 2020")),
    ("country", N_("titles from a country: /country movie india 2019")),
    ("rating", N_("titles with a maturity rating: /rating tv-14")),
    ("top", N_("best-scored titles: /top disney 2019 animation")),
]
PLATFORM_QUESTIONS = frozenset(["count", "longest", "score", "actor", "top"])
# A working example for each question, shown when its arguments are wrong or missing.
EXAMPLES = {
    "count": N_("/count netflix 2019 horror"),
    "longest": N_("/longest hulu 2018 min"),
    "score": N_("/score netflix 3.5 2020"),
    "actor": N_("/actor netflix 2020"),
    "country": N_("/country movie india 2019"),
    "rating": N_("/rating tv-14"),
    "top": N_("/top disney 2019 animation"),
    "person": N_("/person meryl streep"),
}


async def answer(update: Update, context: Context, q: Question) -> None:
    """The answer to a catalogue question (``q.intent`` in ``TEXTS``)."""
    conversation.asked(q)
    viewer = await viewer_of(update, context) if q.intent in LISTS else None
    text, keyboard = question_page(context, q, viewer, in_private(update))
    await reply(update, text, reply_markup=keyboard)


def question_page(context: Context, q: Question, viewer: Viewer | None, private: bool, redo: bool = True):
    """The answer's text, with the line naming the chat's limits when they narrowed its titles,
    and its keyboard ("Show them"/"More", and "All platforms" when ``redo``)."""
    found = question_reply(snapshot(context), q, viewer)
    return noted(context, found, Redo("question", (q,)) if redo else None, private)


def noted(context: Context, found: Reply, redo: Redo | None, private: bool):
    """``found`` as text and keyboard, with its line about the chat's limits."""
    text, keyboard = message_of(context, found)
    if found.limits is None:
        return text, keyboard
    token = remember(context, redo) if redo is not None and found.limits.note else None
    return with_note(text, keyboard, found.limits, token, private)


def message_of(context: Context, found: Reply) -> tuple[str, InlineKeyboardMarkup | None]:
    """A reply's text, with a "Show them" or "More" button when titles are behind it; the
    titles it lists are what "the second one" and "more" read next."""
    if found.ids:
        conversation.showed(found.ids, found.start)
    keyboard = None
    if found.listing is not None:
        token = context.bot_data.listings.remember(found.listing)
        label = _("Show them") if not found.shown else _("More")
        keyboard = listing_button(label, token, found.shown)
    return found.text, keyboard


async def send(update: Update, context: Context, found: Reply) -> None:
    text, keyboard = message_of(context, found)
    await reply(update, text, reply_markup=keyboard)


def listing_button(label: str, token: str, start: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=callbacks.Listing(token, start).encode())]]
    )


async def listing_tapped(update: Update, context: Context) -> None:
    """ "Show them" / "More": the next page of the titles behind an answer."""
    query = update.callback_query
    asked = callbacks.Listing.parse(query.data)
    f = context.bot_data.listings.recall(asked.token)
    if not isinstance(f, Filters):  # forgotten, or another kind of answer's token
        await query.answer(_("This button has expired."))
        return
    found = continued(snapshot(context), f, asked.start, await listed_viewer(update, context, f))
    if not found.ids:
        await query.answer(found.text)  # a query is answered once: this is its answer
        return
    await query.answer()
    conversation.showed(found.ids, found.start)
    text, keyboard = found.text, None
    if found.listing is not None:
        keyboard = listing_button(_("More"), asked.token, found.shown)
    if found.limits is not None and found.limits.noted:
        token = remember(context, Redo("listing", (f, asked.start))) if found.limits.note else None
        text, keyboard = with_note(text, keyboard, found.limits, token, in_private(update))
    if query.message is not None:
        await conversation.save()
        await query.message.reply_text(text, reply_markup=keyboard)
    else:
        await edit(query, text, keyboard)


async def listed_viewer(update: Update, context: Context, f: Filters) -> Viewer | None:
    """The chat's limits on a list's next page; none for a person's titles, which are facts
    about them (``bot.handlers.people``), not suggestions."""
    return None if f.person is not None else await viewer_of(update, context)


def checked(snap, q: Question) -> Question:
    """``q`` when all of a command's words were understood; a genre the leftover words name
    after all ("anim") is taken; otherwise an ArgumentError says what is wrong: a year the
    catalogue does not have, a score out of range, an unknown platform or genre."""
    if (
        not q.leftover
        or q.intent == Intent.COUNTRY
        and not q.filters.countries
        or q.intent == Intent.RATING
        and not q.filters.ratings
        or q.intent == Intent.PERSON
    ):
        return q  # the leftover words are the country, the rating or the person, which the answer checks
    words_left = q.leftover.split()
    for word in words_left:
        if word.isdigit() and len(word) in (3, 4):
            arguments.year(word, snap.table.years)  # "no titles from 1850: the catalogue covers …"
    if q.intent == Intent.SCORE and q.score is None:
        arguments.score(words_left[0])  # "7 is not a score"
    if not q.filters.platforms and q.intent in PLATFORM_QUESTIONS:
        arguments.platform(q.leftover)  # "/count hbo": "unknown platform 'hbo': choose one of …"
    if q.intent in (Intent.COUNT, Intent.TOP) and not q.filters.genres:
        genre = arguments.genre(q.leftover)  # or "unknown genre 'qwzx'"
        return replace(q, genre=genre, filters=q.filters.but(genres=frozenset([genre])), leftover="")
    raise ArgumentError(_("I don't understand “{words}”").format(words=q.leftover))


def command(intent: str):
    """The handler of /``intent``: its arguments read as a question, then answered."""

    @friendly(EXAMPLES[intent])
    async def handler(update: Update, context: Context) -> None:
        snap = snapshot(context)
        q = snap.understanding.parse_command(intent, text_of(context))
        await answer(update, context, checked(snap, q))

    handler.__name__ = handler.__qualname__ = intent
    return handler


# Each question's command names: the English one (the menu's) first, then its aliases.
NAMES = {
    "count": ("count", "contar"),
    "longest": ("longest", "mas_larga", "maslarga"),
    "score": ("score", "puntaje"),
    "actor": ("actor",),
    "country": ("country", "pais"),
    "rating": ("rating", "clasificacion"),
    "top": ("top", "mejores"),
}
HANDLER_OF = {intent: command(intent) for intent in NAMES}  # /start's examples run them too

HANDLERS = [CommandHandler(list(names), HANDLER_OF[intent]) for intent, names in NAMES.items()] + [
    CallbackQueryHandler(listing_tapped, pattern=callbacks.Listing.pattern)
]
