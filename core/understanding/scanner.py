"""Words and phrases of a message: tokens, then labelled items.

1. ``tokens``: the words of a message with their place in the original text (so a title is cut
   from the text as typed), ratings such as "tv-14" and "13+" kept whole, sentence breaks
   (? ! . ;) and commas noted; the dots of initials ("C.K.", "U.S.") are no break.
2. ``Scanner.scan``: at each token the longest known phrase (``lexicon``: intent cues,
   platforms, types, duration units, genres, countries, fillers; the catalogue's own countries
   and ratings), years and numbers. A word that is not known and is not a word of any title is
   read as the keyword, platform, genre or country it is one slip away from (two in words of 9+
   letters), never changing its first letter: "netflx", "disny", "documentry", "recomend".
   Before phrases are looked up, such a word is also respelled (``Scanner.respell``) as the
   lexicon word it stands for: chat shorthand ("u", "q"), stretched letters ("hiii", "waatch"),
   Spanish spelt by sound ("beo", "kiero", "ciensia": b/v, k/qu/c, s/z/c, ll/y, a silent h), a
   short word missing one letter ("lik") or a longer one with a slip ("somthing"), so that
   phrases still read: "kiero ver", "ciensia ficcion".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from rapidfuzz.distance import OSA

from core.catalogue import genres
from core.understanding import lexicon as lx

RATING = re.compile(
    r"\b(?:tv[- ]?(?:y7[- ]?fv|ma|pg|14|nr)|tv-(?:y7|y|g)|pg[- ]?13|nc[- ]?17)\b|(?<![\w.,])\d{1,2}\+|\+\d{1,2}\b",
    re.IGNORECASE,
)
TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)|(?P<initials>(?:[^\W\d_]\.){2,})|(?P<word>[^\W_]+(?:['’][^\W_]+)*)|(?P<sym>[#+&?!.,;:()\"“”«»]|@\w+)"
)
APOSTROPHES = re.compile(r"['’]")
BREAKS = frozenset("?!.;")
ARG_KINDS = frozenset(
    [
        "platform",
        "type",
        "dtype",
        "genre",
        "country",
        "year",
        "rating",
        "number",
        # read by core.understanding.slots
        "years",
        "band",
        "minutes",
        "seasons",
        "not_genre",
        "not_type",
        "genres",
        "topic",
        "person",
    ]
)
# Cues that never make a message a question by themselves.
SOFT_CUES = frozenset(["watch", "is", "have", "from", "above", "want", "after", "taste", "good"])
CATALOGUE_CUES = ("score", "rating", "shortest", "longest", "actor", "count", "top")
FUZZY_CUES = frozenset(["where", "like", "recommend", "count", "top", "longest", "shortest", "actor", "rating", "score",
                        "help", "thanks", "greeting", "watch", "want"])  # fmt: skip
# Kinds of lexicon words a misspelt word may be respelled as (not countries: their words are names).
RESPELL_KINDS = frozenset(["cue", "filler", "platform", "type", "dtype", "genre"])
SOUNDS = [(re.compile(p), r) for p, r in (
    (r"qu", "k"), (r"c(?=[ei])", "s"), (r"c", "k"), (r"z", "s"), (r"v", "b"), (r"ll", "y"), (r"(?<!c)h", ""),
)]  # fmt: skip
APOSTROPHE_YEAR = re.compile(r"['’‘`´]$")


@dataclass(frozen=True)
class Token:
    raw: str
    word: str  # folded: lowercase, no accents, no apostrophes ("what's" -> "whats")
    start: int
    end: int
    stop: bool = False  # a sentence break (? ! . ;) right after it
    comma: bool = False  # a comma right after it


@dataclass(frozen=True)
class Item:
    kind: str  # cue | platform | type | dtype | genre | country | year | number | rating | filler | word
    value: object
    i: int  # tokens i..j-1
    j: int
    words: str = ""  # the folded words it covers
    fuzzy: bool = False
    negated: bool = False  # a platform said after a negation: "not on netflix"


def tokens(text: str) -> list[Token]:
    """Words and numbers of ``text`` with their spans; ratings ("tv-14", "13+") as one token."""
    found: list[Token] = []
    ratings = [(m.start(), m.end()) for m in RATING.finditer(text)]
    position = 0
    for start, end in [*ratings, (len(text), len(text))]:
        for m in TOKEN.finditer(text, position, start):
            if m.group("sym"):
                sym = m.group("sym")
                if sym in BREAKS and found and not _decimal_point(text, m.start()):
                    found[-1] = _with(found[-1], stop=True)
                elif sym == "," and found:
                    found[-1] = _with(found[-1], comma=True)
                elif sym == "#" and text[m.end() :].lstrip().lower().startswith("of "):
                    found.append(Token("#", "number", m.start(), m.end()))  # "# of horror shows"
                elif sym == "+" and found and found[-1].word == "disney":
                    found.append(Token("+", "plus", m.start(), m.end()))
                elif sym == "&" and found:
                    found.append(Token("&", "and", m.start(), m.end()))
                continue
            raw = m.group(0)
            # Initials ("Louis C.K.", "S.H.I.E.L.D.") are one word, and their dots no sentence break.
            raw_word = raw.replace(".", "") if m.group("initials") else APOSTROPHES.sub("", raw)
            word = raw.replace(",", ".") if m.group("num") else genres.fold(raw_word)
            if m.group("num") and len(raw) == 2 and APOSTROPHE_YEAR.search(text, 0, m.start()):
                word = f"{20 if int(raw) <= 30 else 19}{raw}"  # "'19", "’95": a year
            for part in word.split() or [""]:
                if part:
                    found.append(Token(raw, part, m.start(), m.end()))
        if start < len(text):
            raw = text[start:end]
            found.append(Token(raw, rating_label(raw), start, end))
        position = end
    return found


def rating_label(raw: str) -> str:
    """A maturity rating as the catalogue writes it: "TV 14" -> "tv-14", "PG13" -> "pg-13", "+18" -> "18+"."""
    label = re.sub(r"[\s_-]+", "", raw.lower().strip())
    if label.startswith("+"):
        return label[1:] + "+"
    if label.endswith("+"):
        return label
    label = re.sub(r"^(tv|pg|nc)(?=[a-z0-9])", r"\1-", label)
    return label.replace("y7fv", "y7-fv")


def _sound(word: str) -> str:
    """A word as Spanish sounds it: "beo" and "veo", "kiero" and "quiero", "ciensia" and "ciencia"."""
    for pattern, replacement in SOUNDS:
        word = pattern.sub(replacement, word)
    return word


def _squeeze(word: str, longest: int) -> str:
    """Runs of one letter cut to ``longest`` letters: "hiii" -> "hi", "waatch" -> "watch"."""
    return "".join(letter * min(len(list(run)), longest) for letter, run in groupby(word))


def _decimal_point(text: str, at: int) -> bool:
    return text[at] == "." and 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit()


def _with(token: Token, **changes) -> Token:
    return Token(**{**token.__dict__, **changes})


class Scanner:
    """Labels the phrases of a token list (longest first), forgiving slips in known words."""

    MAX_WORDS = 6

    def __init__(self, countries: dict[str, str], ratings: frozenset[str], title_words):
        table: dict[str, tuple[str, object]] = {}
        # Later tables do not override earlier ones: a cue wins over a filler, a platform over a genre.
        for kind, mapping in (
            ("rating", {p: r for p, r in lx.RATING_PHRASES.items() if r in ratings}),
            ("cue", lx.CUES),
            ("platform", lx.PLATFORMS),
            ("type", lx.TYPES),
            ("dtype", lx.DURATIONS),
            ("genre", lx.GENRES),
            ("country", countries),
        ):
            for phrase, value in mapping.items():
                table.setdefault(phrase, (kind, value))
        for phrase in lx.FILLER:
            table.setdefault(phrase, ("filler", phrase))
        self.table = table
        # The words the table's phrases start with: a token that starts none is looked up once
        # (as a word) instead of once per phrase length.
        self.table_heads = frozenset(phrase.split(" ", 1)[0] for phrase in table)
        self.ratings = ratings
        self.title_words = title_words
        fuzzy: dict[str, list[tuple[str, tuple[str, object]]]] = {}
        for phrase, meaning in table.items():
            kind, value = meaning
            if " " in phrase or len(phrase) < 5 or not phrase.isalpha() or kind == "filler":
                continue
            if kind == "cue" and value not in FUZZY_CUES:
                continue
            if phrase in (
                lx.WEAK_GENRES if kind == "genre" else lx.WEAK_COUNTRIES if kind == "country" else ()
            ):
                continue  # "war", "english": too close to everyday words
            fuzzy.setdefault(phrase[0], []).append((phrase, meaning))
        self.fuzzy = fuzzy
        self.correct = lru_cache(maxsize=20_000)(self._correct)
        self._index_spellings()
        self.respell = lru_cache(maxsize=20_000)(self._respell)

    def _index_spellings(self) -> None:
        """The lexicon's words by sound, with one letter left out (short words) and by first letter."""
        targets = {
            word
            for phrase, (kind, _) in self.table.items()
            if kind in RESPELL_KINDS
            for word in phrase.split()
            if word.isalpha()
        }
        weak = lx.WEAK_GENRES | lx.WEAK_COUNTRIES
        self.known = frozenset(w for phrase in [*self.table, *lx.OTHER_PLATFORMS] for w in phrase.split())
        cue_words = {w for phrase, (kind, _) in self.table.items() if kind == "cue" for w in phrase.split()}
        by_sound: dict[str, set[str]] = {}
        shortened: dict[str, set[str]] = {}
        by_letter: dict[str, list[str]] = {}
        for word in targets:
            if len(_sound(word)) >= 3:
                by_sound.setdefault(_sound(word), set()).add(word)
            if 4 <= len(word) <= 6 and word in cue_words:
                for k in range(1, len(word)):
                    shortened.setdefault(word[:k] + word[k + 1 :], set()).add(word)
            if len(word) >= 5 and word not in weak:
                by_letter.setdefault(word[0], []).append(word)
        self.by_sound = {key: words.pop() for key, words in by_sound.items() if len(words) == 1}
        self.shortened = {key: words.pop() for key, words in shortened.items() if len(words) == 1}
        self.by_letter = by_letter

    def _respell(self, word: str) -> str:
        """The lexicon word a chat spelling stands for, or the word itself (see the module docstring).
        A word of any title is left as it is."""
        if word in lx.SHORTHAND:
            return lx.SHORTHAND[word]
        if word in self.known or not word.isalpha() or len(word) < 3 or word in self.title_words:
            return word
        for squeezed in (_squeeze(word, 2), _squeeze(word, 1)):
            if len(squeezed) > 1 and squeezed in self.known:  # "qqq" is no "q" (que)
                return squeezed
        found = self.by_sound.get(_sound(word))
        if found:
            return found
        if len(word) <= 5 and word in self.shortened:
            return self.shortened[word]
        if len(word) >= 6:
            allowed = 2 if len(word) >= 9 else 1
            close = [
                w for w in self.by_letter.get(word[0], ())
                if abs(len(w) - len(word)) <= allowed and OSA.distance(word, w, score_cutoff=allowed) <= allowed
            ]  # fmt: skip
            if len(close) == 1:
                return close[0]
        return word

    def scan(self, toks: list[Token]) -> list[Item]:
        items: list[Item] = []
        words = [self.respell(t.word) for t in toks]
        i = 0
        while i < len(toks):
            item = self._at(toks, words, i)
            items.append(item)
            i = item.j
        return items

    def _at(self, toks: list[Token], words: list[str], i: int) -> Item:
        word = words[i]
        # A rating code ("tv-14", "13+"); a rating that is also a word ("all", "r") needs a cue.
        if (word in self.ratings and not word.isalnum()) or word.endswith("+") and word[:-1].isdigit():
            return Item("rating", word, i, i + 1, word)
        if word[:1].isdigit():
            return self._number(word, i)
        # Any phrase from ``i`` starts with ``word``'s first word: none can be in the table without it.
        sizes = self.MAX_WORDS if word.split(" ", 1)[0] in self.table_heads else 0
        for size in range(min(sizes, len(toks) - i), 0, -1):
            # A phrase does not run across a sentence break ("... netflix. Prime ...").
            if size > 1 and any(toks[k].stop or toks[k].comma for k in range(i, i + size - 1)):
                continue
            phrase = " ".join(words[i : i + size])
            found = self.table.get(phrase)
            if found:
                respelled = any(words[k] != toks[k].word for k in range(i, i + size))
                return Item(found[0], found[1], i, i + size, phrase, fuzzy=respelled)
        if word.isalpha() and len(word) >= 5 and word not in self.title_words:
            found = self.correct(word)
            if found:
                return Item(found[0], found[1], i, i + 1, word, fuzzy=True)
        return Item("word", word, i, i + 1, word)

    @staticmethod
    def _number(word: str, i: int) -> Item:
        if re.fullmatch(r"(19|20)\d\d", word) and 1900 <= int(word) <= 2030:
            return Item("year", int(word), i, i + 1, word)
        try:
            return Item("number", float(word), i, i + 1, word)
        except ValueError:
            return Item("word", word, i, i + 1, word)

    def _correct(self, word: str) -> tuple[str, object] | None:
        allowed = 2 if len(word) >= 9 else 1
        best, best_distance = None, allowed + 1
        for phrase, meaning in self.fuzzy.get(word[0], ()):
            if abs(len(phrase) - len(word)) > allowed:
                continue
            distance = OSA.distance(word, phrase, score_cutoff=allowed)
            if distance < best_distance:
                best, best_distance = meaning, distance
        return best


# ---- helpers over labelled items ----------------------------------------------------------
def is_arg(item: Item) -> bool:
    return item.kind in ARG_KINDS


def is_filler(item: Item) -> bool:
    return item.kind == "filler" or item.kind == "cue" and item.value in SOFT_CUES


def is_cue(item: Item, *cues: str) -> bool:
    """The item is one of ``cues``; a phrase of two cues on purpose (``lexicon.INTENDED_AMBIGUITIES``:
    "buenas", "tienen") is either, and the rule asking picks which it needs."""
    if item.kind != "cue":
        return False
    return item.value in cues or bool(lx.ALSO.get(item.words, frozenset()).intersection(cues))


def first_cue(items: list[Item], lo: int, hi: int, *cues: str) -> int | None:
    return next((k for k in range(lo, hi) if is_cue(items[k], *cues)), None)


def args_only(items: list[Item]) -> bool:
    """Nothing but arguments, fillers and cues that ask for a list ("good", "best")."""
    return all(
        is_arg(it) or is_filler(it) or it.kind == "cue" and it.value in ("top", "good", "like", "recommend")
        for it in items
    )
