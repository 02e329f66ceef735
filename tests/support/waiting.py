"""Waiting for something to happen, with a deadline: the one way tests wait.

    wait_until(lambda: path.exists(), timeout=10, what="the snapshot to be published")

Returns the condition's first truthy value; if the deadline passes first, the test fails
saying what never happened. A test that must show something did *not* happen waits for an
event that proves the bot got past it (an answer, a file written), never for a fixed time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
POLL_SECONDS = 0.02


def wait_until(
    condition: Callable[[], T], timeout: float, what: str = "the condition", every: float = POLL_SECONDS
) -> T:
    """``every``: seconds between checks, for a condition costly to check (one that runs a process)."""
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(every)
    return value
