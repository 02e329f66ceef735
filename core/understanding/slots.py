"""Filters said in words, read after the scanner: year ranges, ages, durations, exclusions,
several genres at once, and people.

``read_slots`` rewrites the scanner's items: each phrase below becomes one item of its own
kind, an argument like a platform or a genre, so the rest of the understanding layer (title
spans, "nothing but arguments", leftovers) treats it as one:

- ``years`` (a ``Span``): "the 80s", "los noventa", "after 2015", "desde 2010", "before 2000",
  "between 2000 and 2010", "entre 2000 y 2010", "2000-2010", "recent" (the catalogue's last
  three years);
- ``band`` (a ``Span`` of ``core.questions.bands.Band``): "for my 10 year old", "niños de 4",
  "kids", "toddlers", "family", "apta para todo público", "teens", "adults only", "+18";
- ``minutes`` / ``seasons`` (``Span``): "under 90 minutes", "menos de una hora", "over 2
  hours", "one season", "miniseries", "at least 5 seasons";
- ``not_genre``: a genre after a negation ("no horror", "sin terror", "nothing animated",
  "that isn't stand-up");
- ``genres``: a phrase naming two genres ("romcom", "comedia romántica");
- ``person`` (``core.questions.people.PersonMatch`` candidates): a name after "with", "starring",
  "directed by", "con", "dirigida por", "de"; or a run of unknown words that is a person's
  whole name or an unmistakable surname ("kubrick", "spielberg movies").
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from core.catalogue.title_types import TitleType
from core.questions.bands import band_for_age
from core.questions.filters import Role, Span
from core.search.titles import normalise
from core.understanding import lexicon as lx
from core.understanding.lexicon.filters import (
    AFTER,
    AGE_UNITS,
    AMOUNT_OR,
    AND_TO,
    BAND_WORDS,
    BEFORE,
    BETWEEN,
    CHILD_WORDS,
    COUNTRY_SHOWS,
    DECADE_WORDS,
    FOR_WORDS,
    HALF_HOUR,
    INCLUSIVE,
    LAST_DECADE,
    LAST_YEARS,
    LESS,
    LESS_AFTER,
    LOOSE_PERSON_CUES,
    MAX_NAME_WORDS,
    MINUTE_UNITS,
    MORE,
    MORE_AFTER,
    NAME_PARTICLES,
    NEGATED_FILLER,
    NEGATIONS,
    ONE_SEASON,
    ONWARDS,
    PERSON_CUES,
    PLAIN_PERSON_CUES,
    RECENT,
    RECENT_YEARS,
    SEASON_WORDS,
    SHORT,
    SHORT_ALONE,
    SHORT_BESIDE,
    SHORT_MINUTES,
    SHORT_SEASONS,
    SINCE,
    STATED_ROLE,
    TITLE_CUES,
    TWO_GENRES,
    UNTIL,
    YEAR_UNITS,
)
from core.understanding.scanner import Item, Token


@dataclass(frozen=True)
class Who:
    """A person said in a message: the candidates, whether one is clear, the part stated."""

    matches: tuple  # core.questions.people.PersonMatch, best first
    confident: bool
    role: Role | None
    text: str


AFTER_AMOUNT = LESS_AFTER | MORE_AFTER
_FIRST_WORDS: dict[int, tuple[object, frozenset]] = {}


def _first_words(phrases) -> frozenset:
    """The words ``phrases`` start with (the lexicon's tables live as long as the process)."""
    kept = _FIRST_WORDS.get(id(phrases))
    if kept is None or kept[0] is not phrases:
        kept = (phrases, frozenset(p.split(" ", 1)[0] for p in phrases))
        _FIRST_WORDS[id(phrases)] = kept
    return kept[1]


@dataclass
class _Scan:
    text: str
    items: list[Item]
    toks: list[Token]
    years: tuple[int, int]  # the catalogue's first and last release years
    people: object | None  # core.questions.people.People
    title_words: frozenset | set = frozenset()  # every word of the catalogue's titles
    exact_titles: dict | frozenset = frozenset()  # normalised catalogue titles

    def __post_init__(self):
        # Each item's words as typed (folded): the scanner may respell a word it does not know
        # ("dos" as "does", "doramas" as "dramas"); built once, read at every item.
        self.typed_words = [" ".join(t.word for t in self.toks[it.i : it.j]) for it in self.items]

    def words(self, k: int, size: int) -> str:
        return " ".join(it.words for it in self.items[k : k + size])

    def phrase_at(self, k: int, phrases, longest: int = 4) -> int:
        """How many items from ``k`` spell one of ``phrases`` (0 for none), longest first."""
        if k >= len(self.items) or self.items[k].words.split(" ", 1)[0] not in _first_words(phrases):
            return 0  # most items start no phrase: one look-up instead of a join per length
        for size in range(min(longest, len(self.items) - k), 0, -1):
            if self.words(k, size) in phrases:
                return size
        return 0

    def typed_word(self, k: int) -> str:
        return self.typed_words[k]

    def typed_phrase_at(self, k: int, phrases, longest: int = 4) -> int:
        """``phrase_at`` on the words as typed too ("cualquier cosa menos", which the scanner respells)."""
        if self.typed_words[k] == self.items[k].words:
            return self.phrase_at(k, phrases, longest)
        for size in range(min(longest, len(self.items) - k), 0, -1):
            if " ".join(self.typed_words[k : k + size]) in phrases or self.words(k, size) in phrases:
                return size
        return 0

    def year_at(self, k: int) -> int | None:
        if k < len(self.items) and self.items[k].kind == "year":
            return int(self.items[k].value)
        return None

    def typed_between(self, k: int) -> str:
        left, right = self.toks[self.items[k].j - 1], self.toks[self.items[k + 1].i]
        return self.text[left.end : right.start].strip()

    def typed(self, start: int, end: int) -> str:
        """Items ``start``..``end`` as the user typed them."""
        return self.text[self.toks[self.items[start].i].start : self.toks[self.items[end - 1].j - 1].end]

    def merge(self, kind: str, value, k: int, end: int) -> tuple[Item, int]:
        first, last = self.items[k], self.items[end - 1]
        return Item(kind, value, first.i, last.j, self.words(k, end - k)), end


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
    scan = _Scan(text, items, toks, years, people, title_words, exact_titles)
    readers = [_years, _band, _duration, _short, _negated, _two_genres, _country_shows]
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


# ---- years --------------------------------------------------------------------------------
def _onwards(scan: _Scan, at: int) -> int:
    """How many items at ``at`` say "onwards" ("on", "en adelante", "pa delante"); 0 before a
    platform ("2019 on netflix")."""
    if at >= len(scan.items) or _platform_after(scan.items, at):
        return 0
    return scan.phrase_at(at, ONWARDS) or 0


def _decade_at(scan: _Scan, k: int) -> tuple[int, int] | None:
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
    return None


def _years(scan: _Scan, k: int):
    items = scan.items
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
        decade = _decade_at(scan, k + size)
        year, used, width = (decade[0], decade[1], 10) if decade else (scan.year_at(k + size), 1, 1)
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


def _last_years(scan: _Scan, k: int):
    """ "the last 5 years", "los últimos diez años", "the past decade": the catalogue's last years."""
    decade = scan.phrase_at(k, LAST_DECADE)
    if decade:
        count, end = 10, k + decade
    else:
        size = scan.phrase_at(k, LAST_YEARS)
        count = _count(scan, k + size) if size else None
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


def _decades(scan: _Scan, k: int, decade: tuple[int, int]):
    start, size = decade
    end = k + size
    if end + 1 < len(scan.items) and scan.items[end].words in ("and", "y", "to", "a", "through", "or", "o"):
        more = _decade_at(scan, end + 1)
        if more is not None and more[0] > start:  # "the 50s and 60s", "los 80 y 90"
            return scan.merge("years", Span(start, more[0] + 9), k, end + 1 + more[1])
    return scan.merge("years", Span(start, start + 9), k, end)


# ---- ages -----------------------------------------------------------------------------------
def _band(scan: _Scan, k: int):
    items = scan.items
    it = items[k]
    if _age(it):  # "my 10 year old", "a 9yo", "16 yo son"
        size = scan.phrase_at(k + 1, AGE_UNITS, 2)
        unit = scan.words(k + 1, size)
        if size and (unit not in ("years", "year", "anos", "ano") or _near(items, k, CHILD_WORDS)):
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
    if phrase in ("adult", "adults", "adultos", "mature") and not _near(items, k, {"only", "solo"}):
        return None  # "adult animation" is Hulu's label; "adults" alone may be who watches
    one_word = items[k + size - 1].j - items[k].i == 1
    if one_word and not _for_someone(items, k):
        return None  # "my kids keep asking for bluey": who is talking, not what to list
    low, high = BAND_WORDS[phrase]
    return scan.merge("band", Span(low, high), k, k + size)


def _for_someone(items: list[Item], k: int) -> bool:
    """A one-word audience ("kids", "family", "teens") counts beside a type, genre or platform,
    or after "for", "para", "con" (and a possessive): "kids movies", "comedies for teens", "para
    niños", "con mis hijos"; "my son loved X" is who is talking."""
    before = items[k - 1] if k else None
    after = items[k + 1] if k + 1 < len(items) else None
    if before is not None and before.words in FOR_WORDS:
        return True
    if k >= 2 and before.words in lx.DETERMINERS and items[k - 2].words in FOR_WORDS - {"de", "los", "las"}:
        return True  # "with my kids", "para mis hijos", "con mi hija": who it is for
    return any(it is not None and it.kind in ("type", "genre", "platform") for it in (before, after))


def _age(item: Item) -> bool:
    return item.kind in ("number", "year") and 0 < item.value < 19 and int(item.value) == item.value


def _near(items: list[Item], k: int, words, reach: int = 3) -> bool:
    return any(items[x].words in words for x in range(max(0, k - reach), min(len(items), k + reach + 1)))


# ---- durations ------------------------------------------------------------------------------
def _duration(scan: _Scan, k: int):
    items = scan.items
    size = scan.phrase_at(k, ONE_SEASON, 4)
    if size:
        return scan.merge("seasons", Span(1, 1), k, k + size)
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
        if low is not None and unit == "season":
            return scan.merge(kind, Span(low, value), k, k + used)
    it = items[k]  # "5+ seasons"
    if (
        it.kind == "rating"
        and str(it.value).endswith("+")
        and k + 1 < len(items)
        and items[k + 1].words in SEASON_WORDS
    ):
        return scan.merge("seasons", Span(int(str(it.value)[:-1]), None), k, k + 2)
    return None


def _count(scan: _Scan, k: int) -> float | None:
    """A number at ``k``: "2", "dos", "an", "una"."""
    if k >= len(scan.items):
        return None
    it, word = scan.items[k], scan.typed_word(k)
    if it.kind in ("number", "year"):
        return float(it.value)
    if word in ("an", "a", "one", "una", "un", "uno"):
        return 1.0
    if word in lx.NUMBER_WORDS:
        return float(lx.NUMBER_WORDS[word])
    return None


def _amount(scan: _Scan, k: int) -> tuple[int, str, int, int | None] | None:
    """ "90 minutes", "2 hours", "an hour and a half", "una hora", "hora y media", "3 seasons",
    "una o dos temporadas" -> (value, unit, items, the lower of two amounts or None)."""
    items = scan.items
    if k >= len(items):
        return None
    count, used, low = _count(scan, k), 1, None
    if count is None:
        if MINUTE_UNITS.get(scan.typed_word(k)) != 60:
            return None
        count, used = 1.0, 0  # "menos de hora y media": an hour, its number unsaid
    if used and k + 2 < len(items) and scan.typed_word(k + 1) in AMOUNT_OR:
        second = _count(scan, k + 2)
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
    return int(round(minutes + 30 * bool(half))), "min", used + half, None


def _short(scan: _Scan, k: int):
    """ "short movies", "pelis cortas", "short ones", "cortas": runtimes or seasons of short titles."""
    items = scan.items
    if scan.typed_word(k) not in SHORT or normalise(scan.text) in scan.exact_titles:
        return None
    near = [items[x] for x in (k - 1, k + 1) if 0 <= x < len(items)]
    typed = next((it for it in near if it.kind == "type"), None)
    beside = any(scan.typed_word(x) in SHORT_BESIDE for x in (k - 1, k + 1) if 0 <= x < len(items))
    alone = scan.typed_word(k) in SHORT_ALONE and all(
        it.kind == "filler" for x, it in enumerate(items) if x != k
    )
    if typed is None and not beside and not alone:
        return None  # "the big short", "short circuit": a title's word
    if typed is not None and typed.value == TitleType.SHOW:
        return scan.merge("seasons", Span(None, SHORT_SEASONS), k, k + 1)
    return scan.merge("minutes", Span(None, SHORT_MINUTES), k, k + 1)


# ---- genres -------------------------------------------------------------------------------
def _negated(scan: _Scan, k: int):
    size = scan.typed_phrase_at(k, NEGATIONS, 4)
    if not size:
        return None
    end = k + size
    while end < len(scan.items) and scan.items[end].words in NEGATED_FILLER:
        end += 1
    if end < len(scan.items) and scan.items[end].kind == "genre":
        return scan.merge("not_genre", scan.items[end].value, k, end + 1)
    return None


def _country_shows(scan: _Scan, k: int):
    """ "k-drama", "doramas": the country's shows, so a country item and a type item."""
    it = scan.items[k]
    if it.kind != "country" or it.words not in COUNTRY_SHOWS:
        return None
    country, end = scan.merge("country", it.value, k, k + 1)
    return (country, Item("type", TitleType.SHOW, it.i, it.j, it.words)), end


def _two_genres(scan: _Scan, k: int):
    size = scan.phrase_at(k, TWO_GENRES, 2)
    return scan.merge("genres", TWO_GENRES[scan.words(k, size)], k, k + size) if size else None


# ---- people -------------------------------------------------------------------------------
def _person(scan: _Scan, k: int):
    items, people = scan.items, scan.people
    cue = scan.phrase_at(k, PERSON_CUES, 3)
    if not cue and (items[k].kind != "word" or k and items[k - 1].kind == "word"):
        return None  # a name without a cue starts a run of unknown words
    if not cue and any(it.kind == "cue" and it.value in TITLE_CUES for it in items[max(0, k - 4) : k]):
        return None  # "where can i watch seinfeld", "more like the good place": a title follows
    start = end = k + cue
    while end < len(items) and end - start < MAX_NAME_WORDS and _name_part(scan, end, first=end == start):
        end += 1
    while end > start and items[end - 1].kind in ("filler", "genre"):
        end -= 1  # "morgan freeman documentaries": the genre is a filter
    if end == start:
        return None
    said = scan.words(k, cue) if cue else ""
    text = scan.typed(start, end)
    plain = not cue or said in LOOSE_PERSON_CUES  # "de", "by": as often no name follows as one does
    if plain and (normalise(text) in scan.exact_titles or not _may_be_named(scan, text)):
        return None  # a title ("stranger things"); else the cheap test first: a name people have
    if not cue and end - start == 1:
        matches = people.by_surname(text)  # "kubrick", "spielberg movies": a surname alone
        if matches and people.confident(matches):
            return scan.merge("person", Who(tuple(matches), True, None, text), start, end)
        return None
    matches = people.search(text, 5)
    if not matches:
        return None
    shorter = start + _name_length(scan, start, end, matches[0].name)
    if shorter < end:  # the run went on past the name: "adam sandler got", "keanu on"
        end, text = shorter, scan.typed(start, shorter)
        matches = people.search(text, 5) or matches
    confident = people.confident(matches) if cue else _named_without_cue(people, matches, text)
    stated = said in STATED_ROLE
    role = PERSON_CUES[said] if stated else None
    if confident or stated and matches[0].score >= 80:
        return scan.merge("person", Who(tuple(matches), confident, role, text), k, end)
    if cue and said in PLAIN_PERSON_CUES and _looks_like_a_name(scan, start, end):
        # "any movies with marilyn monroe": a name, of nobody the catalogues list
        return scan.merge("person", Who(tuple(matches), False, role, text), k, end)
    return None


def _may_be_named(scan: _Scan, text: str) -> bool:
    word = normalise(text)
    if " " not in word and word in scan.title_words and not scan.people.is_surname(word):
        return False  # a word titles use ("dame", "pena") is no misspelt surname
    return scan.people.may_be_named(text)


def _looks_like_a_name(scan: _Scan, start: int, end: int) -> bool:
    """Two or three words, the first a first name someone in the catalogues has, or capitalised."""
    if not 2 <= end - start <= 3 or not all(it.kind == "word" for it in scan.items[start:end]):
        return False
    first = scan.toks[scan.items[start].i]
    unheard = all(it.words not in scan.title_words for it in scan.items[start:end])  # words no title has
    return scan.people.has_first_name(first.word) or first.raw[:1].isupper() or unheard


def _name_part(scan: _Scan, k: int, first: bool) -> bool:
    """Can item ``k`` be part of a name? Unknown words, a country or genre word inside one
    ("michael jordan"), particles ("guillermo del toro"); never across a sentence break."""
    item = scan.items[k]
    if k and not first and scan.toks[scan.items[k - 1].j - 1].stop:
        return False
    if item.kind == "word" or item.kind == "country" and not item.fuzzy:
        return True
    return not first and (item.kind == "genre" and not item.fuzzy or item.words in NAME_PARTICLES)


def _name_length(scan: _Scan, start: int, end: int, name: str) -> int:
    """How many of the items from ``start`` the matched name spans (the run may go on past it)."""
    wanted = len(normalise(name).split())
    best, best_size = -1.0, end - start
    for size in range(1, end - start + 1):
        typed = normalise(scan.words(start, size))
        closeness = ratio(typed, normalise(name)) - 0.5 * abs(len(typed.split()) - wanted)
        if closeness > best:
            best, best_size = closeness, size
    return best_size


def _named_without_cue(people, matches, text: str) -> bool:
    """A run no cue points at is a person only when it clearly is one: the whole name (a slip
    or two aside), or a surname one person is known by."""
    first, query = matches[0], normalise(text)
    name = normalise(first.name)
    if " " in query:
        return first.score >= 90 and people.confident(matches) and len(query) >= 0.8 * len(name)
    return False  # a surname alone is read by ``People.by_surname``
