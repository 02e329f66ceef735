"""What a title's card says, gathered from the title's row and its copies on other platforms
(``core.catalogue.works``): the bot only words it (``bot.text.card``).

A field a row leaves empty is taken from the first copy that has it (Hulu's *Shrek* has no
cast, another platform's copy may), and a field no copy has is None or empty, so the card
leaves it out instead of printing a placeholder.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from core.catalogue.genres import shown_genres
from core.catalogue.title_types import TitleType
from core.catalogue.works import edition_of
from core.questions.bands import Band, band_of, shown_label

CAST = 5  # names of the cast on a card, at most


@dataclass(frozen=True)
class Stream:
    """One copy of the work: its platform, when the platform added it (None: not recorded),
    and its edition's tags ("es", "dub": ``core.catalogue.works``; none for the original)."""

    platform: str
    added: dt.date | None
    edition: tuple[str, ...] = ()


@dataclass(frozen=True)
class Card:
    minutes: int | None  # a movie's runtime
    seasons: int | None  # a show's seasons
    band: Band
    label: str | None  # the platform's own maturity label as people write it ("TV-14"); None: none
    genres: tuple[str, ...]  # ``shown_genres``, all of them
    directors: tuple[str, ...]
    cast: tuple[str, ...]  # at most ``CAST``
    countries: tuple[str, ...]
    streams: tuple[Stream, ...]  # the title's own first


def text(value) -> str | None:
    """A cell as text, or None for a missing one (None, NaN, pandas' NA, blank)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def count(value) -> int | None:
    """A positive whole number from a cell, or None (missing, NA, NaN or not positive)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if math.isfinite(number) and number > 0 else None


def names(value, most: int | None = None) -> tuple[str, ...]:
    """ "Winona Ryder, David Harbour" -> ("Winona Ryder", "David Harbour"), each once."""
    found = tuple(dict.fromkeys(part.strip() for part in (text(value) or "").split(",") if part.strip()))
    return found[:most] if most is not None else found


def added_on(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text(value) or "")
    except ValueError:
        return None


def maturity(rows: list[dict]) -> tuple[Band, str | None]:
    """The band and label of the first row whose platform wrote a known label; the ETL's
    "rating" fills a missing one with "g", so only ``maturity`` (the platform's own) is read."""
    for row in rows:
        label = text(row.get("maturity"))
        if label and band_of(label) is not Band.UNRATED:
            return band_of(label), shown_label(label)
    return Band.UNRATED, None


def first(rows: list[dict], read):
    """The first non-empty value ``read`` gets from the rows, in order."""
    return next((found for found in map(read, rows) if found), None)


def card_of_rows(rows: list[dict]) -> Card:
    """The card of ``rows[0]``, a catalogue row (``Snapshot.title``), with the rows of its
    copies after it."""
    own = rows[0]
    is_show = own["type"] == TitleType.SHOW
    unit = "season" if is_show else "min"
    duration = first(
        rows, lambda row: count(row.get("duration_int")) if row.get("duration_type") == unit else None
    )
    band, label = maturity(rows)
    return Card(
        minutes=None if is_show else duration,
        seasons=duration if is_show else None,
        band=band,
        label=label,
        genres=shown_genres(own.get("genres"), own.get("listed_in"), most=None),
        directors=first(rows, lambda row: names(row.get("display_director"))) or (),
        cast=first(rows, lambda row: names(row.get("display_cast"), CAST)) or (),
        countries=first(rows, lambda row: names(row.get("display_country"))) or (),
        streams=tuple(
            Stream(row["platform"], added_on(row.get("date_added")), edition_of(row.get("display_title"))[1])
            for row in rows
            if row.get("platform")
        ),
    )


def card_of(snapshot, title_id: str) -> Card | None:
    """The card of a title of ``snapshot`` (``core.snapshot.store.Snapshot``), or None for an unknown id."""
    rows = [snapshot.title(i) for i in snapshot.copies.get(title_id, [title_id])]
    return card_of_rows(rows) if rows and rows[0] is not None else None
