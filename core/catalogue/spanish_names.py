"""The Spanish names of catalogue works: Spain's (``es``) and Latin America's (``es_419``).

The names are repository data (``spanish_titles.tsv``, one row per work, see its header), not
catalogue data, so they load once with the module. What maps them onto a catalogue version's
titles (``core.search.names.NameIndex``) is built with each snapshot, never here.

- ``titles_named("buscando a nemo")`` -> ``("Finding Nemo",)``: the catalogue titles a Spanish name
  (typed any way ``normalise`` folds) names; several only for one work the platforms spell apart.
- ``spanish_name("Inside Out", 2015, "es")`` -> ``"Del revés"``: the name to show a Spanish reader,
  that region's first, then the other region's when the first is not known; None when the region
  kept the English title ("Up" in Spain) or the work has no known Spanish name.
- ``ABSENT_WORKS``: well-known Spanish names of works no catalogue carries ("el padrino" -> "the
  godfather"), so a Spanish name close to one of them is read as that absent work, not as the
  nearest name of a work that is there.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from core.search.titles import normalise

FILE = Path(__file__).with_name("spanish_titles.tsv")
COLUMNS = ["title", "year", "es", "es_419"]
REGIONS = ("es_419", "es")  # the default order: Latin America has more Spanish speakers
SEPARATOR = "|"
YEAR_SLACK = 1  # platforms date one film a year apart (``core.catalogue.works.FILM_YEAR_SLACK``)


@dataclass(frozen=True)
class SpanishName:
    title: str  # as the catalogue's ``title`` column writes it
    year: int | None  # None: every work of that title
    es: tuple[str, ...]
    es_419: tuple[str, ...]

    def names(self) -> tuple[str, ...]:
        """Every name of the work, each once (Latin America's first)."""
        return tuple(dict.fromkeys(self.es_419 + self.es))

    def fits(self, year: int | None) -> bool:
        return self.year is None or year is None or abs(int(year) - self.year) <= YEAR_SLACK


def read(path=FILE) -> tuple[SpanishName, ...]:
    """The rows of the names file; a row that breaks the format is an error, not skipped."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if next(reader, None) != COLUMNS:
        raise ValueError(f"{path}: the header must be {COLUMNS}")
    entries = []
    for number, row in enumerate(reader, start=2):
        if len(row) != len(COLUMNS) or not row[0]:
            raise ValueError(f"{path}: row {number} needs {len(COLUMNS)} tab-separated cells and a title")
        title, year, es, es_419 = row
        entries.append(SpanishName(title, int(year) if year else None, _cell(es), _cell(es_419)))
    return tuple(entries)


def _cell(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(SEPARATOR) if name.strip())


ENTRIES = read()

# Folded name -> catalogue titles. A name equal to its own English title adds nothing to search.
_TITLES_NAMED: dict[str, tuple[str, ...]] = {}
for _entry in ENTRIES:
    for _name in _entry.names():
        _key = normalise(_name)
        if _key != normalise(_entry.title) and _entry.title not in _TITLES_NAMED.get(_key, ()):
            _TITLES_NAMED[_key] = _TITLES_NAMED.get(_key, ()) + (_entry.title,)
_BY_TITLE: dict[str, list[SpanishName]] = {}
for _entry in ENTRIES:
    _BY_TITLE.setdefault(normalise(_entry.title), []).append(_entry)

# Spanish names of famous works none of the four catalogues carries (folded -> English title).
ABSENT_WORKS = {
    "el padrino": "the godfather", "cadena perpetua": "the shawshank redemption",
    "sueno de fuga": "the shawshank redemption", "el caballero oscuro": "the dark knight",
    "el caballero de la noche": "the dark knight", "interestelar": "interstellar",
    "el lobo de wall street": "the wolf of wall street", "el resplandor": "the shining",
    "volver al futuro": "back to the future", "regreso al futuro": "back to the future",
    "el club de la pelea": "fight club", "el club de la lucha": "fight club",
    "juego de tronos": "game of thrones",
    "la teoria del big bang": "the big bang theory", "los soprano": "the sopranos",
    "diario de una pasion": "the notebook", "el diario de noa": "the notebook",
    "la monja": "the nun", "el sexto sentido": "the sixth sense", "el show de truman": "the truman show",
    "cazafantasmas": "ghostbusters", "los cazafantasmas": "ghostbusters", "los goonies": "the goonies",
    "chicas pesadas": "mean girls", "chicas malas": "mean girls", "que paso ayer": "the hangover",
    "el silencio de los inocentes": "the silence of the lambs", "lo que el viento se llevo": "gone with the wind",
    "salvar al soldado ryan": "saving private ryan", "rescatando al soldado ryan": "saving private ryan",
    "mi villano favorito": "despicable me", "como entrenar a tu dragon": "how to train your dragon",
    "los padrinos magicos": "the fairly oddparents",
}  # fmt: skip


def titles_named(name: str) -> tuple[str, ...]:
    """The catalogue titles this Spanish name names (any casing, accents or punctuation)."""
    return _TITLES_NAMED.get(normalise(name), ())


def aliases() -> dict[str, str]:
    """Folded Spanish name -> the first catalogue title it names, absent works included."""
    found = {name: titles[0] for name, titles in _TITLES_NAMED.items()}
    return {**ABSENT_WORKS, **found}


def spanish_name(title: str, year: int | None = None, region: str | None = None) -> str | None:
    """The name a reader in ``region`` ("es" or "es_419"; default Latin America) knows the work by,
    or None when it is the English title itself or not known."""
    order = (region, *(r for r in REGIONS if r != region)) if region in REGIONS else REGIONS
    key = normalise(title)
    for entry in _BY_TITLE.get(key, ()):
        if not entry.fits(year):
            continue
        for part in order:
            names = getattr(entry, part)
            if names:  # the region's own first name, even if it kept the English title
                return names[0] if normalise(names[0]) != key else None
    return None
