"""What a message's items say it is before any title is looked up (``Understanding._decide``
reads these in order): small talk and reactions, a request rather than a title, a person's
titles, where the span of a title starts, what a word one slip from a verb of watching is."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from core.questions.filters import Role
from core.understanding import lexicon as lx
from core.understanding.lexicon import WEAK_HELP
from core.understanding.message import POLITE, Message, Span, lead_in
from core.understanding.question import Intent
from core.understanding.scanner import (
    Item,
    Token,
    is_arg,
    is_cue,
    is_filler,
)

# Cues that end the span another cue points at: "I loved X, what else should I watch?".
HARD_CUES = ("where", "like", "recommend", "help", "thanks", "taste")
CONVERSATION = ("chatter", "vocative", "help", "greeting", "thanks", "remark")
# Verbs of watching a slip may hide after "where" ("wher cn i wach X"): words of 5+ letters, so
# a slip of one letter stays one of these (the scanner leaves a title's word as it is).
WATCH_VERBS = frozenset(w for w in lx._phrases(lx.CUE_LISTS["watch"]) if " " not in w and len(w) >= 5)


@dataclass
class Found:
    intent: Intent
    span: Span | None = None  # item positions of the title
    role: Role | None = None
    shortest: bool = False


def says_nothing(items: list[Item]) -> bool:
    """Fillers and conversation only: "jaja ok", "lol ok so" (no question, no title)."""
    return all(is_filler(it) or is_cue(it, *CONVERSATION) for it in items)


def stray_number(item: Item, intent: Intent, command: bool) -> bool:
    """A number that is no argument: "top 10" is a list's length, but "/count netflix 1850"
    names a year the catalogue does not have, which the command must say."""
    return intent not in (Intent.TOP, Intent.COUNT) or command and item.value >= 100


def chatter_at_end(m: Message, lo: int, hi: int) -> bool:
    """Thanks, a greeting or politeness end a message without changing it; so does chatter after
    a break or after one of those ("where is frozen? lol", "thanks man"), never a title's last word."""
    item = m.items[hi - 1]
    if is_cue(item, "thanks", "greeting") or item.words in POLITE:
        return True
    if not is_cue(item, "chatter", "vocative") or hi - 1 == lo:
        return False
    before = m.items[hi - 2]
    return m.toks[before.j - 1].stop or m.toks[before.j - 1].comma or is_cue(before, *CONVERSATION)


def reaction_before_break(m: Message, item: Item) -> bool:
    """A reaction ("great", "lol", "ugh") with a comma or a stop right after it."""
    last = m.toks[item.j - 1]
    return is_cue(item, "chatter", "remark") and (last.comma or last.stop)


def reactions_before_break(m: Message, lo: int, hi: int) -> int:
    """Where the question starts after a run of reactions that ends with a comma or a stop:
    "lol ok. then give me a comedy" -> at "then" ("LOL" is a title too)."""
    k = lo
    while k < hi and is_cue(m.items[k], "chatter", "remark", "greeting", "thanks"):
        k += 1
        if reaction_before_break(m, m.items[k - 1]) and k < hi:
            return k
    return lo


def small_talk(core: list[Item]) -> bool:
    """A remark (an insult, a reaction) and nothing else but the words such a sentence is made
    of: "you're so dumb", "this movie is boring", "no sirves para nada" (a type word may be
    what the remark is about; any other argument makes it a request)."""
    return any(is_cue(it, "remark") for it in core) and all(
        is_filler(it)
        or is_cue(it, *CONVERSATION)
        or it.kind == "type"
        or all(w in lx.REMARK_FRAME for w in it.words.split())
        for it in core
    )


def watch_slip(item: Item) -> bool:
    """A word one letter away from a verb of watching: "wach", "wacth", "strem"."""
    word = item.words
    return (
        item.kind == "word"
        and len(word) >= 4
        and any(
            abs(len(v) - len(word)) <= 1 and OSA.distance(word, v, score_cutoff=1) <= 1 for v in WATCH_VERBS
        )
    )


