"""People said in a message (``core.understanding.slots``): a name after a cue ("with", "dirigida
por") or a run of unknown words that is a whole name or an unmistakable surname."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from core.questions.filters import Role
from core.search.titles import normalise
from core.understanding.lexicon.filters import (
    LOOSE_PERSON_CUES,
    MAX_NAME_WORDS,
    NAME_PARTICLES,
    PERSON_CUES,
    PLAIN_PERSON_CUES,
    STATED_ROLE,
    TITLE_CUES,
)
from core.understanding.slot_scan import Scan


@dataclass(frozen=True)
class Who:
    """A person said in a message: the candidates, whether one is clear, the part stated."""

    matches: tuple  # core.questions.people.PersonMatch, best first
    confident: bool
    role: Role | None
    text: str


# ---- people -------------------------------------------------------------------------------
def _person(scan: Scan, k: int):
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


def _may_be_named(scan: Scan, text: str) -> bool:
    word = normalise(text)
    if " " not in word and word in scan.title_words and not scan.people.is_surname(word):
        return False  # a word titles use ("dame", "pena") is no misspelt surname
    return scan.people.may_be_named(text)


def _looks_like_a_name(scan: Scan, start: int, end: int) -> bool:
    """Two or three words, the first a first name someone in the catalogues has, or capitalised."""
    if not 2 <= end - start <= 3 or not all(it.kind == "word" for it in scan.items[start:end]):
        return False
    first = scan.toks[scan.items[start].i]
    unheard = all(it.words not in scan.title_words for it in scan.items[start:end])  # words no title has
    return scan.people.has_first_name(first.word) or first.raw[:1].isupper() or unheard


def _name_part(scan: Scan, k: int, first: bool) -> bool:
    """Can item ``k`` be part of a name? Unknown words, a country or genre word inside one
    ("michael jordan"), particles ("guillermo del toro"); never across a sentence break."""
    item = scan.items[k]
    if k and not first and scan.toks[scan.items[k - 1].j - 1].stop:
        return False
    if item.kind == "word" or item.kind == "country" and not item.fuzzy:
        return True
    return not first and (item.kind == "genre" and not item.fuzzy or item.words in NAME_PARTICLES)


def _name_length(scan: Scan, start: int, end: int, name: str) -> int:
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
