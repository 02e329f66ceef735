"""A title's card in words: /title, a title typed alone, a card opened from a list, and the
short version an inline result carries. What it says comes from ``core.card``; a field the
catalogue leaves empty is left out here, never written as a placeholder.

    <b>Coco</b> (2017, movie) on Disney+
    105 min · Ages 7+ · PG
    <i>Animation, Family & Kids, Fantasy</i>
    Director: Lee Unkrich
    Cast: Anthony Gonzalez, Gael Bernal, …
    Country: United States
    Streaming: Disney+ (since November 29, 2019)
    Also in Spanish on Disney+
"""

from __future__ import annotations

import functools

from babel import Locale
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)

from bot import callbacks
from bot.text import markup
from bot.text.i18n import N_, _, current, date, ngettext, number
from bot.text.markup import clip, esc
from bot.text.render import (
    details,
    genre,
    genres,
    marked,
    platform_name,
    platforms_text,
    reason,
    suggestion_line,
    suggestions_preparing,
    title_heading,
)
from core.card import Card, Stream, card_of_rows
from core.catalogue import works
from core.questions.bands import Band

CARD_SUGGESTIONS = 3
DESCRIPTION = 300  # characters of a description on a card, and in an inline result's message
INLINE_TITLE = 100  # characters of a title in the list of inline results

BANDS = {
    Band.ALL: N_("All ages"),
    Band.SEVEN: N_("Ages 7+"),
    Band.THIRTEEN: N_("Ages 13+"),
    Band.SIXTEEN: N_("Ages 16+"),
    Band.EIGHTEEN: N_("Ages 18+"),
    Band.UNRATED: N_("Unrated"),  # an unknown label is no promise: never "all ages"
}
# Edition tags (``core.catalogue.works``) that are a format; the others are languages.
FORMATS = {
    works.DUBBED: N_("dubbed"),
    works.SUBTITLED: N_("subtitled"),
    works.UHD: N_("in 4K"),
    works.SHORTS: N_("shorts"),
    works.CUT: N_("another cut"),
}


def description(title: dict, *, marked: bool = True) -> str:
    """What the title is about, at most ``DESCRIPTION`` characters: a longer one cut with "…"
    (``marked``), or just cut, as inline cards always have been."""
    text = title.get("display_description")
    if not isinstance(text, str) or not text.strip():
        return ""
    if len(text) <= DESCRIPTION:
        return text
    return text[: DESCRIPTION - 1].rstrip() + "…" if marked else text[:DESCRIPTION]


def length(card: Card) -> str:
    """ "105 min" for a movie, "3 seasons" for a show; "" when the catalogue does not say."""
    if card.seasons:
        return ngettext("{n} season", "{n} seasons", card.seasons).format(n=number(card.seasons))
    if card.minutes:
        # TRANSLATORS: a movie's runtime in minutes.
        return _("{n} min").format(n=number(card.minutes))
    return ""


def audience(card: Card) -> str:
    """ "Ages 7+ · PG": the band, then the platform's own label; "Unrated" alone, and the band
    alone when the label is an age already (Prime Video's "7+", "ALL")."""
    says_band = card.label in ("ALL", f"{int(card.band)}+")
    return " · ".join(part for part in (_(BANDS[card.band]), "" if says_band else card.label or "") if part)


def facts(card: Card) -> str:
    """ "3 seasons · Ages 13+ · TV-14"."""
    return " · ".join(part for part in (length(card), audience(card)) if part)


def card_genres(card: Card) -> str:
    return ", ".join(genre(g) for g in card.genres)


@functools.cache
def _territory_codes() -> dict[str, str]:
    # The catalogues name countries in English ("United States"); CLDR has their names in
    # every language by code, so the English name finds the code.
    return {name: code for code, name in Locale.parse("en").territories.items()}


def country(name: str) -> str:
    """A catalogue's country name in the language being spoken, or as written when CLDR
    does not know it ("West Germany")."""
    code = _territory_codes().get(name)
    return current().locale.territories.get(code, name) if code else name


def edition(tags: tuple[str, ...]) -> str:
    """ "in Spanish", "dubbed", "in Japanese, subtitled": what a copy's edition is."""
    words = []
    for tag in tags:
        if tag in FORMATS:
            words.append(_(FORMATS[tag]))
        else:
            language = Locale.parse(tag).get_language_name(current().locale) or tag
            # TRANSLATORS: a language edition of a title: "in Spanish".
            words.append(_("in {language}").format(language=language))
    return ", ".join(words)


