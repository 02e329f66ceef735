"""Years said in words (``core.understanding.slots``): decades, ranges, "after 2015", "the last 5
years", "recent"."""

from __future__ import annotations

from core.questions.filters import Span
from core.understanding.lexicon.filters import (
    AFTER,
    AND_TO,
    BEFORE,
    BETWEEN,
    DECADE_WORDS,
    LAST_CENTURY,
    LAST_DECADE,
    LAST_YEARS,
    NOT_SO_DATED,
    ONWARDS,
    RECENT,
    RECENT_YEARS,
    SINCE,
    THIS_CENTURY,
    UNTIL,
    YEAR_UNITS,
)
from core.understanding.scanner import Item
from core.understanding.slot_scan import Scan, count_at


# ---- years --------------------------------------------------------------------------------
def _onwards(scan: Scan, at: int) -> int:
    """How many items at ``at`` say "onwards" ("on", "en adelante", "pa delante"); 0 before a
    platform ("2019 on netflix")."""
    if at >= len(scan.items) or _platform_after(scan.items, at):
        return 0
    return scan.phrase_at(at, ONWARDS) or 0


def _decade_at(scan: Scan, k: int) -> tuple[int, int] | None:
    """A decade at ``k``: "80s", "1980s", "'90s", "eighties", "los 80", "años 90" -> (first year, items)."""
    if k >= len(scan.items):
        return None
    it = scan.items[k]
    if it.words in DECADE_WORDS:
        return DECADE_WORDS[it.words], 1
    number = it.value if it.kind in ("year", "number") else None
    if number is None or int(number) != number or int(number) % 10:
        return None
    number = int(number)
    start = number if number >= 1900 else 1900 + number if number >= 20 else 2000 + number
    if not 1900 <= start <= 2020:
        return None
    if k + 1 < len(scan.items) and scan.items[k + 1].words == "s":  # "80s" is the tokens "80" and "s"
        return start, 2
    before = scan.items[k - 1].words if k else ""
    if number < 100 and before in ("los", "las", "anos", "the", "decada de los", "de los", "los anos"):
        return start, 1
    if number >= 1900 and before in ("los", "anos", "decada de los", "de los", "los anos"):
        return start, 1  # "de los 2000": Spanish names a decade so ("del 2000" is the year)
    return None


def _short_year(scan: Scan, k: int) -> int | None:
    """A year written with two digits after an article: "del 70" is 1970, "del 15" 2015."""
    if k >= len(scan.items) or scan.items[k].kind != "number":
        return None
    number = scan.items[k].value
    if int(number) != number or not 0 <= number < 100:
        return None
    if k + 1 < len(scan.items) and scan.items[k + 1].kind in ("word", "dtype", "type"):
        return None  # "after the 15 minute mark": an amount of something
    return 1900 + int(number) if number >= 30 else 2000 + int(number)


YEAR_ARTICLES = frozenset(["el", "the", "ano", "year", "los", "anos", "del ano", "de", "del"])


