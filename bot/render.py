"""Everything that turns results into HTML messages, keyboards and inline results.

Every piece of user or catalogue text passes through ``esc``; messages are clipped to
Telegram's limits; callback data carries ids, never titles, to stay under 64 bytes.
"""

from __future__ import annotations

import html

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from telegram.constants import MessageLimit

from core.genres import name as genre_name
from core.genres import split_genres

PLATFORM_NAMES = {"amazon": "Prime Video", "disney": "Disney+", "hulu": "Hulu", "netflix": "Netflix"}
PAGE = 5


def esc(value) -> str:
    return html.escape(str(value), quote=False)


def platform_name(platform: str) -> str:
    return PLATFORM_NAMES.get(platform, platform.title())


def platforms_text(platforms) -> str:
    return ", ".join(platform_name(p) for p in dict.fromkeys(platforms))


def clip(text: str, limit: int = MessageLimit.MAX_TEXT_LENGTH) -> str:
    """Cut at a line boundary so no HTML tag is split."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit - 2)
    return text[: cut if cut > 0 else limit - 2] + "\n…"


def kind(title: dict) -> str:
    return "show" if title["type"] == "tv show" else "movie"


def genres(title: dict, most: int = 3) -> str:
    """The title's canonical genres ("Animation, Family & Kids"), the same words on every platform."""
    return ", ".join(genre_name(g) for g in split_genres(title.get("genres"))[:most])


def title_heading(title: dict, platforms) -> str:
    return (
        f"<b>{esc(title['display_title'])}</b> ({title['release_year']}, {kind(title)}) "
        f"on {esc(platforms_text(platforms))}"
    )


def suggestion_lines(number: int, rec, title: dict) -> str:
    details = " · ".join(part for part in (kind(title), genres(title)) if part)
    return (
        f"{number}. <b>{esc(rec.title)}</b> ({rec.release_year}) — {esc(platforms_text(rec.platforms or [rec.platform]))}\n"
        f"    {esc(details)}\n"
        f"    <i>{esc(rec.reason)}</i>"
    )


def suggestions(source: dict, source_platforms, recs, titles, start: int, platform: str | None) -> str:
    where = f" on {platform_name(platform)}" if platform else ""
    head = f"If you like {title_heading(source, source_platforms)}, try these{esc(where)}:"
    if not recs:
        return f"{head}\n\nNo more suggestions{esc(where)} for this title."
    body = "\n\n".join(
        suggestion_lines(start + i + 1, r, t) for i, (r, t) in enumerate(zip(recs, titles, strict=True))
    )
    return clip(f"{head}\n\n{body}")


def suggestion_keyboard(source_id: str, share_query: str, start: int, platform: str | None, more: bool):
    only = platform or ""
    first_row = []
    if more:
        first_row.append(
            InlineKeyboardButton("More like this", callback_data=f"more:{source_id}:{start + PAGE}:{only}")
        )
    first_row.append(InlineKeyboardButton("Share", switch_inline_query=share_query[:200]))
    platform_row = [
        InlineKeyboardButton(
            "All platforms" if code == platform else f"Only on {name}",
            callback_data=f"more:{source_id}:0:{'' if code == platform else code}",
        )
        for code, name in PLATFORM_NAMES.items()
    ]
    return InlineKeyboardMarkup([first_row, platform_row[:2], platform_row[2:]])


def did_you_mean(text: str, matches) -> tuple[str, InlineKeyboardMarkup]:
    lines = [f"I'm not sure which title you mean by “{esc(text)}”. Did you mean…"]
    buttons = []
    for match in matches:
        label = (
            f"{match.title} ({match.release_year}) · {platforms_text(match.platforms or [match.platform])}"
        )
        buttons.append([InlineKeyboardButton(label[:64], callback_data=f"pick:{match.id}")])
    return "\n".join(lines), InlineKeyboardMarkup(buttons)


