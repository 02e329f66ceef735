"""The candidate indexes behind ``core.search.titles.TitleResolver``: they narrow a query to a
few dozen keys, so the precise rapidfuzz scorers never look at the whole catalogue.

Keys are numbered by *rank*: their order by space-less length (ties by key index). A slice of
ranks is then a band of lengths, and every posting list, kept sorted, lists its shortest keys
first. Both facts bound the work per query whatever the size of the catalogue:

- ``GramIndex``: character trigrams of the space-less keys, padded ("^frozen2$"), for whole-title
  misspellings. A query only counts postings inside the band of lengths that can reach a useful
  ``fuzz.ratio``; it counts its rarest trigrams in full up to a budget, and the common ones
  ("the", "ing") only for the keys already short-listed. The overlap estimates the ratio
  (Dice), and ``fuzz.ratio`` ranks the best hundred.
- ``WordIndex``: significant words -> keys, for partial titles and missing or extra words, with
  one typo per word allowed; a word carried by thousands of titles adds its shortest titles
  and the titles the rarer words found, not all of them.
"""

from __future__ import annotations

import bisect
import math

import numpy as np
from rapidfuzz import fuzz, process

PAD_START, PAD_END = "^", "$"  # never in a key: normalisation leaves letters, digits and spaces
CODE_BITS = 21  # a Unicode code point fits in 21 bits, so a trigram fits in one int64
# A key can only reach fuzz.ratio 55 with a query if its length is within these factors of the
# query's (ratio <= 200 * shorter / (shorter + longer)); lower ratios never name the title.
BAND_LOW, BAND_HIGH = 0.38, 2.64
GRAM_BUDGET = 8_000  # postings of the rarest trigrams counted in full per query
SHORT_LIST = 1_000  # keys kept after the rare trigrams, then checked for the common ones
RATIO_CHECKED = 100  # keys whose real fuzz.ratio is computed, best overlap estimates first
WORD_BUDGET = 5_000  # postings of the rarest query words counted in full per query
MAX_QUERY_WORDS = 12
SIMILAR_KEPT = 4_096  # words whose ``WordIndex.similar`` answer is kept (``forget_similar`` empties)
_generation = 0  # bumped by ``forget_similar``: an index with an older one forgets its answers

try:  # ``process.cdist``'s own C function: its Python wrapper took ~4 us a call (numpy dtype checks)
    from rapidfuzz import process_cpp as _process_cpp
    from rapidfuzz import process_cpp_impl as _cdist_impl
except ImportError:  # a rapidfuzz without its C extension
    _process_cpp = _cdist_impl = None
_DIRECT = _cdist_impl is not None and process.cdist is _process_cpp.cdist
_TYPE_NUMS = {} if not _DIRECT else {np.uint8: _cdist_impl.UINT8, np.float64: _cdist_impl.FLOAT64}


def scores_of(query: str, choices, scorer, dtype) -> np.ndarray:
    """``process.cdist([query], choices, scorer=scorer, processor=None, dtype=dtype)[0]``
    (``dtype`` np.uint8 or np.float64): the same C call, without the wrapper's checks."""
    if not _DIRECT:
        return process.cdist([query], choices, scorer=scorer, processor=None, dtype=dtype)[0]
    found = _cdist_impl.cdist(
        [query], choices, scorer=scorer, processor=None, score_cutoff=None, score_hint=None,
        score_multiplier=1, dtype=_TYPE_NUMS[dtype], workers=1,
    )  # fmt: skip
    return np.asarray(found)[0]


def trigram_codes(padded: str) -> np.ndarray:
    """The distinct trigrams of one padded string, each packed into an int64."""
    points = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    codes = (points[:-2] << (2 * CODE_BITS)) | (points[1:-1] << CODE_BITS) | points[2:]
    return np.unique(codes)


def length_ranks(compact: list[str]) -> np.ndarray:
    """Key indices ordered by space-less length (stable): position = rank."""
    return np.argsort(np.array([len(c) for c in compact], dtype=np.int32), kind="stable")


