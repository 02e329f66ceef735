"""Reading a message against the conversation so far (``Frame``).

A message is, in this order: "more" (the last list, from the first title not shown); a
pointer into the last list ("the second one", "where can I watch the first one?"); a question
about the title in focus ("where can I watch it?", "who's in it?", "¿de qué trata?", "anything
like that?"); a change of the last question's filters ("and on hulu?", "¿y en 2020?", "what
about series?", "not horror", "shorter ones"); or a question of its own, read as the
understanding layer read it. A message that states a whole new question (two or more kinds
of filter and no "and"/"what about") starts afresh even when it could refine the last one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from core.catalogue.title_types import TitleType
from core.dialogue import words as w
from core.dialogue.frame import Frame
from core.questions.filters import Filters, Role, Span
from core.understanding.policy import ABSENT
from core.understanding.question import TITLE_INTENTS, Intent, Question

CHAT = frozenset([Intent.HELP, Intent.GREETING, Intent.THANKS, Intent.UNKNOWN])
# Questions about the catalogue's titles; COUNTS answer with a number the titles stand behind.
CATALOGUE = frozenset([Intent.COUNT, Intent.TOP, Intent.LONGEST, Intent.ACTOR, Intent.COUNTRY, Intent.RATING,
                       Intent.SCORE])  # fmt: skip
COUNTS = frozenset([Intent.COUNT, Intent.COUNTRY, Intent.RATING, Intent.SCORE, Intent.PERSON])
ABOUT_A_TITLE = frozenset([Intent.WHERE, Intent.TITLE, Intent.CREDITS])
SHORT_MOVIE, LONG_MOVIE = 90, 120  # minutes: "shorter ones", "longer ones" of a list of movies
RECENT, OLD = 2018, 2000  # release years: "newer ones", "older ones" (the catalogues end in 2021)


class Kind(StrEnum):
    NEW = "new"  # a question of its own
    MORE = "more"  # the last list continued
    POINTED = "pointed"  # about a title of the last list
    FOCUSED = "focused"  # about the title in focus
    REFINED = "refined"  # the last question with other filters


@dataclass(frozen=True)
class Reading:
    question: Question
    kind: Kind = Kind.NEW

    @property
    def follows(self) -> bool:
        return self.kind != Kind.NEW


def follow(frame: Frame | None, q: Question, text: str, understanding, now: float | None = None) -> Reading:
    """The question ``text`` asks in the conversation ``frame`` holds; ``q`` is the message
    read alone (``understanding.parse(text)``)."""
    said = w.fold(text)
    named = (
        _about_a_title(said, understanding)
        if q.intent not in TITLE_INTENTS or not _names_a_title(q)
        else None
    )
    if named is not None:
        return Reading(named)
    if frame is None or frame.is_empty() or now is not None and frame.expired(now):
        return Reading(q)
    bare = _strip(said, w.CONNECTORS)
    if bare and bare != said and _weak(q):
        q = understanding.parse(bare)  # "ok what about zendaya": the words after "what about"
    if (
        frame.asked is not None
        and not frame.shown
        and frame.asked.intent in COUNTS
        and (bare or said) in w.CONTINUE
    ):
        return Reading(_titles_of(frame.asked), Kind.REFINED)  # "more" after a count: its titles
    if frame.asked is not None and frame.shown and (bare or said) in w.CONTINUE:
        asked = frame.asked
        if asked.intent == Intent.TITLE:  # "more" after a card: more like it
            asked = replace(asked, intent=Intent.RECOMMEND)
        return Reading(_again(replace(asked, start=frame.read), frame, understanding), Kind.MORE)
    pointed = _pointed(frame, q, said, understanding)
    if pointed is not None:
        return Reading(pointed, Kind.POINTED)
    focused = _focused(frame, q, said, bare, understanding)
    if focused is not None:
        return Reading(focused, Kind.FOCUSED)
    refined = _refined(frame, q, said, bare, understanding)
    if refined is not None:
        return Reading(refined, Kind.REFINED)
    return Reading(q)


def _about_a_title(said: str, understanding) -> Question | None:
    """ "tell me about the queens gambit", "de qué va bridgerton": that title's card."""
    toks = said.split()
    for size in (5, 4, 3, 2, 1):
        for head, tail in ((toks[:size], toks[size:]), (toks[-size:], toks[:-size])):
            if len(toks) > size and " ".join(head) in w.ABOUT_LEADS | w.ABOUT:
                q = understanding.parse(_strip(" ".join(tail), w.ABOUT | w.CONNECTORS))
                if q.intent == Intent.TITLE and _names_a_title(q):
                    return replace(q, intent=Intent.TITLE)
    return None


