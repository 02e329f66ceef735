"""Messages that change the last question: "and on hulu?", "¿y en 2020?", "not horror",
"shorter ones", "how many are there?", "show me them"."""

from __future__ import annotations

from dataclasses import replace

from core.catalogue.title_types import TitleType
from core.dialogue import common as c
from core.dialogue import phrases as p
from core.dialogue import words as w
from core.dialogue.frame import Frame
from core.questions.filters import Filters, Role, Span
from core.understanding.acts import SURE
from core.understanding.policy import CONFIDENT
from core.understanding.question import TITLE_INTENTS, Intent, Question

SHORT_MOVIE, LONG_MOVIE = 90, 120  # minutes: "shorter ones", "longer ones" of a list of movies
THAN = frozenset(["than", "que", "de", "del"])  # "older than 1990", "más cortas de 90 minutos"
RECENT, OLD = 2018, 2000  # release years: "newer ones", "older ones" (the catalogues end in 2021)


def refined(
    frame: Frame, q: Question, said: str, bare: str, understanding, linked: bool = False
) -> Question | None:
    """The last question changed by the message, or None; ``linked``: the message opened by
    correcting it ("wait no, movies"), so even a whole new set of filters changes it."""
    asked = frame.asked
    last = frame.missed or asked  # "bueno y interstellar" after "where's titanic" (in no catalogue)
    if last is None or last.intent in c.CHAT:
        return None
    connected = bare != said
    named = c.like_a_title(said, understanding) if last.intent == Intent.RECOMMEND else None
    if named is not None:  # "no, mejor como moana"; "movies like coco" keeps its "movies"
        return q if q.intent == Intent.RECOMMEND and q.title == named.title else named
    if (
        connected
        and last.intent in c.ABOUT_A_TITLE | {Intent.RECOMMEND}
        and q.intent == Intent.TITLE
        and q.title
        and _may_be_a_title(q)
    ):
        return replace(q, intent=last.intent, role=last.role)  # "and coco?" after "where is moana"
    if asked is None or asked.intent in c.CHAT:
        return None
    rest, changes = relative(bare)
    said_or_bare = bare or said
    if p.only_phrases(said_or_bare, w.EVERYWHERE) and asked.filters.platforms:
        return again(asked.refined(asked.filters.but(platforms=frozenset()), start=0), frame, understanding)
    show_them = p.only_phrases(said_or_bare, w.SHOW_THEM) or p.only_phrases(said, w.SHOW_THEM)
    if show_them and asked.intent in c.COUNTS | {Intent.TOP}:
        return titles_of(asked)  # "show me them" after a count
    narrowed = None
    if asked.intent in c.COUNTS:  # "muéstrame las de 2020" ("muéstrame las" is a connector too)
        narrowed = _shown_with_filters(said, understanding) or _shown_with_filters(
            said_or_bare, understanding
        )
    if narrowed is not None:
        return titles_of(asked.refined(merged(asked.filters, narrowed)))  # "list the horror ones"
    if asked.intent in (Intent.PERSON, Intent.COUNT) and asked.filters.person is not None:
        role = _role_of_theirs(said_or_bare)  # "solo las que dirigió él", "just the ones she's in"
        if role is not None:  # after a count of their titles, "y en cuáles actúa" lists them
            listed = asked if asked.intent == Intent.PERSON else titles_of(asked)
            return replace(listed, role=role, filters=listed.filters.but(role=role), start=0)
    plain = " ".join(t for t in said_or_bare.split() if t not in w.ARTICLES)  # "y el director?"
    if asked.intent == Intent.ACTOR and c.only_question_words(plain):
        toks = set(plain.split())
        if toks & (w.DIRECTOR_WORDS | w.CREDITS_WORDS):  # "what about directors?"
            return replace(asked, role=Role.DIRECTOR if toks & w.DIRECTOR_WORDS else Role.CAST, start=0)
    # "how many are there?", "and the shortest?", "y en amazon cuántas", "how many of those are
    # series": that question, of that list; "how many titles are rated tv-14?" is one of its own.
    # (A message of filters alone reads as a top list: it is refined below instead.)
    # "y mas cortitas": shorter ones; "y la serie con menos temporadas": the shortest (an article)
    compared = any(p.has(bare, table) for table in (w.SHORTER, w.LONGER))
    shorter_ones = compared and not set(bare.split()) & w.DEFINITE
    of_that_list = not shorter_ones and (
        connected or c.kinds(q.filters.but(score_above=None)) == 0 or p.has(said, w.THOSE)
    )
    if (
        q.intent in c.CATALOGUE - {Intent.TOP}
        and asked.intent in c.CATALOGUE | {Intent.PERSON}
        and of_that_list
    ):
        return q.refined(merged(asked.filters, q.filters, _adding(said, q.filters)), start=0)
    stated = understanding.filters_of(rest) if rest else Filters()
    if (stated is None or stated.is_empty()) and not changes and rest != said:
        stated = understanding.filters_of(said) or stated  # "y de los 70": "de los" is the decade's
    if stated is None and asked.intent == Intent.PERSON and understanding.people is not None:
        person = understanding.people.find(rest)  # "ok what about zendaya": another person
        stated = Filters(person=person) if person is not None else None
    if stated is None and q.intent == Intent.TOP and not q.title and not _new_topic(q.filters):
        # "en netflix y q tenga pocas temporadas, 2 como mucho": a list of no new topic, read alone
        stated = q.filters.but(ranking=asked.filters.ranking)
    if stated is None and _refines_by_act(said, understanding):
        stated = understanding.parts(
            rest or bare or said
        ).filters  # "actually no romance i cant rn, just comedy"
    if stated is None or stated.is_empty() and not changes:
        return None
    fresh = _new_topic(stated) or p.starts(bare, w.FRESH_REQUEST)  # "something for my 6 year old on netflix"
    linked = linked or p.starts(said, w.LINKS)  # "and comedies from 2019?" refines; "ok ahora dame…" need not
    by_act = c.kinds(stated) == 2 and _refines_by_act(said, understanding)  # three kinds: a whole question
    if not linked and not changes and c.kinds(stated) >= 2 and fresh and not by_act:
        return None  # "horror movies on hulu": a question of its own; "movies on amazon" refines
    if asked.intent in c.ABOUT_A_TITLE:
        target = frame.focus
        if target and stated.platforms and c.kinds(stated) == 1:
            return c.about(Intent.WHERE, target, understanding, q)  # "and on netflix?" after a card
        return None
    adding = _adding(said, stated)
    refined = asked.refined(changed(asked.filters, stated, changes, adding), start=0)
    if stated.person is not None and asked.intent in (Intent.TOP, Intent.COUNT) and p.starts(said, w.ANY_OF):
        refined = replace(refined, intent=Intent.PERSON)  # "anything with john wayne?" after westerns
    elif asked.intent in c.COUNTS and p.starts(said, w.TITLES_PLEASE):
        return titles_of(refined)  # "recomiéndanos unas de esas que sean cortas" after a count
    return again(refined, frame, understanding)


