"""Readings of last resort, when nothing in a message was sure (``Understanding._parse``): a
"title" in no catalogue that opens like a request is a list request; thanks followed by words
the bot cannot answer are thanks. Neither ever answers "not in the catalogues"."""

from __future__ import annotations

from core.questions.filters import Ranking
from core.search.titles import normalise
from core.understanding import lexicon as lx
from core.understanding.message import Message
from core.understanding.policy import ABSENT
from core.understanding.question import TITLE_INTENTS, Intent, Question
from core.understanding.scanner import is_cue

REQUEST_OPENERS = frozenset(
    ["something", "anything", "algo", "alguna", "alguno", "algun", "smth", "sth", "stuff"]
)
ARTICLE_OPENERS = frozenset(["a", "an", "un", "una", "any"])
MAX_OPENED = 8  # words: a longer message opening with "something" says more than a request
WHERE_WORDS = frozenset(
    ["plataforma", "plataformas", "platform", "platforms", "app", "apps", "service", "servicio"]
)


def request_after_all(q: Question) -> Question | None:
    """A "title" in no catalogue that opens like a request ("something relaxing to fall asleep",
    "algo que me haga pensar", "an old black and white movie"): a list of the best titles with
    the filters said, never "not in the catalogues"."""
    if q.intent not in (Intent.TITLE, Intent.WHERE) or not q.title or q.answer()[0] != ABSENT:
        return None
    words = normalise(q.title).split()
    opens = words and words[0] in REQUEST_OPENERS
    typed = len(words) >= 3 and words[0] in ARTICLE_OPENERS and words[-1] in lx.TYPES
    if not (opens or typed) or q.intent == Intent.WHERE and set(words) & WHERE_WORDS:
        return None  # "¿hay alguna plataforma con el internado?" asks where a title is
    return picks(q)


def request_by_opener(m: Message, q: Question) -> Question | None:
    """ "something for tonight", "algo para ver hoy", "anything on tonight": a message read as
    nothing that opens like a request is one, answered with picks."""
    words = normalise(m.text).split()
    if q.intent != Intent.UNKNOWN or not words or words[0] not in REQUEST_OPENERS or len(words) > MAX_OPENED:
        return None
    return picks(q)


def picks(q: Question) -> Question:
    """A list of picks (``core.questions.picks``) with the filters ``q`` said."""
    return Question(Intent.TOP, language=q.language, leaning=q.leaning).refined(
        q.filters.but(ranking=Ranking.PICKS)
    )


def thanks_first(m: Message, q: Question) -> Question | None:
    """ "ty ur a lifesaver", "thx!! wish me luck w the candles", "ok we're all set. thanks!!":
    thanks first or last, and nothing the bot can answer: the thanks are the message."""
    if not m.items or not (is_cue(m.items[0], "thanks") or is_cue(m.items[-1], "thanks")):
        return None
    if q.intent != Intent.UNKNOWN and not (q.intent in TITLE_INTENTS and q.answer()[0] == ABSENT):
        return None
    return Question(Intent.THANKS, language=q.language, leaning=q.leaning)
