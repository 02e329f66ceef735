"""Everything that turns results into HTML messages, keyboards and inline results.

Every piece of user or catalogue text passes through ``esc``; messages are clipped to
Telegram's limits; callback data carries ids, never titles, to stay under 64 bytes.
Every word a user reads is looked up in the message catalogue of the update's language
(``bot.i18n``); numbers are written the way that language writes them.
"""

from __future__ import annotations

import re

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)

from bot import markup
from bot.i18n import N_, _, callback_data, decimal, language, ngettext, number
from bot.markup import clip, esc
from core.arguments import POPULAR_GENRES
from core.genres import name as genre_name
from core.genres import split_genres

PLATFORM_NAMES = {"amazon": "Prime Video", "disney": "Disney+", "hulu": "Hulu", "netflix": "Netflix"}
PAGE = 5


def platform_name(platform: str) -> str:
    return PLATFORM_NAMES.get(platform, platform.title())


def platforms_text(platforms) -> str:
    return ", ".join(platform_name(p) for p in dict.fromkeys(platforms))


def kind(title: dict) -> str:
    return _("show") if title["type"] == "tv show" else _("movie")


def genre(genre_id: str) -> str:
    """A canonical genre's name in the language being spoken ("Horror", "Terror")."""
    return genre_name(genre_id, language())


def genre_in_text(genre_id: str) -> str:
    """The genre's name inside a sentence: "science fiction", but "LGBTQ+"."""
    name = genre(genre_id)
    return name if name.split()[0].isupper() else name.lower()


def genres(title: dict, most: int = 3) -> str:
    """The title's canonical genres ("Animation, Family & Kids"), the same words on every platform."""
    return ", ".join(genre(g) for g in split_genres(title.get("genres"))[:most])


def scope(genre_id: str | None = None, platform: str | None = None, year=None, *, everywhere=True) -> str:
    """ "in Horror on Netflix released in 2019": what a count or a list is about. Without a
    platform it says "on all platforms" unless ``everywhere`` is False."""
    parts = []
    if genre_id:
        # TRANSLATORS: one part of a scope; the parts are joined with spaces, in this order:
        # "in Horror on Netflix released in 2019". {genre} is a genre's name.
        parts.append(_("in {genre}").format(genre=esc(genre(genre_id))))
    if platform:
        parts.append(_("on {platform}").format(platform=esc(platform_name(platform))))
    elif everywhere:
        parts.append(_("on all platforms"))
    if year:
        # TRANSLATORS: the last part of a scope, after a count of titles, movies or shows.
        parts.append(_("released in {year}").format(year=year))
    return " ".join(parts)


def titles_count(n: int) -> str:
    return ngettext("{n} title", "{n} titles", n).format(n=number(n))


def movies_count(n: int) -> str:
    return ngettext("{n} movie", "{n} movies", n).format(n=number(n))


def shows_count(n: int) -> str:
    return ngettext("{n} show", "{n} shows", n).format(n=number(n))


def title_heading(title: dict, platforms) -> str:
    return _("<b>{title}</b> ({year}, {kind}) on {platforms}").format(
        title=esc(title["display_title"]),
        year=title["release_year"],
        kind=esc(kind(title)),
        platforms=esc(platforms_text(platforms)),
    )


def reason(traits) -> str:
    """Why a suggestion is like the title, from ``Recommendation.traits``: "same series; same
    director", "with Tom Hanks", "shares: animation, family & kids"."""
    parts = []
    for trait, *values in traits or ():
        if trait == "series":
            parts.append(_("same series"))
        elif trait == "director":
            parts.append(_("same director"))
        elif trait == "actor" and values:
            parts.append(_("with {actor}").format(actor=values[0]))
        elif trait == "genres" and values:
            # TRANSLATORS: why a suggestion is like the title: the genres they share, lowercase.
            parts.append(_("shares: {genres}").format(genres=", ".join(genre_in_text(g) for g in values)))
    return "; ".join(parts) or _("similar story")


def suggestion_lines(position: int, rec, title: dict) -> str:
    details = " · ".join(part for part in (kind(title), genres(title)) if part)
    return (
        f"{position}. <b>{esc(rec.title)}</b> ({rec.release_year}) — {esc(platforms_text(rec.platforms or [rec.platform]))}\n"
        f"    {esc(details)}\n"
        f"    <i>{esc(reason(rec.traits))}</i>"
    )


