"""Filters said in words, read after the scanner: year ranges, ages, durations, exclusions,
several genres at once, and people.

``read_slots`` rewrites the scanner's items: each phrase below becomes one item of its own
kind, an argument like a platform or a genre, so the rest of the understanding layer (title
spans, "nothing but arguments", leftovers) treats it as one:

- ``years`` (a ``Span``): "the 80s", "los noventa", "after 2015", "desde 2010", "before 2000",
  "the last 5 years",
  "between 2000 and 2010", "entre 2000 y 2010", "2000-2010", "recent" (the catalogue's last
  three years);
- ``band`` (a ``Span`` of ``core.questions.bands.Band``): "for my 10 year old", "niños de 4",
  "kids", "toddlers", "family", "apta para todo público", "teens", "adults only", "+18";
- ``minutes`` / ``seasons`` (``Span``): "under 90 minutes", "menos de hora y media", "max 2h",
  "que no pase de dos horas", "2 temporadas máximo", "miniseries", "pelis cortas";
- ``not_genre``: a genre after a negation ("no horror", "sin terror", "nothing animated",
  "that isn't stand-up");
- ``genres``: a phrase naming two genres ("romcom", "comedia romántica");
- ``person`` (``core.questions.people.PersonMatch`` candidates): a name after "with", "starring",
  "directed by", "con", "dirigida por", "de"; or a run of unknown words that is a person's
  whole name or an unmistakable surname ("kubrick", "spielberg movies").

The words are the lexicon's (``core.understanding.lexicon.filters``); the readers of years,
runtimes and seasons, and people are ``slot_years``, ``slot_lengths`` and ``slot_people``, over
``slot_scan.Scan``; ages and genres are read here.
"""

from __future__ import annotations

from dataclasses import replace

from core.catalogue.title_types import TitleType
from core.questions.bands import Band, band_for_age, band_of
from core.questions.filters import Span
from core.understanding import lexicon as lx
from core.understanding.lexicon.filters import (
    AGE_UNITS,
    AND_UNDER,
    BAND_WORDS,
    CHILD_WORDS,
    COUNTRY_SHOWS,
    FOR_WORDS,
    LESS_AFTER,
    NEGATED_FILLER,
    NOT_RATED,
    SUITABLE_FOR,
    TEEN_GENRE_WORDS,
    TWO_GENRES,
    UP_TO,
)
from core.understanding.scanner import Item, Token, rating_label
from core.understanding.slot_lengths import _duration, _short
from core.understanding.slot_people import Who, _person
from core.understanding.slot_scan import Scan
from core.understanding.slot_senses import _show_verb, _us
from core.understanding.slot_topics import _topic
from core.understanding.slot_years import _years

__all__ = ["Who", "read_slots"]


def read_slots(
    text: str,
    items: list[Item],
    toks: list[Token],
    years: tuple[int, int],
    people=None,
    title_words=frozenset(),
    exact_titles=frozenset(),
) -> list[Item]:
    """The scanner's items with the phrases above merged into items of their own kinds
    (``people`` None: no names are looked for, as in a title command's arguments)."""
    scan = Scan(text, items, toks, years, people, title_words, exact_titles)
    readers = [
        _years,
        _band,
        _duration,
        _short,
        _negated,
        _two_genres,
        _country_shows,
        _sitcoms,
        _genre_about,
        _show_verb,
        _us,
        _topic,
    ]
    readers += [_person] if people is not None else []
    out: list[Item] = []
    k = 0
    while k < len(items):
        found = next((f for f in (read(scan, k) for read in readers) if f is not None), None)
        if found is None:
            out.append(items[k])
            k += 1
        else:
            out.extend(found[0] if isinstance(found[0], tuple) else (found[0],))
            k = found[1]
    return out


# ---- ages -----------------------------------------------------------------------------------
def _band(scan: Scan, k: int):
    items = scan.items
    it = items[k]
    ceiling = _rating_ceiling(scan, k) or _age_limit(scan, k)
    if ceiling is not None:
        return ceiling
    if _age(it):  # "my 10 year old", "a 9yo", "16 yo son"
        size = scan.phrase_at(k + 1, AGE_UNITS, 2)
        unit = scan.words(k + 1, size)
        if size and (
            unit not in ("years", "year", "anos", "ano") or _near(items, k, CHILD_WORDS) or _has_age(items, k)
        ):
            return scan.merge("band", Span(None, band_for_age(int(it.value))), k, k + 1 + size)
    if (
        it.words.split()[-1] in CHILD_WORDS  # "mi hija de 5", "para mi hija de 12" (one phrase)
        and k + 2 < len(items)
        and items[k + 1].words in ("de", "of")
        and _age(items[k + 2])
    ):
        size = scan.phrase_at(k + 3, AGE_UNITS, 2)  # "niños de 4", "mi hija de 5 años"
        return scan.merge("band", Span(None, band_for_age(int(items[k + 2].value))), k, k + 3 + size)
    size = scan.phrase_at(k, BAND_WORDS, 5)
    if not size:
        return None
    phrase = scan.words(k, size)
    if phrase in TEEN_GENRE_WORDS and it.kind == "genre" and not _watched_by(items, k):
        return None  # "teen shows", "series juveniles": the Teen genre; "for teens" is an audience
    if phrase in ("adult", "adults", "adultos", "mature") and not _near(items, k, {"only", "solo"}):
        return None  # "adult animation" is Hulu's label; "adults" alone may be who watches
    one_word = items[k + size - 1].j - items[k].i == 1
    if one_word and not _for_someone(items, k):
        return None  # "my kids keep asking for bluey": who is talking, not what to list
    low, high = BAND_WORDS[phrase]
    return scan.merge("band", Span(low, high), k, k + size)


