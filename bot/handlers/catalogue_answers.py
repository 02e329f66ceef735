"""The words of each catalogue answer (/count, /longest, /score, /actor, /country, /rating,
/top), each a function of a ``Question`` and the snapshot: a ``Reply`` of text, the filters of
its "More"/"Show them" list, and the ids it lists. ``bot.handlers.catalogue`` sends them;
plain questions and /person reuse them.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def question_reply(snap, q: Question, viewer: Viewer | None) -> Reply:
    return TEXTS[q.intent](snap, q, viewer) if q.intent in LISTS else TEXTS[q.intent](snap, q)
