"""Builders for the Bot API objects the stand-in hands to python-telegram-bot.

Pure functions over plain dicts (no Telegram imports, no state). Every object carries the fields
python-telegram-bot 22.8 requires when it parses it (``is_bot`` on users; ``allows_revoting``,
``members_only`` and each option's ``persistent_id`` on polls; ``option_persistent_ids`` on votes).
"""

from __future__ import annotations

import re
import struct
import time

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DEFAULT_PHOTO_SIZE = (800, 600)  # what a photo that is not a PNG claims to measure
THUMBNAIL_SIDE = 90


def now() -> int:
    return int(time.time())


def utf16_len(text: str) -> int:
    """Telegram measures entity offsets and lengths in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def bot_user(bot_id: int, username: str, first_name: str = "StreamBot") -> dict:
    """The getMe result (``User.de_json`` raises TypeError without ``is_bot``)."""
    return {
        "id": bot_id,
        "is_bot": True,
        "first_name": first_name,
        "username": username,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": True,
    }


def user(
    user_id: int, first_name: str | None = None, username: str | None = None, language_code: str | None = "en"
) -> dict:
    out = {"id": user_id, "is_bot": False, "first_name": first_name or f"User{user_id}"}
    out["username"] = username or f"user{user_id}"
    if language_code:
        out["language_code"] = language_code
    return out


def chat(chat_id: int, chat_type: str | None = None, owner: dict | None = None) -> dict:
    """A Chat; the type defaults to private for positive ids and supergroup for negative ones."""
    chat_type = chat_type or ("private" if chat_id > 0 else "supergroup")
    if chat_type == "private":
        owner = owner or user(chat_id)
        return {
            "id": chat_id,
            "type": "private",
            "first_name": owner["first_name"],
            "username": owner.get("username"),
        }
    return {"id": chat_id, "type": chat_type, "title": f"Test {chat_type} {chat_id}"}


def command_entities(text: str) -> list[dict]:
    """A ``bot_command`` entity over the leading ``/cmd[@botname]`` (CommandHandler needs it)."""
    command = re.match(r"/\S*", text)
    if not command:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(command.group(0))}]


def text_message(
    message_id: int, chat_obj: dict, sender: dict, text: str, reply_to: dict | None = None
) -> dict:
    msg = {"message_id": message_id, "date": now(), "chat": chat_obj, "from": sender, "text": text}
    entities = command_entities(text)
    if entities:
        msg["entities"] = entities
    if reply_to is not None:
        msg["reply_to_message"] = reply_to
    return msg


def callback_query(query_id: str, sender: dict, message: dict | None, data: str, chat_id: int = 0) -> dict:
    """A button press under ``message``; ``message`` None for one under an inline message (the
    caller adds ``inline_message_id``), whose chat instance comes from ``chat_id``."""
    where = message["chat"]["id"] if message else chat_id
    out = {"id": query_id, "from": sender, "chat_instance": f"ci{where}", "data": data}
    if message is not None:
        out["message"] = message
    return out


def inline_query(
    query_id: str, sender: dict, query: str, offset: str = "", chat_type: str | None = "sender"
) -> dict:
    out = {"id": query_id, "from": sender, "query": query, "offset": offset}
    if chat_type:
        out["chat_type"] = chat_type
    return out


def _option(poll_id: str, index: int, option: str | dict) -> dict:
    text = option if isinstance(option, str) else option.get("text", "")
    return {"text": text, "voter_count": 0, "persistent_id": f"{poll_id}-{index}"}


def poll(poll_id: str, params: dict) -> dict:
    """The Poll a sendPoll with ``params`` creates."""
    kind = params.get("type", "regular")
    out = {
        "id": poll_id,
        "question": str(params.get("question", "")),
        "options": [_option(poll_id, i, o) for i, o in enumerate(params.get("options") or [])],
        "total_voter_count": 0,
        "is_closed": bool(params.get("is_closed", False)),
        "is_anonymous": bool(params.get("is_anonymous", True)),
        "type": kind,
        "allows_multiple_answers": bool(params.get("allows_multiple_answers", False)),
        "allows_revoting": bool(params.get("allows_revoting", kind != "quiz")),
        "members_only": bool(params.get("members_only", False)),
    }
    correct = params.get("correct_option_ids")
    if correct is None and params.get("correct_option_id") is not None:
        correct = [params["correct_option_id"]]
    if correct is not None:
        out["correct_option_ids"] = correct if isinstance(correct, list) else [correct]
    return out


def poll_answer(poll_obj: dict, sender: dict, option_ids: list[int]) -> dict:
    persistent = [poll_obj["options"][i]["persistent_id"] for i in option_ids]
    return {
        "poll_id": poll_obj["id"],
        "user": sender,
        "option_ids": list(option_ids),
        "option_persistent_ids": persistent,
    }


def png_size(data: bytes | None) -> tuple[int, int] | None:
    """(width, height) from a PNG's IHDR chunk, or None when ``data`` is not a PNG."""
    if data and data.startswith(PNG_SIGNATURE) and len(data) >= 24 and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    return None


def _photo_size(file_id: str, width: int, height: int, file_size: int) -> dict:
    return {
        "file_id": file_id,
        "file_unique_id": f"u{file_id}",
        "width": width,
        "height": height,
        "file_size": file_size,
    }


def photo_sizes(file_key: str, data: bytes | None) -> list[dict]:
    """The PhotoSize array of a sent photo: a thumbnail, then the full size (``file_key-x``)."""
    width, height = png_size(data) or DEFAULT_PHOTO_SIZE
    scale = min(1.0, THUMBNAIL_SIDE / max(width, height, 1))
    size = len(data) if data else 0
    thumbnail = _photo_size(
        f"{file_key}-s", max(1, int(width * scale)), max(1, int(height * scale)), size // 10
    )
    return [thumbnail, _photo_size(f"{file_key}-x", width, height, size)]
