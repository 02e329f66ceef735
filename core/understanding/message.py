"""One message, tokenised and labelled, and the title spans inside it.

A span is a range of item positions. ``trim`` narrows the words a cue points at down to the
title: no cue words or fillers before it ("where can I watch …"), no chatter, "on <platform>",
year or politeness after it, and never past a sentence break ("where is frozen? my kids love
it"). A span that is exactly a catalogue title is kept whole ("Y Tu Mamá También", "Carry On").
"""

from __future__ import annotations

from core.titles import normalise
from core.understanding import lexicon as lx
from core.understanding.scanner import ON, PLATFORM_JOIN, Item, Token, args_only, is_cue, is_filler

QUOTES = "\"'“”‘’«»`´()[]{}<>¿?¡!.,;:-–—*_~ "
# Words that open a follow-up naming one more title: "and toy story?", "¿y qué tal frozen?".
FOLLOW_UP = frozenset(["and", "also", "what", "how", "about", "y", "que", "qué", "tal", "tambien", "o", "or"])
POLITE = frozenset(["please", "pls", "plz", "por favor", "porfa", "porfavor", "xfa", "plis"])
# Words between a cue and the title it points at: "where can I watch …", "dónde se puede ver …".
HEAD_SKIP = frozenset(
    ["i", "we", "you", "u", "can", "could", "would", "should", "do", "does", "did", "to", "please", "pls",
     "plz", "me", "just", "now", "also", "still", "actually", "even", "get", "really", "for", "on", "in",
     "at", "de", "del", "en", "que", "se", "yo", "puedo", "podemos", "lo", "le", "te", "nos", "then", "and",
     "y"]
)  # fmt: skip
HEAD_CUES = ("watch", "is", "have", "want", "after", "taste", "greeting", "like", "from")
TAIL_CUES = ("thanks", "greeting", "recommend", "is", "watch")
# "the movie frozen", "la serie elite": wrappers before a title, longest first.
LEAD_WRAPPERS = sorted((w.split() for w in lx.TITLE_WRAPPERS), key=len, reverse=True)

Span = tuple[int, int]


class Message:
    def __init__(self, text: str, toks: list[Token], items: list[Item], exact_titles):
        self.text, self.toks, self.items = text, toks, items
        self.exact_titles = exact_titles  # normalised catalogue titles

    def text_of(self, span: Span) -> str:
        first, last = self.toks[self.items[span[0]].i], self.toks[self.items[span[1] - 1].j - 1]
        return self.text[first.start : last.end].strip(QUOTES)

    def words_of(self, span: Span) -> list[str]:
        return [t.word for t in self.toks[self.items[span[0]].i : self.items[span[1] - 1].j]]

    def is_title(self, span: Span) -> bool:
        """The span is exactly a catalogue title (normalised)."""
        return span[0] < span[1] and normalise(self.text_of(span)) in self.exact_titles

    def only_arguments(self, span: Span) -> bool:
        """Arguments and list cues only ("horror movies"), unless exactly a title ("scary movie", "1917")."""
        inside = self.items[span[0] : span[1]]
        if not args_only(inside):
            return False
        several = len(inside) > 1 or inside[0].kind in ("year", "number")
        return not (several and self.is_title(span))

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
            start += 1
        while end > start and not self.is_title((start, end)):
            item = items[end - 1]
            if item.kind == "platform" or (item.kind == "year" and end - 1 > start):
                end -= 1  # "… on netflix", "… but on hulu", "… from 2019"
                while end > start and items[end - 1].words in ON | PLATFORM_JOIN:
                    end -= 1
            elif _tail(item) or (item.words == "on" and end - 1 > start):
                end -= 1  # "what platform is the crown on"
            else:
                break
        return (start, end) if start < end else None

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
                return self.text[self.toks[first + len(wrapper)].start : self.toks[last - 1].end].strip(
                    QUOTES
                )
        return full

    def language(self, span: Span | None) -> str | None:
        """ "es" or "en" from the words outside the title: Spanish words and accents vs English words."""
        inside = range(self.items[span[0]].i, self.items[span[1] - 1].j) if span else range(0)
        spanish = english = 0
        for k, tok in enumerate(self.toks):
            if k in inside:
                continue
            spanish += (tok.word in lx.SPANISH) + 2 * any(ch in lx.ACCENTED for ch in tok.raw.lower())
            english += tok.word in lx.ENGLISH
        return "es" if spanish > english else "en" if english > spanish else None

    def is_sentence(self) -> bool:
        """Reads like a sentence rather than a title typed alone ("I'm bored", "qué hora es")."""
        words = [t.word for t in self.toks if lx.CUES.get(t.word) not in ("greeting", "thanks")] or [""]
        if words[0] in lx.SENTENCE or words[0] in lx.QUESTION_WORDS:
            return True
        return len(words) >= 3 and bool(set(words) & lx.SENTENCE)


def _head(item: Item) -> bool:
    return item.words in HEAD_SKIP or item.words in POLITE or is_cue(item, *HEAD_CUES)


def _tail(item: Item) -> bool:
    return item.words in lx.TITLE_TAILS or item.words in POLITE or is_cue(item, *TAIL_CUES)
