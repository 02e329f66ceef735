"""Pure helpers for the console chat (``bot/console.py``), no state and no I/O.

Telegram message text (HTML parse mode) as terminal text: formatting tags are dropped (or become
ANSI styles when the terminal can show them), links become ``label (url)``, entities are unescaped;
other parse modes are shown as they are. Also the Bot API objects the console answers with, and
how keyboards and inline results turn into numbered choices.
"""

from __future__ import annotations

import mimetypes
import re
import struct
from html.parser import HTMLParser

# Telegram's HTML tags that map onto an ANSI SGR code.
ANSI_CODES = {
    "b": "1",
    "strong": "1",
    "i": "3",
    "em": "3",
    "u": "4",
    "ins": "4",
    "s": "9",
    "strike": "9",
    "del": "9",
}
RESET = "\033[0m"
INDENT = "  "  # a reply block's body and choices, under its header
_ANSI_RE = re.compile(r"\033\[[0-9;]*m")


def strip_ansi(text: str) -> str:
    return _ANSI_RE.sub("", text)


def bold(text: str, ansi: bool) -> str:
    return f"\033[1m{text}{RESET}" if ansi else text


class _Renderer(HTMLParser):
    def __init__(self, ansi: bool, links: bool):
        super().__init__(convert_charrefs=True)
        self.ansi, self.links = ansi, links
        self.parts: list[str] = []
        self.styles: list[str] = []
        self.anchors: list[tuple[str | None, int]] = []

    def _restyle(self) -> None:
        self.parts.append(RESET + "".join(f"\033[{code}m" for code in self.styles))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.anchors.append((dict(attrs).get("href"), len(self.parts)))
        elif tag == "br":
            self.parts.append("\n")
        elif self.ansi and tag in ANSI_CODES:
            self.styles.append(ANSI_CODES[tag])
            self.parts.append(f"\033[{ANSI_CODES[tag]}m")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.anchors:
            href, start = self.anchors.pop()
            label = strip_ansi("".join(self.parts[start:])).strip()
            if self.links and href and href != label and not href.startswith("tg://"):
                self.parts.append(f" ({href})")
        elif self.ansi and tag in ANSI_CODES and ANSI_CODES[tag] in self.styles:
            self.styles.reverse()
            self.styles.remove(ANSI_CODES[tag])
            self.styles.reverse()
            self._restyle()

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def text(self) -> str:
        self.close()
        return "".join(self.parts) + (RESET if self.styles else "")


def render_text(text: str, parse_mode: str | None, *, ansi: bool = False, links: bool = True) -> str:
    """``text`` as a terminal shows it. ``links=False`` gives what Telegram itself keeps as the
    message text (labels only), which is what a sent message's ``text`` field holds."""
    if not parse_mode or str(parse_mode).lower() != "html":
        return text
    renderer = _Renderer(ansi, links)
    renderer.feed(text)
    return renderer.text()


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's IHDR chunk, or None when ``data`` is not a PNG."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    return None


# ---------------------------------------------------------------- Bot API objects the console hands back
def bot_user(username: str, bot_id: int) -> dict:
    """The getMe result (``is_bot`` is mandatory for python-telegram-bot)."""
    return {
        "id": bot_id,
        "is_bot": True,
        "first_name": username,
        "username": username,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": True,
    }


def command_entities(text: str) -> list[dict]:
    """A ``bot_command`` entity over a leading ``/cmd[@bot]`` (CommandHandler needs it)."""
    command = re.match(r"/\S*", text)
    if not command:
        return []
    return [{"type": "bot_command", "offset": 0, "length": len(command.group(0).encode("utf-16-le")) // 2}]


def poll_object(poll_id: str, p: dict) -> dict:
    """A sent Poll as 22.8 parses it: ``allows_revoting``, ``members_only`` and each option's
    ``persistent_id`` are mandatory."""
    texts = [o if isinstance(o, str) else o.get("text", "") for o in p.get("options") or []]
    kind = p.get("type", "regular")
    poll = {
        "id": poll_id,
        "question": str(p.get("question", "")),
        "options": [
            {"text": t, "voter_count": 0, "persistent_id": f"{poll_id}-{i}"} for i, t in enumerate(texts)
        ],
        "total_voter_count": 0,
        "is_closed": bool(p.get("is_closed", False)),
        "is_anonymous": bool(p.get("is_anonymous", True)),
        "type": kind,
        "allows_multiple_answers": bool(p.get("allows_multiple_answers", False)),
        "allows_revoting": kind != "quiz",
        "members_only": False,
    }
    if p.get("correct_option_id") is not None:
        poll["correct_option_ids"] = [p["correct_option_id"]]
    return poll


def poll_text(poll: dict) -> str:
    options = [f"  {i}. {option['text']}" for i, option in enumerate(poll["options"], 1)]
    return "\n".join([f"(poll) {poll['question']}", *options])


def photo_size(key: str, data: bytes) -> dict:
    width, height = png_size(data) or (800, 600)
    return {
        "file_id": key,
        "file_unique_id": "u" + key,
        "width": width,
        "height": height,
        "file_size": len(data),
    }


def file_suffix(data: bytes, mimetype: str | None) -> str:
    if png_size(data):
        return ".png"
    if data[:3] == b"\xff\xd8\xff":
        return ".jpg"
    return mimetypes.guess_extension(mimetype or "") or ".bin"


# ---------------------------------------------------------------- keyboards and inline results
def keyboard_rows(markup: object) -> list[list[dict]]:
    """The buttons of an inline or reply keyboard, as dicts (a reply button may be a bare string)."""
    if not isinstance(markup, dict):
        return []
    rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
    return [[b if isinstance(b, dict) else {"text": str(b)} for b in row] for row in rows]


def button_action(button: dict, key: int | str | None) -> tuple:
    """What choosing ``button`` does; ``key`` is its message id (int) or inline message id (str)."""
    if "callback_data" in button:
        return ("callback", button["callback_data"], key)
    for field in ("switch_inline_query", "switch_inline_query_current_chat"):
        if field in button:
            return ("inline", button[field])
    if "switch_inline_query_chosen_chat" in button:
        return ("inline", button["switch_inline_query_chosen_chat"].get("query", ""))
    if "url" in button:
        return ("url", button["url"])
    if set(button) - {"text", "request_contact", "request_location"}:
        return ("unsupported", f"the {button.get('text', '')!r} button")
    return ("text", button.get("text", ""))  # a reply keyboard button sends its text


def result_title(result: dict) -> str:
    content = result.get("input_message_content") or {}
    text = render_text(content.get("message_text", ""), content.get("parse_mode"), links=False)
    return result.get("title") or result.get("caption") or text.split("\n", 1)[0] or f"({result.get('type')})"


def result_text(result: dict, *, ansi: bool = False) -> str:
    """What the chat shows once the user picks an inline result."""
    content = result.get("input_message_content") or {}
    if "message_text" in content:
        return render_text(content["message_text"], content.get("parse_mode"), ansi=ansi)
    if result.get("type") == "photo":
        caption = render_text(result.get("caption") or "", result.get("parse_mode"), ansi=ansi)
        return f"[picture: {result.get('photo_url')}] {caption}".rstrip()
    return result_title(result)
