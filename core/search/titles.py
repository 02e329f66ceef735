"""Title normalisation, series keys and the fuzzy title resolver behind ``Recommender.resolve``.

The resolver scores candidates and nothing else: which score is a sure answer, a "did you
mean" or an absent title is decided in one place, ``core.understanding.policy``.

Every title is normalised once at build time (accents, case, punctuation, apostrophes,
number words and roman numerals), so a query only pays for normalising itself.
Resolution runs in two stages because the precise scorers are too slow for a whole catalogue
(``partial_ratio`` over 22k titles costs ~26 ms):

1. candidates from two indexes (``core.search.index``), so no query scans every title:
   character trigrams of the space-less keys (whole-title misspellings: the best ``fuzz.ratio``
   among keys sharing trigrams with the query) and significant words (partial titles, missing
   or extra words, one typo per word), 25 keys each;
2. scoring: a handful of rapidfuzz scorers on those few dozen candidates, combined so
   that a short title never wins a long query just by being contained in it (the
   failure of ``WRatio``, which answers "er" or "troy" for clear queries).

Stage 1 used to be ``fuzz.ratio`` over every key plus a dense word-coverage vector, which grew
with the catalogue (``ExhaustiveTitleResolver`` keeps that scan as the reference);
``python -m benchmarks.eval_title_search --factor 1 4 10`` compares the two, and the README's
"Scale" table has resolve p50/p99 up to 920k titles.

At x1 the index gives the scan's top title and confidence on every query that names a title
(1,134 queries: typos, missing or extra words, partial titles, Spanish articles; absent titles
differ only in which unsure guess comes first). At x10 it gives the same top title on 99% of
them, the same confidence on 99.9%: mostly equal scores, where the index prefers the shorter
title (partial titles: 92.5% right against the scan's 90.3%).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from core.search.index import GramIndex, WordIndex, forget_similar, length_ranks, scores_of

MAX_QUERY_CHARS = 200  # longer than any title (109): the rest of a 2,000-char paste is noise
# Scores only: whether a score is good enough to answer is the title policy's call
# (core.understanding.policy), never this module's.
EXACT_SCORE = 100.0  # the normalised text equals the title exactly
PER_STAGE = 25  # candidates from each index; the scorers below then rank a few dozen keys
ONE_LETTER_SCORE = 80.0  # a one-letter query only finds a title of that one letter, never confidently
STOPWORDS = frozenset([
    "the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "with", "from", "by", "is", "are", "my",
    "your", "our", "his", "her", "its", "part", "episode", "vol", "volume", "chapter",
    "la", "le", "el", "los", "las", "les", "der", "die", "das",
])  # fmt: skip
NUMBER_WORDS = {word: str(i) for i, word in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
])}  # fmt: skip
ROMAN = {numeral: str(i) for i, numeral in enumerate(
    ["ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii"], start=2
)}  # fmt: skip
# "v" and "x" are words too ("x-men", "v for vendetta"): only a numeral after these or at the end.
NUMERAL_CONTEXT = frozenset(["episode", "part", "chapter", "vol", "volume", "season", "book"])
SPECIAL_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "&": " and "})
APOSTROPHES = re.compile(r"['’‘`´]")
NON_WORD = re.compile(r"[\W_]+")
DIGITS = re.compile(r"\d+")
SERIES_TAIL = re.compile(r"(\s+(the movie|the series|the film|movie|part \d+|season \d+|vol \d+|\d+))+$")


# A Spanish article said before an English title is its "the": "los simpsons", "el mandalorian".
SPANISH_ARTICLES = {"el": "the", "la": "the", "los": "the", "las": "the"}


def with_english_article(query: str, exact) -> str:
    """A normalised ``query`` whose Spanish article, made "the", is exactly one of the ``exact``
    titles ("los simpsons" -> "the simpsons"); else the query itself ("la casa de papel" is a
    title as it is)."""
    article, _, rest = query.partition(" ")
    if not rest or query in exact or article not in SPANISH_ARTICLES:
        return query
    english = f"the {rest}"
    return english if english in exact else query


def normalise(text) -> str:
    """Lowercase ascii-folded words separated by single spaces; number words become digits,
    "&" and a Spanish "y" between words "and"."""
    if not isinstance(text, str):
        return ""
    return _normalised(text)


# One message's readings normalise the same texts again and again (its spans, the catalogue
# titles each look-up finds: ~100 calls a message), and each costs a few microseconds. The
# answer depends on the text alone, so a remembered one is the one a fresh call gives.
# ``core.understanding.memo.Lookups.clear`` empties it with the other look-ups.
@lru_cache(maxsize=8_192)
def _normalised(text: str) -> str:
    text = text[:MAX_QUERY_CHARS]
    if text.isascii():  # most texts: casefold is lower, and NFKD and dropping accents change nothing
        text = text.lower().translate(SPECIAL_LETTERS)
    else:
        text = unicodedata.normalize("NFKD", text.casefold()).translate(SPECIAL_LETTERS)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = NON_WORD.sub(" ", APOSTROPHES.sub("", text)).split()
    if _RESPELT.isdisjoint(words):
        return " ".join(words)  # most texts: no word ``_numeral`` changes
    return " ".join(_numeral(words, i) for i in range(len(words)))


# The words ``_numeral`` may change; any other word it returns as it is.
_RESPELT = frozenset(NUMBER_WORDS) | frozenset(ROMAN) | {"y"}


def _numeral(words: list[str], i: int) -> str:
    word = words[i]
    if word == "y" and 0 < i < len(words) - 1:
        return "and"  # "rick y morty": Spanish "and", as "&" is (not "Generation Y", "Y tu mamá")
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word in ROMAN and (word not in ("v", "x") or i == len(words) - 1 or words[i - 1] in NUMERAL_CONTEXT):
        return ROMAN[word] if i > 0 else word  # a title never starts with a numeral ("ix", "vi")
    return word


def significant(key: str) -> str:
    """The key without articles and little words (falls back to the key if nothing is left)."""
    words = [w for w in key.split() if w not in STOPWORDS]
    return " ".join(words) if words else key


def series_stem(raw_title, key: str | None = None) -> tuple[str, bool]:
    """The title before any subtitle (":", " - ", "(") without trailing numbers, "the movie", "part 2"...,
    and whether anything was cut (then the stem is a franchise name the catalogue itself uses).

    "Star Wars: The Last Jedi (Episode VIII)" -> "star wars"; "Frozen 2" -> "frozen";
    "High School Musical 3: Senior Year" -> "high school musical".
    """
    if not isinstance(raw_title, str):
        return "", False
    full = normalise(raw_title) if key is None else key  # ``key``: normalise(raw_title), known
    head = re.split(r":|\s[-–—/]\s|\(", raw_title, maxsplit=1)[0]
    stem = SERIES_TAIL.sub("", full if head == raw_title else normalise(head))
    return stem, stem != full


def series_keys(raw_titles: list, keys: list[str] | None = None) -> list[str]:
    """A series key per title, "" when it belongs to none (the definition used everywhere).

    A title's stem (see ``series_stem``) names its series when at least one other, different
    title has the same stem ("frozen" + "frozen 2"; "star wars: visions" + "star wars: the last
    jedi"). A title whose own stem is unshared joins the series named by its first two or three
    words if the catalogue uses those words as a cut stem elsewhere ("power rangers dino fury"
    joins "power rangers: megaforce"; "toy story of terror" joins "toy story 2"). Stems without
    three letters ("9/11" -> "9") name nothing. ``keys``: the titles normalised, if known.
    """
    keys = [normalise(t) for t in raw_titles] if keys is None else keys
    pairs = [series_stem(t, k) for t, k in zip(raw_titles, keys, strict=True)]
    stems, cut = zip(*pairs, strict=True) if pairs else ((), ())
    franchise_names = {stem for stem, was_cut in zip(stems, cut, strict=True) if was_cut}
    candidates = []
    for stem in stems:
        words = stem.split()
        prefixes = [" ".join(words[:n]) for n in (3, 2) if len(words) > n]
        # A prefix needs two real words: "the last" (from "The Last: Naruto the Movie") names nothing.
        named = [p for p in prefixes if p in franchise_names and len(significant(p).split()) >= 2]
        candidates.append([stem] + named)
    titles_per_stem: dict[str, set] = {}
    for names, key in zip(candidates, keys, strict=True):
        for name in names:
            titles_per_stem.setdefault(name, set()).add(key)
    result = []
    for names in candidates:
        shared = [n for n in names if len(titles_per_stem[n]) > 1 and _has_word(n)]
        result.append(shared[0] if shared else "")
    return result


def _has_word(name: str) -> bool:
    return any(sum(c.isalpha() for c in w) >= 3 for w in name.split() if w not in STOPWORDS)


class TitleResolver:
    """Fuzzy lookup of normalised title keys; returns (key index, score 0-100) best first."""

    def __init__(self, keys: list[str]):
        self.keys = keys
        self.exact = {k: i for i, k in enumerate(keys)}
        # The indexes number keys by length (core.search.index): rank -> key index.
        compact = [_compact(k) for k in keys]
        self.by_length = length_ranks(compact)
        ranked = self.by_length.tolist()
        self.grams = GramIndex([compact[i] for i in ranked])
        del compact  # derived again for the few dozen keys a query scores (~15 MB at 230k titles)
        self.sig = [significant(k) for k in keys]
        self.words = WordIndex([self.sig[i] for i in ranked])
        self.word_id = self.words.word_id  # the titles' vocabulary (core.understanding reads it)
        # The little words of each key, as bits (``_little_mask``): ``_scores`` compares them in numpy.
        self.little = np.array([_little_mask(k.split()) for k in keys], dtype=np.int64)

    def search(self, query: str, limit: int) -> list[tuple[int, float]]:
        """Best ``limit`` keys for a normalised query."""
        compact = query.replace(" ", "")
        if len(compact) < 2:
            # One letter matches everything: only an exact title, scored below any sure answer.
            return [(self.exact[query], ONE_LETTER_SCORE)] if query in self.exact else []
        query_sig = significant(query)
        candidates = sorted(self._candidates(query, query_sig, compact))
        scores = self._scores(query, query_sig, compact, candidates)
        # Equal scores: the closer by Damerau-Levenshtein (a swapped pair of letters is one slip, not two).
        # Only a score two candidates share needs it: elsewhere the order is the scores' alone.
        shared = {score for score, n in Counter(scores).items() if n > 1}
        tied = [k for k, score in enumerate(scores) if score in shared]
        ties = [0.0] * len(candidates)
        found = _similarities(
            compact, [_compact(self.keys[candidates[k]]) for k in tied], OSA.normalized_similarity
        )
        for k, similarity in zip(tied, found, strict=True):
            ties[k] = similarity
        order = sorted(range(len(candidates)), key=lambda k: (-scores[k], -ties[k], candidates[k]))
        return [(candidates[k], scores[k]) for k in order[:limit]]

    def _candidates(self, query: str, query_sig: str, compact: str) -> set[int]:
        close = self.grams.closest(compact, PER_STAGE)  # whole-title misspellings
        covered = self.words.best_covered(query_sig.split(), PER_STAGE)  # partial titles
        found = set(self.by_length[np.concatenate([close, covered])].tolist())
        if query in self.exact:
            found.add(self.exact[query])
        return found

    def _scores(self, query: str, query_sig: str, compact: str, candidates: list[int]) -> list[float]:
        """Whole-title similarity, or a discounted match of the query inside a longer title, per
        candidate. Each scorer runs once over all candidates (``process.cdist``, in C) and their
        best is taken in numpy: one call per candidate and scorer, then a Python loop over the
        candidates, was most of a search's time. Only the longer titles and a typed number
        are scored one candidate at a time."""
        if not candidates:
            return []
        keys = [self.keys[i] for i in candidates]
        sigs = [self.sig[i] for i in candidates]
        compacts = [_compact(key) for key in keys]
        # Little words may be missing, but each one that differs costs ("the godfather" is not "our godfather").
        little = 3 * np.bitwise_count(self.little[candidates] ^ _little_mask(query.split())).astype(np.int64)
        scores = np.maximum.reduce([
            _scored(query, keys, fuzz.ratio), _scored(compact, compacts, fuzz.ratio),
            _scored(query_sig, sigs, fuzz.ratio) - 1 - little,
            _scored(query_sig, sigs, fuzz.token_sort_ratio) - 3 - little,  # swapped words
        ]).tolist()  # fmt: skip
        # The query names part of a longer title ("empire strikes back"): only those are scored so.
        longer = [k for k, sig in enumerate(sigs) if len(query_sig) >= 3 and len(query_sig) < len(sig)]
        inside_scores = _similarities(query_sig, [sigs[k] for k in longer], fuzz.partial_ratio)
        for k, inside in zip(longer, inside_scores, strict=True):
            # The more of the title the query covers, the closer to a full match; a
            # fragment never beats a whole title.
            covered = len(query_sig) / len(sigs[k])
            if keys[k].startswith(query) or sigs[k].startswith(query_sig):  # "home alone 2: lost in new york"
                scores[k] = max(scores[k], 90 + 8 * covered)
            if inside >= 80:
                scores[k] = max(scores[k], inside * (0.80 + 0.12 * covered))
        # A number the user typed is deliberate: "home alone 2" is not "home alone" nor "home alone 3".
        wanted = DIGITS.findall(compact)
        if wanted:
            for k, key_compact in enumerate(compacts):
                present = DIGITS.findall(key_compact)  # once per candidate, not once per number typed
                if not all(n in present for n in wanted):
                    scores[k] -= 8
        return [float(score) for score in scores]


class ExhaustiveTitleResolver(TitleResolver):
    """The same scoring on candidates from a scan of every key: the reference the indexes are
    measured against (``benchmarks.eval_title_search``, tests). Linear in the catalogue."""

    def __init__(self, keys: list[str]):
        super().__init__(keys)
        self.compact = [_compact(k) for k in keys]  # what the scan reads on every query

    def _candidates(self, query: str, query_sig: str, compact: str) -> set[int]:
        ratios = process.cdist([compact], self.compact, scorer=fuzz.ratio, processor=None, dtype=np.uint8)[0]
        found = set(_best(-ratios.astype(np.int16), PER_STAGE))
        coverage = np.zeros(len(self.keys))
        for ranks, weight in self.words.weighted_postings(query_sig.split()):
            coverage[self.by_length[ranks]] += weight
        if coverage.any():
            found.update(_best(-coverage, PER_STAGE))
        if query in self.exact:
            found.add(self.exact[query])
        return found


def _compact(key: str) -> str:
    return key.replace(" ", "")


# Each little word is one bit of a key's mask: the little words two texts differ by are the
# bits of their masks' xor.
LITTLE_BIT = {word: 1 << bit for bit, word in enumerate(sorted(STOPWORDS))}
assert len(LITTLE_BIT) < 63


def _little_mask(words: list[str]) -> int:
    mask = 0
    for word in set(words) & STOPWORDS:
        mask |= LITTLE_BIT[word]
    return mask


def _scored(query: str, choices: list[str], scorer) -> np.ndarray:
    """``scorer(query, choice)`` for every (one or more) choice, as float64: the values of one call per choice."""
    return scores_of(query, choices, scorer, np.float64)


def _similarities(query: str, choices: list[str], scorer) -> list[float]:
    """``scorer(query, choice)`` for every choice, as Python floats (float64: the same values
    as one call per choice)."""
    if not choices:
        return []
    return scores_of(query, choices, scorer, np.float64).tolist()


def _best(costs: np.ndarray, n: int) -> list[int]:
    """Indices of the ``n`` lowest costs, in no order (all of them in a small catalogue)."""
    if len(costs) <= n:
        return list(range(len(costs)))
    return np.argpartition(costs, n)[:n].tolist()


def forget_normalised() -> None:
    """Normalise every text afresh from now on (``normalise`` remembers recent ones), and look
    every title word up afresh (``index.WordIndex.similar`` does too)."""
    _normalised.cache_clear()
    forget_similar()