def _adding(said: str, stated: Filters) -> bool:
    return p.has(said, w.ALSO) and not stated.not_genres


def _role_of_theirs(said: str) -> Role | None:
    """The role a follow-up to a person's titles keeps: "only the ones he directed" -> director,
    "las que actúa ella" -> cast; None when it says more than that."""
    toks = set(said.split())
    if toks - (c.ASKING_WORDS | w.DEFINITE | w.THEIRS | w.ACTED):
        return None
    if toks & w.DIRECTOR_WORDS:
        return Role.DIRECTOR
    return Role.CAST if toks & (w.CREDITS_WORDS | w.ACTED) else None


def _may_be_a_title(q: Question) -> bool:
    """The title a follow-up names could be one: not the words of a question ("y el reparto?")
    nor, unless the policy is sure of it, a "more" ("ok a couple more then")."""
    words = p.strip(w.fold(q.title), w.ARTICLES)
    if c.only_question_words(words):
        return False
    return not set(words.split()) & w.MORE_WORDS or q.answer()[0] == CONFIDENT


def _new_topic(stated: Filters) -> bool:
    """Filters that say what a list is about (a genre, a person, a country), not just where or
    which kind: stated with another filter, they start a question of their own."""
    return bool(
        stated.genres or stated.not_genres or stated.person is not None or stated.countries or stated.topics
    )


def again(asked: Question, frame: Frame, understanding, about: str | None = None) -> Question:
    """The last question asked again: a title question gets its title back (a frame keeps
    the title's id, not the matches): ``about``, else the title in focus."""
    about = about or frame.focus
    if asked.intent not in TITLE_INTENTS or about is None:
        return asked
    match = understanding.recommender.match_of(about)
    return replace(asked, title=match.title, matches=(match,)) if match else asked


def continued(frame: Frame, understanding) -> Question:
    """The last list, from its first title not shown: "more", "otra", "a couple more"."""
    listed = frame.listed or frame.asked
    if listed.intent == Intent.TITLE:  # "more" after a card: more like it
        listed = replace(listed, intent=Intent.RECOMMEND)
    return again(replace(listed, start=frame.read), frame, understanding, frame.listed_about)


def titles_of(asked: Question) -> Question:
    """The titles behind a count, best first: a person's list for a person's count."""
    if asked.intent == Intent.PERSON:
        return replace(asked, start=0)
    if asked.filters.person is not None:  # "how many movies with nicolas cage" -> his movies
        f = asked.filters
        return Question(
            Intent.PERSON, role=f.role, platform=min(f.platforms) if f.platforms else None
        ).refined(f)
    f = asked.filters if asked.score is None else asked.filters.but(score_above=asked.score)
    return Question(Intent.TOP).refined(f)