def suggestions(source: dict, source_platforms, recs, titles, start: int, platform: str | None) -> str:
    heading = title_heading(source, source_platforms)
    if platform:
        where = esc(platform_name(platform))
        head = _("If you like {title}, try these on {platform}:").format(title=heading, platform=where)
        none = _("No more suggestions on {platform} for this title.").format(platform=where)
    else:
        head = _("If you like {title}, try these:").format(title=heading)
        none = _("No more suggestions for this title.")
    if not recs:
        return f"{head}\n\n{none}"
    body = "\n\n".join(
        suggestion_lines(start + i + 1, r, t) for i, (r, t) in enumerate(zip(recs, titles, strict=True))
    )
    return clip(f"{head}\n\n{body}")


def suggestion_keyboard(source_id: str, share_query: str, start: int, platform: str | None, more: bool):
    only = platform or ""
    first_row = []
    if more:
        first_row.append(
            InlineKeyboardButton(
                _("More like this"), callback_data=callback_data(f"more:{source_id}:{start + PAGE}:{only}")
            )
        )
    first_row.append(InlineKeyboardButton(_("Share"), switch_inline_query=share_query[:200]))
    platform_row = [
        InlineKeyboardButton(
            _("All platforms") if code == platform else _("Only on {platform}").format(platform=name),
            callback_data=callback_data(f"more:{source_id}:0:{'' if code == platform else code}"),
        )
        for code, name in PLATFORM_NAMES.items()
    ]
    return InlineKeyboardMarkup([first_row, platform_row[:2], platform_row[2:]])


# Buttons under a "did you mean…?" run the question that was asked on the title tapped.
TITLE_ACTIONS = {"recommend": "pick", "where": "where", "poll": "poll", "title": "card"}
ECHO = 60  # characters of the user's own text quoted back, at most


def excerpt(text: str, limit: int = ECHO) -> str:
    """What the user typed, short enough to quote back (escape it after)."""
    return markup.excerpt(text, limit)


def title_buttons(matches, action: str) -> InlineKeyboardMarkup:
    prefix = TITLE_ACTIONS[action]
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(button_label(m), callback_data=callback_data(f"{prefix}:{m.id}"))]
            for m in matches
        ]
    )


def button_label(match) -> str:
    """ "Toy Story (1995) · Disney+", cut to fit a button."""
    label = f"{match.title} ({match.release_year}) · {platforms_text(match.platforms or [match.platform])}"
    return label if len(label) <= 64 else label[:63] + "…"


def did_you_mean(text: str, matches, action: str = "recommend") -> tuple[str, InlineKeyboardMarkup]:
    question = _("I'm not sure which title you mean by “{text}”. Did you mean…").format(
        text=esc(excerpt(text))
    )
    return question, title_buttons(matches, action)


def absent(text: str, suggestions, action: str = "recommend") -> tuple[str, InlineKeyboardMarkup | None]:
    """Said plainly: the title is in none of the four catalogues. Titles sharing a word with
    it are offered as buttons, never as the answer."""
    message = _("“{text}” is not in the Prime Video, Disney+, Hulu or Netflix catalogues.").format(
        text=esc(excerpt(text))
    )
    if not suggestions:
        return message + "\n" + _("Check the spelling, or try a shorter part of the title."), None
    return message + "\n" + _("Titles with a word in common:"), title_buttons(suggestions, action)


def which_title(command: str) -> str:
    return _("Which title? e.g. <code>/{command} toy story</code>").format(command=esc(command))


def where(found: list[tuple[dict, list[str]]]) -> str:
    lines = []
    for title, platforms in found:
        lines.append(
            f"• <b>{esc(title['display_title'])}</b> ({title['release_year']}, {esc(kind(title))}): "
            f"{esc(platforms_text(platforms))}"
        )
    return clip(_("Where to watch:") + "\n" + "\n".join(lines))


CARD_SUGGESTIONS = 3
DESCRIPTION = 300  # characters of a description on a card


def description(title: dict) -> str:
    text = title.get("display_description")
    if not isinstance(text, str) or not text.strip():
        return ""
    return text if len(text) <= DESCRIPTION else text[: DESCRIPTION - 1].rstrip() + "…"


