"""What the act classifier reads: a message with its arguments and titles masked.

"is it on netflix" and "is it on hulu" are the same act, and so are "where's loki" and "where's
coco": each platform, genre, year, number, country, person … becomes its kind ("_platform_"),
each title found in the catalogue ``_title_``, and the rest stays, folded. The corpus is
masked the same way before training, with the same vocabularies, so both sides agree.
"""

from __future__ import annotations

from core.understanding.scanner import ARG_KINDS, Item, Token

TITLE = "_title_"


def masked(toks: list[Token], items: list[Item], titles: list[tuple[int, int]] = ()) -> str:
    """The folded words of a message, an argument item as its kind and a title span (token
    positions ``[i, j)``) as ``_title_``."""
    words: list[str] = []
    in_title = {k: i for i, j in titles for k in range(i, j)}
    k = 0
    kinds = {k: it for it in items for k in range(it.i, it.j)}
    while k < len(toks):
        if k in in_title:
            words.append(TITLE)
            k = next(j for i, j in titles if i == in_title[k])
            continue
        item = kinds.get(k)
        if item is not None and item.kind in ARG_KINDS:
            words.append(f"_{item.kind}_")
            k = max(item.j, k + 1)
            continue
        words.append(toks[k].word)
        k += 1
    return " ".join(words)
