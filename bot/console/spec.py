"""Check requests against Telegram's published Bot API (``api.json``, see :data:`SPEC`).

``violations(method, params)`` lists every way one request breaks the specification:
an unknown method or parameter, a missing required one, a length outside the limits the
documentation states in words ("1-4096 characters after entities parsing", "1-64
bytes", "0-200 characters"), more than 50 inline results, and HTML that Telegram would
refuse (a tag it does not support, tags not properly nested or closed, a bare ``<``,
``>`` or ``&``, an entity other than ``&lt; &gt; &amp; &quot;`` and numeric ones).
Nested objects (keyboards, inline results, poll options, commands) are checked
against their own types, recursively.

``refusals(method, params)`` is the part Telegram answers with an error (it ignores parameters it
does not know); the Bot API stand-in refuses those requests, so the console chat and the tests'
server fail where Telegram would. Without the specification file nothing is refused (a warning
says so, once) and ``missing()`` says why; the tests fail on CI then, and skip elsewhere.
"""

from __future__ import annotations

import json
import logging
import os
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from bot.console.objects import utf16_len
from bot.console.text import visible_text

log = logging.getLogger(__name__)
# A machine-readable copy of the Bot API documentation; by default the one beside this checkout.
SPEC = Path(
    os.environ.get("STREAMBOT_BOT_API_SPEC")
    or Path(__file__).resolve().parents[3] / "shared" / "botapi" / "api.json"
)
UNKNOWN_PARAMETER = "unknown parameter"
ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
    "blockquote", "tg-emoji",
}  # fmt: skip
LIMIT = re.compile(r"(\d+)-(\d+) (characters|bytes)", re.IGNORECASE)
ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
MAX_INLINE_RESULTS = 50
# python-telegram-bot's Defaults(parse_mode=...) also add it to sendPoll, which has no such
# parameter; Telegram ignores parameters it does not know, so that one is let through.
TOLERATED_EXTRAS = frozenset(["parse_mode"])
# Texts whose parse mode is the plain ``parse_mode`` beside them; any other text ``x`` has ``x_parse_mode``.
PLAIN_PARSE_MODE = frozenset(["text", "caption", "message_text"])


@cache
def spec() -> dict:
    return json.loads(SPEC.read_text())


@cache
def available() -> bool:
    return SPEC.is_file()


def missing() -> str | None:
    """Why requests cannot be checked, or None when the specification is there."""
    if available():
        return None
    return f"Bot API description not found at {SPEC} (set STREAMBOT_BOT_API_SPEC to a copy of api.json)"


@cache
def _warn_unchecked() -> None:
    log.warning("%s: requests are not checked, nothing is refused", missing())


def refusals(method: str, params: dict) -> list[str]:
    """The violations Telegram would answer with an error ([] when the specification is missing)."""
    if not available():
        _warn_unchecked()
        return []
    return [p for p in violations(method, params) if UNKNOWN_PARAMETER not in p]


def violations(method: str, params: dict) -> list[str]:
    """Every rule of the specification that this request breaks ([] when none)."""
    found = spec()["methods"].get(method)
    if found is None:
        return [f"{method}: no such Bot API method"]
    problems = _check_fields(method, found.get("fields", []), params)
    if method == "answerInlineQuery" and len(params.get("results", [])) > MAX_INLINE_RESULTS:
        problems.append(f"{method}: {len(params['results'])} results, at most {MAX_INLINE_RESULTS} allowed")
    return problems


def _check_fields(where: str, fields: list[dict], values: dict) -> list[str]:
    problems = []
    known = {f["name"]: f for f in fields}
    for name in values:
        if name not in known and name not in TOLERATED_EXTRAS:
            problems.append(f"{where}: {UNKNOWN_PARAMETER} {name!r}")
    for field in fields:
        name = field["name"]
        if name not in values:
            if field["required"]:
                problems.append(f"{where}: missing required {name!r}")
            continue
        value = values[name]
        mode = values.get(f"{name}_parse_mode") or (
            values.get("parse_mode") if name in PLAIN_PARSE_MODE else None
        )
        problems += _check_value(f"{where}.{name}", field, value, mode)
    return problems


