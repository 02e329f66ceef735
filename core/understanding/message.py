"""One message, tokenised and labelled, and the title spans inside it.

A span is a range of item positions. ``trim`` narrows the words a cue points at down to the
title: no cue words or fillers before it ("where can I watch …"), no chatter, "on <platform>",
year or politeness after it, and never past a sentence break ("where is frozen? my kids love
it"). A span that is exactly a catalogue title is kept whole ("Y Tu Mamá También", "Carry On").

``narrow`` finds the title inside a span that names none: the longest part of it at its edges
that is exactly a catalogue title, losing before it only words that are clearly no title's
(``lexicon.LEAD_INS``: "my gf keeps talking about", "estoy buscando la serie") and after it only
tail words, "on <platform>" or another clause ("… rn", "… dubbed", "… pero no sé dónde está",
"… with the kids"). Titles are made of such words too, so: the word next to the title is never
an article, a pronoun or an auxiliary ("the menu" is not "Menu", "i am legend" not "Legend");
little words right before it are one preposition a lead-in word takes ("talking about") or a
short follow-up ("y la de"), never "in time" -> "Time"; what is left is never only little words
("get out" is not "Out"); and a title made only of lead-in words is never followed by a
dropped clause ("looking for get out" is not "Looking"). See ``_may_lose`` and ``_tail_part``.

A Spanish name of a title the catalogue carries ("buscando a nemo", ``core.catalogue.spanish_names``)
reads as that title, unless the words are exactly another catalogue title.
"""

from __future__ import annotations

from core.catalogue import spanish_names
from core.search.titles import normalise, with_english_article
from core.understanding import language
from core.understanding import lexicon as lx
from core.understanding.language import Said
from core.understanding.lexicon import FOLLOW_UP, HEAD_PREPOSITIONS, HEAD_SKIP, ON, PLATFORM_JOIN, POLITE
from core.understanding.scanner import Item, Token, args_only, is_cue, is_filler

QUOTES = "\"'“”‘’«»`´()[]{}<>¿?¡!.,;:-–—*_~ "
HEAD_CUES = ("watch", "is", "have", "want", "after", "taste", "greeting", "like", "from")
TAIL_CUES = ("thanks", "greeting", "recommend", "is", "watch")
# "the movie frozen", "la serie elite": wrappers before a title, longest first.
LEAD_WRAPPERS = sorted((w.split() for w in lx.TITLE_WRAPPERS), key=len, reverse=True)

Span = tuple[int, int]
ALIASES = spanish_names.aliases()  # folded Spanish name -> catalogue title
ALIAS_KEYS = {name: normalise(title) for name, title in ALIASES.items()}  # ... -> the title normalised
# Next to a title that lead-in words leave, never one of these ("i am legend" is not "Legend").
NOT_BESIDE = lx.ARTICLES | frozenset(
    ["i", "im", "ive", "me", "my", "we", "us", "our", "you", "your", "he", "she", "they", "them", "their",
     "it", "its", "is", "are", "am", "was", "be", "do", "does", "did", "have", "has", "had", "can", "could",
     "would", "should", "will", "yo", "mi", "mis", "tu", "tus", "su", "sus", "es", "son", "soy", "era", "fue"]
)  # fmt: skip
TAIL, CLAUSE = 1, 2  # what may follow a title (``Message._tail_part``)
LEAD_IN_CUES = ("watch", "is", "have", "want", "taste", "after", "greeting", "thanks", "chatter", "vocative",
                "from", "like", "recommend", "where")  # fmt: skip


