"""The filters a question states, collected from its items one by one
(``Understanding._arguments``): several platforms, genres and countries, ranges of years,
bands, runtimes and seasons joined into one."""

from __future__ import annotations

from core.catalogue.platforms import PLATFORMS
from core.catalogue.title_types import TitleType
from core.questions.filters import Filters
from core.questions.filters import Span as Range
from core.understanding import lexicon as lx
from core.understanding.scanner import Item

SLOT_KINDS = frozenset(
    ["years", "band", "minutes", "seasons", "not_genre", "not_type", "genres", "person", "topic"]
)


_SETS = {"platform": "platforms", "type": "types", "genre": "genres", "not_genre": "not_genres",
         "country": "countries", "rating": "ratings", "topic": "topics"}  # fmt: skip


class ItemFilters:
    """Every filter a question states, collected item by item (``Understanding._arguments``)."""

    def __init__(self):
        self.platforms: set[str] = set()
        self.not_platforms: set[str] = set()  # "not on netflix": the other platforms
        self.years: list[Range] = []
        self.recent: Range | None = None
        self.types: set[str] = set()
        self.not_types: set[str] = set()  # "not shows", "no series"
        self.genres: set[str] = set()
        self.not_genres: set[str] = set()
        self.countries: set[str] = set()
        self.ratings: set[str] = set()
        self.topics: set[str] = set()  # "movies about dogs"
        self.bands: list[Range] = []
        self.minutes: Range | None = None
        self.seasons: Range | None = None
        self.person = None  # core.understanding.slots.Who

    def add(self, it: Item) -> None:
        kind, value = it.kind, it.value
        if kind == "platform" and it.negated:
            self.not_platforms.add(value)
        elif kind in _SETS:
            getattr(self, _SETS[kind]).add(value)
        elif kind == "genres":
            self.genres.update(value)  # "romcoms": romance and comedy
        elif kind == "years" and it.words in lx.RECENT:
            self.recent = value  # "new", "recientes": unless a year is said ("más nuevo, del 2018 pa acá")
        elif kind in ("year", "years"):
            self.years.append(Range.exactly(value) if kind == "year" else value)
        elif kind == "band":
            self.bands.append(value)
        elif kind in ("minutes", "seasons"):
            setattr(self, kind, value)
        elif kind == "not_type":
            self.not_types.add(value)
        elif kind == "person" and (self.person is None or _fuller(value, self.person)):
            self.person = value  # "settle a bet: what has adam sandler starred in": the whole name

    def filters(self, score: float | None, of_a_title: bool = False) -> Filters:
        types = (self.types or ({TitleType.SHOW} if self.seasons else set())) - self.not_types
        if not types and len(self.not_types) == 1:
            types = set(TitleType) - {TitleType(next(iter(self.not_types)))}  # "no movies": shows
        who = self.person
        platforms = self.platforms - self.not_platforms
        if of_a_title:  # "ya no está en netflix, ¿es verdad?": of one title, still the one asked
            platforms = self.platforms | self.not_platforms
        elif self.not_platforms and not platforms:  # "not on netflix": the other three
            platforms = set(PLATFORMS) - self.not_platforms
        return Filters(
            platforms=frozenset(platforms),
            years=_joined(self.years) or self.recent,
            type=TitleType(next(iter(types))) if len(types) == 1 else None,
            genres=frozenset(self.genres - self.not_genres),
            not_genres=frozenset(self.not_genres),
            countries=frozenset(self.countries),
            bands=min(self.bands, key=lambda s: s.high if s.high is not None else 99) if self.bands else None,
            ratings=frozenset(self.ratings),
            person=who.matches[0].person if who is not None and who.confident else None,
            role=who.role if who is not None else None,
            minutes=self.minutes,
            seasons=self.seasons,
            score_above=score,
            topics=frozenset(self.topics),
        )


def _fuller(new, old) -> bool:
    """A person said by a whole name after one said by a bare word ("little", "settle")."""
    return new.confident and len(new.text.split()) > 1 and len(old.text.split()) == 1


def _within(inner: Range, outer: Range) -> bool:
    low_ok = outer.low is None or inner.low is not None and inner.low >= outer.low
    high_ok = outer.high is None or inner.high is not None and inner.high <= outer.high
    return low_ok and high_ok


def _joined(spans: list[Range]) -> Range | None:
    """Several years said: the one inside all the others, else the range from the first to the
    last ("2019 2020")."""
    if not spans:
        return None
    if len(spans) == 1:
        return spans[0]
    for span in spans:  # "estrenos … del 2021", "the 90s, 1995": the year inside the wider words
        if all(_within(span, other) for other in spans):
            return span
    lows = [s.low for s in spans if s.low is not None]
    highs = [s.high for s in spans if s.high is not None]
    return Range(min(lows) if lows else None, max(highs) if highs else None)
