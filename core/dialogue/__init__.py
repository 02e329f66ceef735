"""Dialogue memory: what a conversation has asked and shown, so the next message can lean on it.

    frame = Frame.empty()                               # or DialogueStore.get(chat, user)
    q = follow(frame, understanding.parse(text), text, understanding)
    # "and on hulu?" after a Netflix comedy list -> the same list on Hulu
    # "more" -> the same question from the first title not shown yet (``Question.start``)
    # "the second one", "where can I watch it?" -> the question about the title pointed at
    frame = frame.after(q, focus=..., shown=[...])      # what the answer showed, kept for next time

Plain data, no Telegram. Modules: ``frame`` (the state and its JSON form), ``follow`` (reading
a message against it: "more", then ``refer`` (pointers and "it"), then ``refine`` (changed
filters)), ``common`` (what those share), ``words`` (the phrases follow-ups are made of) and
``phrases`` (finding them). The bot keeps one frame per private chat and per (group, member)
in ``core.userdata.dialogue``.
"""

from core.dialogue.follow import Kind, Reading, follow
from core.dialogue.frame import EXPIRES_AFTER, Frame

__all__ = ["EXPIRES_AFTER", "Frame", "Kind", "Reading", "follow"]
