"""Other names of catalogue titles (their Spanish names) for title search: ``NameIndex``.

``Recommender.resolve`` asks it when the text is not exactly a catalogue title, so "buscando a
nemo", "buscando a nmeo" or "los increibles 2" find their work, misspelt or partial, scored by the
same ``TitleResolver`` as the English titles. A text that is exactly a catalogue title never reads
as a Spanish name ("Raven" is the film Raven, not That's So Raven, Spain's "Raven").

It maps names onto one catalogue version's title keys, so each snapshot builds its own
(``core.snapshot.store.Snapshot.build``); the names themselves are repository data
(``core.catalogue.spanish_names``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from core.catalogue.spanish_names import ABSENT_WORKS, ENTRIES, SpanishName
from core.search.titles import TitleResolver, normalise, significant

NAME_FLOOR = 80.0  # a name scoring less is no reading of the text: it would only crowd the suggestions
# Normalised texts are mostly these letters; any other character is counted in one more slot.
LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789 "
SLOT = {letter: k for k, letter in enumerate(LETTERS)}
OTHER = len(LETTERS)
SPACE = SLOT[" "]


@dataclass(frozen=True)
class NameHit:
    key: int  # the title key (``TitleResolver.keys``) the name belongs to
    year: int | None  # the work's year when the name is one work's of several with that title
    score: float
    name: str  # the normalised name that matched


class NameIndex:
    def __init__(self, title_keys: dict[str, int], entries: tuple[SpanishName, ...] = ENTRIES, absent=None):
        """``title_keys``: normalised catalogue title -> key index (``TitleResolver.exact``).
        Works this catalogue does not carry are left out; ``absent`` names (``ABSENT_WORKS``)
        are kept with no work, so a text closest to one of them names no work here."""
        targets: dict[str, list[tuple[int, int | None]]] = {}
        for entry in entries:
            key = title_keys.get(normalise(entry.title))
            if key is None:
                continue
            for name in entry.names():
                folded = normalise(name)
                if folded and folded != normalise(entry.title):
                    targets.setdefault(folded, []).append((key, entry.year))
        for folded in ABSENT_WORKS if absent is None else absent:
            targets.setdefault(normalise(folded), [])
        self.names = sorted(targets)
        self.targets = [targets[name] for name in self.names]
        self.resolver = TitleResolver(self.names)
        self._bounds = _Bounds(self.names, self.resolver.sig)

    def __len__(self) -> int:
        return sum(1 for works in self.targets if works)

    def search(self, query: str, limit: int) -> list[NameHit]:
        """Works whose Spanish name reads like the normalised ``query``, best first; none when an
        absent work's name reads at least as well as any present one ("el padrino")."""
        if not self._bounds.may_reach(query, NAME_FLOOR):
            return []  # no name can score the floor: what the search below would find (most texts)
        hits = []
        for i, score in self.resolver.search(query, limit):
            if score < NAME_FLOOR:
                break
            if not self.targets[i]:
                if not hits:
                    return []  # the best reading is a work no platform carries
                continue
            hits.extend(NameHit(key, year, score, self.names[i]) for key, year in self.targets[i])
        return hits[:limit]


