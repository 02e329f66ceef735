"""The bot's side of the dialogue memory (``core.dialogue``): which conversation an update
belongs to, its frame loaded before the handlers run, what the answer asked and showed noted
while they run, and the new frame saved after them.

A conversation is a private chat, or one member in a group. ``begin`` (handler group -3) loads
the frame; answers note what they did (``asked``, ``focused``, ``showed``); ``finish`` (the
last group) saves the frame when something was noted. Buttons note too, so "who's in it?"
after tapping a "did you mean" choice is about that title; the buttons themselves keep
working on their own data.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from dataclasses import dataclass, replace

from telegram import Update
from telegram.constants import ChatType

from bot.state import Context
from bot.text import i18n
from core.dialogue import Frame
from core.understanding import Intent, Question

log = logging.getLogger(__name__)
CHAT_INTENTS = frozenset([Intent.HELP, Intent.GREETING, Intent.THANKS, Intent.REMARK, Intent.UNKNOWN])


@dataclass
class Turn:
    chat_id: int
    user_id: int  # 0 in a private chat
    frame: Frame  # as it was before this update
    store: object  # core.userdata.dialogue.DialogueStore
    people: object  # the served snapshot's people: a frame names a person by name
    now: Frame | None = None  # as this update leaves it; None: unchanged
    saved: Frame | None = None  # what was last written
    # The update asks about a title of the last list ("the second one, what's it about"): the
    # list stays the one "the fourth one" and "more" read, whatever the answer shows beside.
    browsing: bool = False


_turn: ContextVar[Turn | None] = ContextVar("turn", default=None)
WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dialogue-writer")


def conversation_of(update: Update) -> tuple[int, int] | None:
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return None
    return (chat.id, 0) if chat.type == ChatType.PRIVATE else (chat.id, user.id)


def people(context: Context):
    return context.bot_data.store.current.table.people


async def begin(update: Update, context: Context) -> None:
    """Group -3: this update's conversation and its frame."""
    key = conversation_of(update)
    store = context.bot_data.dialogue
    if key is None or store is None:
        _turn.set(None)
        return
    known = people(context)
    if store.reads_every_update:  # PostgreSQL: a network round trip, never on the event loop
        frame = await asyncio.to_thread(store.get, *key, known)
    else:  # SQLite: recent frames are in memory; a miss is one indexed read
        frame = store.get(*key, known)
    _turn.set(Turn(*key, frame, store, known))


def frame() -> Frame:
    """The conversation's frame before this update (empty outside a conversation)."""
    turn = _turn.get()
    return turn.frame if turn is not None else Frame()


def _change(**fields) -> None:
    turn = _turn.get()
    if turn is not None:
        turn.now = replace(turn.now or turn.frame.next_update(), **fields)


def answered(intent: Intent) -> None:
    """What a plain message was read as: small talk included, which changes nothing else (a
    title just found in no catalogue stays the topic: "is titanic on?", "damn", "what about avatar")."""
    turn = _turn.get()
    kept = {"missed": turn.frame.missed} if turn is not None and intent in CHAT_INTENTS else {}
    _change(read_as=str(intent), **kept)


def asked(q: Question) -> None:
    """The question being answered: the one a follow-up refines. Small talk changes nothing."""
    turn = _turn.get()
    if turn is not None and q.intent not in CHAT_INTENTS:
        turn.now = (turn.now or turn.frame.next_update()).asking(q, keep_list=turn.browsing)


def browsing() -> None:
    """This update asks about a title of the last list (``Turn.browsing``)."""
    turn = _turn.get()
    if turn is not None:
        turn.browsing = True


def missed(q: Question) -> None:
    """A title question whose title is in no catalogue: the conversation's question stays."""
    _change(missed=replace(q, matches=(), person=None))


def focused(title_id: str) -> None:
    """The title the answer is about: "it", "that one" from now on."""
    _change(focus=title_id, focus_answered=True)


def showed(ids, start: int = 0, beside: bool = False) -> None:
    """A list shown from position ``start``: "the second one" and "more" read it. ``beside``: a
    few titles shown beside the answer (a card's suggestions), kept only when the user is not
    browsing a list."""
    turn = _turn.get()
    if turn is not None and not (beside and turn.browsing):
        turn.now = (turn.now or turn.frame.next_update()).showing(ids, start)


def started_afresh() -> None:
    """/start: the conversation so far is forgotten."""
    _change(asked=None, focus=None, shown=(), read=0)


def erased() -> None:
    """/forget: nothing of this update is kept either."""
    _turn.set(None)


async def save() -> None:
    """Keep the frame as this update has left it so far. Called before a reply goes out, so
    a user who answers at once finds it (updates are processed concurrently)."""
    turn = _turn.get()
    if turn is None or turn.now is None or turn.now is turn.saved:
        return
    now = replace(turn.now, at=time.time(), language=i18n.language())
    turn.store.remember(turn.chat_id, turn.user_id, now, turn.people)  # the next update reads it
    # The file is written by one thread, in order: no reply waits for SQLite.
    written = asyncio.get_running_loop().run_in_executor(
        WRITER, turn.store.put, turn.chat_id, turn.user_id, now, turn.people
    )
    written.add_done_callback(_report_failed_write)
    turn.now = turn.saved = now


def _report_failed_write(written: asyncio.Future) -> None:
    if not written.cancelled() and written.exception() is not None:
        log.error("could not write a conversation's frame", exc_info=written.exception())


async def erase_user(context: Context, user_id: int) -> None:
    """/forget: every frame of the person, after the writes already queued (which would
    otherwise write one back)."""
    erased()
    store = context.bot_data.dialogue
    await asyncio.get_running_loop().run_in_executor(WRITER, store.forget_user, user_id)


def flush() -> None:
    """Wait for the frames still being written (at shutdown, before the store closes)."""
    WRITER.submit(lambda: None).result()


async def finish(update: Update, context: Context) -> None:
    """Last group: what this update noted after its last reply is kept too."""
    await save()