def _check_value(where: str, field: dict, value, parse_mode) -> list[str]:
    types = field["types"]
    if isinstance(value, str) and "String" in types:
        return _check_text(where, field["description"], value, parse_mode)
    if isinstance(value, list):
        inner = [t.removeprefix("Array of ") for t in types if t.startswith("Array of ")]
        if not inner:
            return [f"{where}: a list where {types} is expected"]
        item = {"types": inner, "description": "", "required": True}
        problems = _list_size(where, field["description"], value)
        for i, element in enumerate(value):
            problems += _check_value(f"{where}[{i}]", item, element, None)
        return problems
    if isinstance(value, dict):
        return _check_object(where, types, value)
    return []


def _check_object(where: str, types: list[str], value: dict) -> list[str]:
    if "InputFile" in types:
        return []  # an upload: the stand-in records the file, not Bot API fields
    candidates = []
    for name in types:
        kind = spec()["types"].get(name)
        if kind is None:
            continue
        candidates += [spec()["types"][s] for s in kind.get("subtypes", [])] or [kind]
    if not candidates:
        return []
    results = []
    for kind in candidates:
        problems = _check_fields(f"{where}<{kind['name']}>", kind.get("fields", []), value)
        if not problems:
            return []
        results.append(problems)
    return min(results, key=len)  # the type it most nearly is


def _check_text(where: str, description: str, text: str, parse_mode) -> list[str]:
    problems = []
    visible = text
    if parse_mode and str(parse_mode).upper() == "HTML":
        problems += [f"{where}: {p}" for p in html_problems(text)]
        visible = html_text(text)
    limit = LIMIT.search(description)
    if limit:
        low, high, unit = int(limit.group(1)), int(limit.group(2)), limit.group(3).lower()
        size = len(visible.encode("utf-8")) if unit == "bytes" else utf16_len(visible)
        if not low <= size <= high:
            problems.append(f"{where}: {size} {unit}, allowed {low}-{high}")
    return problems


def _list_size(where: str, description: str, value: list) -> list[str]:
    limit = re.search(r"list of (\d+)-(\d+)", description)
    if limit and not int(limit.group(1)) <= len(value) <= int(limit.group(2)):
        return [f"{where}: {len(value)} items, allowed {limit.group(1)}-{limit.group(2)}"]
    return []


class _TagChecker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"unsupported tag <{tag}>")
        self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {'<' + self.open[-1] + '>' if self.open else 'nothing'}")
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]
            return
        self.open.pop()

    def handle_data(self, data):
        if ">" in data:
            self.problems.append("a bare '>'")
        self.text.append(data)

    def handle_entityref(self, name):
        self.text.append(f"&{name};")

    def handle_charref(self, name):
        self.text.append(f"&#{name};")


def html_problems(text: str) -> list[str]:
    """How ``text`` breaks Telegram's HTML rules ([] when it is well formed)."""
    problems = []
    for match in re.finditer(r"&[^&\s]*", text):
        if not ENTITY.match(text, match.start()):
            problems.append(
                f"a bare or unsupported '&' at {match.start()}: {text[match.start() : match.start() + 8]!r}"
            )
    for match in re.finditer(r"<", text):
        if not re.match(r"</?[a-zA-Z][\w-]*(\s[^<>]*)?>", text[match.start() :]):
            problems.append(f"a bare '<' at {match.start()}")
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    problems += checker.problems
    if checker.open:
        problems.append(f"unclosed tags: {', '.join('<' + t + '>' for t in checker.open)}")
    return problems


def html_text(text: str) -> str:
    """The visible text of Telegram HTML: tags removed, entities decoded."""
    return visible_text(text, "HTML")