def _weak(q: Question) -> bool:
    """Read alone, the message asked nothing clear: no intent, or a title nobody is sure of."""
    return q.intent == Intent.UNKNOWN or q.intent == Intent.TITLE and q.answer()[0] != "confident"


# ---- pointing -----------------------------------------------------------------------------
def _pointed(frame: Frame, q: Question, said: str, understanding) -> Question | None:
    if not frame.shown:
        return None
    found = _position(said)
    if found is None:
        return None
    position, rest = found
    if position > len(frame.shown) or _is_the_title(q, said):
        return None  # "the second one" past the list, or a title with an ordinal in it
    title_id = frame.shown[position - 1 if position > 0 else -1]
    asked = _asked_of(rest, understanding)
    last = frame.asked
    if asked is None and not rest and last is not None and last.intent in ABOUT_A_TITLE - {Intent.TITLE}:
        asked = last  # "y la 3" after "la 2, ¿quién la protagoniza?": the same question
    return about(asked.intent if asked else Intent.TITLE, title_id, understanding, asked)


def _is_the_title(q: Question, said: str) -> bool:
    """The whole message is exactly a title the policy is sure of ("The Second Best")."""
    return bool(
        q.intent in TITLE_INTENTS and q.title and q.matches and q.answer()[0] == "confident"
        and w.fold(q.matches[0].title) == said
    )  # fmt: skip


def _position(said: str) -> tuple[int, str] | None:
    """ "where can i watch the second one" -> (2, "where can i watch"); also "#2", "number 2",
    "la 2", a bare "2"."""
    toks = said.split()
    for k, tok in enumerate(toks):
        number = w.ORDINALS.get(tok)
        if number is None and tok.lstrip("#").isdigit() and 1 <= int(tok.lstrip("#")) <= 20:
            near = toks[k - 1] if k else ""
            if (
                tok.startswith("#")
                or len(toks) == 1
                or near in ("number", "numero", "no", "num", "nr", "option", "opcion", "the", "la", "el", "#")
            ):
                number = int(tok.lstrip("#"))
        if number is None:
            continue
        rest = _strip_wrappers(toks[:k]) + _strip_wrappers(toks[k + 1 :], leading=True)
        return number, " ".join(rest)
    return None


def _strip_wrappers(toks: list[str], leading: bool = False) -> list[str]:
    """Drop "the", "one", "de la lista" next to an ordinal."""
    toks = list(toks)
    changed = True
    while toks and changed:
        changed = False
        for size in (4, 3, 2, 1):
            edge = toks[:size] if leading else toks[-size:]
            if len(toks) >= size and " ".join(edge) in w.ORDINAL_WRAPPERS:
                toks = toks[size:] if leading else toks[:-size]
                changed = True
                break
    return toks