class Message:
    def __init__(
        self, text: str, toks: list[Token], items: list[Item], exact_titles, reads_names=False, key=None
    ):
        self.text, self.toks, self.items = text, toks, items
        self.key = key  # what the tokens and items were read from, when read once per message (``Lookups``)
        self.exact_titles = exact_titles  # normalised catalogue titles
        # Title search reads Spanish names itself (``Recommender.use_names``), with the year of
        # the work each names: a name is then searched as typed, not as its English title.
        self.reads_names = reads_names
        self.aside: Span | None = None  # words after a comma that describe the title (``narrow``)

    def text_of(self, span: Span) -> str:
        first, last = self.toks[self.items[span[0]].i], self.toks[self.items[span[1] - 1].j - 1]
        text = self.text[first.start : last.end].strip(QUOTES)
        # Initials keep their last dot: "Louis C.K." as typed, not "Louis C.K"
        return text + "." if last.raw.endswith(".") and not text.endswith(".") else text

    def words_of(self, span: Span) -> list[str]:
        return [t.word for t in self.toks[self.items[span[0]].i : self.items[span[1] - 1].j]]

    def is_title(self, span: Span) -> bool:
        """The span is exactly a catalogue title (normalised, a Spanish article as "the"), or a
        Spanish name of one."""
        if span[0] >= span[1]:
            return False
        key = normalise(self.text_of(span))
        return with_english_article(key, self.exact_titles) in self.exact_titles or (
            ALIAS_KEYS.get(key, "") in self.exact_titles
        )

    def narrow(self, span: Span) -> Span | None:
        """The longest part of ``span`` that is exactly a title once clear lead-in words before it
        and tail words or another clause after it are left out (see the module docstring); a
        wrapper just before it stays ("that show dexter"). None when there is no such part."""
        start, end = span
        items = self.items
        self.aside = None
        lefts = [start]
        while lefts[-1] < end - 1 and lead_in(items[lefts[-1]]):
            lefts.append(lefts[-1] + 1)
        rights = {j: self._tail_part(j, end) for j in range(end, start, -1)}
        for size in range(end - start - 1, 0, -1):
            for i in lefts:
                j = i + size
                if not rights.get(j) or (i, j) == span or not self._may_lose(start, i, j):
                    continue
                kept = [w for it in items[i:j] for w in it.words.split()]
                if all(w in lx.FUNCTION_WORDS or w in lx.ARTICLES for w in kept):
                    continue  # "get out" is not "Out"
                if rights[j] == CLAUSE and all(w in lx.LEAD_INS for w in kept):
                    continue  # "looking for get out" is not "Looking", but "friends rn" is "Friends"
                if self.is_title((i, j)):
                    if j < end and self.toks[items[j - 1].j - 1].comma:
                        self.aside = (j, end)  # ", la peli española": about the title, not a filter
                    return self._with_wrapper(start, i, j)
        return None

    def _may_lose(self, start: int, i: int, j: int) -> bool:
        """Whether the lead-in ``items[start:i]`` may go before the title ``items[i:j]``.

        The word next to the title is no article, pronoun or auxiliary, nor followed by a comma
        ("the menu" is not "Menu", "i am legend" not "Legend", "love, simon" not "Simon"; Spanish
        "a" before an article is a preposition: "enganchada a la rosa de guadalupe"), and a
        title that starts with a preposition never follows a word that takes one ("looking for
        grace" is not "For Grace", but "watching into the wild" is "Into the Wild"). No
        article inside the lead-in starts a noun phrase ("a friend of the family" is not "The
        Family"; "la serie elite", "la de toy story" are fine). Titles start with little words
        too ("in time", "out of africa"), so the little words right before the title are one
        preposition that a word of the lead-in takes ("talking about", "all of", "hooked on"), or
        a short follow-up ("y la de toy story 4", "what about frozen 2"), never more ("what we do
        in the shadows" is not "The Shadows")."""
        if i == start:
            return True
        items = self.items
        before, first = items[i - 1], items[i]
        if self.toks[before.j - 1].comma or first.words in lx.PREPOSITIONS and _takes(before):
            return False
        if before.words in NOT_BESIDE and not (before.words == "a" and first.words in lx.ARTICLES):
            return False
        for k in range(start, i - 1):
            if items[k].words in lx.ARTICLES and not (
                items[k + 1].kind == "type" or items[k + 1].words in ("de", "del", "one")
            ):
                return False
        run = 0  # little words right before the title
        while run < i - start and all(w in lx.LITTLE_WORDS for w in items[i - run - 1].words.split()):
            run += 1
        if run == i - start:  # little words only: a follow-up ("y la de …", "what about …")
            return " ".join(it.words for it in items[start:i]) in lx.FOLLOW_UPS
        if run == 0:
            return True
        return run == 1 and _takes(items[i - 2])

    def _tail_part(self, j: int, end: int) -> int:
        """How ``items[j:end]`` may follow a title without being part of it: ``TAIL`` for tail words
        and "on <platform>" ("… rn", "… dubbed", "… en hbo"), ``CLAUSE`` for a new clause of
        lead-in words ("… pero no sé", "… what do we") or, after a comma, an aside of lead-in and
        type words ("toc toc, la peli española"); 0 when it may not. A preposition at the end
        is no tail ("kids in" before "love" may be "Kids in Love")."""
        part = self.items[j:end]
        if all(_after(it) or _joins_platform(part, k) for k, it in enumerate(part)):
            return TAIL
        if self.toks[self.items[j - 1].j - 1].comma and all(lead_in(it) or _after(it) for it in part):
            return CLAUSE
        for k, item in enumerate(part):
            if item.words in lx.CLAUSE_OPENERS and not _joins_platform(part, k):
                rest = part[k + 1 :]
                if not rest or not all(lead_in(it) or _after(it) for it in rest):
                    return 0  # "looking for": what the cue cut off may be the title's
                if item.words in lx.COMPLEMENTS and rest[0].words not in lx.DETERMINERS:
                    return 0  # "… with the kids" goes, but "dinner with friends" is a title
                return CLAUSE
            if not (_after(item) or _joins_platform(part, k)):
                return 0
        return TAIL

    def _with_wrapper(self, start: int, i: int, j: int) -> Span:
        words = [it.words for it in self.items[start:i]]
        for wrapper in LEAD_WRAPPERS:
            if len(words) >= len(wrapper) and words[len(words) - len(wrapper) :] == wrapper:
                return (i - len(wrapper), j)  # "that show dexter": the title text drops the wrapper
        return (i, j)

    def only_arguments(self, span: Span) -> bool:
        """Arguments and list cues only ("horror movies"), unless exactly a title ("scary movie", "1917")."""
        inside = self.items[span[0] : span[1]]
        if not args_only(inside):
            return False
        several = len(inside) > 1 or inside[0].kind in ("year", "number")
        return not (several and self.is_title(span))

    def lone_number(self, span: Span) -> bool:
        """The span is one number or year and nothing else: what a command's argument or the
        words right after "where can I watch" name as a title ("/where 300", "/title 1917"),
        never as a year filter ("movies from 1917" has the year after a preposition)."""
        return span[1] - span[0] == 1 and self.items[span[0]].kind in ("year", "number")

    def trim(self, start: int, end: int, bare: bool = False) -> Span | None:
        """The title inside ``items[start:end]`` (see the module docstring), None when nothing is
        left. A message that is only a title (``bare``) loses nothing but politeness after it
        ("Apocalypse Now", "You")."""
        items, toks = self.items, self.toks
        for k in range(start, end - 1):
            if toks[items[k].j - 1].stop:
                end = k + 1  # "where is frozen? my kids love it"
                break
            if toks[items[k].j - 1].comma and all(
                is_filler(it) or it.kind == "cue" for it in items[k + 1 : end]
            ):
                end = k + 1  # "just finished ozark, any recommendations?"
                break
        if bare:
            while start < end and items[start].words in FOLLOW_UP and not self.is_title((start, end)):
                start += 1  # "and toy story?", "what about moana", "¿y frozen?"
            while end > start and (items[end - 1].words in POLITE or is_cue(items[end - 1], "thanks")):
                end -= 1
            return (start, end) if start < end else None
        while start < end and _head(items[start]) and not self.is_title((start, end)):
            if items[start].words in HEAD_PREPOSITIONS and start + 1 < end:
                following = items[start + 1]
                if not (following.kind == "platform" or _head(following)):
                    break  # "where can i watch in time": a title may start with a preposition
            start += 1
        end = self._before_another_clause(start, end)
        while end > start and not self.is_title((start, end)):
            item = items[end - 1]
            if item.kind == "platform" or (item.kind == "year" and end - 1 > start):
                end -= 1  # "… on netflix", "… but on hulu", "… from 2019"
                while end > start and items[end - 1].words in ON | PLATFORM_JOIN:
                    end -= 1
            elif _tail(item) or (item.words in ("on", "at") and end - 1 > start):
                end -= 1  # "what platform is the crown on", "where's the crown at"
            elif item.kind == "person" and end - 2 > start and items[end - 2].words in BY_WORDS:
                end -= 2  # "el origen de nolan", "inception by nolan": the maker, not the title
            elif item.kind == "person" and end - 1 > start and item.words.split()[0] in BY_WORDS:
                end -= 1  # the same, read as one item
            elif _tail_words(items, start, end):
                end -= _tail_words(items, start, end)  # "… de pixar", "… esta ahi"
            else:
                break
        return (start, end) if start < end else None

    def _before_another_clause(self, start: int, end: int) -> int:
        """Where a clause after a title the catalogues do not carry as typed starts, misspelt
        or not: "on <platform>" with more words after it ("is the mandalorean only on disney or
        can i get it somewhere else"; no catalogue title has "on <platform>" inside it), "and"
        before a question word ("who directed hamilton and who's in it"), a comparison after
        "but" ("dame algo tipo friends pero más nuevo")."""
        items = self.items
        if self.is_title((start, end)):
            return end
        for k in range(start + 1, end - 1):
            if k > start + 1 and items[k].kind == "platform" and items[k - 1].words in ("on", "en"):
                return k + 1  # the platform and "on" before it go with the tail
            if items[k].words in ("and", "y") and items[k + 1].words.split()[0] in SECOND_QUESTION:
                return k
            if items[k].words in ("but", "pero") and all(
                w in lx.COMPARISONS for it in items[k + 1 : end] for w in it.words.split()
            ):
                return k
        return end

    def title_text(self, span: Span) -> str:
        """The span as typed without a leading wrapper ("the movie …", "la serie …") unless the
        whole is a title. A trailing type word ("the conjuring movie") is left to the title
        policy, which may ask about it but never answers it outright."""
        full = self.text_of(span)
        if normalise(full) in self.exact_titles:
            return full
        words = self.words_of(span)
        first, last = self.items[span[0]].i, self.items[span[1] - 1].j
        for wrapper in LEAD_WRAPPERS:
            if len(words) > len(wrapper) and words[: len(wrapper)] == wrapper:
                full = self.text[self.toks[first + len(wrapper)].start : self.toks[last - 1].end].strip(
                    QUOTES
                )
                break
        key = normalise(full)
        english = ALIASES.get(key, "")
        present = key not in self.exact_titles and ALIAS_KEYS.get(key, "") in self.exact_titles
        # "buscando a nemo" -> "finding nemo" when search knows no Spanish names; when it does, the
        # name itself, which keeps its work's year ("la sirenita" is the 1989 film, not the 2018 one)
        return english if present and not self.reads_names else full

    def language(self, span: Span | None) -> Said:
        """What the message tells of its language without the words that name things: the title
        (``span``) and the people it names ("where can I watch la casa de papel" is English,
        "movies by guillermo del toro" too). See ``core.understanding.language``."""
        named = [span] if span else []
        named += [(k, k + 1) for k, it in enumerate(self.items) if it.kind == "person"]
        hidden = [
            (self.toks[self.items[a].i].start, self.toks[self.items[b - 1].j - 1].end) for a, b in named
        ]
        return language.of_text(self.text, hidden)

    def is_sentence(self) -> bool:
        """Reads like a sentence rather than a title typed alone ("I'm bored", "qué hora es")."""
        words = [t.word for t in self.toks if lx.CUES.get(t.word) not in ("greeting", "thanks")] or [""]
        if words[0] in lx.SENTENCE or words[0] in lx.QUESTION_WORDS:
            return True
        return len(words) >= 3 and bool(set(words) & lx.SENTENCE)