def title_card(title: dict, platforms, recs) -> str:
    """A title on its own: where it streams, its genres, what it is about, a few like it."""
    lines = [title_heading(title, platforms)]
    if genres(title):
        lines.append(f"<i>{esc(genres(title))}</i>")
    if description(title):
        lines += ["", esc(description(title))]
    if recs:
        lines += ["", _("If you like it, try:")]
        lines += [
            f"• <b>{esc(r.title)}</b> ({r.release_year}) — {esc(platforms_text(r.platforms or [r.platform]))}"
            for r in recs[:CARD_SUGGESTIONS]
        ]
    return clip("\n".join(lines))


def card_keyboard(title_id: str, share_query: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(_("More like this"), callback_data=callback_data(f"more:{title_id}:0:")),
                InlineKeyboardButton(_("Share"), switch_inline_query=share_query[:200]),
            ]
        ]
    )


# ---- wrong arguments ----------------------------------------------------------------------
# core.arguments (its checks and ``require``) explain a wrong argument in English. Each message is
# read back into its parts here and worded again from the catalogue, so the explanation comes
# in the user's language; tests/bot/test_i18n.py triggers every one of them to prove it is
# recognised. (A message nobody recognises is shown as it came.)
ARGUMENT_ERRORS = [
    (r"unknown platform (?P<value>.+): choose one of (?P<choices>.+)", N_("unknown platform {value}: choose one of {choices}")),
    (r"unknown type (?P<value>.+): use movie or show", N_("unknown type {value}: use movie or show")),
    (r"unknown duration type (?P<value>.+): use min or season", N_("unknown duration type {value}: use min or season")),
    (r"(?P<value>.+) is not a year: use a year from (?P<low>\d+) to (?P<high>\d+)", N_("{value} is not a year: use a year from {low} to {high}")),
    (r"no titles from (?P<year>-?\d+): the catalogue covers (?P<low>\d+) to (?P<high>\d+)", N_("no titles from {year}: the catalogue covers {low} to {high}")),
    (r"(?P<value>.+) is not a score: use a number from 0 to 5, e\.g\. 3\.5", N_("{value} is not a score: use a number from 0 to 5, e.g. 3.5")),
    (r"unknown genre (?P<value>.+): try .+", N_("unknown genre {value}: try {choices}")),
    (r"unknown country (?P<value>.+?)(?P<hint>; .+)?", N_("unknown country {value}")),
    (r"unknown rating (?P<value>.+?)(?P<hint>; .+)?", N_("unknown rating {value}")),
    (r"please add (?P<what>.+)", N_("please add {what}")),
]  # fmt: skip
HINTS = [
    (r"; did you mean (?P<best>.+)\?", N_("{problem}; did you mean {best}?")),
    (r"; valid: (?P<choices>.+)", N_("{problem}; valid: {choices}")),
]
_ARGUMENT_ERRORS = [(re.compile(pattern), template) for pattern, template in ARGUMENT_ERRORS]
_HINTS = [(re.compile(pattern), template) for pattern, template in HINTS]


def argument_error(message: str) -> str | None:
    """An argument error's message in the language being spoken, or None when unknown."""
    for pattern, template in _ARGUMENT_ERRORS:
        found = pattern.fullmatch(message.strip())
        if found is None:
            continue
        parts = {k: v for k, v in found.groupdict().items() if v is not None}
        hint = parts.pop("hint", None)
        if "what" in parts:
            parts["what"] = _(parts["what"])  # "a platform", marked where require() is called
        if "{choices}" in template and "choices" not in parts:  # the genres to try, in this language
            parts["choices"] = ", ".join(genre_in_text(g) for g in POPULAR_GENRES)
        text = _(template).format(**parts)
        if hint:
            for hint_pattern, hint_template in _HINTS:
                said = hint_pattern.fullmatch(hint)
                if said:
                    return _(hint_template).format(problem=text, **said.groupdict())
            return text + hint
        return text
    return None


def sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!", "…")) else text + "."


PROBLEM = 300  # characters of an explanation, at most


def usage_error(error, example: str) -> str:
    """A wrong argument, explained in one line with a working example (``example`` is a
    command marked with ``N_``: a translation may use the language's own words)."""
    # The explanation may quote what the user typed: a short excerpt is enough.
    problem = sentence(markup.excerpt(argument_error(str(error)) or str(error), PROBLEM))
    return "⚠️ " + esc(_("{problem} Example: {example}").format(problem=problem, example=_(example)))


INLINE_TITLE = 100  # characters of a title in the list of inline results


