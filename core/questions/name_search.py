"""The name look-up under ``core.questions.people.People``: whole names, misspelt names, a
surname or a first name typed alone.

The misspelt-name scan is the costly part: rapidfuzz's ``ratio`` against ~20k names took
1.3-2 ms a search. ``_Closest`` finds the same best names, in the same order, scoring only the
names that can reach them: a name's ratio to the query is at most what the letters they share
allow (``200 * shared letters / (both lengths)``), counted for every name at once with numpy, so
only the few hundred names whose bound reaches the best scores found so far are scored.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

import numpy as np
import pyarrow
from rapidfuzz import fuzz, process

from core.search.index import scores_of
from core.search.titles import normalise

SEARCHED_TITLES = 2  # people in fewer titles are found by their whole name only
PROMINENT = 5  # titles a person needs to be named by a surname typed alone
SURNAME_SCORE = 90.0  # a surname alone is a strong, not an exact, match
SURNAME_TYPO = 85  # a surname typed alone this close to one (rapidfuzz ratio) may mean it
FIRST_NAME_SCORE = 88.0  # a first name alone: its most known owner, if far the most known
# The bound and rapidfuzz's score are computed differently: a name whose bound falls short of
# a score by float rounding only is still scored.
BOUND_SLACK = 1e-6
GUESS_STEPS = (95.0, 90.0, 85.0, 80.0, 75.0, 70.0, 65.0, 60.0, 50.0, 0.0)  # bounds tried for a first guess


def sorted_index(names: pyarrow.Array, key: str) -> int | None:
    """Where ``key`` is in the sorted ``names`` (binary search: a scan of 72k names took ~0.2 ms
    a call, several per message); None when absent. Arrow sorts strings by UTF-8 bytes, which
    is the order Python compares them in."""
    at = bisect.bisect_left(_Keys(names), key)
    return at if at < len(names) and names[at].as_py() == key else None


class _Keys:
    """A sorted Arrow string array as a sequence ``bisect`` can search."""

    def __init__(self, names: pyarrow.Array):
        self._names = names

    def __len__(self) -> int:
        return len(self._names)

    def __getitem__(self, i: int) -> str:
        return self._names[i].as_py()


def fold(text: str) -> str:
    """A name as ``people.name_keys`` writes it: lowercase, no accents, dots or doubled spaces."""
    if text.isascii():  # most names: NFKD and dropping accents change nothing
        plain = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text.lower())
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", plain).split())


_NON_WORD = re.compile(r"[\W_]+")


class NameSearch:
    """Name look-up: every person by their whole name; people in two or more titles also by a
    misspelt name (``_Closest``), a surname alone (exact or misspelt: "spielberg", "scorcese")
    or a first name alone ("keanu"). Plain lists and dicts: the title resolver's indexes over
    these names cost three times the memory."""

    def __init__(self, names: pyarrow.Array, title_count: np.ndarray):
        self.names = names
        self.title_count = title_count
        self.searched = np.flatnonzero(title_count >= SEARCHED_TITLES)
        self.keys = [normalise(n) for n in names.take(self.searched).to_pylist()]
        self.closest = _Closest(self.keys)
        self.surnames: dict[str, list[int]] = {}
        self.first_names: dict[str, list[int]] = {}
        for i, key in zip(self.searched.tolist(), self.keys, strict=True):
            words = key.split()
            if len(words) > 1 and len(words[-1]) >= 4:
                self.surnames.setdefault(words[-1], []).append(i)
            if len(words) > 1 and len(words[0]) >= 3:
                self.first_names.setdefault(words[0], []).append(i)
        self.surname_list = list(self.surnames)
        self.closest_surnames = _Closest(self.surname_list)
        # Surnames typed alone, without "with" or "by", name only someone known for them.
        self.known_surnames = {
            surname: known for surname, ids in self.surnames.items()
            if (known := [i for i in ids if title_count[i] >= PROMINENT])
        }  # fmt: skip
        self.known_surname_list = list(self.known_surnames)

    def exact(self, query: str) -> int | None:
        return sorted_index(self.names, fold(query))

    def has_first_name(self, word: str) -> bool:
        return normalise(word) in self.first_names

    def may_be(self, query: str) -> bool:
        words = query.split()
        if not words:
            return False
        if len(words) == 1:
            return bool(self.known_surname(query))
        return self.exact(query) is not None or words[0] in self.first_names

    def owners(self, word: str) -> list[int]:
        """Everyone searched whose first name or surname is exactly ``word``."""
        return sorted(set(self.surnames.get(word, ())) | set(self.first_names.get(word, ())))

    def known_surname(self, query: str, misspelt: bool = False) -> list[tuple[int, float]]:
        """People known for a surname typed alone, with a score; ``misspelt``: one close to it
        too ("scorcese")."""
        if query in self.known_surnames:
            return [(i, SURNAME_SCORE) for i in self.known_surnames[query]]
        if not misspelt or len(query) < 6:
            return []
        close = process.extractOne(
            query, self.known_surname_list, scorer=fuzz.ratio, score_cutoff=SURNAME_TYPO, processor=None
        )
        if not close:
            return []
        return [(i, SURNAME_SCORE * close[1] / 100) for i in self.known_surnames[close[0]]]

    def scores(self, query: str, limit: int) -> dict[int, float]:
        found = {int(self.searched[k]): score for k, score in self.closest.best(query, limit)}
        exact = self.exact(query)
        if exact is not None:
            found[exact] = 100.0
        if " " not in query:
            for at, closeness in self.closest_surnames.best(query, 3, SURNAME_TYPO):
                surname = self.surname_list[at]
                score = SURNAME_SCORE * closeness / 100  # "spielberg" 90, "spilberg" ~84
                for i in self.surnames[surname]:
                    found[i] = max(found.get(i, 0.0), score)
            for i in self.first_names.get(query, ()):
                found[i] = max(found.get(i, 0.0), FIRST_NAME_SCORE)
        return found


class _Closest:
    """The keys closest to a query by rapidfuzz ``ratio``: what ``process.extract(query, keys,
    limit=n)`` returns (best score first, the earlier key on a tie), scoring few keys.

    ``ratio`` is ``200 * LCS / (len(a) + len(b))`` and a common subsequence has no more of any
    letter than either string, so ``200 * sum(min(count_a, count_b)) / (len(a) + len(b))`` bounds
    it from above. Each letter's counts are one uint8 column over every key (~0.7 MB for 20k
    keys), built once with the snapshot."""

    def __init__(self, keys: list[str]):
        self.keys = np.array(keys, dtype=object)
        self.lengths = np.fromiter((len(k) for k in keys), dtype=np.float64, count=len(keys))
        joined = "".join(keys)
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        letters, column = np.unique(codes, return_inverse=True)
        self.letter = {chr(c): i for i, c in enumerate(letters.tolist())}
        rows = np.repeat(np.arange(len(keys)), self.lengths.astype(np.int64))
        counts = np.zeros((len(letters), len(keys)), dtype=np.int64)
        np.add.at(counts, (column, rows), 1)
        self.counts = np.minimum(counts, 255).astype(np.uint8)  # min(count, query's) never needs more

    def best(self, query: str, limit: int, cutoff: float = 0.0) -> list[tuple[int, float]]:
        """(key index, score) of the ``limit`` best keys scoring at least ``cutoff``, as
        ``process.extract`` orders them."""
        if 8 * limit > len(self.keys):
            at = np.arange(len(self.keys))
            return self._ranked(at, self._score(query, at), limit, cutoff)
        bound = self.bound(query)
        if cutoff >= GUESS_STEPS[0]:
            at = np.flatnonzero(bound >= cutoff - BOUND_SLACK)
            return self._ranked(at, self._score(query, at), limit, cutoff)
        # A first guess at the limit-th best score, from the keys with the highest bounds
        # (the first step down that holds enough of them: cheaper than sorting the bounds).
        first = 0
        while True:  # the last step, 0, holds every key
            high = max(GUESS_STEPS[first], cutoff) - BOUND_SLACK
            at = [np.flatnonzero(bound >= high)]
            if len(at[0]) >= 2 * limit or GUESS_STEPS[first] <= cutoff:
                break
            first += 1
        scores = [self._score(query, at[0])]
        floor = self._floor(scores, limit, cutoff)
        # A key whose bound is below the floor scores below ``limit`` keys already, or below the
        # cutoff: not among them. The keys below the guess are scored a band of bounds at a
        # time, highest first, each band raising the floor for the next: a text that names
        # nobody ("the second", "sean cortas de") has thousands of keys whose letters allow a
        # high ratio, and scoring all of those above the guess's floor was most of a search.
        for step in GUESS_STEPS[first + 1 :]:
            if high <= floor - BOUND_SLACK:
                break  # every key left is below the floor
            low = max(step, floor) - BOUND_SLACK
            at.append(np.flatnonzero((bound >= low) & (bound < high)))
            scores.append(self._score(query, at[-1]))
            floor, high = self._floor(scores, limit, cutoff), low
        return self._ranked(np.concatenate(at), np.concatenate(scores), limit, cutoff)

    @staticmethod
    def _floor(scores: list[np.ndarray], limit: int, cutoff: float) -> float:
        """The ``limit``-th best score so far (or the cutoff, if higher or fewer were scored)."""
        found = np.concatenate(scores)
        if len(found) < limit:
            return cutoff
        return max(cutoff, float(np.partition(found, len(found) - limit)[len(found) - limit]))

    def bound(self, query: str) -> np.ndarray:
        shared = np.zeros(len(self.keys), dtype=np.int16)
        letters: dict[str, int] = {}
        for c in query:
            letters[c] = letters.get(c, 0) + 1
        for c, n in letters.items():
            at = self.letter.get(c)
            if at is not None:
                np.add(shared, np.minimum(self.counts[at], min(n, 255)), out=shared, casting="unsafe")
        return 200.0 * shared / (self.lengths + len(query))

    def _score(self, query: str, at: np.ndarray) -> np.ndarray:
        return scores_of(query, self.keys[at], fuzz.ratio, np.float64)

    def _ranked(
        self, at: np.ndarray, scores: np.ndarray, limit: int, cutoff: float
    ) -> list[tuple[int, float]]:
        if cutoff:
            kept = scores >= cutoff
            at, scores = at[kept], scores[kept]
        if len(scores) > limit:  # sorting only the keys at or above the limit-th score: ties kept
            kept = scores >= np.partition(scores, len(scores) - limit)[len(scores) - limit]
            at, scores = at[kept], scores[kept]
        order = np.lexsort((at, -scores))[:limit]
        return [(int(at[i]), float(scores[i])) for i in order]
