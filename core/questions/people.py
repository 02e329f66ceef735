"""The people of the catalogues: every name in the cast and director columns, their titles,
and a forgiving name search ("meryl strep", "spielberg", "ursula corbero").

Person ids number the lowercased names in alphabetical order, so "the first of the most
frequent" is also the alphabetical tie-break the original ``/actor`` question uses. Placeholder
rows ("Title before 1C onboarding", cast "1, 2, 3") and junk credits ("1", "not available",
"test actor 1") are kept out (``core.catalogue.placeholders``): nobody is "in" them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow
import pyarrow.compute as pc

from core.catalogue.placeholders import junk_credits, placeholder_rows
from core.questions.filters import Role
from core.questions.name_search import (
    FIRST_NAME_SCORE,
    PROMINENT,
    SEARCHED_TITLES,
    SURNAME_SCORE,
    NameSearch,
    fold,
    sorted_index,
)
from core.search.titles import normalise
from core.snapshot.memory import arrow_strings

CONFIDENT = 88  # a name search score at least this, clear of the runner-up, names one person
MARGIN = 4
FAME_BONUS = 6.0
FAR_MORE = 2.0  # a name typed alone is its best-known owner's when they are in this many times the titles of the next
NEAR_NAME = 50  # names less alike than this (rapidfuzz ratio) are not candidates at all


@dataclass(frozen=True)
class PersonMatch:
    person: int
    name: str  # as the catalogue writes it ("Meryl Streep")
    score: float  # 0-100
    titles: int  # how many titles they are in, either role


class People:
    def __init__(self, catalogue: pd.DataFrame, placeholder: np.ndarray | None = None):
        if placeholder is None:
            placeholder = placeholder_rows(catalogue)
        entries = {role: _credits(catalogue, role.value, placeholder) for role in Role}
        every = pyarrow.concat_arrays([entries[r][0] for r in Role])
        # One person, however the platforms spell them: "Pedro Almodóvar" and "Pedro Almodovar",
        # "Samuel L. Jackson" and "Samuel L Jackson" share a key.
        keys = name_keys(every)
        names = pc.unique(keys)
        names = names.take(pc.sort_indices(names))
        # The keys (lowercase, no accents or dots) and the names as written, as Arrow arrays: 72k
        # Python strings each would cost ~10 MiB of the serving process's 300 MB.
        self.names: pyarrow.Array = names
        codes = pc.index_in(keys, value_set=names).to_numpy(zero_copy_only=False)
        known = ~np.isnan(codes) if codes.dtype.kind == "f" else np.ones(len(codes), dtype=bool)
        codes = np.where(known, np.nan_to_num(codes), -1).astype(np.int64)
        shown = pyarrow.concat_arrays([entries[r][1] for r in Role])
        self.display = pyarrow.array(_most_written(codes, shown, len(names)), pyarrow.string())
        credits = {}
        offset = 0
        for role in Role:
            size = len(entries[role][0])
            role_codes = codes[offset : offset + size]
            offset += size
            kept = role_codes >= 0
            # A name listed twice for one title counts once, as the original /actor counts it.
            credits[role] = np.unique(np.stack([role_codes[kept], entries[role][2][kept]]), axis=1)
        # Only the postings are kept (each person's rows, person by person): at ten times the
        # catalogue a second, row-ordered copy of the credits cost ~12 MB.
        self._postings = {role: _by_person(*credits[role], len(self.names)) for role in Role}
        either = np.unique(np.concatenate([credits[r] for r in Role], axis=1), axis=1)
        self.title_count = np.bincount(either[0], minlength=len(self.names))
        # Built now with the rest (~0.1 s on the full data): a search built on first use would
        # hold up the reply, on the event loop, that first names someone.
        self._search = NameSearch(self.names, self.title_count)

    def __len__(self) -> int:
        return len(self.names)

    def key(self, person: int) -> str:
        """The person's key: their name lowercase, without accents or dots."""
        return self.names[person].as_py()

    def shown(self, person: int) -> str:
        """The person's name as the catalogues write it most ("Pedro Almodóvar")."""
        return self.display[person].as_py()

    def find(self, name: str) -> int | None:
        """The person of exactly this name (any case or accents), or None."""
        return sorted_index(self.names, fold(name))

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
        starts, rows = self._postings[role]
        kept = np.concatenate([[0], np.cumsum(keep[rows], dtype=np.int64)])
        return kept[starts[1:]] - kept[starts[:-1]]

    def roles_in(self, person: int, row: int) -> list[Role]:
        """The parts ``person`` has in the title at ``row`` (their rows are sorted)."""
        found = []
        for role in Role:
            rows = self._rows(person, role)
            at = int(np.searchsorted(rows, row))
            if at < len(rows) and rows[at] == row:
                found.append(role)
        return found

    def may_be_named(self, text: str) -> bool:
        """A cheap first test for a name typed without a cue ("kubrick", "keanu reevs"): the whole
        name, a surname, or a first name of someone in the catalogues."""
        key = normalise(text)
        return self._search.may_be(key) or self.mononym(key) is not None

    def mononym(self, word: str) -> int | None:
        """The person known by this one word alone, in enough titles to be asked for by it:
        "zendaya", "shakira" (not a placeholder cast value like "1")."""
        person = self._search.exact(word) if word and " " not in word and not word.isdigit() else None
        return person if person is not None and self.match(person).titles >= PROMINENT else None

    def has_first_name(self, word: str) -> bool:
        return self._search.has_first_name(word)

    def is_surname(self, word: str) -> bool:
        return normalise(word) in self._search.surnames

    def by_surname(self, word: str, misspelt: bool = False) -> list[PersonMatch]:
        """The people known for this surname (typed alone: "kubrick"), best known first."""
        found = [self.match(i, score) for i, score in self._search.known_surname(normalise(word), misspelt)]
        found.sort(key=lambda m: (-known(m), m.person))
        return found

    def single_name(self, word: str) -> tuple[list[PersonMatch], bool]:
        """The people a first name or surname typed alone names ("morgan", "kubrick"), most
        titles first, and whether it names one: its best-known owner is in far more titles than
        the next (Morgan Freeman's 25 are not far more than Tracy Morgan's 15), in enough of
        them (a surname: two; a first name, as "shakira" for Shakira Barrera's three: five), and
        a first name only when it is nobody's surname (people say "nolan" for a surname)."""
        key = normalise(word)
        if " " in key or not key:
            return [], False
        owner = self.mononym(key)
        if owner is not None:
            return [self.match(owner)], True
        owners = self._search.owners(key)
        surnamed = set(self._search.surnames.get(key, ()))
        found = [self.match(i, SURNAME_SCORE if i in surnamed else FIRST_NAME_SCORE) for i in owners]
        found.sort(key=lambda m: (-m.titles, m.person))
        if not found:
            return [], False
        lead, runner = found[0].titles, found[1].titles if len(found) > 1 else 0
        if found[0].person not in surnamed and surnamed:
            return found[:5], False  # "nolan": Nolan North's first name, others' surname
        enough = SEARCHED_TITLES if found[0].person in surnamed else PROMINENT
        return found[:5], lead >= enough and lead >= FAR_MORE * runner and lead - runner >= 3

    def search(self, text: str, limit: int = 5) -> list[PersonMatch]:
        """People whose name reads like ``text``, best first (a surname alone finds its owners)."""
        query = normalise(text)
        if not query:
            return []
        found = self._search.scores(query, limit * 4)
        ranked = [self.match(i, score) for i, score in found.items()]
        ranked.sort(key=lambda m: (-known(m), -m.score, m.person))
        return ranked[:limit]

    def match(self, person: int, score: float = 100.0) -> PersonMatch:
        return PersonMatch(person, self.shown(person), float(score), int(self.title_count[person]))

    def confident(self, matches: list[PersonMatch]) -> bool:
        """One person, clearly: the whole name typed, or a close match well ahead of the next
        once how known each is counts ("keanu" is Keanu Reeves, in 17 titles, not Keanu Chi)."""
        if not matches:
            return False
        if matches[0].score >= 100 and (len(matches) == 1 or matches[1].score < 100):
            return True
        first = known(matches[0])
        second = known(matches[1]) if len(matches) > 1 else 0.0
        return first >= CONFIDENT and first - second >= MARGIN


