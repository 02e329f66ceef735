"""What a message asks: ``Question``, the ``Intent`` it carries, and the commands that name one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property

from core.catalogue.title_types import TitleType
from core.questions.filters import Filters, Role
from core.understanding.policy import title_answer


class Intent(StrEnum):
    """What a question asks for. A ``StrEnum``, so logs and tests read its plain name."""

    WHERE = "where"
    RECOMMEND = "recommend"
    TITLE = "title"
    COUNT = "count"
    TOP = "top"
    LONGEST = "longest"
    ACTOR = "actor"
    COUNTRY = "country"
    RATING = "rating"
    SCORE = "score"
    PERSON = "person"  # a person's titles: "movies with meryl streep"
    CREDITS = "credits"  # who is in, or directed, a title
    HELP = "help"
    GREETING = "greeting"
    THANKS = "thanks"
    REMARK = "remark"  # small talk: "lol", "jaja ok", "que mal", "you suck"
    UNKNOWN = "unknown"


INTENTS = tuple(Intent)
TITLE_INTENTS = frozenset([Intent.WHERE, Intent.RECOMMEND, Intent.TITLE, Intent.CREDITS])
# Command names (English and Spanish, as the bot registers them) -> intent.
COMMANDS = {
    "where": Intent.WHERE, "donde": Intent.WHERE, "recommend": Intent.RECOMMEND, "recomendar": Intent.RECOMMEND,
    "count": Intent.COUNT, "contar": Intent.COUNT, "top": Intent.TOP, "mejores": Intent.TOP,
    "longest": Intent.LONGEST, "mas_larga": Intent.LONGEST, "maslarga": Intent.LONGEST, "actor": Intent.ACTOR,
    "country": Intent.COUNTRY, "pais": Intent.COUNTRY, "rating": Intent.RATING, "clasificacion": Intent.RATING,
    "score": Intent.SCORE, "puntaje": Intent.SCORE, "help": Intent.HELP, "ayuda": Intent.HELP,
    "start": Intent.HELP, "title": Intent.TITLE, "titulo": Intent.TITLE, "person": Intent.PERSON,
    "persona": Intent.PERSON,
}  # fmt: skip


@dataclass(frozen=True)
class Question:
    intent: Intent
    title: str | None = None  # the title text as the user wrote it (where/recommend/title)
    matches: tuple = ()  # core.recommender.Match results for ``title``, best first
    platform: str | None = None  # amazon|disney|hulu|netflix
    year: int | None = None
    type: TitleType | None = None
    genre: str | None = None  # canonical genre id from core.catalogue.genres
    country: str | None = None  # as the catalogue writes it (lowercase), aliases applied
    rating: str | None = None  # maturity rating as in the catalogue ("tv-14", "pg-13", "13+")
    score: float | None = None
    duration_type: str | None = None  # "min" | "season"
    language: str | None = None  # "es" or "en" when the message itself is clearly that language
    leaning: str | None = None  # else the language its thanks or laughter lean to ("gracias")
    leftover: str = ""  # words not understood (for a command: report them to the user)
    # Every filter the question states, several platforms, ranges and exclusions included: the
    # single-valued fields above are the first of each, for the answers that take one.
    filters: Filters = Filters()
    person: object | None = None  # core.understanding.slots.Who: the person named, if any
    role: Role | None = None  # the part asked about: "which director…", "who directed…"
    shortest: bool = False  # "the shortest", not the longest
    start: int = 0  # the first title of a list to show: "more" continues a list from here

    def refined(self, filters: Filters, **changes) -> Question:
        """The same question with other filters (and ``changes`` to other fields), its
        single-valued fields kept the first of each filter, as the understanding layer sets them."""
        first = {
            "platform": _first(filters.platforms, self.platform), "genre": _first(filters.genres, self.genre),
            "country": _first(filters.countries, self.country), "rating": _first(filters.ratings, self.rating),
            "year": filters.year, "type": filters.type,
        }  # fmt: skip
        return replace(self, filters=filters, **{**first, **changes})

    @property
    def band(self) -> str | None:
        """The maturity bands asked for, as labels write them: "<=7", "<=all", "18"."""
        span = self.filters.bands
        if span is None:
            return None
        if span.low is not None:
            return str(int(span.low))
        return "<=all" if span.high == 0 else f"<={int(span.high)}"

    def answer(self) -> tuple[str, list]:
        """The title policy for this question's title: ``title_answer(matches, title, year)``."""
        return self._verdict

    @cached_property
    def _verdict(self) -> tuple[str, list]:  # a frozen dataclass's fields never change
        return title_answer(self.matches, self.title, self.year)

    def judged(self, verdict: tuple[str, list]) -> Question:
        """This question with ``answer()`` already known: the verdict the reader just reached on
        the same matches, title and year (the policy costs up to 0.5 ms a title)."""
        self.__dict__["_verdict"] = verdict  # what ``cached_property`` would have stored
        return self


def _first(values: frozenset, current):
    """``current`` while it is still among ``values``; else any one of them (the smallest)."""
    if not values:
        return None
    return current if current in values else min(values)
