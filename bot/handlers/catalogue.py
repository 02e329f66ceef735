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

from dataclasses import dataclass, replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks, conversation
from bot.handlers.common import edit, friendly, reply, snapshot, text_of
from bot.handlers.limits import Redo, in_private, remember, viewer_of, with_note
from bot.state import Context
from bot.text import questions as words
from bot.text.i18n import N_, _, ngettext, number
from bot.text.render import esc, movies_count, platform_name, platforms_text, shows_count
from core.catalogue import arguments
from core.catalogue.arguments import ArgumentError, require
from core.catalogue.title_types import TitleType
from core.questions import answers
from core.questions.filters import Filters, Ranking, Role
from core.questions.viewer import Limited, Viewer, limited
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
PAGE = 10  # titles per page of a list
NAMED = 3  # people or titles tied for first place named before "and 12 more"
SCORED = -1.0  # "scored above -1": every title with a score, the ones a best-first list ranks


@dataclass(frozen=True)
class Reply:
    text: str
    listing: Filters | None = None  # the titles behind the answer, for a "Show them" button
    shown: int = 0  # how many of them the text already lists (counted from the list's start)
    ids: tuple[str, ...] = ()  # the titles the text lists, in order: "the second one" reads them
    start: int = 0  # the list's position of the first of ``ids``
    limits: Limited | None = None  # what the chat's limits did to the titles listed (said in one line)


def one_kind(found) -> TitleType | None:
    """The only kind of title a count found, if it found titles of one kind only."""
    if found.total and not found.shows:
        return TitleType.MOVIE
    if found.total and not found.movies:
        return TitleType.SHOW
    return None


def count_text(snap, q: Question) -> Reply:
    f = q.filters
    found = answers.count(snap.table, f)
    about = words.scope(f.but(type=None), snap.table.people)
    kind = f.type or one_kind(found)  # "12 movies", never "12 movies and 0 shows"
    if kind:
        total = found.total
        if kind == TitleType.MOVIE:
            text = ngettext("<b>{n}</b> movie {scope}.", "<b>{n}</b> movies {scope}.", total)
        else:
            text = ngettext("<b>{n}</b> show {scope}.", "<b>{n}</b> shows {scope}.", total)
        return Reply(text.format(n=number(total), scope=about), f if total else None)
    # TRANSLATORS: {scope} is e.g. "on Netflix released in 2019"; {movies} "633 movies", {shows} "1 show".
    text = ngettext(
        "<b>{n}</b> title {scope}: {movies} and {shows}.",
        "<b>{n}</b> titles {scope}: {movies} and {shows}.",
        found.total,
    )
    text = text.format(
        n=number(found.total), scope=about, movies=movies_count(found.movies), shows=shows_count(found.shows)
    )
    return Reply(text, f if found.total else None)


def longest_text(snap, q: Question) -> Reply:
    f = q.filters
    unit = q.duration_type or ("season" if f.type == TitleType.SHOW else "min")
    found = answers.extreme(snap.table, f.but(type=None), unit, shortest=q.shortest)
    about = words.scope(f.but(type=None), snap.table.people)
    if found is None:
        return Reply(_("No titles with a known length {scope}.").format(scope=about))
    names = [f"<b>{esc(snap.title(i)['display_title'])}</b>" for i in found.ids[:NAMED]]
    if len(found.ids) > NAMED:
        names.append(_("{n} more").format(n=number(len(found.ids) - NAMED)))
    names = words.listed(names)
    n = found.length
    length = (_("{n} min") if unit == "min" else ngettext("{n} season", "{n} seasons", n)).format(n=number(n))
    tied = len(found.ids) > 1
    templates = _LONGEST_MOVIE if unit == "min" else _LONGEST_SHOW
    text = templates[q.shortest, tied]
    # The titles named are what "where is it?" asks about next.
    return Reply(_(text).format(scope=about, title=names, length=length), ids=found.ids[:NAMED])


_LONGEST_MOVIE = {
    (False, False): N_("The longest movie {scope} is {title}: {length}."),
    (False, True): N_("The longest movies {scope} are {title}: {length} each."),
    (True, False): N_("The shortest movie {scope} is {title}: {length}."),
    (True, True): N_("The shortest movies {scope} are {title}: {length} each."),
}
_LONGEST_SHOW = {
    (False, False): N_("The longest show {scope} is {title}: {length}."),
    (False, True): N_("The longest shows {scope} are {title}: {length} each."),
    (True, False): N_("The shortest show {scope} is {title}: {length}."),
    (True, True): N_("The shortest shows {scope} are {title}: {length} each."),
}