def name_keys(names: pyarrow.Array) -> pyarrow.Array:
    """Lowercase names without accents, dots or doubled spaces: one key per person."""
    folded = pc.replace_substring_regex(pc.utf8_normalize(pc.utf8_lower(names), "NFKD"), r"\p{Mn}", "")
    plain = pc.replace_substring_regex(folded, r"[^\pL\pN]+", " ")
    return pc.utf8_trim_whitespace(plain)


def _most_written(codes: np.ndarray, shown: pyarrow.Array, size: int) -> list[str]:
    """Per person, the spelling the catalogues use most (the first one on a tie)."""
    frame = pd.DataFrame({"person": codes, "shown": shown.to_numpy(zero_copy_only=False)})
    frame = frame[frame["person"] >= 0]
    counts = frame.groupby(["person", "shown"], sort=False).size().reset_index(name="n")
    best = counts.sort_values(["person", "n"], ascending=[True, False], kind="stable").drop_duplicates(
        "person"
    )
    display = [""] * size
    for person, name in zip(best["person"].tolist(), best["shown"].tolist(), strict=True):
        display[person] = name
    return display


def known(match: PersonMatch) -> float:
    """A match's score, raised a little for people in many titles: among near-equal names, the
    prolific one is who people mean."""
    return match.score + min(FAME_BONUS, 2 * math.log2(max(match.titles, 1)))


def _credits(catalogue: pd.DataFrame, column: str, placeholder: np.ndarray):
    """``_split`` without the credits of placeholder rows and the values that name nobody."""
    lower, display, rows = _split(catalogue, column)
    kept = ~placeholder[rows] & ~junk_credits(lower).to_numpy(zero_copy_only=False)
    kept_arrow = pyarrow.array(kept)
    return lower.filter(kept_arrow), display.filter(kept_arrow), rows[kept]


def _split(catalogue: pd.DataFrame, column: str) -> tuple[pyarrow.Array, pyarrow.Array, np.ndarray]:
    """(lowercase names, display names, row of each) of one people column. The display column
    splits like the lowercase one; where it does not, a name is shown title-cased."""
    lower, rows = _items(catalogue[column])
    display, display_rows = _items(catalogue.get(f"display_{column}", catalogue[column]))
    if len(display) != len(lower) or not np.array_equal(rows, display_rows):
        display = pc.utf8_title(lower)
    return lower, display, rows


def _items(column: pd.Series) -> tuple[pyarrow.Array, np.ndarray]:
    lists = pc.split_pattern(arrow_strings(column), ", ")
    items = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    return items, pc.list_parent_indices(lists).to_numpy().astype(np.int64)


def _by_person(persons: np.ndarray, rows: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """CSR postings: rows of person p are ``rows[starts[p]:starts[p + 1]]``, sorted (the pairs
    come sorted by person, then row, from ``np.unique``)."""
    return np.searchsorted(persons, np.arange(size + 1)), rows.astype(np.int32)