class GramIndex:
    """Padded trigram -> ranks of the keys containing it (CSR arrays, ranks ascending)."""

    def __init__(self, compact_by_rank: list[str]):
        self.compact = compact_by_rank
        self.lengths = np.array([len(c) for c in compact_by_rank], dtype=np.int32)
        # The first rank of each length (``searchsorted(lengths, n)`` for n up to the longest,
        # then every rank): a query's band is two list look-ups, not numpy calls.
        longest = int(self.lengths.max()) if len(self.lengths) else 0
        self.first_of_length = np.searchsorted(self.lengths, np.arange(longest + 2)).tolist()
        codes, owners = self._all_trigrams(compact_by_rank)
        # Sorted by trigram then rank (owners come in rank order: a stable sort keeps it),
        # duplicates (a trigram twice in one key) dropped.
        order = np.argsort(codes, kind="stable")
        codes, owners = codes[order], owners[order]
        keep = np.ones(len(codes), dtype=bool)
        keep[1:] = (codes[1:] != codes[:-1]) | (owners[1:] != owners[:-1])
        codes, owners = codes[keep], owners[keep]
        starts = np.flatnonzero(np.diff(codes, prepend=-1))  # codes are sorted: where a new one begins
        self.grams = codes[starts]
        self.indptr = np.append(starts, len(codes)).astype(np.int64)
        self.postings = owners.astype(np.int32)
        # Every posting as (its trigram's slot, rank) in one sorted int64: the band of ranks of
        # all the query's trigrams is found by two ``searchsorted`` calls, not two per trigram.
        self.ranks = np.int64(len(compact_by_rank))
        self.slotted = (
            np.repeat(np.arange(len(self.grams), dtype=np.int64), np.diff(self.indptr)) * self.ranks
        )
        self.slotted += self.postings
        self.gram_counts = np.bincount(owners, minlength=len(compact_by_rank)).astype(np.int32)

    @staticmethod
    def _all_trigrams(compact_by_rank: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Every trigram of every padded key with the key's rank, in one vectorised pass."""
        padded = [PAD_START + c + PAD_END for c in compact_by_rank]
        points = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        owner = np.repeat(np.arange(len(padded), dtype=np.int64), [len(p) for p in padded])
        inside = owner[:-2] == owner[2:]  # the three letters belong to one key
        codes = (points[:-2] << (2 * CODE_BITS)) | (points[1:-1] << CODE_BITS) | points[2:]
        return codes[inside], owner[:-2][inside]

    def nbytes(self) -> int:
        arrays = (self.lengths, self.grams, self.indptr, self.postings, self.gram_counts, self.slotted)
        return sum(a.nbytes for a in arrays)

    def closest(self, compact: str, limit: int) -> np.ndarray:
        """Ranks of about ``limit`` keys with the best ``fuzz.ratio`` to the space-less query."""
        band = [math.ceil(len(compact) * BAND_LOW), math.floor(len(compact) * BAND_HIGH) + 1]
        lo, hi = (self._first_of_length(n) for n in band)
        query_grams = trigram_codes(PAD_START + compact + PAD_END)
        lists = self._band_lists(query_grams, lo, hi) if len(self.grams) else []
        if not lists:
            return np.empty(0, dtype=np.int32)
        centre = self._first_of_length(len(compact))  # the first key as long as the query
        ranks, shared = self._overlaps(lists, centre)
        # Dice on trigrams approximates the ratio; the real ratio then orders the best of them.
        estimate = shared / (len(query_grams) + self.gram_counts[ranks])
        ranks = ranks[_top(-estimate, RATIO_CHECKED)]
        keys = self.compact
        # ``tolist``: indexing a list with numpy integers is slow
        ratios = scores_of(compact, [keys[r] for r in ranks.tolist()], fuzz.ratio, np.uint8)
        return ranks[_top(-ratios.astype(np.int16), limit)]

    def _first_of_length(self, n: int) -> int:
        """``searchsorted(self.lengths, n)``: the first rank of a key at least ``n`` long."""
        table = self.first_of_length
        return table[max(n, 0)] if n < len(table) else len(self.lengths)

    def _band_lists(self, query_grams: np.ndarray, lo: int, hi: int) -> list[np.ndarray]:
        """The posting list of each known query trigram, cut to the band of ranks, rarest first."""
        slots = np.minimum(np.searchsorted(self.grams, query_grams), len(self.grams) - 1)
        slots = slots[self.grams[slots] == query_grams]
        # Within each trigram's list (``slotted``: slot * ranks + rank), the first rank >= lo and >= hi.
        base = slots.astype(np.int64) * self.ranks
        starts = np.searchsorted(self.slotted, base + lo).tolist()
        ends = np.searchsorted(self.slotted, base + hi).tolist()
        postings = self.postings
        lists = [postings[start:end] for start, end in zip(starts, ends, strict=True) if end > start]
        lists.sort(key=len)
        return lists

    @staticmethod
    def _overlaps(lists: list[np.ndarray], centre: int) -> tuple[np.ndarray, np.ndarray]:
        """Short-listed ranks and how many query trigrams each contains: rare trigrams counted
        in full (within the budget), common ones only on the short list. When even the rarest
        is over budget ("the"), its keys closest in length to the query stand for it."""
        counted = _within_budget([len(postings) for postings in lists], GRAM_BUDGET)
        rarest = lists[0]
        if len(rarest) > GRAM_BUDGET:
            start = max(0, int(np.searchsorted(rarest, centre)) - GRAM_BUDGET // 2)
            lists = [rarest[start : start + GRAM_BUDGET]] + lists[1:]
        ranks, shared = _counts(np.concatenate(lists[:counted]))
        if counted == len(lists):
            return ranks, shared
        best = np.sort(ranks[_top(-shared, SHORT_LIST)])
        shared = shared[np.searchsorted(ranks, best)]
        for postings in lists[counted:]:
            shared = shared + _contains(postings, best)
        return best, shared


class WordIndex:
    """Significant word -> ranks of the keys that contain it, with idf weights."""

    def __init__(self, sig_by_rank: list[str]):
        postings: dict[str, list[int]] = {}
        for rank, sig in enumerate(sig_by_rank):
            for word in set(sig.split()):
                postings.setdefault(word, []).append(rank)  # ascending: shortest keys first
        # Vocabulary sorted by length, so a fuzzy word lookup only scans words of similar length.
        self.vocab = sorted(postings, key=lambda w: (len(w), w))
        self.vocab_lengths = np.array([len(w) for w in self.vocab], dtype=np.int32)
        counts = np.array([len(postings[w]) for w in self.vocab], dtype=np.int64)
        self.idf = np.log((len(sig_by_rank) + 1) / np.maximum(counts, 1))
        self.indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self.postings = np.concatenate(
            [np.asarray(postings[w], dtype=np.int32) for w in self.vocab] or [np.empty(0, dtype=np.int32)]
        )
        self.word_id = {w: i for i, w in enumerate(self.vocab)}
        # One typo leaves a word's first or its last letter in place: a fuzzy lookup only
        # scores the words of similar length that share one of them (~10x fewer). Per letter,
        # the words in vocabulary order (so by length): a band of lengths is one slice, handed
        # to rapidfuzz as it is (gathering the words per query cost most of a lookup).
        self.by_edge: dict[tuple[str, str], _Edge] = {}
        for i, w in enumerate(self.vocab):
            for edge in (("first", w[0]), ("last", w[-1])):
                self.by_edge.setdefault(edge, _Edge()).add(i, w)

        # One message's readings search overlapping spans ("the 2nd one about", "the 2nd one"):
        # the same words again. The answer depends on the word alone, so a kept one is a fresh one.
        self._similar: dict[str, list[tuple[int, float]]] = {}
        self._generation = _generation

    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self.vocab_lengths, self.idf, self.indptr, self.postings))

    def similar(self, word: str) -> list[tuple[int, float]]:
        """Vocabulary words equal to the word or one typo away (4+ letters), with a similarity."""
        if self._generation != _generation or len(self._similar) >= SIMILAR_KEPT:
            self._similar, self._generation = {}, _generation
        found = self._similar.get(word)
        if found is None:
            found = self._similar[word] = self._similar_afresh(word)
        return found

    def _similar_afresh(self, word: str) -> list[tuple[int, float]]:
        if word in self.word_id or len(word) < 4:
            return [(self.word_id[word], 1.0)] if word in self.word_id else []
        scores: dict[int, float] = {}  # a word sharing both letters is found twice: one score
        for edge in (("first", word[0]), ("last", word[-1])):
            found = self.by_edge.get(edge)
            if found is None:
                continue
            lo = bisect.bisect_left(found.lengths, len(word) - 1)
            hi = bisect.bisect_right(found.lengths, len(word) + 1)
            for _, score, k in process.extract(
                word, found.words[lo:hi], scorer=fuzz.ratio, processor=None, limit=3, score_cutoff=80
            ):
                scores[found.ids[lo + k]] = score
        # The best three, ties to the first in the vocabulary: as one lookup over both lists would.
        best = sorted(scores.items(), key=lambda hit: (-hit[1], hit[0]))[:3]
        return [(i, score / 100) for i, score in best]

    def weighted_postings(self, words: list[str]) -> list[tuple[np.ndarray, float]]:
        """(ranks, weight) for every vocabulary word matching a query word, full lists."""
        found = []
        for word in words[:MAX_QUERY_WORDS]:
            for word_id, similarity in self.similar(word):
                ranks = self.postings[self.indptr[word_id] : self.indptr[word_id + 1]]
                found.append((ranks, float(self.idf[word_id]) * similarity))
        return found

    def best_covered(self, words: list[str], limit: int) -> np.ndarray:
        """Ranks of the ``limit`` keys covering most of the query's idf weight, shorter first on ties."""
        found = sorted(self.weighted_postings(words), key=lambda pair: len(pair[0]))
        if not found:
            return np.empty(0, dtype=np.int32)
        counted = _within_budget([len(ranks) for ranks, _ in found], WORD_BUDGET)
        # The rarest word alone may exceed the budget: its shortest titles are the likeliest.
        parts = [ranks[:WORD_BUDGET] for ranks, _ in found[:counted]]
        weights = np.repeat([weight for _, weight in found[:counted]], [len(part) for part in parts])
        ranks, where = np.unique(np.concatenate(parts), return_inverse=True)
        coverage = np.bincount(where, weights=weights)
        for postings, weight in found[counted:]:
            coverage += weight * _contains(postings, ranks)  # a common word only adds to those keys
        return ranks[np.lexsort((ranks, -coverage))[:limit]]


