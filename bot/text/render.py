"""Everything that turns results into HTML messages and keyboards (a title's card and inline
results: ``bot.text.card``).

Every piece of user or catalogue text passes through ``esc``; messages are clipped to
Telegram's limits; button data is written by ``bot.callbacks`` (ids, never titles).
Every word a user reads is looked up in the message catalogue of the update's language
(``bot.text.i18n``); numbers are written the way that language writes them.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks
from bot.text import commands as command_names
from bot.text import markup
from bot.text.i18n import N_, SPANISH, _, language, ngettext, number, platform_names
from bot.text.labels import button_labels
from bot.text.markup import clip, esc
from core.catalogue.genres import ADULT_ANIMATION, shown_genres
from core.catalogue.genres import name as genre_name
from core.catalogue.platforms import NAMES as PLATFORM_NAMES
from core.catalogue.platforms import name as platform_display_name
from core.catalogue.spanish_names import spanish_name
from core.catalogue.title_types import TitleType
from core.recommender import SAME_DIRECTOR, SAME_SERIES, SHARED_CAST, SHARED_GENRES

PAGE = 5


def platform_name(platform: str) -> str:
    return platform_display_name(platform)


def platforms_text(platforms, mine=frozenset()) -> str:
    """ "Netflix, Hulu"; the chat's own platforms (``mine``) marked: "Netflix ✓, Hulu"."""
    return ", ".join(marked(p, mine) for p in dict.fromkeys(platforms))


MINE = "✓"  # marks a chat's own platforms in where-to-watch answers


def marked(platform: str, mine=frozenset()) -> str:
    return f"{platform_name(platform)} {MINE}" if platform in mine else platform_name(platform)


def mine_legend(shown, mine) -> str:
    """The line explaining the marks, when any platform shown is marked."""
    return _("✓ your platforms") if set(shown) & set(mine) else ""


def kind(title: dict) -> str:
    return _("show") if title["type"] == TitleType.SHOW else _("movie")


def genre(genre_id: str) -> str:
    """A canonical genre's name in the language being spoken ("Horror", "Terror"), or the
    genre line's "Adult animation" (``core.catalogue.genres.shown_genres``)."""
    if genre_id == ADULT_ANIMATION:
        return _("Adult animation")
    return genre_name(genre_id, language())


def genre_in_text(genre_id: str) -> str:
    """The genre's name inside a sentence: "science fiction", but "LGBTQ+"."""
    name = genre(genre_id)
    return name if name.split()[0].isupper() else name.lower()


def genres(title: dict, most: int = 3) -> str:
    """The title's canonical genres ("Animation, Family & Kids"), the same words on every
    platform; never without horror or adult animation (``shown_genres``)."""
    return ", ".join(genre(g) for g in shown_genres(title.get("genres"), title.get("listed_in"), most))


def titles_count(n: int) -> str:
    return ngettext("{n} title", "{n} titles", n).format(n=number(n))


def movies_count(n: int) -> str:
    return ngettext("{n} movie", "{n} movies", n).format(n=number(n))


def shows_count(n: int) -> str:
    return ngettext("{n} show", "{n} shows", n).format(n=number(n))


def title_name(title: dict) -> str:
    """The title as the reader knows it: in Spanish, the work's Spanish name before the
    catalogue's when it has one ("Buscando a Nemo (Finding Nemo)"); otherwise the catalogue's."""
    original = title["display_title"]
    spanish = spanish_name(original, title["release_year"]) if language() == SPANISH else None
    # TRANSLATORS: a work's Spanish name, then its title in the catalogue: "Buscando a Nemo (Finding Nemo)".
    return _("{name} ({original})").format(name=spanish, original=original) if spanish else original


def title_heading(title: dict, platforms) -> str:
    return _("<b>{title}</b> ({year}, {kind}) on {platforms}").format(
        title=esc(title_name(title)),
        year=title["release_year"],
        kind=esc(kind(title)),
        platforms=esc(platforms_text(platforms)),
    )


def reason(rec) -> str:
    """Why a suggestion is like the title, from a ``Recommendation``'s ``reasons``: "same
    series; same director", "with Tom Hanks", "shares: animation, family & kids"."""
    parts = []
    for code in rec.reasons:
        if code == SAME_SERIES:
            parts.append(_("same series"))
        elif code == SAME_DIRECTOR:
            parts.append(_("same director"))
        elif code == SHARED_CAST:
            parts.append(_("with {actor}").format(actor=rec.shared_actor))
        elif code == SHARED_GENRES:
            shared = ", ".join(genre_in_text(g) for g in rec.shared_genres)
            # TRANSLATORS: why a suggestion is like the title: the genres they share, lowercase.
            parts.append(_("shares: {genres}").format(genres=shared))
    return "; ".join(parts) or _("similar story")


