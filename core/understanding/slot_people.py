"""People said in a message (``core.understanding.slots``): a name after a cue ("with", "dirigida
por") or a run of unknown words that is a whole name or an unmistakable surname."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from core.questions.filters import Role
from core.questions.name_search import FIRST_NAME_SCORE, PROMINENT
from core.search.titles import normalise
from core.understanding.lexicon.filters import (
    ASKED_WITH,
    LESS,
    LOOSE_PERSON_CUES,
    MAX_NAME_WORDS,
    NAME_PARTICLES,
    PERSON_CUES,
    PERSON_VERBS,
    PERSON_VERBS_AFTER,
    PLAIN_PERSON_CUES,
    STATED_ROLE,
    TITLE_CUES,
    WHAT_ELSE_IN,
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
    verb = 0 if cue else scan.phrase_at(k, PERSON_VERBS, 2)  # "que dirigio tarantino"
    lead = cue or verb
    if not lead and (not _starts_name(scan, k) or k and items[k - 1].kind == "word"):
        return None  # a name without a cue starts a run of unknown words
    if (
        not lead
        and any(it.kind == "cue" and it.value in TITLE_CUES for it in items[max(0, k - 4) : k])
        and not any(_acts_after(scan, x) for x in range(k + 1, min(len(items), k + MAX_NAME_WORDS + 1)))
    ):
        return None  # "where can i watch seinfeld": a title follows; "is tom hanks in anything" a name
    start = end = k + lead
    while end < len(items) and end - start < MAX_NAME_WORDS and _name_part(scan, end, first=end == start):
        end += 1
        if scan.phrase_at(end, PERSON_VERBS_AFTER, 2):
            break  # "what has scorsese directed": the verb after the name is no part of it
    while end > start and items[end - 1].kind in ("filler", "genre"):
        end -= 1  # "morgan freeman documentaries": the genre is a filter
    if end == start:
        return None
    said = scan.words(k, lead) if lead else ""
    if end - start == 1 and items[start].kind == "country" and (not said or said in LOOSE_PERSON_CUES):
        return None  # "shows from canada", "pelis de japon": the country (Ron Canada is "with canada")
    text = scan.typed(start, end)
    plain = not cue or said in LOOSE_PERSON_CUES  # "de", "by": as often no name follows as one does
    unlisted = normalise(text) not in scan.exact_titles and not _may_be_named(scan, text)
    if not lead and _acts_after(scan, end) and 2 <= end - start <= 3 and unlisted:
        # "does bad bunny act in anything": a name by its verb, of nobody the catalogues list
        return _named(scan, Who((), False, None, text), start, end)
    if plain and (normalise(text) in scan.exact_titles or not _may_be_named(scan, text)):
        return None  # a title ("stranger things"); else the cheap test first: a name people have
    stated = said in STATED_ROLE or bool(verb) and PERSON_VERBS[said] is not None
    role = (PERSON_CUES[said] if cue else PERSON_VERBS[said]) if stated else None
    if end - start == 1:
        return _one_word(scan, k, start, end, text, said, role)
    matches = people.search(text, 5)
    if not matches:
        return None
    shorter = start + _name_length(scan, start, end, matches[0].name)
    if shorter < end:  # the run went on past the name: "adam sandler got", "keanu on"
        end, text = shorter, scan.typed(start, shorter)
        matches = people.search(text, 5) or matches
    confident = people.confident(matches) if lead else _named_without_cue(people, matches, text)
    if confident or stated and matches[0].score >= 80:
        if said in WHAT_ELSE_IN:  # the cue's items kept: "en qué más sale" says the message is Spanish
            person, end = _named(scan, Who(tuple(matches), confident, role, text), start, end)
            return (*items[k:start], person), end
        return _named(scan, Who(tuple(matches), confident, role, text), k, end)
    if (
        cue
        and said in PLAIN_PERSON_CUES
        and (_looks_like_a_name(scan, start, end) or _asked_with(scan, k, end))
    ):
        # "any movies with marilyn monroe", "anything with bad bunny": a name, of nobody the
        # catalogues list
        return _named(scan, Who(tuple(matches), False, role, text), k, end)
    return None


def _one_word(scan: Scan, k: int, start: int, end: int, text: str, said: str, role):
    """A first name or surname alone: "kubrick movies", "que dirigio tarantino", "las de morgan",
    "anything with shakira" (nobody the catalogues list)."""
    people = scan.people
    if not said:
        matches = people.by_surname(text)  # "kubrick", "spielberg movies": a surname alone
        if matches and people.confident(matches):
            return _named(scan, Who(tuple(matches), True, None, text), start, end)
        found, clear = people.single_name(text)  # a sole owner, said beside "movies"
        beside = _beside_type(scan, start, end) or _acts_after(
            scan, end
        )  # "zendaya movies", "zendaya act in"
        if clear and normalise(text) not in scan.title_words and beside:
            return _named(scan, Who(tuple(found), True, None, text), start, end)
        return None
    found, clear = people.single_name(text)
    if clear:
        return _named(scan, Who(tuple(found), True, role, text), k, end)
    asked = said in PLAIN_PERSON_CUES or said in PERSON_VERBS
    if found and all(m.score == FIRST_NAME_SCORE for m in found) and found[0].titles < PROMINENT:
        found = []  # "shakira": Shakira Barrera's first name, but not who is asked for
        if asked and scan.items[start].kind == "word":
            return _named(scan, Who((), False, role, text), k, end)
    if found:  # "las de morgan": Morgan Freeman or Tracy Morgan, the user says which
        return _named(scan, Who(tuple(found), False, role, text), k, end)
    matches = people.search(text, 5)
    if matches and people.confident(matches):  # "con scorcese": one surname, misspelt
        return _named(scan, Who(tuple(matches), True, role, text), k, end)
    word = normalise(text)
    if asked and scan.items[start].kind == "word" and len(word) >= 4 and word not in scan.title_words:
        # "hay algo con cantinflas": a name nobody in the catalogues has; a close one offered
        return _named(scan, Who(tuple(m for m in matches if m.score >= 75), False, role, text), k, end)
    return None


def _acts_after(scan: Scan, end: int) -> bool:
    """A verb of acting or directing right after the words: "… act in", "… directed"."""
    after = scan.phrase_at(end, PERSON_VERBS_AFTER, 2)
    return bool(after) and PERSON_VERBS_AFTER[scan.words(end, after)] is not None


def _named(scan: Scan, who: Who, k: int, end: int):
    """The person's item, taking in a verb said after the name ("what has scorsese directed")
    and the part it states."""
    after = scan.phrase_at(end, PERSON_VERBS_AFTER, 2)
    if after:
        part = PERSON_VERBS_AFTER[scan.words(end, after)]
        if who.role is None and part is not None:
            who = Who(who.matches, who.confident, part, who.text)
        end += after
    return scan.merge("person", who, k, end)


def _starts_name(scan: Scan, k: int) -> bool:
    """An unknown word, or a first name the scanner knows as a word ("will smith")."""
    item = scan.items[k]
    return item.kind == "word" or _first_name_word(scan, k)


def _first_name_word(scan: Scan, k: int) -> bool:
    items = scan.items
    return (
        items[k].kind == "filler"
        and k + 1 < len(items)
        and items[k + 1].kind == "word"
        and scan.people.has_first_name(items[k].words)
    )


def _beside_type(scan: Scan, start: int, end: int) -> bool:
    """ "kubrick movies", "pelis kubrick": a title type beside the word."""
    near = scan.items[max(0, start - 1) : start] + scan.items[end : end + 1]
    return any(it.kind == "type" for it in near)


def _asked_with(scan: Scan, k: int, end: int) -> bool:
    """ "any movies with bad bunny", "hay algo con cantinflas": "with" after a request, the
    name ending the message."""
    items = scan.items
    before = items[k - 1] if k else None
    if before is None or not (before.kind == "type" or before.words in ASKED_WITH):
        return False
    return all(it.kind in ("platform", "filler") for it in items[end:]) and end - (k + 1) <= 3


def _may_be_named(scan: Scan, text: str) -> bool:
    word = normalise(text)
    if " " not in word and word in scan.title_words and not scan.people.is_surname(word):
        return False  # a word titles use ("dame", "pena") is no misspelt surname
    if scan.people.may_be_named(text):
        return True
    return " " not in word and scan.people.single_name(word)[1]  # "kubrick": his surname alone


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
    following = scan.items[k + 1] if k + 1 < len(scan.items) else None
    if item.words in LESS and following is not None and following.kind in ("number", "year"):
        return False  # "comedies with max 3 seasons": a limit, not Max
    if item.kind == "word" or item.kind == "country" and not item.fuzzy:
        return True
    if not first and item.fuzzy and scan.people.is_surname(scan.typed(k, k + 1)):
        return True  # "jim carrey": the scanner's "carry" was typed as a surname
    if first and _first_name_word(scan, k):
        return True  # "pelis de will smith": "will" is a word the scanner knows
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
