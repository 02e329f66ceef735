"""Where the raw files come from: a local folder or an http(s) base URL.

Both kinds are laid out like ``../shared/datasets``: ``titles/<platform>.csv`` and
``ratings/*.csv``. Every failure is a :class:`SourceError` whose message names the
file and the problem, so the command line can print it as one clear line.

Each source remembers a validator for every file it read (size and modification time
for a folder; ``ETag`` and ``Last-Modified`` for a URL). Given the validators of the
last build, ``is_unchanged`` answers without downloading: a URL gets a conditional
request, and the body of its answer is never read (a 304 has none; a 200 means the
build process will download the file).

Downloads from a URL stream to a temporary folder under the limits of
:class:`core.ingest.fetch.Limits`: a timeout per read, a deadline per file and a size cap.
"""

from __future__ import annotations

import contextlib
import dataclasses
import shutil
import sys
import tempfile
import urllib.parse
import weakref
from collections.abc import Iterator
from pathlib import Path

from core.ingest.fetch import HTTP_TIMEOUT_SECONDS, Fetch, FetchError, HttpStatus, Limits

__all__ = ["HTTP_TIMEOUT_SECONDS", "Limits", "SourceError", "FolderSource", "UrlSource", "open_source"]

MEANS_FILE = "ratings/title_mean_ratings.csv"
# A URL cannot be listed, so raw rating parts are probed as ratings/1.csv, 2.csv, ...
MAX_RATING_PARTS = 1000


class SourceError(Exception):
    """A source file is missing, unreachable or unusable; the message says which and why."""