def details(title: dict) -> str:
    """ "movie · Animation, Family & Kids": what kind of title it is."""
    return " · ".join(part for part in (kind(title), genres(title)) if part)


def suggestion_line(marker: str, item, about: str = "", why: str = "") -> str:
    """One suggested title: "1. <b>Toy Story 2</b> (1999) — Disney+", then, each on its own
    indented line when given, what it is (``details``) and why it is suggested. ``item`` is a
    ``Recommendation`` or a ``Pick``: its copies' platforms are listed."""
    line = (
        f"{marker} <b>{esc(item.title)}</b> ({item.release_year}) — "
        f"{esc(platforms_text(item.platforms or [item.platform]))}"
    )
    if about:
        line += f"\n    {esc(about)}"
    if why:
        line += f"\n    <i>{esc(why)}</i>"
    return line


LATE_SECONDS = 60  # past the expected time: the first start's build is not coming soon


def suggestions(
    source: dict,
    source_platforms,
    recs,
    titles,
    start: int,
    platform: str | None,
    scope: str = "",
    unmet: str = "",
    preparing: float | None = None,
) -> str:
    """``scope``: what the suggestions were limited to, as ``bot.text.questions.scope`` says it
    ("in Comedy on Netflix under 90 min"); it says the platform too. ``unmet``: a scope no title
    like it has, so ``recs`` are the closest ones without it. ``preparing``: the seconds until
    suggestions are expected (``Snapshot.suggestions_in``), said instead of a list."""
    if preparing is not None:
        return f"{title_heading(source, source_platforms)}\n\n{suggestions_preparing(preparing)}"
    heading = title_heading(source, source_platforms)
    if unmet:
        # TRANSLATORS: {scope} is what was asked for: "in Teen on Netflix".
        head = _("No title like {title} is {scope}. The closest ones:").format(title=heading, scope=unmet)
        none = _("No more suggestions for this title.")
    elif scope:
        # TRANSLATORS: {scope} is what the list is limited to: "in Comedy on Netflix under 90 min".
        head = _("If you like {title}, try these {scope}:").format(title=heading, scope=scope)
        none = _("No more suggestions {scope} for this title.").format(scope=scope)
    elif platform:
        where = esc(platform_name(platform))
        head = _("If you like {title}, try these on {platform}:").format(title=heading, platform=where)
        none = _("No more suggestions on {platform} for this title.").format(platform=where)
    else:
        head = _("If you like {title}, try these:").format(title=heading)
        none = _("No more suggestions for this title.")
    if not recs:
        return f"{head}\n\n{none}"
    body = "\n\n".join(
        suggestion_line(f"{start + i + 1}.", rec, details(title), reason(rec))
        for i, (rec, title) in enumerate(zip(recs, titles, strict=True))
    )
    return clip(f"{head}\n\n{body}\n\n<i>{esc(_(RATE_HINT))}</i>")


def suggestions_preparing(seconds: float) -> str:
    """The one line a suggestion request gets while a first start's model builds."""
    if seconds < -LATE_SECONDS:  # its build failed or is stuck: no promise of a time
        return esc(_("Suggestions are not ready yet. Please ask again in a while."))
    left = max(1, round(seconds))
    return esc(
        ngettext(
            "Suggestions are being prepared (the bot has just started): ready in about {n} second.",
            "Suggestions are being prepared (the bot has just started): ready in about {n} seconds.",
            left,
        ).format(n=number(left))
    )


def picks_text(picks, titles, because: dict, platform: str | None) -> str:
    """/foryou's list; ``because`` maps a liked title's id to its name."""
    if platform:
        head = _("Picks for you on {platform}:").format(platform=esc(platform_name(platform)))
    else:
        head = _("Picks for you:")
    lines = []
    for position, (pick, title) in enumerate(zip(picks, titles, strict=True), start=1):
        liked = because.get(pick.because)
        why = (
            _("because you liked {title}").format(title=liked) if liked else _("close to the genres you like")
        )
        lines.append(suggestion_line(f"{position}.", pick, details(title), why))
    return clip(f"{head}\n\n" + "\n\n".join(lines) + f"\n\n<i>{esc(_(RATE_HINT))}</i>")


def starter_text(picks, titles, platform: str | None) -> str:
    """/foryou before any like: well-known picks to rate (``core.suggest.starter_picks``)."""
    if platform:
        head = _("I don't know your taste yet. Well-known picks on {platform}:").format(
            platform=esc(platform_name(platform))
        )
    else:
        head = _("I don't know your taste yet. Well-known picks:")
    lines = [
        suggestion_line(f"{i}.", pick, details(title))
        for i, (pick, title) in enumerate(zip(picks, titles, strict=True), 1)
    ]
    hint = _("Tap a number to rate that title: once 👍, twice 👎. After a like, /foryou picks for you.")
    return clip(f"{head}\n\n" + "\n\n".join(lines) + f"\n\n<i>{esc(hint)}</i>")


