"""Words that look like a filter but are another word here (``core.understanding.slots``):
"show" the verb ("i want to show a documentary in class") and "us" the pronoun ("settle a
bet for us")."""

from __future__ import annotations

from core.understanding.scanner import Item
from core.understanding.slot_scan import Scan

SHOW_OBJECTS = frozenset(
    ["a", "an", "the", "some", "my", "me", "us", "them", "him", "her", "something", "anything"]
)
SHOW_SUBJECTS = frozenset(["to", "can", "could", "will", "would", "u", "you", "pls", "please", "plz", "just"])


def _show_verb(scan: Scan, k: int):
    """ "i want to show a documentary in class": "show" the verb, no type of title."""
    items = scan.items
    if items[k].kind != "type" or items[k].words != "show":
        return None
    before = items[k - 1].words if k else ""
    after = items[k + 1].words if k + 1 < len(items) else ""
    if before in SHOW_SUBJECTS or after in SHOW_OBJECTS and k + 2 < len(items):
        return Item("filler", "show", items[k].i, items[k].j, "show"), k + 1
    return None


US_AFTER = frozenset(
    ["for", "with", "to", "let", "tell", "give", "show", "help", "of", "both", "all", "suggest"]
)


def _us(scan: Scan, k: int):
    """ "settle a bet for us", "give us something": the pronoun, not the United States."""
    items = scan.items
    if items[k].kind != "country" or scan.typed_word(k) != "us" or not k:
        return None
    if items[k - 1].words.split()[-1] not in US_AFTER:
        return None
    return Item("filler", "us", items[k].i, items[k].j, "us"), k + 1
