"""Runtimes and seasons said in words (``core.understanding.slots``): "under 90 minutes", "menos de
hora y media", "2 temporadas máximo", "miniseries", "pelis cortas"."""

from __future__ import annotations

from core.catalogue.title_types import TitleType
from core.questions.filters import Span
from core.search.titles import normalise
from core.understanding.lexicon.filters import (
    AMOUNT_OR,
    FEW_SEASONS,
    HALF_HOUR,
    INCLUSIVE,
    LESS,
    LESS_AFTER,
    MINUTE_UNITS,
    MORE,
    MORE_AFTER,
    NOT_TOO_LONG,
    ONE_SEASON,
    QUARTER_HOUR,
    SEASON_WORDS,
    SHORT,
    SHORT_ALONE,
    SHORT_BESIDE,
    SHORT_MINUTES,
    SHORT_SEASONS,
)
from core.understanding.slot_scan import Scan, count_at

AFTER_AMOUNT = LESS_AFTER | MORE_AFTER


# ---- durations ------------------------------------------------------------------------------
def _duration(scan: Scan, k: int):
    items = scan.items
    size = scan.phrase_at(k, ONE_SEASON, 4)
    if size:
        return scan.merge("seasons", Span(1, 1), k, k + size)
    size = scan.typed_phrase_at(k, NOT_TOO_LONG, 5)
    if size:  # "nothing too long": a show's seasons when the message is about shows
        kind, high = ("seasons", SHORT_SEASONS) if _about_shows(scan) else ("minutes", SHORT_MINUTES)
        return scan.merge(kind, Span(None, high), k, k + size)
    size = scan.phrase_at(k, FEW_SEASONS, 4)
    if size:  # "de pocas temporadas, 1 o 2": the amounts after it say how few
        amount = _amount_or(scan, k + size)
        high, used = amount if amount else (SHORT_SEASONS, 0)
        return scan.merge("seasons", Span(None, high), k, k + size + used)
    for phrases, less in ((LESS, True), (MORE, False)):
        size = scan.phrase_at(k, phrases, 5)
        amount = _amount(scan, k + size) if size else None
        if amount is None:
            continue
        value, unit, used, _ = amount
        said = scan.words(k, size)
        inclusive = said in INCLUSIVE
        span = Span(None, value - (not inclusive)) if less else Span(value + (not inclusive), None)
        return scan.merge("seasons" if unit == "season" else "minutes", span, k, k + size + used)
    amount = _amount(scan, k)  # "2 temporadas máximo", "una o dos temporadas", "3 seasons or more"
    if amount is not None:
        value, unit, used, low = amount
        kind = "seasons" if unit == "season" else "minutes"
        after = scan.phrase_at(k + used, AFTER_AMOUNT, 3)
        if after:
            more = scan.words(k + used, after) in MORE_AFTER
            span = Span(low if low is not None and more else value, None) if more else Span(None, value)
            return scan.merge(kind, span, k, k + used + after)
        if low is not None and unit == "season":  # "1 or 2 seasons": every show has one, so up to 2
            return scan.merge(kind, Span(low if low > 1 else None, value), k, k + used)
    it = items[k]  # "5+ seasons"
    if (
        it.kind == "rating"
        and str(it.value).endswith("+")
        and k + 1 < len(items)
        and items[k + 1].words in SEASON_WORDS
    ):
        return scan.merge("seasons", Span(int(str(it.value)[:-1]), None), k, k + 2)
    return None


def _about_shows(scan: Scan) -> bool:
    """The message is about shows: it says so, or it counts seasons ("cortas, 2 temporadas max")."""
    return any(
        it.kind == "type" and it.value == TitleType.SHOW or set(it.words.split()) & SEASON_WORDS
        for it in scan.items
    )


def _amount_or(scan: Scan, k: int) -> tuple[int, int] | None:
    """ "1 o 2", "one or two" with no unit after it: (the higher, items used)."""
    if k + 2 >= len(scan.items) or scan.typed_word(k + 1) not in AMOUNT_OR:
        return None
    first = count_at(scan, k)
    if first is None:
        return None
    second = count_at(scan, k + 2)
    return (int(second), 3) if second is not None and second > first else None


def _amount(scan: Scan, k: int) -> tuple[int, str, int, int | None] | None:
    """ "90 minutes", "2 hours", "an hour and a half", "una hora", "hora y media", "3 seasons",
    "una o dos temporadas" -> (value, unit, items, the lower of two amounts or None)."""
    items = scan.items
    if k >= len(items):
        return None
    count, used, low = count_at(scan, k), 1, None
    if count is None:
        if MINUTE_UNITS.get(scan.typed_word(k)) != 60:
            return None
        count, used = 1.0, 0  # "menos de hora y media": an hour, its number unsaid
    if used and k + 2 < len(items) and scan.typed_word(k + 1) in AMOUNT_OR:
        second = count_at(scan, k + 2)
        if second is not None and second > count:  # "una o dos temporadas", "1 or 2 seasons"
            low, count, used = int(count), second, 3
    if used and k + used < len(items) and items[k + used].words == "half":
        count, used = 0.5, used + 1  # "half an hour"
    if k + used >= len(items):
        return None
    unit = scan.typed_word(k + used)
    if unit in SEASON_WORDS:
        return int(count), "season", used + 1, low
    if unit not in MINUTE_UNITS or low is not None:
        return None
    minutes, used = count * MINUTE_UNITS[unit], used + 1
    half = scan.phrase_at(k + used, HALF_HOUR, 3) if MINUTE_UNITS[unit] == 60 else 0
    quarter = 0 if half or MINUTE_UNITS[unit] != 60 else scan.typed_phrase_at(k + used, QUARTER_HOUR, 3)
    return int(round(minutes + 30 * bool(half) + 15 * bool(quarter))), "min", used + half + quarter, None


def _short(scan: Scan, k: int):
    """ "short movies", "pelis cortas", "short ones", "cortas": runtimes or seasons of short titles."""
    items = scan.items
    if scan.typed_word(k) not in SHORT or normalise(scan.text) in scan.exact_titles:
        return None
    near = [items[x] for x in (k - 1, k + 1) if 0 <= x < len(items)]
    typed = next((it for it in near if it.kind == "type"), None)
    beside = any(it.kind == "genre" for it in near) or any(
        scan.typed_word(x) in SHORT_BESIDE for x in (k - 1, k + 1) if 0 <= x < len(items)
    )
    alone = scan.typed_word(k) in SHORT_ALONE and all(
        it.kind == "filler" for x, it in enumerate(items) if x != k
    )
    if typed is None and not beside and not alone:
        return None  # "the big short", "short circuit": a title's word
    if typed is not None and typed.value == TitleType.SHOW or typed is None and _about_shows(scan):
        return scan.merge("seasons", Span(None, SHORT_SEASONS), k, k + 1)
    return scan.merge("minutes", Span(None, SHORT_MINUTES), k, k + 1)
