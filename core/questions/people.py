"""The people of the catalogues: every name in the cast and director columns, their titles,
and a forgiving name search ("meryl strep", "spielberg", "ursula corbero").

Person ids number the lowercased names in alphabetical order, so "the first of the most
frequent" is also the alphabetical tie-break the original ``/actor`` question uses. Placeholder
values ("1", "2", "3" on rows such as "Title before 1C onboarding") are kept out: a name has
a letter in it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow
import pyarrow.compute as pc

from core.questions.filters import Role
from core.search.titles import TitleResolver, normalise

CONFIDENT = 88  # a name search score at least this, clear of the runner-up, names one person
MARGIN = 4
SURNAME_SCORE = 90.0  # a surname alone is a strong, not an exact, match


@dataclass(frozen=True)
class PersonMatch:
    person: int
    name: str  # as the catalogue writes it ("Meryl Streep")
    score: float  # 0-100
    titles: int  # how many titles they are in, either role


class People:
    def __init__(self, catalogue: pd.DataFrame):
        entries = {role: _split(catalogue, role.value) for role in Role}
        every = pyarrow.concat_arrays([entries[r][0] for r in Role])
        names = pc.unique(every)
        names = names.filter(pc.match_substring_regex(names, r"\pL"))  # "1", "2": placeholders
        names = names.take(pc.sort_indices(names))
        self.names: list[str] = names.to_pylist()  # lowercase, as the catalogue writes them
        shown = pyarrow.concat_arrays([entries[r][1] for r in Role])
        codes = pc.index_in(every, value_set=names).to_numpy(zero_copy_only=False)
        known = ~np.isnan(codes) if codes.dtype.kind == "f" else np.ones(len(codes), dtype=bool)
        first = np.unique(codes[known].astype(np.int64), return_index=True)[1]
        self.display: list[str] = shown.take(np.flatnonzero(known)[first]).to_pylist()
        self._entries = {}
        offset = 0
        for role in Role:
            size = len(entries[role][0])
            role_codes, role_known = codes[offset : offset + size], known[offset : offset + size]
            offset += size
            rows = entries[role][2][role_known]
            # A name listed twice for one title counts once, as the original /actor counts it.
            pairs = np.unique(np.stack([role_codes[role_known].astype(np.int64), rows]), axis=1)
            self._entries[role] = (pairs[0], pairs[1])
        self._postings = {role: _by_person(*self._entries[role], len(self.names)) for role in Role}
        either = np.unique(np.concatenate([np.stack(self._entries[r]) for r in Role], axis=1), axis=1)
        self.title_count = np.bincount(either[0], minlength=len(self.names))
        self._search: _NameSearch | None = None
        self._search_lock = threading.Lock()

    def warm(self) -> None:
        """Build the name search now (~1 s on the full data) rather than on the first question."""
        self._name_search()

    def _name_search(self) -> _NameSearch:
        with self._search_lock:
            if self._search is None:
                self._search = _NameSearch(self.names)
            return self._search

    def __len__(self) -> int:
        return len(self.names)

    def rows_of(self, person: int, role: Role | None = None) -> np.ndarray:
        """The rows of the titles ``person`` is in (in that role, or either)."""
        roles = [role] if role else list(Role)
        found = [self._rows(person, r) for r in roles]
        return np.unique(np.concatenate(found)) if len(found) > 1 else found[0]

    def _rows(self, person: int, role: Role) -> np.ndarray:
        starts, rows = self._postings[role]
        return rows[starts[person] : starts[person + 1]]

    def counts(self, keep: np.ndarray, role: Role) -> np.ndarray:
        """Per person, how many kept rows they have ``role`` in (a name counts once per title)."""
        persons, rows = self._entries[role]
        return np.bincount(persons[keep[rows]], minlength=len(self.names))

    def roles_in(self, person: int, row: int) -> list[Role]:
        return [role for role in Role if row in set(self._rows(person, role).tolist())]

    def may_be_named(self, text: str) -> bool:
        """A cheap first test for a name typed without a cue ("kubrick", "keanu reevs"): the whole
        name, a surname, or a first name of someone in the catalogues."""
        return self._name_search().may_be(normalise(text))

    def search(self, text: str, limit: int = 5) -> list[PersonMatch]:
        """People whose name reads like ``text``, best first (a surname alone finds its owners)."""
        query = normalise(text)
        if not query:
            return []
        found = self._name_search().scores(query, limit * 4)
        ranked = sorted(found.items(), key=lambda p: (-p[1], -self.title_count[p[0]], p[0]))
        return [self.match(i, score) for i, score in ranked[:limit]]

    def match(self, person: int, score: float = 100.0) -> PersonMatch:
        return PersonMatch(person, self.display[person], float(score), int(self.title_count[person]))

    def confident(self, matches: list[PersonMatch]) -> bool:
        """One person, clearly: a close score ahead of the next, or a surname one person dominates."""
        if not matches or matches[0].score < CONFIDENT:
            return False
        if len(matches) == 1:
            return True
        first, second = matches[0], matches[1]
        if first.score - second.score >= MARGIN:
            return True
        # Same score (a surname): the one with far more titles is who people mean.
        return first.score == second.score and first.titles >= 3 * max(second.titles, 1)


def _split(catalogue: pd.DataFrame, column: str) -> tuple[pyarrow.Array, pyarrow.Array, np.ndarray]:
    """(lowercase names, display names, row of each) of one people column. The display column
    splits like the lowercase one; where it does not, a name is shown title-cased."""
    lower, rows = _items(catalogue[column])
    display, display_rows = _items(catalogue.get(f"display_{column}", catalogue[column]))
    if len(display) != len(lower) or not np.array_equal(rows, display_rows):
        display = pc.utf8_title(lower)
    return lower, display, rows


def _items(column: pd.Series) -> tuple[pyarrow.Array, np.ndarray]:
    lists = pc.split_pattern(pyarrow.array(column, type=pyarrow.large_string()), ", ")
    items = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    return items, pc.list_parent_indices(lists).to_numpy().astype(np.int64)


def _by_person(persons: np.ndarray, rows: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """CSR postings: rows of person p are ``rows[starts[p]:starts[p + 1]]``, sorted (the pairs
    come sorted by person, then row, from ``np.unique``)."""
    return np.searchsorted(persons, np.arange(size + 1)), rows


class _NameSearch:
    """Typo-tolerant look-up of names (the title resolver's scoring over name keys), plus
    surnames: "spielberg" names each Spielberg."""

    def __init__(self, names: list[str]):
        keys = [normalise(n) for n in names]
        self.resolver = TitleResolver(keys)
        self.surnames: dict[str, list[int]] = {}
        self.first_names: set[str] = set()
        for i, key in enumerate(keys):
            words = key.split()
            if len(words) > 1 and len(words[-1]) >= 4:
                self.surnames.setdefault(words[-1], []).append(i)
            if len(words) > 1 and len(words[0]) >= 3:
                self.first_names.add(words[0])

    def may_be(self, query: str) -> bool:
        words = query.split()
        if not words:
            return False
        if len(words) == 1:
            return query in self.surnames
        return query in self.resolver.exact or words[0] in self.first_names

    def scores(self, query: str, limit: int) -> dict[int, float]:
        found = dict(self.resolver.search(query, limit))
        if " " not in query:
            for i in self.surnames.get(query, ()):
                found[i] = max(found.get(i, 0.0), SURNAME_SCORE)
        return found
