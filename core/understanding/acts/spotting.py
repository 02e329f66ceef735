"""Titles found anywhere in a message, from the catalogue's own titles and Spanish names.

The rules look for a title where a cue points ("where can I watch …"); a stranger puts it
anywhere: "settle this: my buddy swears breaking bad is on hulu", "lol schitts creek obviously",
"what genre is bird box". ``spot`` reads every run of up to eight items of the message
and keeps the ones that are exactly a title (``Message.is_title``: a catalogue title once case,
accents and punctuation are ignored, or a Spanish name of one), longest first, never overlapping.

A run of everyday words is a title too often ("The Deal", "Lead", "Trata" are all in some
catalogue), so a run is kept only when it has a word of its own: not an article, pronoun or
auxiliary, not a word the scanner knows (a cue, a platform, a genre …), and — for a title of one
word — not a word people use when they talk about anything (``common``: the words the act
corpus uses in several lines that name no title).
"""

from __future__ import annotations

from core.search.titles import STOPWORDS
from core.understanding import lexicon as lx
from core.understanding.scanner import Item

LONGEST_RUN = 8  # items: longer titles are typed with a cue before them, which the rules read
Span = tuple[int, int]  # item positions [i, j)
LITTLE = STOPWORDS | lx.FUNCTION_WORDS | lx.ARTICLES
POSSESSIVES = lx.DETERMINERS - lx.ARTICLES


def spot(message, common: frozenset[str]) -> list[Span]:
    """``message``: a ``core.understanding.message.Message``."""
    items = message.items
    found: list[Span] = []
    taken: set[int] = set()
    # Items with a word of their own, counted: a run of two or more has one when the count
    # grows across it, which is ``_may_be_a_title``'s answer for it without building its words
    # (~60 runs a message; ``test_spotting`` compares both on real messages).
    owned = [0]
    for it in items:
        owned.append(owned[-1] + (it.kind == "word" and any(w not in LITTLE for w in it.words.split())))
    for size in range(min(LONGEST_RUN, len(items)), 0, -1):
        for i in range(len(items) - size + 1):
            j = i + size
            if taken.intersection(range(i, j)):
                continue
            if size == 1 and not _may_be_a_title(items[i:j], common) or owned[j] == owned[i]:
                continue
            if size == 1 and any(it.words in POSSESSIVES for it in items[max(0, i - 2) : i]):
                continue  # "mi jefe dice…", "my little cousins": my boss, not "Jefe"
            if message.is_title((i, j)):
                found.append((i, j))
                taken.update(range(i, j))
    return sorted(found)


def _may_be_a_title(run: list[Item], common: frozenset[str]) -> bool:
    own = [word for it in run if it.kind == "word" for word in it.words.split() if word not in LITTLE]
    if not own:
        return False  # "get out", "the one", "on netflix": nothing but little or known words
    if len(run) == 1 and " " not in run[0].words:
        word = run[0].words
        # "looking for love actually": a lead-in is a lead-in before it is "Looking"
        # One look-up per set: their union, built at every call, cost ~10 us a run.
        return len(word) >= 4 and not any(
            word in words for words in (common, lx.COMMON, lx.LEAD_INS, lx.CONFIRMING)
        )
    return True
