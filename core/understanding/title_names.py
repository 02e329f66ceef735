"""Names a title goes by besides its whole title, for the title policy (``core.understanding.policy``):

- the name before a subtitle that only says what kind of work it is: "El Camino: A Breaking Bad
  Movie" is El Camino, "Rogue One: A Star Wars Story" Rogue One, "Hachi: A Dog's Tale" Hachi.
  A subtitle that names another work ("Dirty Dancing: Havana Nights", "Ice Age: The Meltdown")
  or says what the work is about ("Titanic: 20 Years Later", "Black Hawk Down: The Untold
  Story") does not: those heads name a famous title the catalogues may not carry;
- a franchise's name, when two or more titles begin with it followed by a colon, a number or
  a type word only ("star wars", "pokémon": "Pokémon: Indigo League", "Pokémon the Series",
  "Pokémon 3: The Movie"; "louis c.k.": "Louis C.K. 2017", "Louis C.K.: Hilarious"). Such a
  text is the name of what the catalogues carry, so the reply is "which one?", never "not in
  the catalogues". Other words after it make other titles ("casino" is no franchise of
  "Casino Royale" and "Casino Tycoon");
- and, for a title in no catalogue, the titles that share a distinctive word with it, offered
  only as suggestions after saying it is absent ("titles with a word in common").
"""

from __future__ import annotations

import re

from core.understanding import title_words as tw
from core.understanding.lexicon import COMMON

# ": A(n) … Movie|Film|Story|Tale|Mystery" and nothing after it, no number (no "Part 2").
DESCRIPTOR = re.compile(r":\s*an?\s+[^:\d]*\b(?:movie|film|story|tale|mystery)\s*$", re.IGNORECASE)
SERIES_WORDS = frozenset(["movie", "series", "film", "show", "special", "shorts", "saga"])


def distinctive(words) -> set[str]:
    """The words that tell a title apart: 4+ letters, no number, not an everyday word."""
    return {w for w in tw.significant(words) if len(w) >= 4 and not w.isdigit() and w not in COMMON}


def named_by_head(title: str, typed_sig: list[str]) -> bool:
    """Whether ``typed_sig`` (the significant words typed, already the title's name before its
    colon) is the title's own name: the subtitle only describes it and the name has a word of
    its own ("el camino", not "the one")."""
    return bool(DESCRIPTOR.search(title)) and bool(distinctive(typed_sig))


def by_its_name(text: str, match, least: float) -> bool:
    """The text is the match's name before a subtitle that only describes it ("El Camino: A
    Breaking Bad Movie"), and the resolver scores the match at least ``least``."""
    typed, segments = tw.significant(tw.title_words(text)), tw.segments(match.title)
    return (
        match.score >= least
        and len(segments) > 1
        and tw.same(typed, segments[0], exact=True)
        and named_by_head(match.title, typed)
    )


def shares_word(words: set[str], title: str) -> bool:
    """Whether the title has one of ``words`` (or it in the plural or singular): a suggestion."""
    theirs = set(tw.significant(tw.title_words(title)))
    return any(
        w in theirs or w + "s" in theirs or w + "es" in theirs or w.rstrip("s") in theirs for w in words
    )


def franchise(text: str, matches) -> list:
    """The matches a franchise named by ``text`` holds: the name before their colon, or the name
    followed only by numbers and type words ("Pokémon the Series", "Louis C.K. 2017")."""
    typed = tw.significant(tw.title_words(text))
    if not typed:
        return []
    found = []
    for m in matches:
        segments = tw.segments(m.title)
        if not segments:
            continue
        head, rest = segments[0][: len(typed)], segments[0][len(typed) :]
        if head != typed:
            continue
        if rest and not all(w.isdigit() or w in SERIES_WORDS for w in rest):
            continue
        if rest or len(segments) > 1:
            found.append(m)
    return found
