"""What a message asks: ``Question`` and the names of the intents and commands."""

from __future__ import annotations

from dataclasses import dataclass

from core.understanding.policy import title_answer

INTENTS = (
    "where", "recommend", "title", "count", "top", "longest", "actor", "country", "rating", "score",
    "help", "greeting", "thanks", "unknown",
)  # fmt: skip
TITLE_INTENTS = frozenset(["where", "recommend", "title"])
# Command names (English and Spanish, as the bot registers them) -> intent.
COMMANDS = {
    "where": "where", "donde": "where", "recommend": "recommend", "recomendar": "recommend",
    "count": "count", "contar": "count", "top": "top", "mejores": "top", "longest": "longest",
    "mas_larga": "longest", "maslarga": "longest", "actor": "actor", "country": "country", "pais": "country",
    "rating": "rating", "clasificacion": "rating", "score": "score", "puntaje": "score", "help": "help",
    "ayuda": "help", "start": "help", "title": "title", "titulo": "title",
}  # fmt: skip


@dataclass(frozen=True)
class Question:
    intent: str  # one of INTENTS
    title: str | None = None  # the title text as the user wrote it (where/recommend/title)
    matches: tuple = ()  # core.recommender.Match results for ``title``, best first
    platform: str | None = None  # amazon|disney|hulu|netflix
    year: int | None = None
    type: str | None = None  # "movie" | "tv show"
    genre: str | None = None  # canonical genre id from core.catalogue.genres
    country: str | None = None  # as the catalogue writes it (lowercase), aliases applied
    rating: str | None = None  # maturity rating as in the catalogue ("tv-14", "pg-13", "13+")
    score: float | None = None
    duration_type: str | None = None  # "min" | "season"
    language: str | None = None  # "es" or "en" when the message itself is clearly that language
    leftover: str = ""  # words not understood (for a command: report them to the user)

    def answer(self) -> tuple[str, list]:
        """The title policy for this question's title: ``title_answer(matches, title, year)``."""
        return title_answer(self.matches, self.title, self.year)