def lead_in(item: Item) -> bool:
    """A word no title is made of at its start: pronouns, verbs of watching, people, time…"""
    return (
        item.words in lx.LEAD_INS
        or item.words in lx.ARTICLES
        or item.kind in ("filler", "type")
        or is_cue(item, *LEAD_IN_CUES)
    )


def _after(item: Item) -> bool:
    """A word that may follow a title in the same sentence: "… rn", "… netflix", "… dubbed"."""
    return (
        item.kind in ("platform", "year")
        or item.words in lx.TAIL_WORDS
        or item.words in lx.OTHER_PLATFORMS
        or item.words in POLITE
        or is_cue(item, "thanks", "greeting", "chatter", "vocative")
    )


def _takes(item: Item) -> bool:
    """A word that takes a preposition before a title: "talking (about)", "all (of)", "hooked (on)"."""
    return item.words.split()[-1] in lx.TAKES_COMPLEMENT


def _joins_platform(part: list[Item], k: int) -> bool:
    """ "on", "or", "pero en" before a platform: "… on disney plus", "… pero en hbo"."""
    if part[k].words not in ON | PLATFORM_JOIN:
        return False
    rest = part[k + 1 :]
    while rest and rest[0].words in ON | PLATFORM_JOIN:
        rest = rest[1:]
    return bool(rest) and (rest[0].kind == "platform" or rest[0].words in lx.OTHER_PLATFORMS)


