"""The call log of the fake Telegram server: every request the bot made, and waiting for one.

:class:`Call` is one recorded request; :class:`CallLog` is the part of ``FakeTelegram``
(``tests/support/telegram_server.py``) that records calls and lets a test inspect or wait for them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Call:
    """One request the bot made, recorded when it was answered (after any delay_next sleep).

    ``result`` is what the server answered (None when it failed); ``timestamp`` is its arrival.
    """

    method: str
    params: dict[str, Any]
    token: str
    timestamp: float  # time.monotonic() when the request arrived
    index: int = -1
    status: int = 200
    faulted: bool = False  # answered by fail_next()
    result: Any = None
    error: str | None = None
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def text(self) -> str | None:
        return self.params.get("text")

    def __repr__(self) -> str:
        shown = {k: v for k, v in self.params.items() if k not in ("reply_markup", "results")}
        flag = " FAULTED" if self.faulted else (f" {self.status}" if self.status != 200 else "")
        return f"<#{self.index} {self.method}{flag} {str(shown)[:160]}>"


class CallLog:
    """Mixin: the recorded calls. The host class sets ``_cond`` and ``_calls`` (an empty list)."""

    _cond: threading.Condition
    _calls: list[Call]

    def _record(self, call: Call, status: int) -> None:
        """Log ``call`` answered with ``status`` and wake waiters; ``_cond`` must be held."""
        call.status, call.index = status, len(self._calls)
        self._calls.append(call)
        self._cond.notify_all()

    def calls(self, method: str | None = None) -> list[Call]:
        """Recorded calls (faulted ones included), optionally of one method."""
        with self._cond:
            return [c for c in self._calls if method is None or c.method.lower() == method.lower()]

    def mark(self) -> int:
        """A position in the call log; pass it as ``after=`` to ignore earlier calls."""
        with self._cond:
            return len(self._calls)

    def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 5.0,
        after: int | None = None,
        include_faulted: bool = False,
    ) -> Call:
        """The first call of ``method`` (from index ``after`` on) matching ``predicate``."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for call in self._calls[after or 0 :]:
                    if (
                        call.method.lower() == method.lower()
                        and (include_faulted or not call.faulted)
                        and (predicate is None or predicate(call))
                    ):
                        return call
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [c for c in self._calls[after or 0 :] if c.method != "getUpdates"]
                    listing = "\n  ".join(repr(c) for c in seen[-30:]) or "(none)"
                    raise AssertionError(
                        f"no {method} call{' matching predicate' if predicate else ''} within "
                        f"{timeout}s (after={after}); calls seen besides getUpdates:\n  {listing}"
                    )
                self._cond.wait(remaining)
