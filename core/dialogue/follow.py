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

import re
from dataclasses import dataclass
from enum import StrEnum

from core.dialogue import common as c
from core.dialogue import loose, refer, refine
from core.dialogue import phrases as p
from core.dialogue import words as w
from core.dialogue.frame import Frame
from core.understanding.acts import SURE
from core.understanding.policy import CONFIDENT
from core.understanding.question import TITLE_INTENTS, Intent, Question

LAUGHED_OFF = 0.85  # the act reader's chat probability after laughter that makes a message a remark
MORE_WORDS_AT_MOST = 8  # "more" in words of its own is short; longer messages ask something else


class Kind(StrEnum):
    NEW = "new"  # a question of its own
    MORE = "more"  # the last list continued
    POINTED = "pointed"  # about a title of the last list
    FOCUSED = "focused"  # about the title in focus
    REFINED = "refined"  # the last question with other filters
    LOOSE = "loose"  # read for its parts, the words around them let go


@dataclass(frozen=True)
class Reading:
    question: Question
    kind: Kind = Kind.NEW


def follow(frame: Frame | None, q: Question, text: str, understanding, now: float | None = None) -> Reading:
    """The question ``text`` asks in the conversation ``frame`` holds; ``q`` is the message
    read alone (``understanding.parse(text)``)."""
    if frame is None or frame.is_empty() or now is not None and frame.expired(now):
        return Reading(q)
    if _laughed_off(text, q, understanding):  # "jaja q viejas", "lmao my gf will make me watch all of these"
        return Reading(Question(Intent.REMARK, language=q.language, leaning=q.leaning))
    corrected = CORRECTION.match(text)
    if corrected and corrected.end() < len(text):  # "wait no, movies": "no" answers, it negates nothing
        text = text[corrected.end() :]
        q = understanding.parse(text)
    clause = _before_a_reason(text, understanding)
    if clause is not None:  # "pero en prime, q netflix ya no lo pago": the change, not its reason
        return follow(frame, understanding.parse(clause), clause, understanding, now)
    asked_first = _first_question(frame, text, understanding, now)
    if asked_first is not None:  # "how long is it?? heard its like 4 hours": the remark is no question
        return asked_first
    said = w.fold(text)
    bare = p.strip(said, w.CONNECTORS)
    listed = _continues(said, bare)  # "otra cosa" alone: other titles; "otra cosa, ..." a new question
    if p.has(said, w.START_AFRESH) and q.intent not in c.CHAT and not listed:
        return Reading(q)  # "actually forget it, whats the longest movie on hulu": nothing carried over
    if bare and bare != said and _weak(q):
        q = understanding.parse(bare)  # "ok what about zendaya": the words after "what about"
    asked = frame.asked
    if asked is not None and (listed or _more_by_act(said, understanding)):
        if asked.intent in c.COUNTS and not (listed and frame.shown):
            return Reading(refine.titles_of(asked), Kind.REFINED)  # "more" after a count: its titles
        if frame.shown or listed:  # "more pls" after a list that came out empty: that list again, said so
            return Reading(refine.continued(frame, understanding), Kind.MORE)
    q = _there(frame, q, said)
    pointed = refer.pointed(frame, q, said, understanding)
    if pointed is not None:
        return Reading(pointed, Kind.POINTED)
    focused = refer.focused(frame, q, said, bare, understanding)
    if focused is not None:
        return Reading(focused, Kind.FOCUSED)
    refined = refine.refined(frame, q, said, bare, understanding, linked=bool(corrected))
    if refined is not None:
        return Reading(refined, Kind.REFINED)
    loosely = loose.read(frame, q, said, understanding)
    if loosely is not None:
        return Reading(loosely, Kind.LOOSE)
    return Reading(q)


# A correction opening a follow-up: "wait no, movies", "nah. shows", "no espera, en hulu".
CORRECTION = re.compile(
    r"^\s*(?:(?:wait|espera)\s+(?:no|nah)\b|(?:no|nah)\s+(?:wait|espera)\b|(?:hmm+\s+)?(?:no|nah|nope|nop)\s*[,.!;])"
    r"[\s,.!;]*",
    re.I,
)


