"""HTTP plumbing for the fake Telegram Bot API server in ``tests/support/telegram_server.py``.

A threaded loopback server that hands every request to one callback, the decoding of a Bot API
request (``/bot<TOKEN>/<method>``; query string plus a form-encoded, JSON or multipart body) into
parameters and uploaded files, the JSON response, and the client POST that delivers an update to a
webhook. Knows nothing of Bot API methods or state.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from bot.console.request import decoded_params, uploaded_file, with_uploads


def _parse_multipart(body: bytes, content_type: str) -> tuple[dict, dict[str, bytes], dict]:
    boundary = re.search(r'boundary="?([^";]+)"?', content_type).group(1).encode()
    fields, files, meta = {}, {}, {}
    for part in body.split(b"--" + boundary)[1:]:
        if part.startswith(b"--"):
            break
        head, _, data = part.lstrip(b"\r\n").partition(b"\r\n\r\n")
        data = data[:-2] if data.endswith(b"\r\n") else data
        headers = head.decode("utf-8", "replace")
        name = re.search(r'(?:^|[;\s])name="([^"]*)"', headers).group(1)
        filename = re.search(r'filename="([^"]*)"', headers)
        if filename:
            ctype = re.search(r"(?im)^content-type:\s*(\S+)", headers)
            files[name] = data
            meta[name] = uploaded_file(filename.group(1), data, ctype.group(1) if ctype else None)
        else:
            fields[name] = data.decode("utf-8")
    return fields, files, meta


def parse_request(h: BaseHTTPRequestHandler) -> tuple[str, str, dict[str, Any], dict[str, bytes]] | None:
    """(token, method, params, files) of a Bot API request, or None when the path is not one.

    The body is read either way. Values are decoded as the in-process request decodes them
    (``bot/console/request.py``): JSON except in free-text parameters; an uploaded file's
    parameter holds its metadata (filename, size, content_type, is_png), its bytes are in ``files``.
    """
    url = urlsplit(h.path)
    body = h.rfile.read(int(h.headers.get("Content-Length") or 0))
    match = re.fullmatch(r"/bot([^/]+)/(\w+)", url.path)
    if not match:
        return None
    token, method = match.groups()
    raw, files, meta = dict(parse_qsl(url.query)), {}, {}
    ctype = h.headers.get("Content-Type", "")
    if ctype.startswith("multipart/form-data"):
        fields, files, meta = _parse_multipart(body, ctype)
        raw.update(fields)
    elif ctype.startswith("application/json") and body:
        raw.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in json.loads(body).items()})
    elif body:
        raw.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    return token, method, with_uploads(decoded_params(raw), meta), files


def respond(h: BaseHTTPRequestHandler, status: int, payload: dict) -> None:
    """Send ``payload`` as the JSON response; a client that hung up just closes the connection."""
    data = json.dumps(payload).encode()
    try:
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)
    except OSError:
        h.close_connection = True


def post_json(url: str, payload: Any, headers: dict[str, str]) -> int:
    """POST ``payload`` as JSON to ``url``; the HTTP status (error statuses included)."""
    return post_bytes(url, json.dumps(payload).encode(), headers)


def post_bytes(url: str, body: bytes, headers: dict[str, str], timeout: float = 30) -> int:
    """POST ``body`` (declared JSON) to ``url``; the HTTP status (error statuses included)."""
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes; with Nagle on, the body waits for the
    # client's delayed ACK (~40 ms on loopback) on every kept-alive connection.
    disable_nagle_algorithm = True

    def do_POST(self) -> None:  # noqa: N802
        self.server.on_request(self)  # type: ignore[attr-defined]

    do_GET = do_POST

    def log_message(self, *args: Any) -> None:
        pass


class LoopbackServer(ThreadingHTTPServer):
    """A threaded HTTP server on 127.0.0.1 (free port) passing every GET/POST to ``on_request``."""

    daemon_threads = True

    def __init__(self, on_request: Callable[[BaseHTTPRequestHandler], None]):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.on_request = on_request

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients (httpx) drop connections on shutdown or timeouts; that is not a failure
