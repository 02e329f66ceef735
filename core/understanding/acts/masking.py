"""What the act classifier reads: a message with its arguments and titles masked.

"is it on netflix" and "is it on hulu" are the same act, and so are "where's loki" and "where's
coco": each platform, genre, year, number, country, person … becomes its kind ("_platform_"),
each title spotted ``_title_``, and the rest stays, folded. The corpus is masked the same way
before training, with the same vocabularies, so both sides agree.
"""

from __future__ import annotations

from core.understanding.scanner import ARG_KINDS, Item

TITLE = "_title_"


def masked(items: list[Item], titles: list[tuple[int, int]] = ()) -> str:
    """The folded words of a message's items, an argument as its kind and a title (item
    positions ``[i, j)``) as ``_title_``."""
    title_ends = dict(titles)
    words: list[str] = []
    k = 0
    while k < len(items):
        if k in title_ends:
            words.append(TITLE)
            k = title_ends[k]
            continue
        item = items[k]
        words.append(f"_{item.kind}_" if item.kind in ARG_KINDS else item.words)
        k += 1
    return " ".join(words)