def _first_question(frame: Frame, text: str, understanding, now) -> Reading | None:
    """A question about the title in focus or the list, then a remark with no question in it:
    the question alone."""
    first, mark, rest = text.partition("?")
    if not mark or not rest.strip(" ?!.") or "?" in rest.strip(" ?"):
        return None
    reading = follow(frame, understanding.parse(first), first, understanding, now)
    return reading if reading.kind in (Kind.FOCUSED, Kind.POINTED) else None


def _before_a_reason(text: str, understanding) -> str | None:
    """The clause before a comma when it asks for more and what follows states nothing, or when
    what follows is a reason and the clause states filters."""
    first, comma, rest = text.partition(",")
    if not comma:
        return None
    said = w.fold(first)
    if _continues(said, p.strip(said, w.CONNECTORS)) and _says_nothing_more(rest, understanding):
        return first  # "y otras más, la última vez lo prometo jaja"
    if not p.starts(w.fold(rest), w.REASONS):
        return None
    if said.partition(" ")[0] in w.LEAVING_OUT and understanding.parts(rest).filters.platforms:
        return None  # "not netflix, i only have amazon and hulu": the platforms are after the comma
    stated = understanding.filters_of(p.strip(said, w.CONNECTORS))
    return first if stated is not None and not stated.is_empty() else None


def _says_nothing_more(rest: str, understanding) -> bool:
    """A remark after "more": no filter, no question of its own ("sorry im picky lol")."""
    q = understanding.parse(rest)
    vague = q.intent == Intent.UNKNOWN or q.intent in c.CHAT or _weak(q) and q.intent == Intent.TITLE
    return vague and understanding.parts(rest).filters.is_empty()


def _continues(said: str, bare: str) -> bool:
    """ "more", "otra", "more of those" (whose "those" is no connector here)."""
    return said in w.CONTINUE or bool(bare) and bare in w.CONTINUE


def _more_by_act(said: str, understanding) -> bool:
    """Words the act classifier reads as "more" that state no filter and name no title ("a
    couple more options tho", "list em", "enséñame unas cuantas")."""
    if len(said.split()) > MORE_WORDS_AT_MOST:
        return False
    reading = understanding.act(said)
    return (
        reading.act.name == "more" and reading.act.p >= SURE and not reading.titles
        and understanding.parts(said).filters.is_empty()
    )  # fmt: skip


def _laughed_off(text: str, q: Question, understanding) -> bool:
    """Laughter, then a remark the act reader is sure is small talk: no question mark, no
    title. "jaja ok pero en hulu" is a change the reader does not call chat."""
    if "?" in text or not w.LAUGHTER.match(text):
        return False
    reading = understanding.act(text)
    if reading.titles or reading.act.name not in ("chat", "unknown"):
        return False
    # "lmao none of us know him": a sentence read as a title nobody carries
    absent = q.intent in TITLE_INTENTS and q.title and q.answer()[0] != CONFIDENT
    return reading.act.p >= (SURE if absent else LAUGHED_OFF) and (reading.act.name == "chat" or absent)


def _there(frame: Frame, q: Question, said: str) -> Question:
    """ "cowboy bebop is on there right?": "there" is the platform the last question was about."""
    last = frame.asked
    if q.intent != Intent.WHERE or q.filters.platforms or last is None or len(last.filters.platforms) != 1:
        return q
    if not set(said.split()) & w.THERE:
        return q
    return q.refined(q.filters.but(platforms=last.filters.platforms))


def _weak(q: Question) -> bool:
    """Read alone, the message asked nothing clear: no intent, or a title nobody is sure of."""
    return (
        q.intent == Intent.UNKNOWN
        or q.intent in TITLE_INTENTS
        and bool(q.title)
        and q.answer()[0] != CONFIDENT
    )