def score_text(snap, q: Question, viewer: Viewer | None = None) -> Reply:
    require(q.score, N_("a score from 0 to 5"))
    f = q.filters.but(score_above=arguments.score(q.score))
    f = f if f.type else f.but(type=TitleType.MOVIE)  # the original question: movies
    total = answers.count(snap.table, f).total
    if f.type == TitleType.MOVIE:
        text = ngettext(
            "<b>{n}</b> movie {scope} has a mean score above {score}.",
            "<b>{n}</b> movies {scope} have a mean score above {score}.",
            total,
        )
    else:
        text = ngettext(
            "<b>{n}</b> show {scope} has a mean score above {score}.",
            "<b>{n}</b> shows {scope} have a mean score above {score}.",
            total,
        )
    about = words.scope(f.but(type=None, score_above=None), snap.table.people)
    text = text.format(n=number(total), scope=about, score=number(f.score_above))
    return with_titles(snap, text, f, total, q.start, viewer)


def actor_text(snap, q: Question) -> Reply:
    role = q.role or Role.CAST
    found = answers.top_people(snap.table, q.filters, role)
    about = words.scope(q.filters, snap.table.people)
    if found is None:
        if role == Role.DIRECTOR:
            return Reply(_("No directors listed for titles {scope}.").format(scope=about))
        return Reply(_("No cast listed for titles {scope}.").format(scope=about))
    names = [f"<b>{esc(snap.table.people.shown(p))}</b>" for p in found.persons[:NAMED]]
    if len(found.persons) > NAMED:
        names.append(_("{n} more").format(n=number(len(found.persons) - NAMED)))
    names = words.listed(names)
    several = len(found.persons) > 1
    if role == Role.DIRECTOR:
        text = (
            _("{names} directed the most titles {scope}: {n} each.")
            if several
            else _("{names} directed the most titles {scope}: {n}.")
        )
    elif several:
        text = _("{names} appear in the most titles {scope}: {n} each.")
    else:
        text = _("{names} appears in the most titles {scope}: {n}.")
    return Reply(text.format(names=names, scope=about, n=number(found.titles)))


def country_text(snap, q: Question, viewer: Viewer | None = None) -> Reply:
    f = q.filters
    if not f.countries:
        typed = require(q.leftover or None, N_("a country"))
        known = frozenset(snap.table.countries)
        name = arguments.known_value(
            typed, known, "country", arguments.COUNTRY_ALIASES
        )  # or says what is close
        f = f.but(countries=frozenset([name]))
    total = answers.count(snap.table, f).total
    country = esc(words.listed([words.country(c) for c in sorted(f.countries)], "or"))
    if f.type == TitleType.MOVIE:
        text = ngettext(
            "<b>{n}</b> movie from {country} {scope}.", "<b>{n}</b> movies from {country} {scope}.", total
        )
    elif f.type == TitleType.SHOW:
        text = ngettext(
            "<b>{n}</b> show from {country} {scope}.", "<b>{n}</b> shows from {country} {scope}.", total
        )
    else:
        text = ngettext(
            "<b>{n}</b> title from {country} {scope}.", "<b>{n}</b> titles from {country} {scope}.", total
        )
    about = words.scope(f.but(type=None, countries=frozenset()), snap.table.people, everywhere=False)
    text = words.tidy(text.format(n=number(total), country=country, scope=about))
    return with_titles(snap, text, f, total, q.start, viewer)


def rating_text(snap, q: Question, viewer: Viewer | None = None) -> Reply:
    f = q.filters
    if not f.ratings:
        typed = require(q.leftover or None, N_("a maturity rating"))
        f = f.but(ratings=frozenset([known_rating(snap, typed)]))
    total = answers.count(snap.table, f).total
    label = esc(words.listed([words.maturity(r) for r in sorted(f.ratings)], "or"))
    about = words.scope(f.but(ratings=frozenset(), type=None), snap.table.people, everywhere=False)
    if f.type is None and not about:
        text = ngettext("<b>{n}</b> title is rated {rating}.", "<b>{n}</b> titles are rated {rating}.", total)
        text = text.format(n=number(total), rating=label)
    else:
        text = ngettext("{count} {scope} is rated {rating}.", "{count} {scope} are rated {rating}.", total)
        text = words.tidy(text.format(count=counted(total, f.type), scope=about, rating=label))
    return with_titles(snap, text, f, total, q.start, viewer)


def counted(n: int, type_: TitleType | None) -> str:
    """ "<b>66</b> movies", "<b>1</b> show", "<b>3,207</b> titles": a count in bold, with its noun."""
    if type_ == TitleType.MOVIE:
        return ngettext("<b>{n}</b> movie", "<b>{n}</b> movies", n).format(n=number(n))
    if type_ == TitleType.SHOW:
        return ngettext("<b>{n}</b> show", "<b>{n}</b> shows", n).format(n=number(n))
    return ngettext("<b>{n}</b> title", "<b>{n}</b> titles", n).format(n=number(n))


def known_rating(snap, typed: str) -> str:
    """A maturity label the catalogue uses, or an ArgumentError naming them as people write them."""
    from core.questions.bands import shown_label
    from core.understanding.scanner import rating_label

    label = rating_label(typed)
    known = {r for r in snap.table.ratings if r}
    if label in known:
        return label
    valid = ", ".join(sorted({shown_label(r) for r in known}))
    raise ArgumentError(_("unknown rating “{rating}”: valid: {valid}").format(rating=typed, valid=valid))


