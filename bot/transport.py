"""HTTP to the Bot API, retrying only what cannot duplicate a message.

A 5xx answer means the server did not handle the call, and a connection that never
opened sent nothing: both are retried with backoff. A timeout after sending is not
retried (the message may have gone out); 429s are the rate limiter's to retry.
"""

from __future__ import annotations

import asyncio
import logging

import httpx
from telegram.error import NetworkError
from telegram.request import HTTPXRequest

log = logging.getLogger(__name__)


class RetryingRequest(HTTPXRequest):
    def __init__(self, *args, retries: int = 3, backoff: float = 0.25, **kwargs):
        super().__init__(*args, **kwargs)
        self.retries = retries
        self.backoff = backoff

    async def do_request(self, url, method, request_data=None, *args, **kwargs):
        name = url.rsplit("/", 1)[-1]
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                status, body = await super().do_request(url, method, request_data, *args, **kwargs)
            except NetworkError as exc:
                if last or not _never_sent(exc):
                    raise
                log.warning("bot api %s: %s; retrying", name, exc)
            else:
                if status < 500 or last:
                    return status, body
                log.warning("bot api %s: HTTP %s; retrying", name, status)
            await asyncio.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")


def _never_sent(exc: NetworkError) -> bool:
    return isinstance(exc.__cause__, httpx.ConnectError | httpx.PoolTimeout)
