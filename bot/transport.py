"""HTTP to the Bot API over aiohttp, retrying only what cannot duplicate a message.

Why not python-telegram-bot's default HTTPXRequest: on this machine httpx spends ~1 ms
of CPU per call and aiohttp ~0.15 ms (measured against a loopback server), and every
update costs at least one call, so the client was a quarter of the bot's CPU.

What is retried, and for how long:
- a connection that never opened sent nothing, so the request is sent again, with
  backoff (0.25 s doubling to 1 s), for up to ``patience`` (60 s): replies ride out a
  short outage of the Bot API or the network instead of being lost;
- a 5xx answer means the server did not handle the call: retried ``retries`` times;
- once a request has been sent it is never sent again (the message may have gone out).
  Its answer is awaited for ``answer_timeout`` (60 s) however short the read timeout:
  giving up sooner would not unsend it, only report a failure for a message that
  arrives. 429s are the rate limiter's to retry.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
import urllib.parse
import urllib.request

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

log = logging.getLogger(__name__)
OUTAGE_PATIENCE_SECONDS = 60.0
ANSWER_TIMEOUT_SECONDS = 60.0


class RetryingRequest(BaseRequest):
    def __init__(
        self,
        connection_pool_size: int = 1,
        *,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        retries: int = 3,
        backoff: float = 0.25,
        max_backoff: float = 1.0,
        patience: float = OUTAGE_PATIENCE_SECONDS,
        answer_timeout: float | None = ANSWER_TIMEOUT_SECONDS,
    ):
        self.pool_size = connection_pool_size
        self.timeouts = {
            "read": read_timeout, "write": write_timeout, "connect": connect_timeout, "pool": pool_timeout
        }  # fmt: skip
        self.retries = retries  # for 5xx answers
        self.backoff, self.max_backoff = backoff, max_backoff
        self.patience = patience  # for connections that never opened
        self.answer_timeout = answer_timeout  # the least wait for the answer to a sent request
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self.timeouts["read"]

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=self.pool_size))

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout=BaseRequest.DEFAULT_NONE,
        write_timeout=BaseRequest.DEFAULT_NONE,
        connect_timeout=BaseRequest.DEFAULT_NONE,
        pool_timeout=BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        timeout = self._timeout(read_timeout, write_timeout, connect_timeout, pool_timeout)
        name = url.rsplit("/", 1)[-1]
        started, attempt, server_errors = time.monotonic(), 0, 0
        while True:
            try:
                status, body = await self._send(url, method, request_data, timeout)
            except _NeverSent as exc:
                self._give_up_or_log(name, exc, time.monotonic() - started, attempt)
            else:
                if attempt:
                    log.info("bot api %s: answered after %.1f s of retries", name, time.monotonic() - started)
                if status < 500 or server_errors == self.retries:
                    return status, body
                server_errors += 1
                log.warning("bot api %s: HTTP %s; retrying", name, status)
            await asyncio.sleep(self._delay(attempt))
            attempt += 1

    def _give_up_or_log(self, name: str, exc: _NeverSent, waited: float, attempt: int) -> None:
        if waited + self._delay(attempt) > self.patience:
            raise NetworkError(f"could not reach the Bot API for {waited:.0f} s: {exc}") from exc.__cause__
        if attempt == 0:  # one line per request: an outage would otherwise log every retry of every reply
            log.warning("bot api %s: %s; retrying for up to %.0f s", name, exc, self.patience)

    def _delay(self, attempt: int) -> float:
        return min(self.backoff * 2**attempt, self.max_backoff)

    async def _send(self, url, method, request_data, timeout) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("RetryingRequest is not initialized")
        try:
            async with self._session.request(
                method, url, data=_body(request_data), timeout=timeout, headers=HEADERS, proxy=_proxy_for(url)
            ) as response:
                return response.status, await response.read()
        except aiohttp.ClientConnectorCertificateError as exc:  # will not mend by waiting
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
            # Raised before a byte of the request left: safe to send again.
            raise _NeverSent(f"{type(exc).__name__}: {exc}") from exc
        except (TimeoutError, aiohttp.ServerTimeoutError) as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc

    def _timeout(self, read, write, connect, pool) -> aiohttp.ClientTimeout:
        given = {"read": read, "write": write, "connect": connect, "pool": pool}
        read, write, connect, pool = (
            self.timeouts[name] if isinstance(value, DefaultValue) else value for name, value in given.items()
        )
        # aiohttp's "connect" covers waiting for a pooled connection and opening it;
        # it has no write timeout, so writing counts towards the read one.
        waiting = None if pool is None or connect is None else pool + connect
        reading = None if read is None or write is None else max(read + write, self.answer_timeout or 0)
        return aiohttp.ClientTimeout(total=None, connect=waiting, sock_connect=connect, sock_read=reading)


HEADERS = {"User-Agent": BaseRequest.USER_AGENT}
DefaultValue = type(BaseRequest.DEFAULT_NONE)  # "not given by the caller": use our own default


class _NeverSent(Exception):
    pass


@functools.lru_cache(maxsize=64)
def _proxy_for(url: str) -> str | None:
    """HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as httpx honoured them. Looked up once per method
    URL: aiohttp's own trust_env reads them (and ~/.netrc) in a thread on every request."""
    parts = urllib.parse.urlsplit(url)
    if urllib.request.proxy_bypass_environment(parts.hostname or ""):
        return None
    return urllib.request.getproxies_environment().get(parts.scheme)


def _body(request_data: RequestData | None):
    if request_data is None:
        return None
    if not request_data.contains_files:
        return request_data.json_parameters  # form-encoded, as the Bot API expects
    form = aiohttp.FormData(request_data.json_parameters)
    for field, (filename, content, mimetype) in request_data.multipart_data.items():
        form.add_field(field, content, filename=filename, content_type=mimetype)
    return form
