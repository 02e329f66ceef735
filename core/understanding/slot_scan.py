"""What the slot readers read: a message's items, its tokens and the catalogue's vocabularies
(``core.understanding.slots``)."""

from __future__ import annotations

from dataclasses import dataclass

from core.understanding import lexicon as lx
from core.understanding.scanner import Item, Token

_FIRST_WORDS: dict[int, tuple[object, frozenset]] = {}


def _first_words(phrases) -> frozenset:
    """The words ``phrases`` start with (the lexicon's tables live as long as the process)."""
    kept = _FIRST_WORDS.get(id(phrases))
    if kept is None or kept[0] is not phrases:
        kept = (phrases, frozenset(p.split(" ", 1)[0] for p in phrases))
        _FIRST_WORDS[id(phrases)] = kept
    return kept[1]


@dataclass
class Scan:
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
        # ... and each item's first word: ``phrase_at`` is asked at every item for dozens of tables.
        self.heads = [it.words.split(" ", 1)[0] for it in self.items]

    def words(self, k: int, size: int) -> str:
        return " ".join(it.words for it in self.items[k : k + size])

    def phrase_at(self, k: int, phrases, longest: int = 4) -> int:
        """How many items from ``k`` spell one of ``phrases`` (0 for none), longest first."""
        if k >= len(self.heads):
            return 0
        kept = _FIRST_WORDS.get(id(phrases))  # ``_first_words``, without a call on the way
        if self.heads[k] not in (
            kept[1] if kept is not None and kept[0] is phrases else _first_words(phrases)
        ):
            return 0  # most items start no phrase: one look-up instead of a join per length
        for size in range(min(longest, len(self.items) - k), 0, -1):
            if self.words(k, size) in phrases:
                return size
        return 0

    def typed_word(self, k: int) -> str:
        return self.typed_words[k]

    def after_negation(self, k: int, filler: frozenset[str]) -> int | None:
        """Where what a negation at ``k`` negates starts ("not from before", "nada de terror"),
        past the ``filler`` words after it; None when no negation is at ``k``."""
        size = self.typed_phrase_at(k, lx.NEGATIONS, 4)
        if not size:
            return None
        start = k + size
        while start < len(self.items) and self.items[start].words in filler:
            start += 1
        return start

    def typed_phrase_at(self, k: int, phrases, longest: int = 4) -> int:
        """``phrase_at`` on the words as typed too ("cualquier cosa menos", which the scanner respells)."""
        ahead = range(k, min(k + longest, len(self.items)))
        if all(self.typed_words[i] == self.items[i].words for i in ahead):
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


def count_at(scan: Scan, k: int) -> float | None:
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