# ---- feedback: numbered buttons under a list of suggestions -------------------------------
RATE_HINT = N_("Tap a number to rate that title: once 👍, twice 👎, three times to clear.")
MARKS = {1: "👍", -1: "👎"}
ENTRY_ACTIONS = "✓ ➕"


def rating_label(number: int, value: int | None) -> str:
    return f"{number} {MARKS[value]}" if value in MARKS else str(number)


def rating_number(label: str) -> int:
    """The number a rating button shows (``rating_label``'s first part): the data does not carry it."""
    return int(label.split()[0])


def rating_row(ids, start: int, ratings: dict | None = None) -> list[InlineKeyboardButton]:
    """A button per suggestion, numbered as in the text, marked with what the user said of it
    (``ratings``: title id -> 1/-1, only in a private chat: a group shares the keyboard)."""
    ratings = ratings or {}
    row = [
        InlineKeyboardButton(
            rating_label(start + i + 1, ratings.get(id_)), callback_data=callbacks.Rate(id_).encode()
        )
        for i, id_ in enumerate(ids)
    ]
    if row:  # last, "✓ ➕": swaps the row for numbered "✓ Seen" and "➕ list" ones (bot/text/entries.py)
        row.append(InlineKeyboardButton(ENTRY_ACTIONS, callback_data=callbacks.EntryActions(1).encode()))
    return row


def suggestion_keyboard(
    source_id: str,
    share_query: str,
    start: int,
    platform: str | None,
    more: bool,
    rated=(),
    ratings: dict | None = None,
):
    """Rating buttons for the ``rated`` ids shown, "More like this", "Share", and a platform filter."""
    first_row = []
    if more:
        next_page = callbacks.More(source_id, start + PAGE, platform)
        first_row.append(InlineKeyboardButton(_("More like this"), callback_data=next_page.encode()))
    first_row.append(InlineKeyboardButton(_("Share"), switch_inline_query=share_query[:200]))
    platform_row = [
        InlineKeyboardButton(
            _("All platforms") if code == platform else _("Only on {platform}").format(platform=name),
            callback_data=callbacks.More(source_id, 0, None if code == platform else code).encode(),
        )
        for code, name in PLATFORM_NAMES.items()
    ]
    rows = [rating_row(rated, start, ratings)] if rated else []
    return InlineKeyboardMarkup([*rows, first_row, platform_row[:2], platform_row[2:]])


ECHO = 60  # characters of the user's own text quoted back, at most


def excerpt(text: str, limit: int = ECHO) -> str:
    """What the user typed, short enough to quote back (escape it after)."""
    return markup.excerpt(text, limit)


def title_buttons(matches, action: str) -> InlineKeyboardMarkup:
    """A "did you mean…?" button per title, running the question asked (``action``) on it."""
    choice = callbacks.CHOICES[action]
    labels = button_labels(matches)  # bot/text/labels.py: built to fit
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(label, callback_data=choice(m.id).encode())]
            for m, label in zip(matches, labels, strict=True)
        ]
    )


def did_you_mean(text: str, matches, action: str = "recommend") -> tuple[str, InlineKeyboardMarkup]:
    question = _("I'm not sure which title you mean by “{text}”. Did you mean…").format(
        text=esc(excerpt(text))
    )
    return question, title_buttons(matches, action)


def absent(text: str, suggestions, action: str = "recommend") -> tuple[str, InlineKeyboardMarkup | None]:
    """Said plainly: the title is in none of the four catalogues. Titles sharing a word with
    it are offered as buttons, never as the answer."""
    message = _("“{text}” is not in the {platforms} catalogues.").format(
        text=esc(excerpt(text)), platforms=platform_names("or")
    )
    if not suggestions:
        return message + "\n" + _("Check the spelling, or try a shorter part of the title."), None
    return message + "\n" + _("Titles with a word in common:"), title_buttons(suggestions, action)


def which_title(command: str) -> str:
    """``command`` is the English name; a Spanish reader is shown its Spanish one."""
    return _("Which title? e.g. <code>/{command} toy story</code>").format(
        command=esc(command_names.name(command))
    )


def where(found: list[tuple[dict, list[str]]], mine=frozenset()) -> str:
    """Where each title streams, the chat's own platforms (``mine``) marked."""
    lines = []
    for title, platforms in found:
        lines.append(
            f"• <b>{esc(title_name(title))}</b> ({title['release_year']}, {esc(kind(title))}): "
            f"{esc(platforms_text(platforms, mine))}"
        )
    legend = mine_legend([p for _title, platforms in found for p in platforms], mine)
    return clip(
        _("Where to watch:") + "\n" + "\n".join(lines) + (f"\n<i>{esc(legend)}</i>" if legend else "")
    )