def stream(copy: Stream, mine=frozenset()) -> str:
    """ "Netflix (since July 4, 2019)", "Disney+ in Spanish", "Hulu"; "Netflix ✓" when it is
    one of the chat's platforms (``mine``)."""
    where = marked(copy.platform, mine)
    if copy.edition:
        where = f"{where} {edition(copy.edition)}"
    if copy.added is None:
        return where
    # TRANSLATORS: where a title streams and the day the platform added it.
    return _("{platform} (since {date})").format(platform=where, date=date(copy.added))


def stream_lines(card: Card, mine=frozenset()) -> list[str]:
    """ "Streaming: Disney+ (since …)", then "Also in Spanish on Disney+": the title itself and
    its copies that are no edition, each with its day; the other editions by name."""
    if not card.streams:
        return []
    main = [card.streams[0], *(copy for copy in card.streams[1:] if not copy.edition)]
    places = "; ".join(dict.fromkeys(stream(copy, mine) for copy in main))
    lines = [_("Streaming: {places}").format(places=esc(places))]
    editions = dict.fromkeys(
        # TRANSLATORS: another edition of the title: "Also in Spanish on Disney+", "Also dubbed on Hulu".
        _("Also {edition} on {platform}").format(
            edition=edition(copy.edition), platform=platform_name(copy.platform)
        )
        for copy in card.streams[1:]
        if copy.edition
    )
    return lines + [esc(line) for line in editions]


def people_lines(card: Card) -> list[str]:
    lines = []
    if card.directors:
        template = ngettext("Director: {names}", "Directors: {names}", len(card.directors))
        lines.append(template.format(names=esc(", ".join(card.directors))))
    if card.cast:
        lines.append(_("Cast: {names}").format(names=esc(", ".join(card.cast))))
    if card.countries:
        template = ngettext("Country: {names}", "Countries: {names}", len(card.countries))
        lines.append(template.format(names=esc(", ".join(country(c) for c in card.countries))))
    return lines


def title_card(
    title: dict, platforms, recs, card: Card | None = None, mine=frozenset(), preparing: float | None = None
) -> str:
    """A title on its own: what it is, who made it, where it streams since when, what it is
    about, a few like it. ``card``: the title's with its copies (``core.card.card_of``); the
    title's row alone without it. ``preparing``: the seconds until suggestions are expected
    (``Snapshot.suggestions_in``), said instead of them."""
    card = card or card_of_rows([title])
    lines = [title_heading(title, platforms)]
    if facts(card):
        lines.append(esc(facts(card)))
    if card.genres:
        lines.append(f"<i>{esc(card_genres(card))}</i>")
    lines += people_lines(card)
    lines += stream_lines(card, mine)
    if description(title):
        lines += ["", esc(description(title))]
    if recs:
        lines += ["", _("If you like it, try:")]
        lines += [suggestion_line("•", rec) for rec in recs[:CARD_SUGGESTIONS]]
    elif preparing is not None:
        lines += ["", f"<i>{suggestions_preparing(preparing)}</i>"]
    return clip("\n".join(lines))


def card_keyboard(title_id: str, share_query: str, group: bool = False) -> InlineKeyboardMarkup:
    """ "More like this" and "Share"; "✓ Seen" and "➕ Our list" ("My list" in a private chat)."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    _("More like this"), callback_data=callbacks.More(title_id, 0, None).encode()
                ),
                InlineKeyboardButton(_("Share"), switch_inline_query=share_query[:200]),
            ],
            [
                InlineKeyboardButton(_("✓ Seen"), callback_data=callbacks.Seen(title_id).encode()),
                InlineKeyboardButton(
                    _("➕ Our list") if group else _("➕ My list"),
                    callback_data=callbacks.ListAdd(title_id).encode(),
                ),
            ],
        ]
    )


def inline_article(result_id: str, title: dict, platforms, rec=None) -> InlineQueryResultArticle:
    """A title as an inline result, the card's short version (no people, no dates);
    ``rec``, the ``Recommendation`` it is, says why it is suggested."""
    card = card_of_rows([title])
    heading = title_heading(title, platforms)
    why = reason(rec) if rec is not None else ""
    listed = " · ".join(
        part for part in (details(title), audience(card), platforms_text(platforms), why) if part
    )
    text = heading + (f"\n{esc(facts(card))}" if facts(card) else "")
    text += f"\n{esc(genres(title))}" if genres(title) else ""
    if why:
        text += f"\n<i>{esc(why)}</i>"
    summary = description(title, marked=False)
    if summary:
        text += f"\n\n{esc(summary)}"
    return InlineQueryResultArticle(
        id=result_id,
        title=f"{markup.excerpt(title['display_title'], INLINE_TITLE)} ({title['release_year']})",
        description=listed[:200],
        input_message_content=InputTextMessageContent(clip(text), parse_mode="HTML"),
    )
