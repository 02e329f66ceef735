"""An object built on its first use, by whichever thread needs it first; others wait for it.

A first start serves its catalogue before everything derived from it is built: the people index
(0.85 s on the full data) waits for the first question that reads names, or for the warm-up
that builds it right after the catalogue serves (``Snapshot.warm``), whichever comes first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class Later:
    """Stands for ``build()``'s result: attribute access and ``len`` build it once, then pass through."""

    def __init__(self, build: Callable[[], Any]):
        self._build = build
        self._built: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        if self._built is None:
            with self._lock:
                if self._built is None:
                    self._built = self._build()
        return self._built

    def __getattr__(self, name: str) -> Any:  # only for names this class lacks
        return getattr(self.get(), name)

    def __len__(self) -> int:
        return len(self.get())