def _rating_ceiling(scan: Scan, k: int):
    """A rating said as a limit is a band, not that rating: "nothing above 13+", "7+ at most",
    "13+ o menos" (up to it), "nada de +18" (below it). A label that is also a word ("pg", "r")
    is a rating only after "rated", which ``Understanding._arguments`` reads."""
    items = scan.items
    up_to = scan.phrase_at(k, UP_TO, 4)
    below = 0 if up_to else scan.phrase_at(k, NOT_RATED, 4)
    label = k + (up_to or below)
    if label < len(items) and items[label].words in RATED:
        label += 1  # "nothing rated r", "nada de clasificación +18"
    band = _rating_band(items, label)
    if band is None:
        return None
    end = label + 2 if label + 1 < len(items) and items[label + 1].words == "rated" else label + 1
    if not (up_to or below):
        after = scan.phrase_at(end, LESS_AFTER, 3)  # "7+ at most", "13+ o menos", "rated pg or less"
        return scan.merge("band", Span(None, band), k, end + after) if after else None
    if below:
        lower = [b for b in Band if b < band]
        if not lower:
            return None
        band = max(lower)
    return scan.merge("band", Span(None, band), k, end)


RATED = frozenset(["rated", "clasificacion", "calificacion"])


def _rating_band(items: list[Item], at: int) -> Band | None:
    """The band of a rating at ``at``: a rating token, or a label that is also a word ("pg", "r")
    right after or before "rated"."""
    if at >= len(items):
        return None
    it = items[at]
    if it.kind == "rating":
        label = it.value
    elif it.kind == "word" and _beside_rated(items, at):
        label = rating_label(it.words)
    else:
        return None
    band = band_of(label)
    return None if band is Band.UNRATED else band


def _beside_rated(items: list[Item], at: int) -> bool:
    before = at and items[at - 1].words in RATED
    return bool(before) or at + 1 < len(items) and items[at + 1].words == "rated"


def _age_limit(scan: Scan, k: int):
    """An age said as a limit: "shows ok for 7 and under", "aptas para 13", "10 and younger"."""
    items = scan.items
    if _for_an_age_at_the_end(scan, k):
        return scan.merge("band", Span(None, band_for_age(int(items[k + 1].value))), k, k + 2)
    lead = scan.phrase_at(k, SUITABLE_FOR, 3)
    at = k + lead
    if at >= len(items) or not _age(items[at]):
        return None
    units = scan.phrase_at(at + 1, AGE_UNITS, 2)
    under = scan.phrase_at(at + 1 + units, AND_UNDER, 3)
    if not (lead or under):
        return None
    return scan.merge("band", Span(None, band_for_age(int(items[at].value))), k, at + 1 + units + under)


def _for_an_age_at_the_end(scan: Scan, k: int) -> bool:
    """ "what about for 13", "y para 7?": an age the message ends with ("para 2" may be two
    people, so from five)."""
    items = scan.items
    if items[k].words not in ("for", "para") or k + 1 >= len(items) or not _age(items[k + 1]):
        return False
    return items[k + 1].value >= 5 and all(it.kind == "filler" for it in items[k + 2 :])


def _watched_by(items: list[Item], k: int) -> bool:
    """ "for teens", "para mi hijo adolescente", "con mis sobrinos": who watches, after "for"."""
    audience = FOR_WORDS - {"de", "los", "las"}
    before = items[k - 1].words if k else ""
    if before and before.split()[-1] in CHILD_WORDS:
        return True  # "mi hijo adolescente"
    return before in audience or k >= 2 and before in lx.DETERMINERS and items[k - 2].words in audience


def _for_someone(items: list[Item], k: int) -> bool:
    """A one-word audience ("kids", "family", "teens") counts beside a type, genre or platform,
    or after "for", "para", "con" (and a possessive): "kids movies", "comedies for teens", "para
    niños", "con mis hijos"; "my son loved X" is who is talking."""
    before = items[k - 1] if k else None
    after = items[k + 1] if k + 1 < len(items) else None
    if before is not None and before.words in FOR_WORDS or _watched_by(items, k):
        return True
    return any(it is not None and it.kind in ("type", "genre", "platform") for it in (before, after))