def not_found(text: str, command: str) -> str:
    return (
        f"I couldn't find a title like “{esc(text)}”. Check the spelling, or try a shorter part of "
        f"the title, e.g. <code>/{command} toy story</code>."
    )


def where(found: list[tuple[dict, list[str]]]) -> str:
    lines = []
    for title, platforms in found:
        lines.append(
            f"• <b>{esc(title['display_title'])}</b> ({title['release_year']}, {kind(title)}): "
            f"{esc(platforms_text(platforms))}"
        )
    return clip("Where to watch:\n" + "\n".join(lines))


def usage_error(message: str) -> str:
    return f"⚠️ {esc(message)}"


def inline_article(
    result_id: str, title: dict, platforms, reason: str | None = None
) -> InlineQueryResultArticle:
    heading = title_heading(title, platforms)
    description = " · ".join(
        part for part in (kind(title), genres(title), platforms_text(platforms), reason or "") if part
    )
    text = heading + (f"\n{esc(genres(title))}" if genres(title) else "")
    if reason:
        text += f"\n<i>{esc(reason)}</i>"
    summary = title.get("display_description")
    if isinstance(summary, str):
        text += f"\n\n{esc(summary[:300])}"
    return InlineQueryResultArticle(
        id=result_id[:64],
        title=f"{title['display_title']} ({title['release_year']})",
        description=description[:200],
        input_message_content=InputTextMessageContent(clip(text), parse_mode="HTML"),
    )


# ---- refresh, status and subscriptions ----------------------------------------------------
def when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"


def refresh_problem(attempt) -> str:
    verb = "refused" if attempt.outcome == "refused" else "failed"
    return (
        f"⚠️ The catalogue refresh {verb}: {esc(attempt.detail)}\n"
        f"Still serving catalogue <code>{esc(attempt.version)}</code>."
    )


def refresh_result(attempt) -> str:
    if attempt.outcome == "updated":
        added = sum(len(titles) for titles in attempt.added.values())
        news = f", {added:,} new title{'s' if added != 1 else ''}" if added else ""
        return f"✅ Now serving catalogue <code>{esc(attempt.version)}</code> ({esc(attempt.detail)}{news})."
    if attempt.outcome == "unchanged":
        return f"Nothing new: {esc(attempt.detail)}. Still serving <code>{esc(attempt.version)}</code>."
    return refresh_problem(attempt)


def new_titles(news: dict[str, list[dict]], shown: int) -> str:
    lines = ["🆕 <b>New titles</b>"]
    for platform, titles in news.items():
        names = ", ".join(f"{esc(t['display_title'])} ({t['release_year']})" for t in titles[:shown])
        more = f" and {len(titles) - shown:,} more" if len(titles) > shown else ""
        lines.append(f"<b>{esc(platform_name(platform))}</b>: {names}{more}")
    lines.append("Ask me <code>/where</code> or <code>/recommend</code> about any of them.")
    return clip("\n".join(lines))


def status(quality: dict, last, next_run, *, details: dict | None = None) -> str:
    counts = quality.get("titles_per_platform", {})
    per_platform = " · ".join(f"{platform_name(p)} {n:,}" for p, n in counts.items())
    built = quality.get("built_at", "unknown").replace("T", " ").replace("+00:00", " UTC")
    lines = [
        f"<b>Catalogue</b> <code>{esc(quality.get('version', '?'))}</code>, built {esc(built)}",
        f"{per_platform} ({sum(counts.values()):,} titles)",
        "Last refresh: "
        + (
            f"{when(last.started_at)}, {last.outcome} ({last.seconds:.1f} s)"
            if last
            else "none since start-up"
        ),
        "Next refresh: " + (when(next_run) if next_run else "not scheduled (STREAMBOT_REFRESH_MINUTES=0)"),
    ]
    if details is not None:
        if last is not None:
            lines.append(f"Last result: {esc(last.detail)}")
        lines += [f"{esc(name)}: {esc(value)}" for name, value in details.items()]
    return clip("\n".join(lines))