def conversation(items: list[Item], reacted: bool = False) -> Intent:
    """``reacted``: the message is a reaction whatever its other words ("jaja sabia")."""
    cues = {it.value for it in items if it.kind == "cue"}
    found = next((i for i in (Intent.HELP, Intent.THANKS, Intent.GREETING) if i in cues), None)
    reaction = reacted or cues & REACTIONS
    return found or (Intent.REMARK if "remark" in cues or reaction else Intent.UNKNOWN)


REACTIONS = frozenset(["chatter", "remark"])


def symbols_only(text: str) -> bool:
    """Emoji and nothing else: "🙏", "👍👍", "😂"."""
    return any(unicodedata.category(ch) == "So" for ch in text) and not any(ch.isalnum() for ch in text)


def chat_around(m: Message, span: Span) -> bool:
    """A word or two in no catalogue beside laughter, thanks or a reaction: "jaja sabia", "sale,
    gracias", "guay, gracias", "lol yikes" is small talk, not a title nobody carries."""
    reactions = [it for it in m.items if is_cue(it, "chatter", "remark", "thanks")]
    inside = [it for it in m.items[span[0] : span[1]] if it not in reactions]
    plain = all(it.kind == "word" for it in inside)  # "ok and dark": "and" asks for the title Dark
    return bool(reactions) and plain and sum(len(it.words.split()) for it in inside) <= 2


def opener(items: list[Item], lo: int, hi: int, toks: list[Token] | None = None) -> int | None:
    """A yes/no platform question: "is X on netflix", "¿tienen X?", "can I watch X", "quiero ver X"."""
    if is_cue(items[lo], "is", "have", "want", "watch"):
        return lo
    for k in range(lo, min(lo + 3, hi - 1)):  # "does netflix have X", "netflix tiene X"
        if items[k].kind == "platform" and is_cue(items[k + 1], "is", "have"):
            return k + 1
    for k in range(lo + 1, hi - 1) if toks else ():  # "what about frozen 2, is that on disney+?"
        if is_cue(items[k], "is") and items[k + 1].words in lx.ANY_PLATFORM:
            return k  # "titanic esta en alguna?": is the title named before it anywhere
        if is_cue(items[k], "is") and platforms_only(items[k + 1 : hi]):
            return k  # "coco esta en netflix?", "frozen is on disney+ right?": the title before it
        before = toks[items[k - 1].j - 1]
        anaphora = (
            is_cue(items[k], "is") and items[k + 1].words in lx.ANAPHORA and (before.comma or before.stop)
        )
        named_after = any(it.kind == "platform" or it.words in lx.ANY_PLATFORM for it in items[k + 2 : hi])
        if anaphora and named_after:  # about the title named before it; "klaus, is it ok for kids?" is none
            return k
    return None


def platforms_only(items: list[Item]) -> bool:
    """A platform or two and the little words around them: "en netflix", "on hulu too"."""
    return any(it.kind == "platform" for it in items) and all(
        it.kind == "platform" or is_filler(it) or is_cue(it, *CONVERSATION) for it in items
    )


def no_title(m: Message, span: Span) -> bool:
    """Two or more words no title is made of, and no title inside them ("me puede molar")."""
    return (
        span[1] - span[0] > 1
        and all(map(lead_in, m.items[span[0] : span[1]]))
        and not m.is_title(span)
        and m.narrow(span) is None
    )


def hard(item: Item) -> bool:
    """A cue that ends the span another cue points at (a help word that is a noun does not)."""
    return is_cue(item, *HARD_CUES) and not (is_cue(item, "help") and item.words in WEAK_HELP)


def clause_start(items: list[Item], lo: int, at: int) -> int:
    for k in range(at - 1, lo - 1, -1):
        if is_cue(items[k], "taste", "after", "greeting"):
            return k + 1
    return lo


