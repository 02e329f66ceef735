"""Telegram HTML, safely: escaping, and cutting a message to a length without breaking it.

Telegram counts a message's length after parsing its entities, in UTF-16 code units, and
refuses HTML with a tag or an escape cut in half. ``clip`` therefore counts the visible
text only and cuts between characters, never inside a tag or an ``&…;`` escape, closing
whatever tags are open at the cut.
"""

from __future__ import annotations

import html
import re

from telegram.constants import MessageLimit

ELLIPSIS = "\n…"
# A tag, an escape, or one visible character.
_PIECE = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^<>]*>|&#?\w+;|.", re.DOTALL)


def esc(value) -> str:
    return html.escape(str(value), quote=False)


def excerpt(text: str, limit: int) -> str:
    """Plain text, on one line, at most ``limit`` characters (escape it after)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def units(text: str) -> int:
    """UTF-16 code units: what Telegram counts (an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int = MessageLimit.MAX_TEXT_LENGTH) -> str:
    """``text`` (Telegram HTML) cut to ``limit`` visible characters, at a line break when one
    is in the second half, with "…" on a last line; unchanged when it fits."""
    if units(text) <= limit:  # the markup counts here too, so this is never too generous
        return text
    budget = limit - units(ELLIPSIS)
    pieces, open_tags, used = [], [], 0
    line_end, used_at_line_end = None, 0
    for found in _PIECE.finditer(text):
        piece, closing, tag = found.group(0), found.group(1), found.group(2)
        if tag:
            if closing and open_tags and open_tags[-1] == tag:
                open_tags.pop()
            elif not closing:
                open_tags.append(tag)
            pieces.append(piece)
            continue
        width = 1 if piece.startswith("&") and len(piece) > 1 else units(piece)
        if used + width > budget:
            break
        if piece == "\n" and not open_tags:
            line_end, used_at_line_end = len(pieces), used
        pieces.append(piece)
        used += width
    else:
        return text  # the markup made it look long: the visible text fits
    if line_end is not None and used_at_line_end >= budget // 2:
        pieces, open_tags = pieces[:line_end], []  # no tag is open at a recorded line break
    closers = "".join(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(pieces).rstrip() + closers + ELLIPSIS