class _Edge:
    """The vocabulary words with one first (or last) letter, in vocabulary order: ids, the
    words themselves and their lengths (ascending)."""

    __slots__ = ("ids", "words", "lengths")

    def __init__(self):
        self.ids: list[int] = []
        self.words: list[str] = []
        self.lengths: list[int] = []

    def add(self, i: int, word: str) -> None:
        self.ids.append(i)
        self.words.append(word)
        self.lengths.append(len(word))


def forget_similar() -> None:
    """Look every word up afresh from now on (``WordIndex.similar`` keeps its answers)."""
    global _generation
    _generation += 1


def _counts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_counts=True)``. Counting with ``bincount`` over their range,
    once about twice as fast, is slower with numpy 2.4 on the postings a query counts (2,700
    on average: 24 us against 21.5, the ``min``/``max`` that choose the way included)."""
    if len(values) == 0:
        return values, np.empty(0, dtype=np.intp)
    return np.unique(values, return_counts=True)


def _within_budget(sizes: list[int], budget: int) -> int:
    """How many of the (ascending) sizes fit in the budget together; at least one."""
    total = fitting = 0
    for size in sizes:  # a few dozen sizes: a loop, not ``cumsum`` and ``searchsorted``
        total += size
        if total > budget:
            break
        fitting += 1
    return max(1, fitting)


def _contains(sorted_values: np.ndarray, items: np.ndarray) -> np.ndarray:
    """For each item, whether it is in ``sorted_values``."""
    if len(sorted_values) == 0 or len(items) == 0:
        return np.zeros(len(items), dtype=bool)
    slots = np.minimum(np.searchsorted(sorted_values, items), len(sorted_values) - 1)
    return sorted_values[slots] == items


def _top(costs: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` lowest costs, in no order (all of them when there are fewer)."""
    if len(costs) <= n:
        return np.arange(len(costs))
    return np.argpartition(costs, n)[:n]
