"""Builders for the JSON objects a fake Bot API server hands to python-telegram-bot.

Pure functions over plain dicts (no Telegram imports) used by ``tests/telegram_server.py`` and
the ``tests/telegram_*.py`` modules it is built from.
Every object carries the fields python-telegram-bot 22.8 requires when it parses it.
"""

from __future__ import annotations

import html
import re
import struct
import time

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def now() -> int:
    return int(time.time())


def utf16_len(text: str) -> int:
    """Telegram measures entity offsets/lengths in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def bot_user(bot_id: int, username: str) -> dict:
    return {
        "id": bot_id,
        "is_bot": True,  # User.de_json raises TypeError without it
        "first_name": "StreamBot",
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
    if not text.startswith("/"):
        return []
    command = re.match(r"/\S*", text).group(0)
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]


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


def callback_query(query_id: str, sender: dict, message: dict, data: str) -> dict:
    return {
        "id": query_id,
        "from": sender,
        "message": message,
        "chat_instance": f"ci{message['chat']['id']}",
        "data": data,
    }


def inline_query(
    query_id: str, sender: dict, query: str, offset: str = "", chat_type: str | None = "sender"
) -> dict:
    out = {"id": query_id, "from": sender, "query": query, "offset": offset}
    if chat_type:
        out["chat_type"] = chat_type
    return out


def poll(poll_id: str, params: dict) -> dict:
    """A Poll as 22.8 parses it: ``allows_revoting``, ``members_only`` and each option's
    ``persistent_id`` are mandatory (TypeError otherwise)."""
    options = [
        {
            "text": opt if isinstance(opt, str) else opt.get("text", ""),
            "voter_count": 0,
            "persistent_id": f"{poll_id}-{i}",
        }
        for i, opt in enumerate(params.get("options") or [])
    ]
    kind = params.get("type", "regular")
    out = {
        "id": poll_id,
        "question": str(params.get("question", "")),
        "options": options,
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
    """A PollAnswer; 22.8 also requires ``option_persistent_ids``."""
    persistent = [poll_obj["options"][i]["persistent_id"] for i in option_ids]
    return {
        "poll_id": poll_obj["id"],
        "user": sender,
        "option_ids": list(option_ids),
        "option_persistent_ids": persistent,
    }


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's IHDR chunk, or None when it is not a PNG."""
    if data.startswith(PNG_SIGNATURE) and len(data) >= 24 and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    return None


def photo_sizes(file_key: str, data: bytes | None) -> list[dict]:
    """PhotoSize array (thumbnail + full size) for an uploaded or file_id photo."""
    width, height = (png_size(data) if data else None) or (800, 600)
    scale = min(1.0, 90 / max(width, height, 1))
    size = len(data) if data else 0
    return [
        {
            "file_id": f"{file_key}-s",
            "file_unique_id": f"u{file_key}-s",
            "width": max(1, int(width * scale)),
            "height": max(1, int(height * scale)),
            "file_size": size // 10,
        },
        {
            "file_id": f"{file_key}-x",
            "file_unique_id": f"u{file_key}-x",
            "width": width,
            "height": height,
            "file_size": size,
        },
    ]


def visible_text(text: str, parse_mode: str | None) -> str:
    """What Telegram shows (and returns) for ``text``: HTML tags stripped and unescaped."""
    if parse_mode and str(parse_mode).lower() == "html":
        return html.unescape(re.sub(r"<[^>]*>", "", text))
    return text
