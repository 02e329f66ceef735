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

from dataclasses import dataclass

from core.catalogue.spanish_names import ABSENT_WORKS, ENTRIES, SpanishName
from core.search.titles import TitleResolver, normalise

NAME_FLOOR = 80.0  # a name scoring less is no reading of the text: it would only crowd the suggestions


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

    def __len__(self) -> int:
        return sum(1 for works in self.targets if works)

    def search(self, query: str, limit: int) -> list[NameHit]:
        """Works whose Spanish name reads like the normalised ``query``, best first; none when an
        absent work's name reads at least as well as any present one ("el padrino")."""
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
