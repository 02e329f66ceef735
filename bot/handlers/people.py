"""People: a person's titles (/person, "movies with meryl streep", "pelis de almodóvar"),
"did you mean…?" among people, and who is in or directed a title ("who directed okja")."""

from __future__ import annotations

from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks, conversation
from bot.handlers import catalogue, catalogue_answers
from bot.handlers.common import answer_title, edit, friendly, reply, snapshot, text_of
from bot.state import Context
from bot.text import questions as words
from bot.text.i18n import N_, _, ngettext, number
from bot.text.render import esc, movies_count, shows_count
from core.catalogue.placeholders import credited
from core.questions import answers
from core.questions.filters import Filters, Role
from core.snapshot.store import Snapshot
from core.understanding import Intent, Question
from core.understanding.slots import Who

COMMANDS = [("person", N_("a person's titles: /person meryl streep"))]
CAST_SHOWN = 8
CHOICES = 4


def person_text(snap, q: Question) -> catalogue_answers.Reply:
    """A person's titles, best-scored first, with the filters the question adds."""
    people, f = snap.table.people, q.filters
    who = q.person
    if f.person is None:
        return catalogue_answers.Reply(absent_person(who.text if who else q.leftover))
    found = answers.count(snap.table, f)
    name = esc(people.shown(f.person))
    about = words.scope(f.but(person=None, role=None), people, everywhere=False)
    if not found.total:
        return catalogue_answers.Reply(
            words.tidy(_("No titles with <b>{name}</b> {scope}.").format(name=name, scope=about))
        )
    if q.start:
        return catalogue_answers.continued(snap, f, q.start)
    page = answers.page(snap.table, f, 0, catalogue_answers.PAGE)
    kind = f.type or catalogue_answers.one_kind(found)  # "10 movies", never "10 movies and 0 shows"
    if kind is None:
        heading = ngettext(
            "<b>{name}</b>: {n} title {scope} ({movies} and {shows}):",
            "<b>{name}</b>: {n} titles {scope} ({movies} and {shows}):",
            found.total,
        ).format(
            name=name, n=number(found.total), scope=about, movies=movies_count(found.movies),
            shows=shows_count(found.shows),
        )  # fmt: skip
    else:
        count = catalogue_answers.counted(found.total, kind)
        heading = _("<b>{name}</b>: {count} {scope}:").format(name=name, count=count, scope=about)
    heading = words.tidy(heading)
    lines = catalogue_answers.title_lines(snap, page.ids, 0, person=f.person)
    return catalogue_answers.Reply(heading + "\n" + lines, f if page.more else None, len(page.ids), page.ids)


def absent_person(typed: str) -> str:
    return _("No one called “{name}” is in the cast or director lists of the four catalogues.").format(
        name=esc(typed.strip() or "?")
    )


async def person_answer(update: Update, context: Context, q: Question) -> None:
    """A person's titles; several people that fit get buttons, nobody an honest answer."""
    conversation.asked(q)
    who = q.person
    if q.filters.person is None and who is not None and who.matches and who.matches[0].score >= 75:
        text, keyboard = did_you_mean(who)
        await reply(update, text, reply_markup=keyboard)
        return
    await catalogue.send(update, context, person_text(snapshot(context), q))


def did_you_mean(who) -> tuple[str, InlineKeyboardMarkup]:
    text = _("Which “{name}” do you mean?").format(name=esc(who.text))
    rows = [
        [
            InlineKeyboardButton(
                _("{name} ({n} titles)").format(name=m.name, n=number(m.titles)),
                callback_data=callbacks.PersonChoice(m.person).encode(),
            )
        ]
        for m in who.matches[:CHOICES]
    ]
    return text, InlineKeyboardMarkup(rows)


async def person_tapped(update: Update, context: Context) -> None:
    """A person chosen among several: their titles, under the question."""
    query = update.callback_query
    chosen = callbacks.PersonChoice.parse(query.data)
    snap = snapshot(context)
    if chosen.person >= len(snap.table.people):
        await query.answer(_("This button has expired."))
        return
    await query.answer()
    q = Question(intent=Intent.PERSON, filters=Filters(person=chosen.person))
    found = person_text(snap, q)
    keyboard = None
    if found.listing is not None:
        token = context.bot_data.listings.remember(found.listing)
        keyboard = catalogue.listing_button(_("More"), token, found.shown)
    await edit(query, found.text, keyboard)


def credits_page(role: Role):
    """Who is in, or directed, a title, as a title page (``bot.handlers.common.TitlePage``)."""

    async def page(snap: Snapshot, title_id: str):
        title = snap.title(title_id)
        name = esc(title["display_title"])
        column = "display_director" if role == Role.DIRECTOR else "display_cast"
        listed = credited(title.get(column))  # "1", "not available": nobody, never listed
        if not listed:
            if role == Role.DIRECTOR:
                return _("The catalogues list no director for <b>{title}</b>.").format(title=name), None
            return _("The catalogues list no cast for <b>{title}</b>.").format(title=name), None
        people = ", ".join(esc(p) for p in listed[:CAST_SHOWN])
        if len(listed) > CAST_SHOWN:
            people += " " + _("and {n} more").format(n=number(len(listed) - CAST_SHOWN))
        if role == Role.DIRECTOR:
            text = _("<b>{title}</b> ({year}) is directed by {people}.")
        else:
            text = _("In <b>{title}</b> ({year}): {people}.")
        return text.format(title=name, year=title["release_year"], people=people), None

    return page


async def credits_answer(update: Update, context: Context, q: Question) -> None:
    await answer_title(update, context, q, "title", credits_page(q.role or Role.CAST))


@friendly(catalogue.EXAMPLES["person"])
async def person_command(update: Update, context: Context) -> None:
    """/person <name> [filters]: the whole text is the name when no cue marks one."""
    snap = snapshot(context)
    text = text_of(context)
    if not text:
        await reply(update, _("Whose titles? For example: /person meryl streep"))
        return
    q = snap.understanding.parse_command(Intent.PERSON, text)
    if q.person is None:
        matches = snap.table.people.search(q.leftover or text, 5)
        who = Who(tuple(matches), snap.table.people.confident(matches), None, q.leftover or text)
        person = matches[0].person if who.confident else None
        q = replace(q, person=who, filters=q.filters.but(person=person), leftover="")
    await person_answer(update, context, q)


HANDLERS = [
    CommandHandler(["person", "persona"], person_command),
    CallbackQueryHandler(person_tapped, pattern=callbacks.PersonChoice.pattern),
]