def inline_article(result_id: str, title: dict, platforms, traits=None) -> InlineQueryResultArticle:
    heading = title_heading(title, platforms)
    why = reason(traits) if traits is not None else ""
    description = " · ".join(
        part for part in (kind(title), genres(title), platforms_text(platforms), why) if part
    )
    text = heading + (f"\n{esc(genres(title))}" if genres(title) else "")
    if why:
        text += f"\n<i>{esc(why)}</i>"
    summary = title.get("display_description")
    if isinstance(summary, str):
        text += f"\n\n{esc(summary[:300])}"
    return InlineQueryResultArticle(
        id=result_id[:64],
        title=f"{markup.excerpt(title['display_title'], INLINE_TITLE)} ({title['release_year']})",
        description=description[:200],
        input_message_content=InputTextMessageContent(clip(text), parse_mode="HTML"),
    )


# ---- refresh, status and subscriptions ----------------------------------------------------
OUTCOMES = {
    "updated": N_("updated"),
    "unchanged": N_("unchanged"),
    "refused": N_("refused"),
    "failed": N_("failed"),
    "busy": N_("busy"),
}


def when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else _("never")


def refresh_problem(attempt) -> str:
    template = (
        _("⚠️ The catalogue refresh was refused: {detail}\nStill serving catalogue <code>{version}</code>.")
        if attempt.outcome == "refused"
        else _("⚠️ The catalogue refresh failed: {detail}\nStill serving catalogue <code>{version}</code>.")
    )
    return template.format(detail=esc(attempt.detail), version=esc(attempt.version))


def refresh_result(attempt) -> str:
    version, detail = esc(attempt.version), esc(attempt.detail)
    if attempt.outcome == "updated":
        added = sum(len(titles) for titles in attempt.added.values())
        if not added:
            return _("✅ Now serving catalogue <code>{version}</code> ({detail}).").format(
                version=version, detail=detail
            )
        news = ngettext("{n} new title", "{n} new titles", added).format(n=number(added))
        return _("✅ Now serving catalogue <code>{version}</code> ({detail}, {news}).").format(
            version=version, detail=detail, news=news
        )
    if attempt.outcome == "unchanged":
        return _("Nothing new: {detail}. Still serving <code>{version}</code>.").format(
            detail=detail, version=version
        )
    if attempt.outcome == "busy":
        return _(
            "⏳ Another refresh is already running; admins hear how it ends. Still serving <code>{version}</code>."
        ).format(version=version)
    return refresh_problem(attempt)


def new_titles(news: dict[str, list[dict]], shown: int) -> str:
    lines = [_("🆕 <b>New titles</b>")]
    for platform, titles in news.items():
        names = ", ".join(f"{esc(t['display_title'])} ({t['release_year']})" for t in titles[:shown])
        if len(titles) > shown:
            names = _("{names} and {n} more").format(names=names, n=number(len(titles) - shown))
        lines.append(f"<b>{esc(platform_name(platform))}</b>: {names}")
    lines.append(_("Ask me <code>/where</code> or <code>/recommend</code> about any of them."))
    return clip("\n".join(lines))


def status(quality: dict, last, next_run, *, details: dict | None = None) -> str:
    """``details`` (admins only) maps already translated names to values."""
    counts = quality.get("titles_per_platform", {})
    per_platform = " · ".join(f"{platform_name(p)} {number(n)}" for p, n in counts.items())
    built = quality.get("built_at") or _("unknown")
    built = built.replace("T", " ").replace("+00:00", " UTC")
    if last:
        last_refresh = _("Last refresh: {when}, {outcome} ({seconds} s)").format(
            when=when(last.started_at),
            outcome=_(OUTCOMES.get(last.outcome, last.outcome)),
            seconds=decimal(last.seconds, 1),
        )
    else:
        last_refresh = _("Last refresh: none since start-up")
    lines = [
        _("<b>Catalogue</b> <code>{version}</code>, built {built}").format(
            version=esc(quality.get("version", "?")), built=esc(built)
        ),
        f"{per_platform} ({titles_count(sum(counts.values()))})",
        last_refresh,
        _("Next refresh: {when}").format(when=when(next_run))
        if next_run
        else _("Next refresh: not scheduled (STREAMBOT_REFRESH_MINUTES=0)"),
    ]
    if details is not None:
        if last is not None:
            lines.append(_("Last result: {detail}").format(detail=esc(last.detail)))
        lines += [f"{esc(name)}: {esc(value)}" for name, value in details.items()]
    return clip("\n".join(lines))
