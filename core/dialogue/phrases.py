"""Finding the phrases of ``core.dialogue.words`` in a folded message."""

from __future__ import annotations

from core.dialogue import words as w


def strip(said: str, table: frozenset[str]) -> str:
    """``said`` without phrases of ``table`` at its start and end: "and on hulu then" -> "on hulu"."""
    toks = said.split()
    changed = True
    while toks and changed:
        changed = False
        for size in (4, 3, 2, 1):
            if len(toks) >= size and " ".join(toks[:size]) in table:
                toks, changed = toks[size:], True
                break
            if len(toks) >= size and " ".join(toks[-size:]) in table:
                toks, changed = toks[:-size], True
                break
    return " ".join(toks)


def starts(said: str, table: frozenset[str]) -> bool:
    toks = said.split()
    return any(" ".join(toks[:size]) in table for size in (1, 2, 3, 4, 5) if len(toks) >= size)


def only_phrases(said: str, table: frozenset[str]) -> bool:
    """``said`` is phrases of ``table`` (and connectors) only, one at least."""
    if longest_phrase(said, table) is None:
        return False
    rest = said
    while True:
        phrase = longest_phrase(rest, table)
        if phrase is None:
            break
        rest = strip(cut(rest, phrase), w.CONNECTORS)
    return not rest


def has(said: str, table: frozenset[str]) -> bool:
    return longest_phrase(said, table) is not None


def longest_phrase(said: str, table: frozenset[str]) -> str | None:
    toks = said.split()
    for size in (5, 4, 3, 2, 1):
        for k in range(len(toks) - size + 1):
            phrase = " ".join(toks[k : k + size])
            if phrase in table:
                return phrase
    return None


def cut(said: str, phrase: str) -> str:
    return f" {said} ".replace(f" {phrase} ", " ", 1).strip()


def after_phrase(said: str, table: frozenset[str]) -> str | None:
    """What follows the first phrase of ``table``: "anything like that" -> "that"."""
    phrase = longest_phrase(said, table)
    if phrase is None:
        return None
    head, _, tail = f" {said} ".partition(f" {phrase} ")
    return strip(tail.strip(), w.CONNECTORS)
