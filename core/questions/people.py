"""The people of the catalogues: every name in the cast and director columns, their titles,
and a forgiving name search ("meryl strep", "spielberg", "ursula corbero").

Person ids number the lowercased names in alphabetical order, so "the first of the most
frequent" is also the alphabetical tie-break the original ``/actor`` question uses. Placeholder
values ("1", "2", "3" on rows such as "Title before 1C onboarding") are kept out: a name has
a letter in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow
import pyarrow.compute as pc

from core.questions.filters import Role
from core.search.titles import TitleResolver, normalise

LETTER = re.compile(r"[^\W\d_]")
CONFIDENT = 88  # a name search score at least this, clear of the runner-up, names one person
MARGIN = 4


@dataclass(frozen=True)
class PersonMatch:
    person: int
    name: str  # as the catalogue writes it ("Meryl Streep")
    score: float  # 0-100
    titles: int  # how many titles they are in, either role


class People:
    def __init__(self, catalogue: pd.DataFrame):
        parts = {role: _entries(catalogue, role.value) for role in Role}
        names = pd.concat([parts[r][0] for r in Role], ignore_index=True)
        displays = pd.concat([parts[r][1] for r in Role], ignore_index=True)
        keep = names.map(lambda n: bool(LETTER.search(n)))
        order = pd.DataFrame({"name": names[keep], "display": displays[keep]}).drop_duplicates("name")
        order = order.sort_values("name", kind="stable")
        self.names: list[str] = order["name"].tolist()  # lowercase, the catalogue's
        self.display: list[str] = order["display"].tolist()
        code = {name: i for i, name in enumerate(self.names)}
        self._entries = {}
        for role in Role:
            role_names, _, rows = parts[role]
            person = role_names.map(code)
            known = person.notna().to_numpy()
            # A name listed twice for one title counts once, as the original /actor counts it.
            pairs = np.unique(np.stack([person.to_numpy()[known].astype(np.int64), rows[known]]), axis=1)
            self._entries[role] = (pairs[0], pairs[1])
        self._postings = {role: _by_person(*self._entries[role], len(self.names)) for role in Role}
        either = np.unique(np.concatenate([np.stack(self._entries[r]) for r in Role], axis=1), axis=1)
        self.title_count = np.bincount(either[0], minlength=len(self.names))
        self._search_keys = [normalise(n) for n in self.names]
        self._resolver = TitleResolver(self._search_keys)
        self._surnames = _surnames(self._search_keys)

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

    def search(self, text: str, limit: int = 5) -> list[PersonMatch]:
        """People whose name reads like ``text``, best first (a surname alone finds its owners)."""
        query = normalise(text)
        if not query:
            return []
        found = {i: score for i, score in self._resolver.search(query, limit * 4)}
        if " " not in query:
            for i in self._surnames.get(query, ()):
                found[i] = max(found.get(i, 0.0), 90.0)  # "spielberg": each Spielberg, ranked by titles
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


def _entries(catalogue: pd.DataFrame, column: str):
    """(lowercase names, display names, row per name) of one people column."""
    names, rows = _split(catalogue[column])
    shown = None
    if f"display_{column}" in catalogue:
        shown, shown_rows = _split(catalogue[f"display_{column}"])
        if len(shown) != len(names) or not np.array_equal(rows, shown_rows):
            shown = None  # split differently from the lowercase column: title-case the name instead
    if shown is None:
        shown = names.str.title()
    return names.str.strip(), shown.str.strip(), rows


def _split(column: pd.Series) -> tuple[pd.Series, np.ndarray]:
    values = pyarrow.array(column, type=pyarrow.large_string())
    lists = pc.split_pattern(values, ", ")
    rows = pc.list_parent_indices(lists).to_numpy().astype(np.int64)
    items = pd.Series(pc.list_flatten(lists).to_numpy(zero_copy_only=False), dtype=object)
    return items, rows


def _by_person(persons: np.ndarray, rows: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """CSR postings: rows of person p are ``rows[starts[p]:starts[p + 1]]``, sorted (the pairs
    come sorted by person, then row, from ``np.unique``)."""
    return np.searchsorted(persons, np.arange(size + 1)), rows


def _surnames(keys: list[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        words = key.split()
        if len(words) > 1 and len(words[-1]) >= 4:
            found.setdefault(words[-1], []).append(i)
    return found
