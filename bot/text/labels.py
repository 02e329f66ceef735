"""Labels of the title buttons ("Toy Story (1995) · Disney+"), built to fit a phone's button:
short platform names, the year and the platforms always whole, a long title shortened after a
word, never inside one; buttons that would read the same keep their titles' ends instead."""

from __future__ import annotations

from bot.text.i18n import N_, _

# A platform's name on a button, short enough to leave room for the title.
SHORT_PLATFORM = {
    # TRANSLATORS: Prime Video's name on a button, short enough to leave room for the title.
    "amazon": N_("Prime"),
    "disney": N_("Disney+"),
    "hulu": N_("Hulu"),
    "netflix": N_("Netflix"),
}
BUTTON = 40  # characters a phone shows on a full-width button before it cuts the text itself
TITLE_ROOM = 24  # the title keeps this much however many platforms follow it
BREAKS = " :-–—,;/"  # where a title may be shortened: after a word, not inside one


def button_labels(matches) -> list[str]:
    """A label per button; where two would read the same once shortened ("NBA The Essentials…"
    three times), each keeps its first word and its end instead ("NBA … Game 6 vs. Jazz")."""
    labels = [button_label(m) for m in matches]
    repeated = {label for label in labels if labels.count(label) > 1}
    return [
        button_label(m, ends=True) if label in repeated else label
        for m, label in zip(matches, labels, strict=True)
    ]


def button_label(match, ends: bool = False) -> str:
    """ "Toy Story (1995) · Disney+": the year and the (short) platform names always whole, the
    title shortened after a word with "…" when the whole would not fit on a button (``ends``:
    its first word and last words kept, the middle left out)."""
    where = ", ".join(_(SHORT_PLATFORM.get(p, p)) for p in dict.fromkeys(match.platforms or [match.platform]))
    tail = f" ({match.release_year}) · {where}"
    room = max(BUTTON - len(tail), TITLE_ROOM)
    return (middle_out(match.title, room) if ends else shortened(match.title, room)) + tail


def middle_out(text: str, limit: int) -> str:
    """``text``'s first word, "…", and as many of its last words as fit in ``limit``."""
    words = text.split()
    if len(" ".join(words)) <= limit or len(words) < 3:
        return shortened(text, limit)
    kept: list[str] = []
    for word in reversed(words[1:]):
        if len(words[0]) + 3 + len(" ".join([word, *kept])) > limit:
            break
        kept.insert(0, word)
    return f"{words[0]} … {' '.join(kept)}" if kept else shortened(text, limit)


def shortened(text: str, limit: int) -> str:
    """``text`` whole if it has at most ``limit`` characters, else its longest run of whole words
    that fits with "…" (a single word longer than that is cut, the one case left)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = max(limit - 1, 1)
    cut = text[:room]
    if text[room] not in BREAKS:  # the cut is inside a word: go back to its start
        cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return cut.rstrip(BREAKS) + "…" if cut.rstrip(BREAKS) else cut + "…"