def _head(item: Item) -> bool:
    return item.words in HEAD_SKIP or item.words in POLITE or is_cue(item, *HEAD_CUES)


# A title cut off by a clause after it: "just watched the conjuring and loved it".
JOINING_TAILS = frozenset(["and", "y", "but", "pero", "so", "then", "entonces"])


BY_WORDS = frozenset(["de", "by", "from", "of", "del"])
# Words opening a second question after "and": "… and who's in it", "… y dónde la veo".
SECOND_QUESTION = frozenset(
    [
        "who",
        "whos",
        "who's",
        "where",
        "wheres",
        "what",
        "whats",
        "how",
        "when",
        "is",
        "quien",
        "quienes",
        "donde",
        "que",
        "cuando",
        "cuanto",
        "cuantas",
        "como",
    ]
)


def _tail_words(items: list[Item], start: int, end: int) -> int:
    """How many items at the end of ``items[start:end]`` make a tail phrase of several words."""
    for size in (3, 2):
        if end - size > start and " ".join(it.words for it in items[end - size : end]) in lx.TITLE_TAILS:
            return size
    return 0


def _with_my(item: Item) -> bool:
    """ "… con mis sobrinos", "… with my gf": company said with a possessive, never a title's
    end ("Dinner with Friends" keeps its friends)."""
    words = item.words.split()
    return item.words in lx.COMPANY and len(words) > 1 and words[1] in ("my", "mi", "mis")


def _tail(item: Item) -> bool:
    return (
        item.words in lx.TITLE_TAILS or item.words in POLITE or item.words in JOINING_TAILS
        or _with_my(item) or is_cue(item, *TAIL_CUES)
    )  # fmt: skip