TOP_HEADINGS = {
    TitleType.MOVIE: N_("Best scored movies {scope}:"),
    TitleType.SHOW: N_("Best scored shows {scope}:"),
    None: N_("Best scored titles {scope}:"),
}
# A request in words ("something for tonight") is answered by picks (core.questions.picks).
PICKS_HEADINGS = {
    TitleType.MOVIE: N_("Movies worth watching {scope}:"),
    TitleType.SHOW: N_("Shows worth watching {scope}:"),
    None: N_("Titles worth watching {scope}:"),
}


def top_text(snap, q: Question, viewer: Viewer | None = None) -> Reply:
    """The best of ``q.filters``, within the chat's limits (``viewer``); the heading names
    what was asked, and "on all platforms" only when no limit of the chat's applies."""
    f = q.filters
    scored = f.but(score_above=SCORED) if f.score_above is None else f
    if q.start:
        return continued(snap, scored, q.start, viewer)
    chosen = limited(scored, viewer or Viewer(), snap.copies)
    page = answers.page(snap.table, chosen.filters, 0, PAGE)
    about = words.scope(f.but(type=None), snap.table.people, everywhere=not chosen.note)
    if not page.ids:
        text = _("No scored titles {scope}. Try a broader genre, e.g. /top netflix comedy")
        return Reply(words.tidy(text.format(scope=about)), limits=chosen)
    heading = (PICKS_HEADINGS if f.ranking is Ranking.PICKS else TOP_HEADINGS)[f.type]
    # An empty scope (the chat's platforms, named in the note) leaves "titles :" to mend.
    text = words.tidy(_(heading).format(scope=about)) + "\n"
    text += title_lines(snap, page.ids, 0, works=f.ranking is Ranking.PICKS)
    return Reply(text, scored if page.more else None, len(page.ids), page.ids, limits=chosen)


def with_titles(
    snap, text: str, f: Filters, total: int, start: int = 0, viewer: Viewer | None = None
) -> Reply:
    """A count followed by its first titles, best-scored first; from ``start`` on ("more"),
    just the titles. The count is a fact; the titles listed keep to the chat's limits."""
    if not total:
        return Reply(text)
    if start:
        return continued(snap, f, start, viewer)
    chosen = limited(f, viewer or Viewer(), snap.copies)
    page = answers.page(snap.table, chosen.filters, 0, PAGE)
    lines = "\n" + title_lines(snap, page.ids, 0) if page.ids else ""
    return Reply(text + lines, f if page.more else None, len(page.ids), page.ids, limits=chosen)


def continued(snap, f: Filters, start: int, viewer: Viewer | None = None) -> Reply:
    """The titles of a list from position ``start``: a "More" button, or "more" typed; within
    the chat's limits (``viewer``). ``listing`` stays ``f``: the next page limits it again."""
    chosen = limited(f, viewer or Viewer(), snap.copies)
    page = answers.page(snap.table, chosen.filters, start, PAGE)
    if not page.ids:
        return Reply(_("That's all of them."), limits=chosen)
    text = _("Titles {first}–{last} of {total}:").format(
        first=number(start + 1), last=number(start + len(page.ids)), total=number(page.total)
    )
    text += "\n" + title_lines(snap, page.ids, start, person=f.person, works=f.ranking is Ranking.PICKS)
    return Reply(text, f if page.more else None, start + len(page.ids), page.ids, start, limits=chosen)


def scored(value) -> bool:
    return isinstance(value, float) and value == value  # NaN and pandas' NA are no score


def title_lines(snap, ids, start: int, person: int | None = None, works: bool = False) -> str:
    """Numbered lines from ``start + 1``; ``works``: each title with every platform carrying it."""
    lines = []
    for i, title_id in enumerate(ids, start=start + 1):
        t = snap.title(title_id)
        score = f" · {words.score(t['score'])}" if scored(t["score"]) else ""
        part = ""
        if person is not None and Role.DIRECTOR in snap.table.people.roles_in(
            person, snap.recommender.row_of[title_id]
        ):
            part = " · " + _("director")
        where = platforms_text(snap.platforms_of(title_id)) if works else platform_name(t["platform"])
        lines.append(f"{i}. <b>{esc(t['display_title'])}</b> ({t['release_year']}) — {where}{score}{part}")
    return "\n".join(lines)


TEXTS = {
    Intent.COUNT: count_text,
    Intent.LONGEST: longest_text,
    Intent.SCORE: score_text,
    Intent.ACTOR: actor_text,
    Intent.COUNTRY: country_text,
    Intent.RATING: rating_text,
    Intent.TOP: top_text,
}


# The questions whose answers list titles to watch: they keep to the chat's limits
# (``bot.handlers.limits``). A count's number, the longest title, the busiest actor are facts.
LISTS = frozenset([Intent.TOP, Intent.SCORE, Intent.COUNTRY, Intent.RATING])


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


def question_reply(snap, q: Question, viewer: Viewer | None) -> Reply:
    return TEXTS[q.intent](snap, q, viewer) if q.intent in LISTS else TEXTS[q.intent](snap, q)


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