def _asked_of(rest: str, understanding) -> Question | None:
    """The question the words around "it" / "the second one" ask of that title, or None when
    they ask nothing of a title: "where can i watch" -> WHERE, "who directed" -> CREDITS
    (director), "is on disney" -> WHERE (Disney+), "anything like" -> RECOMMEND."""
    if not rest:
        return None
    if _has(rest, w.LIKE):
        return Question(Intent.RECOMMEND)
    if _has(rest, w.ABOUT):
        return Question(Intent.TITLE)
    toks = set(rest.split())
    if _only_question_words(rest) and toks & (w.CREDITS_WORDS | w.DIRECTOR_WORDS):
        director = bool(toks & w.DIRECTOR_WORDS)
        return Question(Intent.CREDITS, role=Role.DIRECTOR if director else Role.CAST)
    if _has(rest, w.WHERE_WORDS) and toks <= w.WHERE_WORDS | w.QUESTION_WORDS | _words_of(w.CONNECTORS):
        return Question(Intent.WHERE)
    q = understanding.parse(rest)
    if q.intent in TITLE_INTENTS:
        return None if _names_a_title(q) else replace(q, title=None, matches=())
    if q.intent in (Intent.ACTOR, Intent.CREDITS):  # "who is in", "who directed": of that title
        return Question(Intent.CREDITS, role=q.role)
    stated = understanding.filters_of(rest)
    if stated is not None and stated.platforms and _kinds(stated) == 1:
        return Question(Intent.WHERE, platform=min(stated.platforms), filters=stated)  # "is it on hulu?"
    return None


# ---- the title in focus -------------------------------------------------------------------
def _focused(frame: Frame, q: Question, said: str, bare: str, understanding) -> Question | None:
    target = frame.focus or (frame.shown[0] if len(frame.shown) == 1 else None)
    if target is None or _names_a_title(q):
        return None  # "¿dónde veo la sirenita?": a title of its own, "la" no pronoun
    if bare in w.ABOUT or said in w.ABOUT or _starts(bare, w.ABOUT_STARTS):
        return about(Intent.TITLE, target, understanding, q)
    like = _after_phrase(bare, w.LIKE)
    if like is not None and (not like or like in w.THIS):
        return about(Intent.RECOMMEND, target, understanding, q)
    if like is not None:  # "algo similar pero en amazon"
        stated = understanding.filters_of(_strip(like, w.CONNECTORS | w.THIS))
        if stated is not None and stated.platforms and _kinds(stated) == 1:
            return about(
                Intent.RECOMMEND,
                target,
                understanding,
                Question(Intent.RECOMMEND, platform=min(stated.platforms)),
            )
    pronoun = _longest_phrase(bare, w.THIS)
    if pronoun is None:  # "where then", "¿quién actúa?": a question that can only be about it
        asked = _asked_of(bare, understanding) if _only_question_words(bare) else None
        return about(asked.intent, target, understanding, asked) if asked is not None else None
    rest = _strip(_cut(bare, pronoun), w.CONNECTORS)
    if not rest:
        return about(Intent.TITLE, target, understanding, q) if bare == pronoun else None  # "that one"
    asked = _asked_of(rest, understanding)
    return about(asked.intent, target, understanding, asked) if asked is not None else None


def _only_question_words(said: str) -> bool:
    allowed = w.WHERE_WORDS | w.CREDITS_WORDS | w.DIRECTOR_WORDS | w.QUESTION_WORDS | _words_of(w.CONNECTORS)
    toks = set(said.split())
    return bool(toks) and toks <= allowed | {"else", "mas", "more", "then", "entonces", "in", "de", "of"}


def _names_a_title(q: Question) -> bool:
    """The message names a title the policy is sure of ("where can I watch coco"), and not
    just the words of its question ("where can i watch" + "it")."""
    if q.intent not in TITLE_INTENTS or not q.title:
        return False
    return not set(w.fold(q.title).split()) <= w.QUESTION_WORDS and q.answer()[0] != ABSENT


def about(intent: Intent, title_id: str, understanding, asked: Question | None = None) -> Question:
    """The question ``intent`` about a title already settled, keeping a platform ``asked`` names."""
    match = understanding.recommender.match_of(title_id)
    platform = asked.platform if asked is not None else None
    if match is None:  # the title left the catalogue since: asked as if no title was named
        return Question(intent=intent, platform=platform)
    role = asked.role if asked is not None and intent == Intent.CREDITS else None
    f = Filters(platforms=frozenset([platform]) if platform else frozenset())
    return Question(
        intent=intent, title=match.title, matches=(match,), platform=platform, role=role, filters=f,
        language=asked.language if asked is not None else None,
    )  # fmt: skip


