"""A static file server on loopback, standing in for a source published at a URL.

It answers like a typical web server: ``ETag`` and ``Last-Modified`` on every file,
304 to a matching ``If-None-Match`` or ``If-Modified-Since``. Every request is logged
as (path, status), and faults can be injected: for the next requests, an error status or
a hang; for one file, until cleared, a download cut off mid-file, one that drips a byte
at a time, or a body far larger than any real file.
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
        with self.server.lock:
            self.server.arrived += 1
        status = self._answer()
        with self.server.lock:
            self.server.log.append((self.path, status))

    def _answer(self) -> int:
        relpath = self.path.lstrip("/").split("?")[0]
        file_fault = self.server.file_faults.get(relpath)
        if file_fault is not None and (file_fault[1] or not self._conditional()):
            kind, _, options = file_fault
            return getattr(self, f"_{kind}")(relpath, **options)
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

    def _conditional(self) -> bool:
        return "If-None-Match" in self.headers or "If-Modified-Since" in self.headers

    def _file(self, relpath: str) -> bytes:
        return (self.server.root / relpath).read_bytes()

    def _truncate(self, relpath: str) -> int:
        """Promise the whole file, send half, hang up: a server that dies mid-file."""
        body = self._file(relpath)
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.close_connection = True
        return 200

    def _drip(self, relpath: str, every: float) -> int:
        """Status line, headers and body one byte at a time: each read gets a byte in time."""
        body = self._file(relpath)
        head = f"HTTP/1.0 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        self.close_connection = True
        try:
            for byte in head + body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(every)
        except OSError:  # the client gave up
            pass
        return 200

    def _huge(self, relpath: str, size: int, content_length: bool) -> int:
        """``size`` bytes of filler, sent until the client stops reading; bytes sent are counted."""
        self.send_response(200)
        self.send_header("ETag", '"huge"')
        if content_length:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        self.close_connection = True
        chunk = b"x" * 65536
        try:
            for _ in range(size // len(chunk)):
                self.wfile.write(chunk)
                with self.server.lock:
                    self.server.sent[relpath] = self.server.sent.get(relpath, 0) + len(chunk)
        except OSError:  # the client hung up
            pass
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
        self.arrived = 0
        self.faults: list[tuple[str, float]] = []
        # relpath -> (kind, applies to conditional checks too, options)
        self.file_faults: dict[str, tuple[str, bool, dict]] = {}
        self.sent: dict[str, int] = {}  # relpath -> bytes of filler sent by "huge"

    def next_fault(self):
        with self.lock:
            return self.faults.pop(0) if self.faults else None

    def handle_error(self, request, client_address) -> None:
        pass  # a client that timed out and hung up is not a failure of the test


class StaticServer:
    """Serves ``root`` at ``http://127.0.0.1:<port>/`` from a background thread."""

    def __init__(self, root: Path):
        self._server = _Server(Path(root))
        # A short poll interval: shutdown waits for it, and every test shuts a server down.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def requests(self) -> list[tuple[str, int]]:
        """(path, status) of every request so far; status 0 for a hang."""
        with self._server.lock:
            return list(self._server.log)

    def arrived(self) -> int:
        """Requests received so far, answered or not."""
        with self._server.lock:
            return self._server.arrived

    def fail_next(self, status: int = 500, times: int = 1) -> None:
        with self._server.lock:
            self._server.faults.extend([("status", status)] * times)

    def hang_next(self, seconds: float, times: int = 1) -> None:
        with self._server.lock:
            self._server.faults.extend([("hang", seconds)] * times)

    def truncate_downloads(self, relpath: str) -> None:
        """Every plain GET of ``relpath`` (not a conditional check) breaks off halfway."""
        self._file_fault(relpath, "truncate", False)

    def drip_downloads(self, relpath: str, every: float = 0.2, checks_too: bool = False) -> None:
        """Every plain GET of ``relpath`` (and conditional ones, with ``checks_too``) drips a
        byte every ``every`` seconds."""
        self._file_fault(relpath, "drip", checks_too, every=every)

    def serve_huge(self, relpath: str, size: int, content_length: bool = True) -> None:
        """Every GET of ``relpath``, conditional or not, answers ``size`` bytes of filler."""
        self._file_fault(relpath, "huge", True, size=size, content_length=content_length)

    def bytes_sent(self, relpath: str) -> int:
        with self._server.lock:
            return self._server.sent.get(relpath, 0)

    def _file_fault(self, relpath: str, kind: str, checks_too: bool, **options) -> None:
        with self._server.lock:
            self._server.file_faults[relpath] = (kind, checks_too, options)

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
