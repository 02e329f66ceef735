"""HTTP to the Bot API: python-telegram-bot's HTTPXRequest, retrying only what cannot
duplicate a message.

What is retried, and for how long:
- a connection that never opened sent nothing, so the request is sent again, with
  backoff (0.25 s doubling to 1 s), for up to ``patience`` (60 s): replies ride out a
  short outage of the Bot API or the network instead of being lost;
- a 5xx answer to a call that only reads (``getMe``, ``getUpdates``, ``getWebhookInfo``…)
  is retried ``retries`` times; to any other call it is returned: a proxy's 502 or 504
  may come after Telegram sent the message, and sending it again would send it twice;
- once a request has been sent it is never sent again (the message may have gone out).
  Its answer is awaited for ``answer_timeout`` (60 s) however short the read timeout:
  giving up sooner would not unsend it, only report a failure for a message that
  arrives. 429s are the rate limiter's to retry.
"""

from __future__ import annotations

import asyncio
import logging
import time

import httpx
from telegram.error import NetworkError
from telegram.request import BaseRequest, HTTPXRequest, RequestData

log = logging.getLogger(__name__)
OUTAGE_PATIENCE_SECONDS = 60.0
ANSWER_TIMEOUT_SECONDS = 60.0
# Raised before a byte of the request left: safe to send again.
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
DefaultValue = type(BaseRequest.DEFAULT_NONE)  # "not given by the caller": the defaults apply


class RetryingRequest(HTTPXRequest):
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
        super().__init__(
            connection_pool_size,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
        self.retries = retries  # for 5xx answers to calls that only read
        self.backoff, self.max_backoff = backoff, max_backoff
        self.patience = patience  # for connections that never opened
        self.answer_timeout = answer_timeout  # the least wait for the answer to a sent request

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
        read_timeout = self._answer_wait(read_timeout)
        name = url.rsplit("/", 1)[-1]
        retries = self.retries if name.startswith("get") else 0  # reads only: safe to repeat
        started, attempt, server_errors = time.monotonic(), 0, 0
        while True:
            try:
                status, body = await super().do_request(
                    url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
                )
            except NetworkError as exc:
                if not isinstance(exc.__cause__, NEVER_SENT):
                    raise
                self._give_up_or_log(name, exc, time.monotonic() - started, attempt)
            else:
                if attempt:
                    log.info("bot api %s: answered after %.1f s of retries", name, time.monotonic() - started)
                if status < 500 or server_errors >= retries:
                    return status, body
                server_errors += 1
                log.warning("bot api %s: HTTP %s; retrying", name, status)
            await asyncio.sleep(self._delay(attempt))
            attempt += 1

    def _answer_wait(self, read) -> float | None:
        """httpx's read timeout, stretched to ``answer_timeout``: once sent, wait for the answer."""
        read = self.read_timeout if isinstance(read, DefaultValue) else read
        if read is None or self.answer_timeout is None:
            return read
        return max(read, self.answer_timeout)

    def _give_up_or_log(self, name: str, exc: NetworkError, waited: float, attempt: int) -> None:
        if waited + self._delay(attempt) > self.patience:
            raise NetworkError(f"could not reach the Bot API for {waited:.0f} s: {exc}") from exc.__cause__
        if attempt == 0:  # one line per request: an outage would otherwise log every retry of every reply
            log.warning("bot api %s: %s; retrying for up to %.0f s", name, exc, self.patience)

    def _delay(self, attempt: int) -> float:
        return min(self.backoff * 2**attempt, self.max_backoff)
