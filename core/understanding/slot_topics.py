"""Topics that are no genre, said in a request (``core.understanding.slots``): "movies about
dogs", "pelis de zombis", "anything with vampires", "christmas movies"; the titles they keep
are ``core.questions.topics``'s."""

from __future__ import annotations

from core.search.titles import normalise
from core.understanding import lexicon as lx
from core.understanding.slot_scan import Scan

ABOUT_WORDS = frozenset(["about", "with", "de", "sobre", "con", "featuring", "involving", "acerca de", "on"])
TOPIC_BESIDE = frozenset(["type", "genre", "platform", "band", "years"])


def _topic(scan: Scan, k: int):
    """ "movies about dogs", "pelis de zombis", "anything with vampires", "christmas movies":
    a topic (``core.questions.topics``) said beside what makes the message a request."""
    items = scan.items
    lead = int(items[k].kind == "word" and items[k].words in ABOUT_WORDS)  # "about" goes with it
    at = k + lead
    size = scan.typed_phrase_at(at, lx.TOPIC_WORDS, 4) if at < len(items) else 0
    if not size or items[at].kind in ("platform", "year", "number", "person", "type"):
        return None
    if items[at].kind == "genre" and not items[at].fuzzy or _inside_a_title(scan, at, size):
        return None  # a genre word stays the genre; "the great british baking show" stays the title
    words = (scan.words(at, size), " ".join(scan.typed_words[at : at + size]))
    phrase = next(p for p in words if p in lx.TOPIC_WORDS)
    before = items[at - 1] if at else None
    after = items[at + size] if at + size < len(items) else None
    beside = any(it is not None and it.kind in TOPIC_BESIDE for it in (before, after))
    asked = (
        before is not None
        and before.words in ABOUT_WORDS
        and (at < 2 or items[at - 2].kind in TOPIC_BESIDE or items[at - 2].words in lx.REQUEST_WORDS)
    )
    rest = [it for j, it in enumerate(items) if not at <= j < at + size]
    alone = (
        before is not None
        and before.words in ABOUT_WORDS
        and all(it.kind == "filler" or it.words in ABOUT_WORDS for it in rest)
        and normalise(scan.words(at, size)) not in scan.exact_titles  # "what about dogs": the show Dogs
    )
    if not (beside or asked or alone):  # "y de zombis?" after a list: the topic is the change
        return None
    return scan.merge("topic", lx.TOPIC_WORDS[phrase], k, at + size)


def _inside_a_title(scan: Scan, k: int, size: int) -> bool:
    """Items ``k``..``k+size`` are part of a longer catalogue title said whole around them (or
    the whole message is one: "zombies")."""
    items, longest = scan.items, 8
    if normalise(scan.text) in scan.exact_titles:
        return True
    for i in range(max(0, k - longest), k + 1):
        for j in range(k + size, min(len(items), i + longest) + 1):
            if j - i > size and normalise(scan.words(i, j - i)) in scan.exact_titles:
                return True
    return False