def _years(scan: Scan, k: int):
    items = scan.items
    negated = _not_before_or_after(scan, k)
    if negated is not None:
        return negated
    decade = _decade_at(scan, k)
    if decade is not None:
        return _decades(scan, k, decade)
    last = _last_years(scan, k)
    if last is not None:
        return last
    if items[k].words in RECENT and not (k + 1 < len(items) and items[k + 1].kind == "word"):
        last = scan.years[1]
        return scan.merge("years", Span(last - RECENT_YEARS + 1, last), k, k + 1)  # but "new girl" is a title
    size = scan.phrase_at(k, BETWEEN)
    if size:
        first, joined = scan.year_at(k + size), k + size + 1
        if first is not None and joined < len(items) and items[joined].words in AND_TO:
            second = scan.year_at(joined + 1)
            if second is not None and second >= first:
                return scan.merge("years", Span(first, second), k, joined + 2)
    for phrases, span_of in (
        (AFTER, lambda y, width: Span(y + width, None)),
        (BEFORE, lambda y, width: Span(None, y - 1)),
        (UNTIL, lambda y, width: Span(None, y + width - 1)),
        (SINCE, lambda y, width: Span(y, None)),
    ):
        size = scan.phrase_at(k, phrases)
        if not size:
            continue
        lead = size
        while k + size < len(items) and items[k + size].words in YEAR_ARTICLES:
            size += 1  # "desde el 2000", "antes del año 1990", "after the year 2015"
        decade = _decade_at(scan, k + size)
        year, used, width = (decade[0], decade[1], 10) if decade else (scan.year_at(k + size), 1, 1)
        if year is None and (size > lead or scan.words(k, lead).endswith(" del")):
            year = _short_year(scan, k + size)  # "antes del 70": 1970
        if year is None:
            continue
        end = k + size + used
        onwards = _onwards(scan, end)
        if phrases is SINCE and items[k].words in ("de", "del", "from") and not onwards:
            continue  # "from 2019", "de 2019": that one year, as the scanner reads it
        return scan.merge("years", span_of(year, width), k, end + onwards)
    first = scan.year_at(k)
    later = _onwards(scan, k + 1) if first is not None and items[k + 1 :].__len__() else 0
    if later and items[k + 1].words not in ("on",):  # "2018 pa delante", "2015 en adelante"
        return scan.merge("years", Span(first, None), k, k + 1 + later)
    if first is not None and k + 1 < len(items):
        to = items[k + 1].words in ("to", "a", "hasta", "through") and scan.year_at(k + 2) is not None
        dash = scan.typed_between(k) in ("-", "–", "—") and scan.year_at(k + 1) is not None
        second = scan.year_at(k + 2) if to else scan.year_at(k + 1) if dash else None
        if second is not None and second > first:
            return scan.merge("years", Span(first, second), k, k + (3 if to else 2))
    return None


def _last_years(scan: Scan, k: int):
    """ "the last 5 years", "los últimos diez años", "the past decade": the catalogue's last years."""
    century = scan.phrase_at(k, THIS_CENTURY)
    if century:  # "de este siglo", "this century": from 2000
        return scan.merge("years", Span(2000, None), k, k + century)
    century = scan.phrase_at(k, LAST_CENTURY)
    if century:
        return scan.merge("years", Span(None, 1999), k, k + century)
    decade = scan.phrase_at(k, LAST_DECADE)
    if decade:
        count, end = 10, k + decade
    else:
        size = scan.phrase_at(k, LAST_YEARS)
        count = count_at(scan, k + size) if size else None
        end = k + size + 1
        if count is None or end >= len(scan.items) or scan.typed_word(end) not in YEAR_UNITS:
            return None
        end += 1
    if not 1 <= count <= 100:
        return None
    last = scan.years[1]
    return scan.merge("years", Span(last - int(count) + 1, last), k, end)


def _platform_after(items: list[Item], k: int) -> bool:
    """ "from 2005 on prime": the "on" opens a platform, it does not mean "onwards"."""
    return k + 1 < len(items) and items[k + 1].kind == "platform"


def _decades(scan: Scan, k: int, decade: tuple[int, int]):
    start, size = decade
    end = k + size
    if end + 1 < len(scan.items) and scan.items[end].words in ("and", "y", "to", "a", "through", "or", "o"):
        more = _decade_at(scan, end + 1)
        if more is not None and more[0] > start:  # "the 50s and 60s", "los 80 y 90"
            return scan.merge("years", Span(start, more[0] + 9), k, end + 1 + more[1])
    return scan.merge("years", Span(start, start + 9), k, end)


def _not_before_or_after(scan: Scan, k: int):
    """ "not from before 1980" is from 1980 on; "que no sean de después del 2010", up to 2010."""
    start = scan.after_negation(k, NOT_SO_DATED)
    found = _years(scan, start) if start is not None and start < len(scan.items) else None
    if not found or not isinstance(found[0], Item) or found[0].kind != "years":
        return None
    span, end = found[0].value, found[1]
    if span.low is None and span.high is not None:
        return scan.merge("years", Span(span.high + 1, None), k, end)
    if span.high is None and span.low is not None:
        return scan.merge("years", Span(None, span.low - 1), k, end)
    return None
