"""A static file server on loopback, standing in for a source published at a URL.

It answers like a typical web server: ``ETag`` and ``Last-Modified`` on every file,
304 to a matching ``If-None-Match`` or ``If-Modified-Since``. Every request is logged
as (path, status), and faults can be injected: an error status, or a hang.
"""

from __future__ import annotations

import email.utils
import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802
        status = self._answer()
        with self.server.lock:
            self.server.log.append((self.path, status))

    def _answer(self) -> int:
        fault = self.server.next_fault()
        if fault is not None:
            kind, value = fault
            if kind == "hang":
                time.sleep(value)
                return 0
            self.send_error(value)
            return value
        path = (self.server.root / self.path.lstrip("/").split("?")[0]).resolve()
        if self.server.root not in path.parents or not path.is_file():
            self.send_error(404)
            return 404
        body = path.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        modified = email.utils.formatdate(path.stat().st_mtime, usegmt=True)
        if self.headers.get("If-None-Match") == etag or (
            "If-None-Match" not in self.headers and self.headers.get("If-Modified-Since") == modified
        ):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return 304
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.end_headers()
        self.wfile.write(body)
        return 200

    def log_message(self, format, *args):  # keep pytest output clean
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root.resolve()
        self.lock = threading.Lock()
        self.log: list[tuple[str, int]] = []
        self.faults: list[tuple[str, float]] = []

    def next_fault(self):
        with self.lock:
            return self.faults.pop(0) if self.faults else None

    def handle_error(self, request, client_address) -> None:
        pass  # a client that timed out and hung up is not a failure of the test


class StaticServer:
    """Serves ``root`` at ``http://127.0.0.1:<port>/`` from a background thread."""

    def __init__(self, root: Path):
        self._server = _Server(Path(root))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def requests(self) -> list[tuple[str, int]]:
        """(path, status) of every request so far; status 0 for a hang."""
        with self._server.lock:
            return list(self._server.log)

    def fail_next(self, status: int = 500, times: int = 1) -> None:
        with self._server.lock:
            self._server.faults.extend([("status", status)] * times)

    def hang_next(self, seconds: float, times: int = 1) -> None:
        with self._server.lock:
            self._server.faults.extend([("hang", seconds)] * times)

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
