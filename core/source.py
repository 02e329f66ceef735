"""Where the raw files come from: a local folder or an http(s) base URL.

Both kinds are laid out like ``../shared/datasets``: ``titles/<platform>.csv`` and
``ratings/*.csv``. Every failure is a :class:`SourceError` whose message names the
file and the problem, so the command line can print it as one clear line.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

MEANS_FILE = "ratings/title_mean_ratings.csv"
# A URL cannot be listed, so raw rating parts are probed as ratings/1.csv, 2.csv, ...
MAX_RATING_PARTS = 1000
HTTP_TIMEOUT_SECONDS = 30


class SourceError(Exception):
    """A source file is missing, unreachable or unusable; the message says which and why."""


class FolderSource:
    def __init__(self, root: Path):
        self.root = root
        if not root.is_dir():
            raise SourceError(f"{root}: source folder does not exist")

    def __str__(self) -> str:
        return str(self.root)

    def read(self, relpath: str) -> bytes:
        path = self.root / relpath
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise SourceError(f"{relpath}: file not found in {self.root}") from None
        except OSError as exc:
            raise SourceError(f"{relpath}: cannot read ({exc.strerror})") from None

    def ratings_files(self) -> list[str]:
        folder = self.root / "ratings"
        return sorted(
            (f"ratings/{p.name}" for p in folder.glob("*.csv")),
            key=_natural_key,
        )


class UrlSource:
    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/") + "/"
        self._fetched: dict[str, bytes] = {}

    def __str__(self) -> str:
        return self.base_url

    def read(self, relpath: str) -> bytes:
        if relpath not in self._fetched:
            self._fetched[relpath] = self._fetch(relpath)
        return self._fetched[relpath]

    def ratings_files(self) -> list[str]:
        if self._exists(MEANS_FILE):
            return [MEANS_FILE]
        parts = []
        for number in range(1, MAX_RATING_PARTS + 1):
            relpath = f"ratings/{number}.csv"
            if not self._exists(relpath):
                break
            parts.append(relpath)
        return parts

    def _exists(self, relpath: str) -> bool:
        try:
            self.read(relpath)
        except _NotFound:
            return False
        return True

    def _fetch(self, relpath: str) -> bytes:
        url = urllib.parse.urljoin(self.base_url, relpath)
        try:
            with urllib.request.urlopen(url, timeout=HTTP_TIMEOUT_SECONDS) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                raise _NotFound(f"{relpath}: not found at {url} (HTTP 404)") from None
            raise SourceError(f"{relpath}: HTTP {exc.code} from {url}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise SourceError(f"{relpath}: {url} is unreachable ({reason})") from None


class _NotFound(SourceError):
    pass


def open_source(location: str | Path) -> FolderSource | UrlSource:
    """Open a source given as a folder path or an http(s) base URL."""
    text = str(location)
    if text.startswith(("http://", "https://")):
        return UrlSource(text)
    return FolderSource(Path(text))


def _natural_key(relpath: str) -> tuple:
    stem = Path(relpath).stem
    return (0, int(stem), "") if stem.isdigit() else (1, 0, stem)