# ---- refining the last question ------------------------------------------------------------
def _refined(frame: Frame, q: Question, said: str, bare: str, understanding) -> Question | None:
    asked = frame.asked
    if asked is None or asked.intent in CHAT:
        return None
    connected = bare != said
    rest, relative = _relative(bare)
    said_or_bare = bare or said
    if _only_phrases(said_or_bare, w.SHOW_THEM) and asked.intent in COUNTS | {Intent.TOP}:
        return _titles_of(asked)  # "show me them" after a count
    if (
        connected
        and asked.intent in ABOUT_A_TITLE | {Intent.RECOMMEND}
        and q.intent == Intent.TITLE
        and q.title
    ):
        return replace(q, intent=asked.intent, role=asked.role)  # "and coco?" after "where is moana"
    if asked.intent == Intent.ACTOR and _only_question_words(said_or_bare):
        toks = set(said_or_bare.split())
        if toks & (w.DIRECTOR_WORDS | w.CREDITS_WORDS):  # "what about directors?"
            return replace(asked, role=Role.DIRECTOR if toks & w.DIRECTOR_WORDS else Role.CAST, start=0)
    # "how many are there?", "and the shortest?", "y en amazon cuántas": that question, of that
    # list. (A message of filters alone reads as a top list: it is refined below instead.)
    of_that_list = connected or _kinds(q.filters) <= 1 or _has(said, w.THOSE)
    if q.intent in CATALOGUE - {Intent.TOP} and asked.intent in CATALOGUE | {Intent.PERSON} and of_that_list:
        return q.refined(merged(asked.filters, q.filters), start=0)
    stated = understanding.filters_of(rest) if rest else Filters()
    if stated is None and asked.intent == Intent.PERSON and understanding.people is not None:
        person = understanding.people.find(rest)  # "ok what about zendaya": another person
        stated = Filters(person=person) if person is not None else None
    if stated is None or stated.is_empty() and not relative:
        return None
    if not connected and not relative and _kinds(stated) >= 2:
        return None  # "horror movies on hulu": a question of its own
    if asked.intent in ABOUT_A_TITLE:
        target = frame.focus
        if target and stated.platforms and _kinds(stated) == 1:
            return about(Intent.WHERE, target, understanding, q)  # "and on netflix?" after a card
        return None
    f = merged(asked.filters, stated)
    for change in relative:
        f = change(f)
    return _again(asked.refined(f, start=0), frame, understanding)


def _again(asked: Question, frame: Frame, understanding) -> Question:
    """The last question asked again: a title question gets its title back (a frame keeps
    the title's id, not the matches)."""
    if asked.intent not in TITLE_INTENTS or frame.focus is None:
        return asked
    match = understanding.recommender.match_of(frame.focus)
    return replace(asked, title=match.title, matches=(match,)) if match else asked


def _titles_of(asked: Question) -> Question:
    """The titles behind a count, best first: a person's list for a person's count."""
    if asked.intent == Intent.PERSON:
        return replace(asked, start=0)
    f = asked.filters if asked.score is None else asked.filters.but(score_above=asked.score)
    return Question(Intent.TOP).refined(f)


