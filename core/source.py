"""Where the raw files come from: a local folder or an http(s) base URL.

Both kinds are laid out like ``../shared/datasets``: ``titles/<platform>.csv`` and
``ratings/*.csv``. Every failure is a :class:`SourceError` whose message names the
file and the problem, so the command line can print it as one clear line.

Each source remembers a validator for every file it read (size and modification time
for a folder; ``ETag`` and ``Last-Modified`` for a URL). Given the validators of the
last build, ``is_unchanged`` answers without downloading: a URL gets a conditional
request, and a 304 carries no body.
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
    def __init__(self, root: Path, known: dict | None = None):
        self.root = root
        self.known = known or {}  # relpath -> validator from the last build
        self.validators: dict[str, dict] = {}  # relpath -> validator of what was read
        if not root.is_dir():
            raise SourceError(f"{root}: source folder does not exist")

    def __str__(self) -> str:
        return str(self.root)

    def read(self, relpath: str) -> bytes:
        path = self.root / relpath
        try:
            self.validators[relpath] = self._stat(relpath)  # before reading: a later write shows up next time
            return path.read_bytes()
        except FileNotFoundError:
            raise SourceError(f"{relpath}: file not found in {self.root}") from None
        except OSError as exc:
            raise SourceError(f"{relpath}: cannot read ({exc.strerror})") from None

    def is_unchanged(self, relpath: str) -> bool:
        try:
            return self._stat(relpath) == self.known.get(relpath)
        except FileNotFoundError:
            raise SourceError(f"{relpath}: file not found in {self.root}") from None

    def _stat(self, relpath: str) -> dict:
        stat = (self.root / relpath).stat()
        return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}

    def ratings_files(self) -> list[str]:
        folder = self.root / "ratings"
        return sorted(
            (f"ratings/{p.name}" for p in folder.glob("*.csv")),
            key=_natural_key,
        )


class UrlSource:
    def __init__(self, base_url: str, known: dict | None = None, timeout: float = HTTP_TIMEOUT_SECONDS):
        self.base_url = base_url.rstrip("/") + "/"
        self.timeout = timeout
        self.known = known or {}  # relpath -> {"etag", "last_modified"} from the last build
        self.validators: dict[str, dict] = {}
        self._fetched: dict[str, bytes] = {}
        self._not_modified: set[str] = set()

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

    def is_unchanged(self, relpath: str) -> bool:
        if relpath not in self._fetched and relpath not in self._not_modified:
            self._probe(relpath)
        return relpath in self._not_modified

    def _exists(self, relpath: str) -> bool:
        try:
            if relpath not in self._fetched and relpath not in self._not_modified:
                self._probe(relpath)
        except _NotFound:
            return False
        return True

    def _probe(self, relpath: str) -> None:
        """A conditional request when the file was seen before: 304 (no body) or the new file."""
        known = self.known.get(relpath) or {}
        headers = {}
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        body = self._fetch(relpath, headers)
        if body is None:
            self._not_modified.add(relpath)
        else:
            self._fetched[relpath] = body

    def _fetch(self, relpath: str, headers: dict | None = None) -> bytes | None:
        url = urllib.parse.urljoin(self.base_url, relpath)
        request = urllib.request.Request(url, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read()
                self.validators[relpath] = {
                    "etag": response.headers.get("ETag"),
                    "last_modified": response.headers.get("Last-Modified"),
                }
                return body
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                self.validators[relpath] = self.known.get(relpath, {})
                return None
            if exc.code == 404:
                raise _NotFound(f"{relpath}: not found at {url} (HTTP 404)") from None
            raise SourceError(f"{relpath}: HTTP {exc.code} from {url}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise SourceError(f"{relpath}: {url} is unreachable ({reason})") from None


class _NotFound(SourceError):
    pass


def open_source(
    location, known: dict | None = None, timeout: float = HTTP_TIMEOUT_SECONDS
) -> FolderSource | UrlSource:
    """Open a source given as a folder path or an http(s) base URL (or pass one through).

    ``known``: the validators of the last build, for ``is_unchanged``; ``timeout`` is per
    HTTP request."""
    if isinstance(location, FolderSource | UrlSource):
        return location
    text = normalise_location(location)
    if is_url(text):
        return UrlSource(text, known, timeout)
    return FolderSource(Path(text), known)


def is_url(location) -> bool:
    return str(location).startswith(("http://", "https://"))


def normalise_location(location) -> str:
    """A URL as given; a folder as an absolute path, so a child process finds it too."""
    return str(location) if is_url(location) else str(Path(location).resolve())


def _natural_key(relpath: str) -> tuple:
    stem = Path(relpath).stem
    return (0, int(stem), "") if stem.isdigit() else (1, 0, stem)