def browse(core: list[Item]) -> Intent:
    kinds = {it.kind for it in core}
    return (
        Intent.COUNTRY
        if "country" in kinds and kinds & {"type", "year"} and "genre" not in kinds
        else Intent.TOP
    )


def weak_genre(items: list[Item], k: int) -> bool:
    """A genre word that is also everyday speech ("war", "doc") counts only beside a type or genre."""
    if items[k].kind != "genre" or items[k].words not in lx.WEAK_GENRES:
        return False
    return not any(it.kind in ("type", "genre") and it is not items[k] for it in items[max(0, k - 2) : k + 3])


# Questions about one title: where it streams, its card, its credits.
ABOUT_ONE_TITLE = frozenset([Intent.WHERE, Intent.TITLE, Intent.CREDITS])

# What makes a message a request for titles, whatever else it says.
REQUEST_KINDS = frozenset(["platform", "type", "genre", "country", "years", "band", "minutes", "seasons",
                           "not_genre", "not_type", "genres", "rating", "person", "topic"])  # fmt: skip


def requests(items: list[Item]) -> bool:
    """Two filters, or one beside a list cue ("something", "algo", "recommend")."""
    filters = [it for it in items if it.kind in REQUEST_KINDS]
    asked = any(
        is_cue(it, "top", "recommend", "want")
        or is_cue(it, "good")
        and any(is_arg(x) for x in items[k + 1 : k + 3])  # "good" before an argument
        or it.words in lx.REQUEST_WORDS
        for k, it in enumerate(items)
    )
    return len(filters) >= 2 or bool(filters) and asked


# What a request asks for that no title is made of: a mood or genre, an audience.
TITLE_FREE_FILTERS = frozenset(["genre", "genres", "not_genre", "band"])


def request_not_title(items: list[Item], span: Span, intent: Intent, verdict: str) -> bool:
    """A message read as a title that no catalogue title confirms is a request when it carries
    one: the whole message for a title typed alone; for a title a cue points at ("where…",
    "recommend…"), only when the words taken for the title hold a filter themselves (a mood, a
    genre, an audience) and no catalogue title reads as them, so "is the godfather on netflix"
    still asks for that title."""
    if intent == Intent.TITLE:
        return verdict != "confident" and requests(items)
    if intent not in (Intent.WHERE, Intent.RECOMMEND) or verdict != "absent":
        return False  # a title that some title reads as ("shows like american horror story") stays one
    inside = items[span[0] : span[1]]
    # a type word may be the title's own ("breaking bad the movie"), a country a word of it
    # ("the last of us"): only what a request asks for counts
    asked = any(
        it.kind in TITLE_FREE_FILTERS and not (it.kind == "genre" and it.words in lx.WEAK_GENRES)
        for it in inside
    )
    return asked and (requests(items) or requests(inside))


def request_of(items: list[Item]) -> Found:
    found = about_person(items)
    if found:
        return found
    if any(is_cue(it, "count") for it in items):
        return Found(Intent.COUNT)
    return Found(browse(items))


def about_person(core: list[Item]) -> Found | None:
    """A message naming a person asks for their titles, or how many there are; "where can I
    watch inception by christopher nolan" asks where a title is, its maker named after it."""
    if not any(it.kind == "person" for it in core):
        return None
    last = core[-1]
    maker = last.kind == "person" and last.words.split()[0] in ("by", "de", "del") and len(core) > 2
    if maker and core[-2].kind == "word" and any(is_cue(it, "where") for it in core):
        return None
    if any(is_cue(it, "count") for it in core):
        return Found(Intent.COUNT)
    if any(is_cue(it, "longest", "shortest") for it in core):  # "la peli más larga de shah rukh khan"
        return Found(Intent.LONGEST, shortest=any(is_cue(it, "shortest") for it in core))
    return Found(Intent.PERSON)
