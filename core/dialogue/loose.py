"""The last reading of a follow-up: what it names, whatever else it says.

People wrap a change in words nobody listed: "on netflix tho", "and from japan specifically",
"a few more", "dame mas opciones", "the first one, where's that", "top one — who directed it".
The phrase tables of ``core.dialogue.words`` cannot list every wrapping, so when the earlier
readings found nothing, the message is read for its parts: a position in the last list, a
"more" word, the filters it states, the question words it has. The other words are let go,
unless they name a title the policy is sure of: then the message asks about that title.
"""

from __future__ import annotations

from dataclasses import replace

from core.dialogue import common as c
from core.dialogue import phrases as p
from core.dialogue import refer, refine
from core.dialogue import words as w
from core.dialogue.frame import Frame
from core.search.titles import normalise
from core.understanding.policy import CONFIDENT
from core.understanding.question import TITLE_INTENTS, Intent, Question

# Questions read alone that a follow-up may stand for: nothing clear, a title nobody is sure
# of, small talk, or a list with nothing in it ("more suggestions").
OPEN = frozenset([Intent.UNKNOWN, Intent.REMARK, Intent.HELP, Intent.TOP, Intent.RECOMMEND, *TITLE_INTENTS])


def read(frame: Frame, q: Question, said: str, understanding) -> Question | None:
    if frame.asked is None and frame.missed is None or not _open(q, said):
        return None
    parts = understanding.parts(said)
    if parts.leftover and _names_a_title(parts.leftover, understanding):
        return None  # "and soul", "what about the office tho": a title of its own
    found = refer.position(said)
    if found is not None:
        return _pointed(frame, *found, understanding)  # past the list's end: no other reading
    if q.intent == Intent.ACTOR:
        return _focused(frame, said, understanding)  # "quien actua ahi": of the title in focus
    rest, relative = refine.relative(said)  # "y mas cortitas": shorter, no "more"
    stated = understanding.parts(rest).filters if relative else parts.filters
    if p.has(said, w.LIKE) and stated.is_empty():
        return _like(frame, said, understanding)  # "otras del mismo estilo"
    unknown = set(parts.leftover.split()) - w.MORE_WORDS - w.CONNECTOR_WORDS
    if _asks_more(said, unknown) and not relative and stated.is_empty() and len(unknown) <= 2:
        return refine.continued(frame, understanding) if frame.shown else None
    if not stated.is_empty() or relative:
        return _refined(frame, stated, relative, understanding)
    if p.has(said, w.DIRECTOR_WORKS) and frame.focus:
        return refer.directors_titles(frame.focus, understanding, q)  # "y que mas dirigio"
    return _focused(frame, said, understanding)


def _asks_more(said: str, unknown: set[str]) -> bool:
    """A "more" word that is no comparative: "a few more", "dame mas opciones", but not "mas
    chiquitos", "more scary" (a word nobody knows right after it)."""
    toks = said.split()
    for k, tok in enumerate(toks):
        comparative = tok in ("more", "mas") and k + 1 < len(toks) and toks[k + 1] in unknown
        if tok in w.MORE_WORDS and not comparative:
            return True
    return False


def _open(q: Question, said: str) -> bool:
    if q.intent == Intent.ACTOR:  # "who's in it" read alone: who is in the most titles
        return q.filters.is_empty() and not set(said.split()) & w.MOST_WORDS
    if q.intent not in OPEN:
        return False
    if q.intent in TITLE_INTENTS and q.title:
        return q.answer()[0] != CONFIDENT
    if q.intent in (Intent.TOP, Intent.RECOMMEND):
        return q.filters.is_empty() and not q.title
    return True


def _names_a_title(leftover: str, understanding) -> bool:
    words = understanding.scanner.title_words
    if not any(normalise(word) in words for word in leftover.split()):
        return False  # no word of any title (a look-up costs 1-2 ms): "tho", "specifically"
    q = understanding.parse(leftover)
    return c.names_a_title(q) and q.answer()[0] == CONFIDENT


def _pointed(frame: Frame, at: int, rest: str, understanding) -> Question | None:
    """ "the first one, where's that", "top one — who directed it", "el cuarto donde lo veo"."""
    if not frame.shown or at > len(frame.shown):
        return None
    title_id = frame.shown[at - 1 if at > 0 else -1]
    asked = refer.asked_loosely(rest, understanding)
    return c.about(asked.intent if asked else Intent.TITLE, title_id, understanding, asked)


def _like(frame: Frame, said: str, understanding) -> Question | None:
    """Suggestions like the title named after "like" ("no, mejor como valiente"); else like
    the title in focus; else like the title just found in no catalogue, which says so again
    ("bummer, got anything similar" after Titanic)."""
    named = c.like_a_title(said, understanding)
    if named is not None:
        return named
    listed = frame.listed
    if (
        listed is not None
        and listed.intent == Intent.RECOMMEND
        and frame.shown
        and frame.focus == frame.listed_about
    ):
        return refine.continued(frame, understanding)  # "more like that": the same list on
    target = frame.focus or (frame.shown[0] if len(frame.shown) == 1 else None)
    if target is not None:
        return c.about(Intent.RECOMMEND, target, understanding)
    if frame.missed is not None and frame.missed.title:
        return replace(frame.missed, intent=Intent.RECOMMEND)
    return None


def _refined(frame: Frame, stated, relative, understanding) -> Question | None:
    asked = frame.asked
    if asked is None or asked.intent in c.CHAT:
        return None  # a title just found in no catalogue, and no question before it
    if asked.intent in c.ABOUT_A_TITLE:
        if frame.focus and stated.platforms and c.kinds(stated) == 1 and not relative:
            return c.about(
                Intent.WHERE,
                frame.focus,
                understanding,
                Question(Intent.WHERE, platform=min(stated.platforms)),
            )
        return None
    return refine.again(
        asked.refined(refine.changed(asked.filters, stated, relative), start=0), frame, understanding
    )


def _focused(frame: Frame, said: str, understanding) -> Question | None:
    """ "so where can i get it", "y el reparto?", "cool who plays him": a question that can
    only be about the title in focus."""
    target = frame.focus or (frame.shown[0] if len(frame.shown) == 1 else None)
    if target is None:
        return None
    asked = refer.asked_loosely(said, understanding)
    return c.about(asked.intent, target, understanding, asked) if asked is not None else None
