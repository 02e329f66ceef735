"""One HTTP GET under limits that a misbehaving server cannot get around.

- ``timeout`` (per read): a server that goes silent. This is the socket timeout, so it
  restarts with every byte that arrives;
- ``deadline`` (per file, from connecting to the last byte): a server that sends a byte
  every few seconds never trips the per-read timeout, so a watchdog thread shuts the
  socket down when the deadline passes, whatever the request is waiting for;
- ``max_bytes`` (per file): a body is streamed to a file, never held in memory, and one
  larger than this is refused as soon as that shows.

A body shorter than its ``Content-Length`` (the server closed mid-file) is an error, not
a shorter file. Every failure is a :class:`FetchError` with a message that completes
"<url> ...", e.g. "is unreachable (Connection refused)".
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HTTP_TIMEOUT_SECONDS = 30
DOWNLOAD_DEADLINE_SECONDS = 300
# The largest real file is 4 MB; raw rating parts run to tens of MB.
MAX_DOWNLOAD_BYTES = 512 * 2**20
CHUNK_BYTES = 1 << 16


@dataclass(frozen=True)
class Limits:
    timeout: float = HTTP_TIMEOUT_SECONDS
    deadline: float = DOWNLOAD_DEADLINE_SECONDS
    max_bytes: int = MAX_DOWNLOAD_BYTES


class FetchError(Exception):
    """The GET failed; the message completes "<url> ..."."""


class HttpStatus(FetchError):
    def __init__(self, status: int):
        super().__init__(f"answered HTTP {status}")
        self.status = status


class Fetch:
    """``with Fetch(url, limits, headers) as fetch:`` sends the GET. Then ``fetch.status``
    is 200 or 304 (any other status raises :class:`HttpStatus`), ``fetch.validators`` the
    ETag and Last-Modified of a 200, and ``fetch.save(path)`` streams its body to a file.
    Leaving the block without saving closes the connection: the body is never read."""

    def __init__(self, url: str, limits: Limits, headers: dict | None = None):
        self.url = url
        self.limits = limits
        self.headers = headers or {}
        self.status = 0
        self._response: http.client.HTTPResponse | None = None
        self._watchdog = _Watchdog(limits.deadline)

    def __enter__(self) -> Fetch:
        self._watchdog.start()
        try:
            self._open()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _open(self) -> None:
        request = urllib.request.Request(self.url, headers=self.headers)
        try:
            self._response = _opener(self._watchdog).open(request, timeout=self.limits.timeout)
            self.status = self._response.status
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code != 304:
                raise HttpStatus(exc.code) from None
            self.status = 304
        except (OSError, http.client.HTTPException) as exc:  # URLError is an OSError
            raise self._failure(exc) from None
        if self._watchdog.expired:  # the headers were cut short: they may be anything
            raise self._failure(TimeoutError())

    def __exit__(self, *exc) -> None:
        if self._response is not None:
            self._response.close()
        self._watchdog.stop()

    @property
    def validators(self) -> dict:
        headers = self._response.headers if self._response is not None else {}
        return {"etag": headers.get("ETag"), "last_modified": headers.get("Last-Modified")}

    def save(self, target: Path) -> int:
        """Stream the body into ``target``; the number of bytes."""
        expected = self._expected_size()
        size = 0
        with open(target, "wb") as sink:
            while chunk := self._read(size):
                size += len(chunk)
                if size > self.limits.max_bytes:
                    raise self._too_large()
                sink.write(chunk)
        if self._watchdog.expired:  # the socket it shut reads as the end of the body
            raise self._failure(TimeoutError())
        if expected is not None and size < expected:
            raise FetchError(f"broke off after {size:,} of {expected:,} bytes")
        return size

    def _expected_size(self) -> int | None:
        text = self._response.headers.get("Content-Length")
        expected = int(text) if text and text.strip().isdigit() else None
        if expected is not None and expected > self.limits.max_bytes:
            raise self._too_large()
        return expected

    def _read(self, so_far: int) -> bytes:
        try:
            return self._response.read(CHUNK_BYTES)
        except (OSError, http.client.HTTPException) as exc:
            if self._watchdog.expired or isinstance(exc, TimeoutError):
                raise self._failure(exc) from None
            raise FetchError(f"broke off after {so_far:,} bytes ({type(exc).__name__}: {exc})") from None

    def _too_large(self) -> FetchError:
        return FetchError(f"is larger than the download limit of {self.limits.max_bytes / 2**20:,.0f} MB")

    def _failure(self, exc: BaseException) -> FetchError:
        if self._watchdog.expired:
            return FetchError(f"did not finish within {self.limits.deadline:g} s")
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            reason = f"no answer within {self.limits.timeout:g} s"
        elif isinstance(exc, http.client.HTTPException):
            reason = f"{type(exc).__name__}: {exc}"
        return FetchError(f"is unreachable ({reason})")


class _Watchdog:
    """Shuts down every socket of one GET once its deadline passes."""

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    # shutdown(), not close(): it wakes a thread blocked reading the socket. Called on
    # the plain socket even under TLS, so the TLS object is left to its own thread.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watched:
    """An HTTP(S) connection that hands its socket to a watchdog as soon as it opens."""

    def __init__(self, *args, watchdog: _Watchdog, **kwargs):
        super().__init__(*args, **kwargs)
        self.watchdog = watchdog

    def connect(self) -> None:
        super().connect()
        self.watchdog.watch(self.sock)


class _WatchedHTTPConnection(_Watched, http.client.HTTPConnection):
    pass


class _WatchedHTTPSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watchdog: _Watchdog):
        super().__init__()
        self.watchdog = watchdog

    def http_open(self, req):
        return self.do_open(_WatchedHTTPConnection, req, watchdog=self.watchdog)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: _Watchdog):
        super().__init__()
        self.watchdog = watchdog

    def https_open(self, req):
        return self.do_open(_WatchedHTTPSConnection, req, context=self._context, watchdog=self.watchdog)


def _opener(watchdog: _Watchdog) -> urllib.request.OpenerDirector:
    # Proxies from the environment and redirects work as with urllib.request.urlopen.
    return urllib.request.build_opener(_HTTPHandler(watchdog), _HTTPSHandler(watchdog))