def merged(old: Filters, new: Filters) -> Filters:
    """``old`` with what ``new`` states: a stated platform, year, type, country... replaces the
    old one; a genre replaces the genres and stops being excluded; an exclusion is added."""
    changes: dict = {}
    for key in ("platforms", "countries", "ratings"):
        if getattr(new, key):
            changes[key] = getattr(new, key)
    for key in ("years", "bands", "minutes", "seasons", "type", "role", "score_above"):
        if getattr(new, key) is not None:
            changes[key] = getattr(new, key)
    if new.person is not None:
        changes["person"], changes["role"] = new.person, new.role
    genres, not_genres = old.genres, old.not_genres
    if new.genres:
        genres, not_genres = new.genres, not_genres - new.genres
    if new.not_genres:
        not_genres, genres = not_genres | new.not_genres, genres - new.not_genres
    if new.type is not None and new.type != old.type:
        # A movie has no seasons, a show no runtime: a length the old type had is dropped.
        changes.setdefault("minutes", None if new.type == TitleType.SHOW else old.minutes)
        changes.setdefault("seasons", None if new.type == TitleType.MOVIE else old.seasons)
    return old.but(genres=genres, not_genres=not_genres, **changes)


def _relative(text: str) -> tuple[str, list]:
    """ "shorter ones on hulu" -> ("on hulu", [shorter]); the rest of the text and the changes."""
    changes = []
    for table, change in ((w.SHORTER, _shorter), (w.LONGER, _longer), (w.NEWER, _newer), (w.OLDER, _older)):
        found = _longest_phrase(text, table)
        if found:
            text = _strip(_cut(text, found), w.CONNECTORS)
            changes.append(change)
    return text, changes


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


def _kinds(f: Filters) -> int:
    """How many kinds of filter ``f`` states; a runtime or seasons implies the type, not another kind."""
    implied = f.minutes is not None or f.seasons is not None
    kinds = [f.platforms, f.years, None if implied else f.type, f.genres, f.not_genres, f.countries, f.bands, f.ratings,
             f.person, f.minutes, f.seasons, f.score_above]  # fmt: skip
    return sum(1 for value in kinds if value not in (None, frozenset()))


# ---- phrases ------------------------------------------------------------------------------
def _strip(said: str, table: frozenset[str]) -> str:
    """``said`` without phrases of ``table`` at its start and end: "and on hulu then" -> "on hulu"."""
    toks = said.split()
    changed = True
    while toks and changed:
        changed = False
        for size in (4, 3, 2, 1):
            if len(toks) >= size and " ".join(toks[:size]) in table:
                toks, changed = toks[size:], True
                break
            if len(toks) >= size and " ".join(toks[-size:]) in table:
                toks, changed = toks[:-size], True
                break
    return " ".join(toks)


def _starts(said: str, table: frozenset[str]) -> bool:
    toks = said.split()
    return any(" ".join(toks[:size]) in table for size in (1, 2, 3, 4, 5) if len(toks) >= size)


def _words_of(table: frozenset[str]) -> frozenset[str]:
    return frozenset(word for phrase in table for word in phrase.split())


def _only_phrases(said: str, table: frozenset[str]) -> bool:
    """``said`` is phrases of ``table`` (and connectors) only, one at least."""
    if _longest_phrase(said, table) is None:
        return False
    rest = said
    while True:
        phrase = _longest_phrase(rest, table)
        if phrase is None:
            break
        rest = _strip(_cut(rest, phrase), w.CONNECTORS)
    return not rest


def _has(said: str, table: frozenset[str]) -> bool:
    return _longest_phrase(said, table) is not None


def _longest_phrase(said: str, table: frozenset[str]) -> str | None:
    toks = said.split()
    for size in (5, 4, 3, 2, 1):
        for k in range(len(toks) - size + 1):
            phrase = " ".join(toks[k : k + size])
            if phrase in table:
                return phrase
    return None


def _cut(said: str, phrase: str) -> str:
    return f" {said} ".replace(f" {phrase} ", " ", 1).strip()


def _after_phrase(said: str, table: frozenset[str]) -> str | None:
    """What follows the first phrase of ``table``: "anything like that" -> "that"."""
    phrase = _longest_phrase(said, table)
    if phrase is None:
        return None
    head, _, tail = f" {said} ".partition(f" {phrase} ")
    return _strip(tail.strip(), w.CONNECTORS)