class FolderSource:
    def __init__(self, root: Path, known: dict | None = None):
        self.root = root
        self.known = known or {}  # relpath -> validator from the last build
        self.validators: dict[str, dict] = {}  # relpath -> validator of what was read
        self.on_read = None  # called with (relpath, bytes) after each file read, for progress
        if not root.is_dir():
            raise SourceError(f"{root}: source folder does not exist")

    def __str__(self) -> str:
        return str(self.root)

    def read(self, relpath: str) -> bytes:
        path = self.root / relpath
        try:
            self.validators[relpath] = self._stat(relpath)  # before reading: a later write shows up next time
            data = path.read_bytes()
        except FileNotFoundError:
            raise SourceError(f"{relpath}: file not found in {self.root}") from None
        except OSError as exc:
            raise SourceError(f"{relpath}: cannot read ({exc.strerror})") from None
        if self.on_read is not None:
            self.on_read(relpath, len(data))
        return data

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
    """Files under an http(s) base URL. A file's body is streamed to a temporary folder
    (``read``); a change check (``is_unchanged``) or an existence probe sends a GET but
    never reads the body, so checking a changed file costs no download."""

    def __init__(self, base_url: str, known: dict | None = None, limits: Limits | None = None):
        self.base_url = base_url.rstrip("/") + "/"
        self.limits = limits or Limits()
        self.known = known or {}  # relpath -> {"etag", "last_modified"} from the last build
        self.validators: dict[str, dict] = {}
        self.on_read = None  # called with (relpath, bytes) after each download, for progress
        self._downloaded: dict[str, Path] = {}
        self._unchanged: dict[str, bool] = {}
        self._spool: Path | None = None

    def __str__(self) -> str:
        return self.base_url

    def read(self, relpath: str) -> bytes:
        return self.download(relpath).read_bytes()

    def download(self, relpath: str) -> Path:
        """The file, downloaded once into this source's temporary folder."""
        if relpath not in self._downloaded:
            self._downloaded[relpath] = self._save(relpath)
        return self._downloaded[relpath]

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
        """A conditional request when the file was seen before: a 304 means unchanged."""
        if relpath not in self._unchanged:
            with self._get(relpath, self._conditions(relpath), self._check_limits) as fetch:
                self._unchanged[relpath] = fetch.status == 304
                if fetch.status == 304:
                    self.validators[relpath] = self.known.get(relpath, {})
        return self._unchanged[relpath]

    def close(self) -> None:
        """Delete the downloaded files."""
        if self._spool is not None:
            shutil.rmtree(self._spool, ignore_errors=True)
            self._spool = None
            self._downloaded.clear()

    def _exists(self, relpath: str) -> bool:
        try:
            self.is_unchanged(relpath)
        except _NotFound:
            return False
        return True

    def _conditions(self, relpath: str) -> dict:
        known = self.known.get(relpath) or {}
        headers = {}
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        return headers

    def _save(self, relpath: str) -> Path:
        target = self._spool_dir() / f"{len(self._downloaded)}-{Path(relpath).name}"
        with self._get(relpath) as fetch:
            if fetch.status != 200:
                raise SourceError(f"{relpath}: HTTP {fetch.status} from {fetch.url} to a plain GET")
            try:
                size = fetch.save(target)
            except FetchError as exc:
                raise SourceError(f"{relpath}: {fetch.url} {exc}") from None
            except OSError as exc:  # our own disk, not the server
                raise SourceError(f"{relpath}: cannot store the download ({exc.strerror or exc})") from None
            self.validators[relpath] = fetch.validators
        if self.on_read is not None:
            self.on_read(relpath, size)
        return target

    def _spool_dir(self) -> Path:
        if self._spool is None:
            self._spool = Path(tempfile.mkdtemp(prefix="streambot-download-"))
            weakref.finalize(self, shutil.rmtree, self._spool, ignore_errors=True)
        return self._spool

    @property
    def _check_limits(self) -> Limits:
        # A check waits for headers only: a server dripping them gets two read timeouts,
        # not a whole download's deadline.
        return dataclasses.replace(self.limits, deadline=min(self.limits.deadline, 2 * self.limits.timeout))

    @contextlib.contextmanager
    def _get(
        self, relpath: str, headers: dict | None = None, limits: Limits | None = None
    ) -> Iterator[Fetch]:
        url = urllib.parse.urljoin(self.base_url, relpath)
        try:
            with Fetch(url, limits or self.limits, headers) as fetch:
                yield fetch
        except HttpStatus as exc:
            if exc.status == 404:
                raise _NotFound(f"{relpath}: not found at {url} (HTTP 404)") from None
            raise SourceError(f"{relpath}: HTTP {exc.status} from {url}") from None
        except FetchError as exc:
            raise SourceError(f"{relpath}: {url} {exc}") from None


class _NotFound(SourceError):
    pass


def open_source(
    location, known: dict | None = None, limits: Limits | None = None
) -> FolderSource | UrlSource:
    """Open a source given as a folder path or an http(s) base URL (or pass one through).

    ``known``: the validators of the last build, for ``is_unchanged``; ``limits``: how long
    and how much each download from a URL may take."""
    if isinstance(location, FolderSource | UrlSource):
        return location
    text = normalise_location(location)
    if is_url(text):
        return UrlSource(text, known, limits)
    return FolderSource(Path(text), known)


def is_url(location) -> bool:
    return str(location).startswith(("http://", "https://"))


def normalise_location(location) -> str:
    """A URL as given; a folder as an absolute path, so a child process finds it too."""
    return str(location) if is_url(location) else str(Path(location).resolve())


def _natural_key(relpath: str) -> tuple:
    stem = Path(relpath).stem
    return (0, int(stem), "") if stem.isdigit() else (1, 0, stem)


def report_failure(exc: SourceError | OSError, out, writing: str) -> int:
    """A command-line run that failed, as one line on stderr: a source's problem as it reads,
    a write's with the folder (``writing``: "cannot write the export"); the exit code, 1."""
    if isinstance(exc, SourceError):
        print(f"error: {exc}", file=sys.stderr)
    else:
        print(f"error: {out}: {writing} ({exc.strerror or exc})", file=sys.stderr)
    return 1
