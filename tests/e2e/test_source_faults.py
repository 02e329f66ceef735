"""A refresh from a URL source that misbehaves, through the child process that builds the
snapshot: a download that breaks off, drips past its deadline, or is far too large fails
clearly, and the catalogue being served stays. (What the downloads alone do, without a
build process, is in tests/unit/core/ingest/test_source_faults.py.)"""

from __future__ import annotations

import time

from tests.unit.core.ingest import test_source_faults as unit
from tests.unit.core.ingest.test_source_faults import GIB, NETFLIX, assert_still_serving, serving

# The fixtures (a copy of the fixture source, served over HTTP) are the unit tests' own.
source, server = unit.source, unit.server


def test_a_refresh_from_a_source_that_breaks_off_fails_and_keeps_serving(tmp_path, server, source):
    store, refresher, data = serving(tmp_path, server, source)
    before = store.current
    server.truncate_downloads(NETFLIX)
    attempt = refresher.refresh()
    assert_still_serving(store, before, data, refresher, attempt)
    assert "netflix_titles.csv" in attempt.detail and "broke off after" in attempt.detail


def test_a_refresh_from_a_dripping_source_fails_at_the_deadline(tmp_path, server, source):
    store, refresher, data = serving(tmp_path, server, source, deadline=1.5)
    before = store.current
    server.drip_downloads(NETFLIX, every=0.05)
    started = time.monotonic()
    attempt = refresher.refresh()  # the check passes; the build's download drips
    assert_still_serving(store, before, data, refresher, attempt)
    assert "did not finish within 1.5 s" in attempt.detail
    assert time.monotonic() - started < 15


def test_a_refresh_refuses_a_file_over_the_cap(tmp_path, server, source):
    store, refresher, data = serving(tmp_path, server, source, max_bytes=2**20)
    before = store.current
    server.serve_huge(NETFLIX, 2 * GIB)
    attempt = refresher.refresh()
    assert_still_serving(store, before, data, refresher, attempt)
    assert "is larger than the download limit of 1 MB" in attempt.detail
