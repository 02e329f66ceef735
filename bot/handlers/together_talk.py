"""Plain messages about seen titles and the chat's list ("I've seen it", "añádela a la lista",
"what's on our list?", "pick one from our list", "kids mode", "count me in"), read by ``core.dialogue.together`` and done
by the seen and watchlist handlers, as their buttons and commands do.

"It" is the title in focus and "the third one" a title of the last list shown — but "take the
second one off the list" counts on the chat's list, as /watchlist numbers it; a title named goes
through the title policy, with "did you mean" buttons that do the same.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot import conversation
from bot.handlers import platforms, poll, seen, watching, watchlist
from bot.handlers.common import confident_title, reply, snapshot
from bot.state import Context
from bot.text.i18n import _
from core.dialogue.together import Act, TogetherRequest, target
from core.understanding import CONFIDENT

CHOICE_ACTIONS = {Act.SEEN: "seen", Act.ADD: "watchlist"}  # their "did you mean" buttons (callbacks.CHOICES)


GROUP_ONLY = frozenset([Act.JOIN, Act.LEAVE])  # "count me in" means nothing in a private chat


def applies(update: Update, request: TogetherRequest | None) -> bool:
    """Whether the request is one this chat can have ("hoy no" in a private chat is not)."""
    return request is not None and (
        request.act not in GROUP_ONLY or update.effective_chat.type != ChatType.PRIVATE
    )


async def answer(update: Update, context: Context, request: TogetherRequest) -> str | None:
    """Does what ``request`` asks; the id of the title it was about (the next question's
    focus), or None when it was about none or the title was not found (the user was told)."""
    if request.act == Act.SHOW_LIST:
        await watchlist.show_list(update, context)
        return None
    if request.act == Act.PICK:
        await watchlist.pick(update, context)
        return None
    if request.act == Act.PLATFORMS:
        await platforms.set_platforms(update, context, request.platforms)
        return None
    if request.act == Act.POLL:
        await poll.poll_list(update, context)
        return None
    if request.act in (Act.JOIN, Act.LEAVE):
        await watching.joined_in_words(update, context, request.act == Act.JOIN)
        return None
    if request.act in (Act.KIDS_ON, Act.KIDS_OFF):
        await platforms.set_kids_mode(update, context, request.act == Act.KIDS_ON)
        return None
    title_id = await _title_of(update, context, request)
    if title_id is None:
        return None
    if request.act == Act.SEEN:
        await seen.mark_title_seen(update, context, title_id)
    elif request.act == Act.ADD:
        await watchlist.add_title(update, context, title_id)
    else:
        await watchlist.remove_title(update, context, title_id)
    return title_id


async def _title_of(update: Update, context: Context, request: TogetherRequest) -> str | None:
    if request.act == Act.REMOVE and request.position is not None:
        listed = await _listed(update, context)
        if 0 < request.position <= len(listed):
            return listed[request.position - 1]
    if request.title is None:
        title_id = target(request, conversation.frame())
        if title_id is None:
            await reply(update, _which_title(request))
        return title_id
    q = snapshot(context).understanding.parse_command("title", request.title)
    if request.act == Act.REMOVE:
        return await _listed_title(update, context, q)
    best = await confident_title(update, q, CHOICE_ACTIONS[request.act])
    return best.id if best is not None else None


async def _listed_title(update: Update, context: Context, q) -> str | None:
    """The title named that is on the chat's list: the best match on it, even a less likely
    one ("remove frozen" when only Frozen II is listed is about Frozen II)."""
    listed = set(await _listed(update, context))
    kind, titles = q.answer()
    on_list = [t for t in (titles if kind == CONFIDENT else q.matches) if t.id in listed]
    if on_list:
        return on_list[0].id
    await reply(update, _("That title is not on the list. /watchlist shows what is."))
    return None


async def _listed(update: Update, context: Context) -> list[str]:
    """The chat's list in /watchlist's order (its titles still in the catalogue)."""
    return [entry.title_id for entry, _title in await watchlist.entries_of(context, update.effective_chat.id)]


def _which_title(request: TogetherRequest) -> str:
    if request.position is not None:
        return _(
            "I can't find that one in the last list. Tell me the title, e.g. <code>add coco to our list</code>."
        )
    if request.act == Act.SEEN:
        return _("Which title have you seen? Tell me, e.g. <code>I've seen coco</code>, or use /seen coco.")
    return _("Which title? Tell me its name, e.g. <code>add coco to our list</code>.")
