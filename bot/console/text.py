"""Bot API content as a terminal shows it: pure functions, no state and no I/O.

Telegram message text (HTML parse mode) as terminal text: formatting tags are dropped (or become
ANSI styles when the terminal can show them), links become ``label (url)``, entities are unescaped;
other parse modes are shown as they are. :func:`visible_text` is what Telegram itself keeps of a
formatted text. Also how polls, keyboards and inline results read on a terminal, and what choosing
a button does.
"""

from __future__ import annotations

import html
import mimetypes
import re
from html.parser import HTMLParser

from bot.console.objects import png_size

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


def visible_text(text: str, parse_mode: str | None) -> str:
    """What Telegram keeps (and returns) of ``text``: with HTML, the tags removed and entities decoded."""
    if parse_mode and str(parse_mode).lower() == "html":
        return html.unescape(re.sub(r"<[^<>]*>", "", text))
    return text


def poll_text(poll: dict) -> str:
    options = [f"  {i}. {option['text']}" for i, option in enumerate(poll["options"], 1)]
    return "\n".join([f"(poll) {poll['question']}", *options])


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


def button_action(button: dict, key: tuple[int, int] | str | None) -> tuple:
    """What choosing ``button`` does; ``key`` is its (chat id, message id) or inline message id."""
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
