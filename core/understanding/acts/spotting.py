"""Titles found anywhere in a message, from the catalogue's own titles and Spanish names.

The rules look for a title where a cue points ("where can I watch …"); a stranger puts it
anywhere: "settle this: my buddy swears breaking bad is on hulu", "lol schitts creek obviously",
"cachai si está the boys en prime". ``spot`` reads every run of up to eight words and keeps the
ones that are exactly a catalogue title (once case, accents and punctuation are ignored), or a
Spanish name of one, longest first and never overlapping.

A run of everyday words is a title too often ("The Deal", "Lead", "Trata" are all in some
catalogue), so a run is kept only when it has a word of its own: not an article, pronoun or
auxiliary, not a word of the lexicon, and — for a title of one word — not a word people use
when they talk about anything (``common``: the words the act corpus uses in several lines).
"""

from __future__ import annotations

from core.search.titles import STOPWORDS, normalise
from core.understanding import lexicon as lx
from core.understanding.message import ALIASES
from core.understanding.scanner import Item, Token

LONGEST_RUN = 8  # words: longer titles are typed with a cue before them, which the rules read
Span = tuple[int, int]  # token positions [i, j)


def spot(text: str, toks: list[Token], items: list[Item], exact_titles, common: frozenset[str]) -> list[Span]:
    known = {k for it in items if it.kind != "word" for k in range(it.i, it.j)}
    found: list[Span] = []
    taken: set[int] = set()
    for size in range(min(LONGEST_RUN, len(toks)), 0, -1):
        for i in range(len(toks) - size + 1):
            j = i + size
            if taken.intersection(range(i, j)) or not _may_be_a_title(toks[i:j], known, i, common):
                continue
            if _is_a_title(text[toks[i].start : toks[j - 1].end], exact_titles):
                found.append((i, j))
                taken.update(range(i, j))
    return sorted(found)


def _is_a_title(typed: str, exact_titles) -> bool:
    key = normalise(typed)
    return key in exact_titles or normalise(ALIASES.get(key, "")) in exact_titles


def _may_be_a_title(run: list[Token], known: set[int], start: int, common: frozenset[str]) -> bool:
    words = [t.word for t in run]
    own = [
        w for k, w in enumerate(words)
        if w not in STOPWORDS and w not in lx.FUNCTION_WORDS and w not in lx.ARTICLES and start + k not in known
    ]  # fmt: skip
    if not own:
        return False  # "get out", "the one", "on netflix": nothing but little or known words
    if len(words) == 1:
        return len(words[0]) >= 4 and words[0] not in common and words[0] not in lx.COMMON
    return True