class _Bounds:
    """Whether any name could score ``floor`` for a query: most message spans are near no
    Spanish name, and this answers that in a few numpy calls and a few scorer calls on the
    names left, where the search takes ~0.2 ms (two indexes, then the scorers) to find no name
    above the floor.

    Every score ``TitleResolver._scores`` gives a name is at most one of these, whatever the
    candidates: ``fuzz.ratio`` of the texts or of their space-less forms; ``fuzz.ratio`` (less 1)
    or ``token_sort_ratio`` (less 3) of their significant words; 90-98 when the name starts
    with the query; ``partial_ratio`` of the significant words times less than 0.92 (names
    longer than the query). The penalties only lower them. So when none reaches the floor on
    any name, no candidate does, and the search would return no name; otherwise it runs.
    The scorers only run on the names the letters allow: ``ratio`` is 200 * common / (sum of
    lengths) for a longest common subsequence ``common``, at most the letters both texts
    have; the ratio of the query with any part of a name (``partial_ratio``) is at most
    200 * c / (query length + c), c the letters the query shares with the whole name."""

    MARGIN = 0.5  # below the floor, for float rounding: a name this close is scored

    def __init__(self, names: list[str], sigs: list[str]):
        self.names = names
        self.sigs = sigs
        self.compacts = [n.replace(" ", "") for n in names]
        self.sorted_sigs = sorted(sigs)
        key_counts, sig_counts = _counts_of(names), _counts_of(sigs)
        self.key_lengths = np.array([len(n) for n in names], dtype=np.float64)
        self.compact_lengths = self.key_lengths - key_counts[:, SPACE]
        self.sig_lengths = np.array([len(s) for s in sigs], dtype=np.float64)
        self.longer_than = np.array([len(s) for s in sigs], dtype=np.int64)
        # ``common[slot, n]``: per name, the letters of ``slot`` it shares with a text holding
        # it ``n`` times, min(n, the name's); a query's letters shared with every name are the
        # sum of its slots' rows (a query holding a letter more often than any name: the last).
        self.most = max(1, int(key_counts.max(initial=0)))
        upto = np.arange(self.most + 1).reshape(1, -1, 1)
        self.key_common = np.minimum(upto, key_counts.T[:, None, :]).astype(np.int16)
        self.sig_common = np.minimum(upto, sig_counts.T[:, None, :]).astype(np.int16)

    def _common(self, table: np.ndarray, counts: np.ndarray, without_space: bool = False) -> np.ndarray:
        """Per name, the letters it shares with a text of these ``counts``."""
        if without_space:
            counts = counts.copy()
            counts[SPACE] = 0
        slots = np.flatnonzero(counts)
        return table[slots, np.minimum(counts[slots], self.most)].sum(axis=0)

    def may_reach(self, query: str, floor: float) -> bool:
        compact = query.replace(" ", "")
        query_sig = significant(query)
        if len(compact) < 2 or not self.names:
            return True  # the search's own special cases: it decides
        if _starts(self.names, query) or _starts(self.sorted_sigs, query_sig):
            return True
        floor -= self.MARGIN
        whole = _counts(query)
        letters = self._common(self.key_common, whole, without_space=True)  # the compacts' too
        spaces = self.key_common[SPACE, min(int(whole[SPACE]), self.most)]
        bound = 200 * (letters + spaces) / (len(query) + self.key_lengths)
        if _reaches(query, self.names, bound, fuzz.ratio, floor):
            return True
        bound = 200 * letters / (len(compact) + self.compact_lengths)
        if _reaches(compact, self.compacts, bound, fuzz.ratio, floor):
            return True
        common = self._common(self.sig_common, _counts(query_sig))
        bound = 200 * common / (len(query_sig) + self.sig_lengths)
        if _reaches(query_sig, self.sigs, bound, fuzz.ratio, floor + 1):
            return True
        if _reaches(query_sig, self.sigs, bound, fuzz.token_sort_ratio, floor + 3):
            return True
        if len(query_sig) < 3:
            return False
        inside = np.where(self.longer_than > len(query_sig), 200 * common / (len(query_sig) + common), 0.0)
        return _reaches(query_sig, self.sigs, inside, fuzz.partial_ratio, floor / 0.92)


def _reaches(query: str, choices: list[str], bound: np.ndarray, scorer, cutoff: float) -> bool:
    """Whether ``scorer(query, choice)`` reaches ``cutoff`` for a choice, scoring only the
    choices whose ``bound`` does."""
    left = np.flatnonzero(bound >= cutoff).tolist()
    if not left:
        return False
    found = process.extractOne(
        query, [choices[k] for k in left], scorer=scorer, processor=None, score_cutoff=cutoff
    )
    return found is not None


# Characters -> their slot in ``LETTERS``; any other character is one more slot.
_SLOTS = np.full(128, OTHER, dtype=np.intp)
for _letter, _slot in SLOT.items():
    _SLOTS[ord(_letter)] = _slot


def _counts(text: str) -> np.ndarray:
    """How many times each of ``LETTERS`` (and any other character) occurs in ``text``."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return np.bincount(_SLOTS[np.minimum(points, 127)], minlength=OTHER + 1)


def _counts_of(texts: list[str]) -> np.ndarray:
    return np.array([_counts(text) for text in texts], dtype=np.int64).reshape(len(texts), OTHER + 1)


def _starts(ordered: list[str], prefix: str) -> bool:
    """Whether any of the sorted texts starts with ``prefix``."""
    at = bisect.bisect_left(ordered, prefix)
    return at < len(ordered) and ordered[at].startswith(prefix)
