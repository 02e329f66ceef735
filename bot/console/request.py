"""python-telegram-bot talking to the Bot API stand-in in-process, no HTTP.

:class:`StandInRequest` is a ``BaseRequest``: pass it to ``ApplicationBuilder().request(...)`` and
``.get_updates_request(...)`` and every Bot API call the bot makes goes to one ``answer`` function,
``(token, method, params, files) -> (HTTP status, JSON payload)``. The parameters are what a server
decodes from the request (:func:`decoded_params`; uploads described by :func:`uploaded_file`, their
bytes in ``files``), so the console chat and the tests' server see a call the same way whichever way
it came, and the way Telegram sees it: python-telegram-bot's quirks included (with ``Defaults``, an
empty string parameter goes out as ``[]``).
"""

from __future__ import annotations

import asyncio
import json
import math
import re
from collections.abc import Callable
from typing import Any

from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

from bot.console.objects import PNG_SIGNATURE

Answer = Callable[[str, str, dict, dict[str, bytes]], tuple[int, dict]]
# Parameters that are free text and must never be JSON-decoded.
TEXT_PARAMS = frozenset([
    "text", "caption", "question", "query", "data", "callback_query_id", "inline_query_id", "next_offset",
    "url", "title", "description", "explanation", "inline_message_id", "photo", "document", "file_id",
    "business_connection_id",
])  # fmt: skip


def _decode(name: str, value: str) -> Any:
    if name in TEXT_PARAMS:
        return value
    try:
        decoded = json.loads(value)
    except ValueError:
        return value
    if isinstance(decoded, (dict, list, bool, int)) or (
        isinstance(decoded, float) and math.isfinite(decoded)
    ):
        return decoded
    return value


def decoded_params(raw: dict[str, str]) -> dict[str, Any]:
    """Form values as a server reads them: JSON (objects, arrays, numbers, booleans) is decoded,
    except in the free-text :data:`TEXT_PARAMS`."""
    return {name: _decode(name, value) for name, value in raw.items()}


def uploaded_file(filename: str | None, data: bytes, content_type: str | None) -> dict:
    """What a call's parameter holds for an uploaded file (its bytes travel apart)."""
    return {
        "filename": filename,
        "size": len(data),
        "content_type": content_type,
        "is_png": data.startswith(PNG_SIGNATURE),
    }


def with_uploads(params: dict, uploads: dict[str, dict]) -> dict:
    """``params`` with each upload put where it belongs: its own name, or the parameter that
    refers to it as ``attach://<name>``."""
    for name, info in uploads.items():
        target = next((k for k, v in params.items() if v == f"attach://{name}"), name)
        params[target] = info
    return params


def split_url(url: str) -> tuple[str, str]:
    """(token, method) of ``.../bot<token>/<method>``; the token is "" when the URL has none."""
    match = re.search(r"/bot([^/]*)/(\w+)/?$", url)
    return (match.group(1), match.group(2)) if match else ("", url.rstrip("/").rsplit("/", 1)[-1])


def request_parts(request_data: RequestData | None) -> tuple[dict, dict[str, bytes]]:
    """(params, files) of one call, as a server would decode them."""
    if request_data is None:
        return {}, {}
    params, files, uploads = decoded_params(request_data.json_parameters), {}, {}
    if request_data.contains_files:
        for name, (filename, content, mimetype) in request_data.multipart_data.items():
            data = content if isinstance(content, bytes) else content.read()
            files[name], uploads[name] = data, uploaded_file(filename, data, mimetype)
    return with_uploads(params, uploads), files


class StandInRequest(BaseRequest):
    """Hands every call to ``answer``. ``in_thread``: answer in a worker thread, for answers that
    block (getUpdates long polling, injected delays); a read timeout then raises ``TimedOut``."""

    READ_TIMEOUT = 5.0  # seconds, as python-telegram-bot's own HTTPXRequest

    def __init__(self, answer: Answer, *, in_thread: bool = False):
        self.answer, self.in_thread = answer, in_thread

    @property
    def read_timeout(self) -> float | None:
        return self.READ_TIMEOUT if self.in_thread else None  # answered at once otherwise

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        token, api_method = split_url(url)
        params, files = request_parts(request_data)
        if not self.in_thread:
            status, payload = self.answer(token, api_method, params, files)
            return status, json.dumps(payload).encode()
        timeout = self.read_timeout if read_timeout is BaseRequest.DEFAULT_NONE else read_timeout
        answering = asyncio.to_thread(self.answer, token, api_method, params, files)
        try:
            status, payload = await asyncio.wait_for(answering, timeout)
        except TimeoutError as exc:
            raise TimedOut(f"no answer to {api_method} within {timeout} s") from exc
        return status, json.dumps(payload).encode()