def _has_age(items: list[Item], k: int) -> bool:
    """ "mi hijo está enfermo, tiene 6 años": a child's age told with "tiene" / "turned", the child
    named anywhere in the message."""
    told = k and items[k - 1].words in ("tiene", "tienen", "cumple", "cumplio", "turned", "turns")
    return bool(told) and any(w in CHILD_WORDS for it in items for w in it.words.split())


def _age(item: Item) -> bool:
    return item.kind in ("number", "year") and 0 < item.value < 19 and int(item.value) == item.value


def _near(items: list[Item], k: int, words, reach: int = 3) -> bool:
    return any(items[x].words in words for x in range(max(0, k - reach), min(len(items), k + reach + 1)))


# ---- genres -------------------------------------------------------------------------------
def _negated(scan: Scan, k: int):
    items = scan.items
    if items[k].kind == "type" and k + 2 == len(items) and items[k + 1].words in TRAILING_NO:
        return scan.merge("not_type", items[k].value, k, k + 2)  # "pelis, series no"
    end = scan.after_negation(k, NEGATED_FILLER)
    if end is None:
        return None
    last = scan.toks[scan.items[end - 1].j - 1] if end > k else None
    if last is not None and (last.comma or last.stop) and scan.items[k].words in ("no", "nah", "nope"):
        return None  # "wait no, movies": "no" answers, it negates nothing after it
    if end < len(scan.items) and scan.items[end].kind == "genre":
        said = scan.words(k, end - k).split()
        if set(said) & DEGREES and not set(said) & QUANTITIES and {"not", "no"} & set(said):
            return None  # "scary but not too scary": how scary, not no horror
        return scan.merge("not_genre", scan.items[end].value, k, end + 1)
    if end < len(scan.items) and scan.items[end].kind == "type":
        return scan.merge("not_type", scan.items[end].value, k, end + 1)  # "not shows, movies"
    if scan.words(k, 1).split()[0] not in NOT_ON_LEADS:
        return None  # "is skip on netflix": a title, "skip" no negation of a platform
    while end < len(scan.items) and scan.items[end].words in NOT_ON_FILLER:
        end += 1
    if end < len(scan.items) and scan.items[end].kind == "platform":
        platform, after = scan.merge("platform", scan.items[end].value, k, end + 1)  # "not on netflix"
        return replace(platform, negated=True), after
    return None


# Between a negation and the platform it leaves out: "not on netflix", "que no estén en netflix".
NOT_ON_FILLER = frozenset(["on", "en", "in", "de", "from", "esten", "este", "estan", "esta", "sean", "sea",
                           "is", "are", "available", "disponible", "disponibles"])  # fmt: skip
DEGREES = frozenset(["too", "so", "that", "super", "muy", "tan", "demasiado"])
QUANTITIES = frozenset(
    ["much", "many", "mucho", "mucha", "muchas", "muchos", "more", "mas"]
)  # "not too much romance"
SITCOMS = frozenset(["sitcom", "sitcoms"])
NOT_ON_LEADS = frozenset(["no", "not", "but", "pero", "except", "excepto", "menos", "other", "apart", "anything",
                          "everything", "sin", "nada", "nothing", "without", "que", "isnt", "arent", "ni"])  # fmt: skip
TRAILING_NO = frozenset(["no", "not", "nope", "tampoco", "nah"])


def _country_shows(scan: Scan, k: int):
    """ "k-drama", "doramas": the country's shows, so a country item and a type item ("korean
    dramas" stays the Drama genre: so people label it)."""
    it = scan.items[k]
    if it.kind != "country" or it.words not in COUNTRY_SHOWS:
        return None
    country, end = scan.merge("country", it.value, k, k + 1)
    return (country, Item("type", TitleType.SHOW, it.i, it.j, it.words)), end


def _sitcoms(scan: Scan, k: int):
    """ "a sitcom": comedy series, so the genre and a type item."""
    it = scan.items[k]
    if it.kind != "genre" or it.words not in SITCOMS:
        return None
    return (it, Item("type", TitleType.SHOW, it.i, it.j, it.words)), k + 1


def _two_genres(scan: Scan, k: int):
    size = scan.phrase_at(k, TWO_GENRES, 2)
    return scan.merge("genres", TWO_GENRES[scan.words(k, size)], k, k + size) if size else None


def _genre_about(scan: Scan, k: int):
    """ "documentaries about history", "documentales sobre música": the second genre is what the
    first is about, a filter too (the word between them is no title)."""
    items = scan.items
    if not (0 < k < len(items) - 1 and items[k].words in ("about", "sobre", "acerca de", "on")):
        return None
    if items[k - 1].kind != "genre" or items[k + 1].kind != "genre":
        return None
    return scan.merge("genre", items[k + 1].value, k, k + 2)