def merged(old: Filters, new: Filters, adding: bool = False) -> Filters:
    """``old`` with what ``new`` states: a stated platform, year, type, country... replaces the
    old one; a genre replaces the genres and stops being excluded; an exclusion is added.
    ``adding`` ("netflix too", "drama también"): stated platforms and genres join the old ones."""
    changes: dict = {}
    for key in ("platforms", "countries", "ratings", "topics"):
        if getattr(new, key):
            changes[key] = getattr(new, key)
    if adding and new.platforms:
        changes["platforms"] = new.platforms | old.platforms
    for key in ("years", "bands", "minutes", "seasons", "type", "role", "score_above"):
        if getattr(new, key) is not None:
            changes[key] = getattr(new, key)
    if new.person is not None:
        changes["person"], changes["role"] = new.person, new.role
    genres, not_genres = old.genres, old.not_genres
    if new.genres:
        genres, not_genres = new.genres | (genres if adding else frozenset()), not_genres - new.genres
    if new.not_genres:
        not_genres, genres = not_genres | new.not_genres, genres - new.not_genres
    if new.type is not None and new.type != old.type:
        # A movie has no seasons, a show no runtime: a length the old type had is dropped.
        changes.setdefault("minutes", None if new.type == TitleType.SHOW else old.minutes)
        changes.setdefault("seasons", None if new.type == TitleType.MOVIE else old.seasons)
    return old.but(genres=genres, not_genres=not_genres, **changes)


def changed(old: Filters, stated: Filters, changes: list, adding: bool = False) -> Filters:
    """``old`` merged with ``stated``, then the relative ``changes`` ("shorter", "older") of
    what ``stated`` leaves unsaid: "older ones, before 2010" is before 2010."""
    f = merged(old, stated, adding)
    year = stated.years.low if stated.years and stated.years.low == stated.years.high else None
    for change in changes:
        if change in (_newer, _older) and year is not None:  # "from 2019 or newer", "2005 or older"
            f = f.but(years=Span(year, None) if change == _newer else Span(None, year))
            continue
        if change in (_newer, _older) and stated.years is not None:
            continue
        if change in (_shorter, _longer) and (stated.minutes is not None or stated.seasons is not None):
            continue
        f = change(f)
    return f


def relative(text: str) -> tuple[str, list]:
    """ "shorter ones on hulu" -> ("on hulu", [shorter]); the rest of the text and the changes.
    What comes after "instead of" is what the change replaces: "drama instead of comedy" states
    drama (a stated genre replaces the old ones)."""
    changes = []
    swap = p.starts(text, w.SWAP) and p.longest_phrase(text, w.SWAP_FOR)
    if swap:  # "swap romance for drama", "cambia las comedias por dramas": what follows "for"
        text = f" {text} ".partition(f" {swap} ")[2].strip() or text
    instead = p.longest_phrase(text, w.INSTEAD_OF)
    if instead:
        before = p.strip(f" {text} ".partition(f" {instead} ")[0].strip(), w.CONNECTORS)
        text = before or text  # "instead of comedy, horror": left as said
    for table, change in ((w.SHORTER, _shorter), (w.LONGER, _longer), (w.NEWER, _newer), (w.OLDER, _older)):
        found = p.longest_phrase(text, table)
        if found and not _compared_to_a_number(text, found):
            text = p.strip(p.cut(text, found), w.CONNECTORS)
            changes.append(change)
    return text, changes


def _shown_with_filters(said: str, understanding) -> Filters | None:
    """ "list the horror ones", "muéstrame las de 2020" after a count: the filters after a
    word that asks to see the titles, or None."""
    toks = said.split()
    lead = next((size for size in (4, 3, 2, 1) if " ".join(toks[:size]) in w.SHOW_THEM), 0)
    if not lead or lead == len(toks):
        return None
    stated = understanding.filters_of(" ".join(toks[lead:]))
    if stated is None or not 1 <= c.kinds(stated) <= 2:
        return None  # "dame las mejores de comedia de 2019 en hulu": a question of its own
    return stated


def _refines_by_act(said: str, understanding) -> bool:
    """The act classifier reads a change of the last question ("actually no romance, just
    comedy"), where the rules see filters enough for a question of its own."""
    act = understanding.act(said).act
    return act.name == "refine" and act.p >= SURE


def _compared_to_a_number(text: str, found: str) -> bool:
    """ "older than 1990", "más cortas de 90 minutos": a stated filter, not "older ones"."""
    after = f" {text} ".partition(f" {found} ")[2].split()
    return len(after) >= 2 and after[0] in THAN and any(ch.isdigit() for ch in after[1])


def _shorter(f: Filters) -> Filters:
    if f.type == TitleType.SHOW:
        high = f.seasons.high if f.seasons and f.seasons.high else 3
        return f.but(seasons=Span(None, max(1, high - 1)))
    high = f.minutes.high if f.minutes and f.minutes.high else SHORT_MOVIE + 30
    return f.but(minutes=Span(None, max(30, high - 30)), type=f.type or TitleType.MOVIE)


def _longer(f: Filters) -> Filters:
    if f.type == TitleType.SHOW:
        return f.but(seasons=Span(3, None))
    return f.but(minutes=Span(LONG_MOVIE, None), type=f.type or TitleType.MOVIE)


def _newer(f: Filters) -> Filters:
    return f.but(years=Span(RECENT, None))


def _older(f: Filters) -> Filters:
    return f.but(years=Span(None, OLD))
