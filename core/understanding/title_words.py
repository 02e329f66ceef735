"""The words of a typed text and of a catalogue title as the title policy compares them
(``core.understanding.policy``): normalised words, the significant and the little ones, the
parts of a title between colons and dashes, and whether one word is the same as another or a
slip of it. Kept apart so the policy module holds the decisions and this one the word tests.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from core.search.titles import STOPWORDS, normalise
from core.understanding.lexicon import LITTLE_TYPOS, SPANISH_ARTICLES

SEGMENT = re.compile(r":|\s[-–—|/]\s|\(|\)|\[|\]")


@lru_cache(maxsize=65_536)
def title_words(text: str) -> tuple[str, ...]:
    """Normalised words (cached: the same catalogue titles come back query after query)."""
    return tuple(LITTLE_TYPOS.get(w, w) for w in normalise(text).split())


def significant(words) -> list[str]:
    return [w for w in words if w not in STOPWORDS]


def little(words) -> set[str]:
    return {SPANISH_ARTICLES.get(w, w) for w in words if w in STOPWORDS}


def plural(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es")


def close(typed: str, word: str, one_word: bool, known=frozenset()) -> bool:
    """Whether ``typed`` is ``word`` or a slip of it: never a slip of the first letter, and never
    a word that other titles use as it is ("casino" is not a slip of "camino")."""
    if typed == word:
        return True
    if typed.isdigit() or word.isdigit() or typed[0] != word[0] or typed in known:
        return False
    if min(len(typed), len(word)) >= 3 and doubled(typed, word):
        return True  # "nemmo" for "nemo", "ofice" for "office"
    if min(len(typed), len(word)) <= 4:
        # A short word is only mistyped by a letter left out of a longer one ("papl" for "papel")
        # or two letters swapped ("gmae" for "game"), never by another letter ("wire" is not "mire").
        if len(typed) != 4 or OSA.distance(typed, word) != 1:
            return False
        return len(word) == 5 and not plural(typed, word) or sorted(typed) == sorted(word)
    if one_word and plural(typed, word):
        return False
    shorter = min(len(typed), len(word))
    # Two slips only in a long word, and in a one-word title only in a very long one
    # ("ratatoullie"), or "minions" would be "The Millions" and "amelie" "Atelier".
    allowed = 2 if shorter >= (10 if one_word else 6) and max(len(typed), len(word)) >= 7 else 1
    return OSA.distance(typed, word, score_cutoff=allowed) <= allowed


def doubled(a: str, b: str) -> bool:
    """One letter doubled in one word and single in the other."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1:
        return False
    k = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return k > 0 and long[k] == long[k - 1] and long[:k] + long[k + 1 :] == short


def one_slip(typed: list[str], words: list[str]) -> bool:
    """Two or more words, all as they are but one with a slip of a letter (not the first, not a
    plural, not a number): "ricky and morty", even though "Ricky Zoom" uses "ricky" as it is.
    Worth a question, never an answer."""
    if len(typed) != len(words) or len(words) < 2:
        return False
    different = [(a, b) for a, b in zip(typed, words, strict=True) if a != b]
    if len(different) != 1:
        return False
    a, b = different[0]
    return (
        min(len(a), len(b)) >= 3
        and a[0] == b[0]
        and not (a.isdigit() or b.isdigit() or plural(a, b))
        and OSA.distance(a, b, score_cutoff=1) <= 1
    )


def same(typed: list[str], words: list[str], exact: bool = False, known=frozenset()) -> bool:
    if len(typed) != len(words):
        return False
    one_word = len(typed) == 1
    return all((a == b) if exact else close(a, b, one_word, known) for a, b in zip(typed, words, strict=True))


def abbreviated(typed: list[str], words: list[str]) -> bool:
    """All words equal but the last, typed as a clear beginning: "parks and rec"."""
    if len(typed) != len(words) or len(typed) < 2:
        return False
    last, full = typed[-1], words[-1]
    return (
        typed[:-1] == words[:-1] and len(last) >= 3 and len(full) >= len(last) + 3 and full.startswith(last)
    )


@lru_cache(maxsize=32_768)
def segments(title: str) -> tuple[list[str], ...]:
    parts = [significant(title_words(part)) for part in SEGMENT.split(title)]
    return tuple(p for p in parts if p)


def in_order(typed: list[str], words: list[str], known=frozenset()) -> bool:
    position = 0
    for word in typed:
        while position < len(words) and not close(word, words[position], False, known):
            position += 1
        if position == len(words):
            return False
        position += 1
    return True


def numbers(words) -> set[str]:
    return {w for w in words if w.isdigit()}
