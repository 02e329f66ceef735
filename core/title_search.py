"""Title normalisation, series keys and the fuzzy title resolver behind ``Recommender.resolve``.

Every title is normalised once at build time (accents, case, punctuation, apostrophes,
number words and roman numerals), so a query only pays for normalising itself.
Resolution runs in two stages because the precise scorers are too slow for 22k titles
(``partial_ratio`` over the whole catalogue costs ~26 ms):

1. candidates: ``fuzz.ratio`` over all space-less keys (whole-title misspellings, ~1 ms)
   plus an inverted word index (partial titles, missing or extra words);
2. scoring: a handful of rapidfuzz scorers on those few dozen candidates, combined so
   that a short title never wins a long query just by being contained in it (the
   failure of ``WRatio``, which answers "er" or "troy" for clear queries).
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

MAX_QUERY_CHARS = 200  # longer than any title (109): the rest of a 2,000-char paste is noise
CONFIDENT_SCORE = 88.0  # a top match below this is a guess: ask "did you mean ...?"
CONFIDENT_MARGIN = 4.0  # ... and so is one that another title follows within this many points
EXACT_SCORE = 100.0  # the normalised text equals the title exactly
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


def normalise(text) -> str:
    """Lowercase ascii-folded words separated by single spaces; number words become digits."""
    if not isinstance(text, str):
        return ""
    text = unicodedata.normalize("NFKD", text[:MAX_QUERY_CHARS].casefold()).translate(SPECIAL_LETTERS)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = NON_WORD.sub(" ", APOSTROPHES.sub("", text)).split()
    return " ".join(_numeral(words, i) for i in range(len(words)))


def _numeral(words: list[str], i: int) -> str:
    word = words[i]
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word in ROMAN and (word not in ("v", "x") or i == len(words) - 1 or words[i - 1] in NUMERAL_CONTEXT):
        return ROMAN[word] if i > 0 else word  # a title never starts with a numeral ("ix", "vi")
    return word


def significant(key: str) -> str:
    """The key without articles and little words (falls back to the key if nothing is left)."""
    words = [w for w in key.split() if w not in STOPWORDS]
    return " ".join(words) if words else key


def reads_differently(query: str, key: str) -> bool:
    """Whether a close fuzzy match still names something else: a little word swapped for
    another ("the godfather" is not "our godfather"), or the same words in another order
    ("girl meets boy" is not "boy meets girl"). Both score in the 90s."""
    query_words, key_words = query.split(), key.split()
    query_little, key_little = set(query_words) & STOPWORDS, set(key_words) & STOPWORDS
    if query_little - key_little and key_little - query_little:
        return True
    query_sig = [w for w in query_words if w not in STOPWORDS]
    key_sig = [w for w in key_words if w not in STOPWORDS]
    return query_sig != key_sig and sorted(query_sig) == sorted(key_sig)


def series_stem(raw_title) -> tuple[str, bool]:
    """The title before any subtitle (":", " - ", "(") without trailing numbers, "the movie", "part 2"...,
    and whether anything was cut (then the stem is a franchise name the catalogue itself uses).

    "Star Wars: The Last Jedi (Episode VIII)" -> "star wars"; "Frozen 2" -> "frozen";
    "High School Musical 3: Senior Year" -> "high school musical".
    """
    if not isinstance(raw_title, str):
        return "", False
    head = re.split(r":|\s[-–—/]\s|\(", raw_title, maxsplit=1)[0]
    key = normalise(head)
    stem = SERIES_TAIL.sub("", key)
    return stem, stem != normalise(raw_title)


def series_keys(raw_titles: list) -> list[str]:
    """A series key per title, "" when it belongs to none (the definition used everywhere).

    A title's stem (see ``series_stem``) names its series when at least one other, different
    title has the same stem ("frozen" + "frozen 2"; "star wars: visions" + "star wars: the last
    jedi"). A title whose own stem is unshared joins the series named by its first two or three
    words if the catalogue uses those words as a cut stem elsewhere ("power rangers dino fury"
    joins "power rangers: megaforce"; "toy story of terror" joins "toy story 2"). Stems without
    three letters ("9/11" -> "9") name nothing.
    """
    stems, cut = zip(*(series_stem(t) for t in raw_titles), strict=True) if raw_titles else ((), ())
    franchise_names = {stem for stem, was_cut in zip(stems, cut, strict=True) if was_cut}
    candidates = []
    for stem in stems:
        words = stem.split()
        prefixes = [" ".join(words[:n]) for n in (3, 2) if len(words) > n]
        # A prefix needs two real words: "the last" (from "The Last: Naruto the Movie") names nothing.
        named = [p for p in prefixes if p in franchise_names and len(significant(p).split()) >= 2]
        candidates.append([stem] + named)
    titles_per_stem: dict[str, set] = {}
    for names, title in zip(candidates, raw_titles, strict=True):
        for name in names:
            titles_per_stem.setdefault(name, set()).add(normalise(title))
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
        self.sig = [significant(k) for k in keys]
        self.compact = [k.replace(" ", "") for k in keys]
        self.exact = {k: i for i, k in enumerate(keys)}
        self._index_words()

    def _index_words(self) -> None:
        postings: dict[str, list[int]] = {}
        for i, sig in enumerate(self.sig):
            for word in set(sig.split()):
                postings.setdefault(word, []).append(i)
        # Vocabulary sorted by length, so a fuzzy word lookup only scans words of similar length.
        self.vocab = sorted(postings, key=lambda w: (len(w), w))
        self.vocab_lengths = np.array([len(w) for w in self.vocab])
        counts = np.array([len(postings[w]) for w in self.vocab])
        self.word_idf = np.log((len(self.keys) + 1) / counts)
        self.indptr = np.concatenate([[0], np.cumsum(counts)])
        self.postings = np.concatenate([np.asarray(postings[w], dtype=np.int32) for w in self.vocab])
        self.word_id = {w: i for i, w in enumerate(self.vocab)}

    def search(self, query: str, limit: int) -> list[tuple[int, float]]:
        """Best ``limit`` keys for a normalised query."""
        compact = query.replace(" ", "")
        if len(compact) < 2:
            # One letter matches everything: only an exact title, and never a confident one.
            return [(self.exact[query], ONE_LETTER_SCORE)] if query in self.exact else []
        candidates = self._candidates(query, compact)
        scored = [(i, self._score(query, significant(query), compact, i)) for i in candidates]
        scored.sort(key=lambda pair: (-pair[1], -self.tie_break(compact, pair[0]), pair[0]))
        return scored[:limit]

    def _candidates(self, query: str, compact: str, per_stage: int = 25) -> set[int]:
        ratios = process.cdist([compact], self.compact, scorer=fuzz.ratio, processor=None, dtype=np.uint8)[0]
        found = set(_best(-ratios.astype(np.int16), per_stage))
        coverage = self._word_coverage(significant(query).split())
        if coverage is not None:
            found.update(_best(-coverage, per_stage))
        if query in self.exact:
            found.add(self.exact[query])
        return found

    def _word_coverage(self, words: list[str]) -> np.ndarray | None:
        """Per key: the idf-weighted share of query words it contains (allowing one typo per word)."""
        coverage = np.zeros(len(self.keys))
        for word in words[:12]:
            for word_id, similarity in self._similar_words(word):
                start, end = self.indptr[word_id], self.indptr[word_id + 1]
                coverage[self.postings[start:end]] += self.word_idf[word_id] * similarity
        return coverage if coverage.any() else None

    def _similar_words(self, word: str) -> list[tuple[int, float]]:
        if word in self.word_id or len(word) < 4:
            return [(self.word_id[word], 1.0)] if word in self.word_id else []
        lo, hi = np.searchsorted(self.vocab_lengths, [len(word) - 1, len(word) + 2])
        hits = process.extract(
            word, self.vocab[lo:hi], scorer=fuzz.ratio, processor=None, limit=3, score_cutoff=80
        )
        return [(lo + index, score / 100) for _, score, index in hits]

    def _score(self, query: str, query_sig: str, compact: str, i: int) -> float:
        """Whole-title similarity, or a discounted match of the query inside a longer title."""
        key, sig, key_compact = self.keys[i], self.sig[i], self.compact[i]
        # Little words may be missing, but each one that differs costs ("the godfather" is not "our godfather").
        little = len((set(query.split()) ^ set(key.split())) & STOPWORDS)
        whole = max(
            fuzz.ratio(query, key),
            fuzz.ratio(compact, key_compact),
            fuzz.ratio(query_sig, sig) - 1 - 3 * little,
            fuzz.token_sort_ratio(query_sig, sig) - 3 - 3 * little,  # swapped words
        )
        if len(query_sig) >= 3 and len(query_sig) < len(sig):
            # The query names part of a longer title ("empire strikes back"): the more of the
            # title it covers, the closer to a full match; a fragment never beats a whole title.
            covered = len(query_sig) / len(sig)
            if key.startswith(query) or sig.startswith(query_sig):
                whole = max(whole, 90 + 8 * covered)  # "home alone 2" -> "home alone 2: lost in new york"
            inside = fuzz.partial_ratio(query_sig, sig)
            if inside >= 80:
                whole = max(whole, inside * (0.80 + 0.12 * covered))
        # A number the user typed is deliberate: "home alone 2" is not "home alone" nor "home alone 3".
        wanted = DIGITS.findall(compact)
        if wanted and not all(n in DIGITS.findall(key_compact) for n in wanted):
            whole -= 8
        return float(whole)

    def tie_break(self, compact: str, i: int) -> float:
        """Damerau-Levenshtein closeness: a swapped pair of letters is one slip, not two."""
        return OSA.normalized_similarity(compact, self.compact[i])


def _best(costs: np.ndarray, n: int) -> list[int]:
    """Indices of the ``n`` lowest costs, in no order (all of them in a small catalogue)."""
    if len(costs) <= n:
        return list(range(len(costs)))
    return np.argpartition(costs, n)[:n].tolist()
