"""What a catalogue question narrows the titles to: every filter optional, all combinable.

``Filters`` is plain data, built by the understanding layer or a command, read by
``core.questions.table.TitleTable.mask``. Empty sets and ``None`` mean "any".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from core.catalogue.title_types import TitleType


class Role(StrEnum):
    CAST = "cast"
    DIRECTOR = "director"


class Ranking(StrEnum):
    """The order of a list: the mean rating (``/top``, the original question) or the picks
    score (a request in words: "something for tonight", ``core.questions.picks``)."""

    SCORE = "score"
    PICKS = "picks"


@dataclass(frozen=True)
class Span:
    """An inclusive range; either end may be open (``None``)."""

    low: float | None = None
    high: float | None = None

    def __post_init__(self):
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"an empty range: {self.low} to {self.high}")

    @classmethod
    def exactly(cls, value) -> Span:
        return cls(value, value)

    def contains(self, value) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)


@dataclass(frozen=True)
class Filters:
    platforms: frozenset[str] = frozenset()  # any of these (core.catalogue.platforms.PLATFORMS)
    years: Span | None = None  # release years, inclusive
    type: TitleType | None = None
    genres: frozenset[str] = frozenset()  # canonical genre ids, all of them
    not_genres: frozenset[str] = frozenset()  # none of them
    countries: frozenset[str] = frozenset()  # any of these, as the catalogue writes them (lowercase)
    bands: Span | None = None  # maturity bands (core.questions.bands.Band), inclusive
    ratings: frozenset[str] = frozenset()  # any of these platform labels (lowercase: "tv-ma", "13+")
    person: int | None = None  # a person id of core.questions.people.People
    role: Role | None = None  # the person's part; None = cast or director
    minutes: Span | None = None  # a movie's runtime (a show has none)
    seasons: Span | None = None  # a show's seasons (a movie has none)
    score_above: float | None = None  # mean user rating strictly greater than this
    topics: frozenset[str] = frozenset()  # all of these (core.questions.topics.TOPICS): "about dogs"
    exclude: frozenset[str] = field(default=frozenset(), compare=False)  # title ids left out (already shown)
    ranking: Ranking = Ranking.SCORE  # the order of its lists; no filter of the titles

    @property
    def year(self) -> int | None:
        """The single release year asked for, if that is what ``years`` is."""
        if self.years is not None and self.years.low is not None and self.years.low == self.years.high:
            return int(self.years.low)
        return None

    def but(self, **changes) -> Filters:
        """The same filters with some changed: ``filters.but(type=TitleType.SHOW)``."""
        return replace(self, **changes)

    def is_empty(self) -> bool:
        """Keeps every title (whatever order its lists take)."""
        return replace(self, ranking=Ranking.SCORE) == Filters()
