"""A URL source that misbehaves: breaks off mid-file, drips a byte at a time, or answers
far more than any real file. Each is a clear failure within the limits, and a change check
never downloads a body. A whole refresh through the build process meeting each of them is
in tests/e2e/test_source_faults.py."""

from __future__ import annotations

import shutil
import threading
import time

import pytest

from core.ingest.fetch import Limits
from core.ingest.source import SourceError, UrlSource
from core.snapshot.build import probe
from core.snapshot.refresh import Refresher
from core.snapshot.store import Store, load_snapshot
from tests.conftest import FIXTURE_SOURCE
from tests.support.snapshot_helpers import built_snapshot
from tests.support.static_server import StaticServer
from tests.support.waiting import wait_until

NETFLIX = "titles/netflix_titles.csv"
NEW_ROW = 's99,Movie,The Refresh Test,Ann,Bo,Spain,"October 1, 2021",2021,PG,101 min,Dramas,A new film.\n'
GIB = 2**30


@pytest.fixture
def source(tmp_path):
    target = tmp_path / "source"
    shutil.copytree(FIXTURE_SOURCE, target)
    return target


@pytest.fixture
def server(source):
    with StaticServer(source) as running:
        yield running


def serving(tmp_path, server, source, **limits):
    """A store serving the source's first snapshot, and a refresher that will find news."""
    data = tmp_path / "data"
    store = Store(built_snapshot(data, server.url))
    with open(source / NETFLIX, "a", encoding="utf-8") as handle:
        handle.write(NEW_ROW)
    return store, Refresher(store, data, server.url, limits=Limits(timeout=1.0, **limits)), data


def assert_still_serving(store, before, data, refresher, attempt):
    assert attempt.outcome == "failed" and not attempt.ok
    assert store.current is before and refresher.last is attempt
    assert load_snapshot(data).version == before.version  # a restart serves it too


# --- a server that closes mid-file -------------------------------------------------------


def test_a_download_cut_off_mid_file_is_a_clear_error(server):
    server.truncate_downloads(NETFLIX)
    with pytest.raises(
        SourceError, match=r"netflix_titles\.csv: http://\S+ broke off after [\d,]+ of [\d,]+ bytes"
    ):
        UrlSource(server.url).read(NETFLIX)


# --- a server that drips ----------------------------------------------------------------


def test_a_dripping_download_ends_at_its_deadline(server):
    server.drip_downloads(NETFLIX, every=0.05)  # every read gets a byte well within the timeout
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"netflix_titles\.csv: http://\S+ did not finish within 1 s"):
        UrlSource(server.url, limits=Limits(timeout=1.0, deadline=1.0)).read(NETFLIX)
    assert time.monotonic() - started < 2.5


def test_a_change_check_dripping_its_headers_ends_after_two_read_timeouts(server):
    server.drip_downloads(NETFLIX, every=0.05, checks_too=True)
    known = {NETFLIX: {"etag": '"old"'}}
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"did not finish within 1 s"):
        UrlSource(server.url, known, Limits(timeout=0.5, deadline=60)).is_unchanged(NETFLIX)
    assert time.monotonic() - started < 2.5


def test_a_refresh_while_another_hangs_returns_at_once(tmp_path, server, source):
    store, refresher, _ = serving(tmp_path, server, source)
    server.hang_next(2.0)  # the running refresh's first check waits on it
    first, seen = {}, server.arrived()
    running = threading.Thread(target=lambda: first.update(attempt=refresher.refresh()))
    running.start()
    wait_until(
        lambda: server.arrived() != seen, timeout=10, what="the running refresh to be stuck on the hang"
    )
    started = time.monotonic()
    second = refresher.refresh()
    assert second.outcome == "busy" and "another refresh has been running" in second.detail
    assert time.monotonic() - started < 0.5
    running.join(30)
    assert first["attempt"].outcome == "failed" and refresher.last is first["attempt"]  # busy is not recorded


# --- a server that answers far too much ---------------------------------------------------


def test_a_change_check_never_downloads_the_body(tmp_path, server):
    data = tmp_path / "data"
    built_snapshot(data, server.url)
    server.serve_huge(NETFLIX, 2 * GIB)  # a new ETag: changed
    started = time.monotonic()
    _, _, unchanged = probe(data, server.url, Limits(timeout=1.0))
    assert unchanged is None  # a change, found from the headers alone
    assert time.monotonic() - started < 5
    assert server.bytes_sent(NETFLIX) < 64 * 2**20  # what socket buffers took before the hang-up


@pytest.mark.parametrize("content_length", [True, False])
def test_a_download_larger_than_the_cap_is_refused(server, content_length):
    server.serve_huge(NETFLIX, 2 * GIB, content_length=content_length)
    with pytest.raises(
        SourceError, match=r"netflix_titles\.csv: \S+ is larger than the download limit of 1 MB"
    ):
        UrlSource(server.url, limits=Limits(timeout=1.0, max_bytes=2**20)).read(NETFLIX)
    assert server.bytes_sent(NETFLIX) < 64 * 2**20
