"""Refresh: a changed source is picked up and swapped in; an unchanged one rebuilds
nothing; a broken one never replaces the catalogue being served; a killed build
leaves the last good snapshot; queries during refreshes see one version each."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from core import queries
from core.ingest.fetch import Limits
from core.snapshot.build import open_snapshot, shrinkage
from core.snapshot.child import REPO
from core.snapshot.files import SNAPSHOT_PREFIX, STAGING_PREFIX, current_dir
from core.snapshot.refresh import Refresher
from core.snapshot.store import Store, load_snapshot
from core.userdata.subscriptions import Subscriptions
from tests.conftest import FIXTURE_SOURCE
from tests.support.processes import kill_parent_of
from tests.support.snapshot_helpers import built_snapshot
from tests.support.static_server import StaticServer

NETFLIX = "titles/netflix_titles.csv"
NETFLIX_TITLES = 89  # in the fixture source
NEW_ROW = (
    's99,Movie,The Refresh Test,Ann Director,Bo Actor,Spain,"October 1, 2021",2021,PG,101 min,'
    '"Dramas, Comedies",A film that only exists in the second version of the source.\n'
)


@pytest.fixture
def source(tmp_path):
    target = tmp_path / "source"
    shutil.copytree(FIXTURE_SOURCE, target)
    return target


def add_title(source, row=NEW_ROW):
    with open(source / NETFLIX, "a", encoding="utf-8") as handle:
        handle.write(row)


def netflix_count(snapshot) -> int:
    return queries.count_titles(snapshot, "netflix", None, None)


def served(tmp_path, location, **options):
    data = tmp_path / "data"
    store = Store(built_snapshot(data, location))
    options.setdefault("limits", Limits(timeout=1.0))
    return store, Refresher(store, data, location, **options), data


def snapshot_folders(data) -> list[str]:
    return sorted(p.name for p in data.glob(f"{SNAPSHOT_PREFIX}*"))


# --- folder sources -----------------------------------------------------------------------


def test_an_unchanged_folder_rebuilds_nothing(tmp_path, source):
    store, refresher, data = served(tmp_path, source)
    before, folders = store.current, snapshot_folders(data)
    attempt = refresher.refresh()
    assert attempt.outcome == "unchanged" and attempt.ok
    assert store.current is before and snapshot_folders(data) == folders


def test_a_snapshot_from_older_code_is_rebuilt_though_the_source_is_unchanged(tmp_path, source):
    # An upgrade adds a column (``maturity``): the old snapshot must not be kept as "unchanged".
    import pandas as pd

    _, _, data = served(tmp_path, source)
    titles = current_dir(data) / "titles.parquet"
    pd.read_parquet(titles).drop(columns=["maturity"]).to_parquet(titles)
    result = subprocess.run(
        [sys.executable, "-m", "core.snapshot.build", "--source", str(source), "--data-dir", str(data)],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert '"published"' in result.stdout, result.stdout + result.stderr
    assert "maturity" in pd.read_parquet(current_dir(data) / "titles.parquet").columns


def test_a_new_title_is_picked_up_swapped_in_and_reported(tmp_path, source):
    store, refresher, data = served(tmp_path, source)
    before = store.current
    add_title(source)
    attempt = refresher.refresh()
    assert attempt.outcome == "updated", attempt.detail
    assert store.current.version == attempt.version != before.version
    assert netflix_count(store.current) == netflix_count(before) + 1
    assert [t["display_title"] for t in attempt.added["netflix"]] == ["The Refresh Test"]
    assert list(attempt.added) == ["netflix"]
    # the old snapshot is untouched for whoever still holds it, and a restart serves the new one
    assert "The Refresh Test" not in set(before.catalogue["display_title"])
    assert load_snapshot(data).version == attempt.version


def test_touched_but_identical_files_are_not_rebuilt(tmp_path, source):
    store, refresher, data = served(tmp_path, source)
    before, folders = store.current, snapshot_folders(data)
    (source / NETFLIX).write_bytes((source / NETFLIX).read_bytes())  # new mtime, same bytes
    assert refresher.refresh().outcome == "unchanged"
    assert store.current is before and snapshot_folders(data) == folders


def corrupt(source):
    (source / NETFLIX).write_bytes(b"\x00\xff\xfe garbage \x89PNG" * 50)


def truncate(source):
    raw = (source / NETFLIX).read_bytes()
    (source / NETFLIX).write_bytes(raw[: len(raw) // 2])


def drop_a_column(source):
    lines = (source / NETFLIX).read_text(encoding="utf-8").splitlines(keepends=True)
    (source / NETFLIX).write_text(
        lines[0].replace("title,", "name,", 1) + "".join(lines[1:]), encoding="utf-8"
    )


def delete(source):
    (source / NETFLIX).unlink()


def shrink(source):
    lines = (source / NETFLIX).read_text(encoding="utf-8").splitlines(keepends=True)
    (source / NETFLIX).write_text("".join(lines[:2]), encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "outcome", "says"),
    [
        (corrupt, "failed", "netflix_titles.csv"),
        (truncate, "refused", "netflix"),
        (drop_a_column, "failed", "netflix_titles.csv: wrong columns"),
        (delete, "failed", "netflix_titles.csv: file not found"),
        (shrink, "refused", f"netflix {NETFLIX_TITLES} → 1"),
    ],
)
def test_a_broken_source_keeps_the_old_catalogue_serving(tmp_path, source, damage, outcome, says):
    store, refresher, data = served(tmp_path, source)
    before, folders = store.current, snapshot_folders(data)
    damage(source)
    attempt = refresher.refresh()
    assert (attempt.outcome, attempt.ok) == (outcome, False), attempt.detail
    assert says in attempt.detail
    assert store.current is before and snapshot_folders(data) == folders
    assert netflix_count(store.current) == NETFLIX_TITLES and refresher.last is attempt
    assert load_snapshot(data).version == before.version  # and a restart serves it too


def test_the_gate_can_be_loosened(tmp_path, source):
    store, refresher, _ = served(tmp_path, source, max_drop=1.0)
    shrink(source)
    assert refresher.refresh().outcome == "updated"
    assert netflix_count(store.current) == 1


def test_shrinkage_is_judged_per_platform_and_overall():
    before = {"amazon": 1000, "netflix": 1000}
    assert shrinkage(before, {"amazon": 1000, "netflix": 850}, 0.2) is None
    assert "netflix 1,000 → 500" in shrinkage(before, {"amazon": 1000, "netflix": 500}, 0.2)
    assert "amazon 1,000 → 0" in shrinkage(before, {"netflix": 1000}, 0.2)
    assert shrinkage(before, {"amazon": 2000, "netflix": 1000, "hulu": 5}, 0.2) is None


# --- URL sources --------------------------------------------------------------------------


def test_an_unchanged_url_is_checked_with_conditional_requests_only(tmp_path, source):
    with StaticServer(source) as server:
        store, refresher, data = served(tmp_path, server.url)
        before, seen = store.current, len(server.requests())
        assert refresher.refresh().outcome == "unchanged"
        statuses = {status for _, status in server.requests()[seen:]}
        assert statuses == {304}  # not one file downloaded
        assert store.current is before

        add_title(source)
        seen = len(server.requests())
        attempt = refresher.refresh()
        assert attempt.outcome == "updated" and netflix_count(store.current) == NETFLIX_TITLES + 1
        assert (f"/{NETFLIX}", 200) in server.requests()[seen:]


@pytest.mark.parametrize("fault", ["status", "hang"])
def test_a_failing_url_keeps_the_old_catalogue_serving(tmp_path, source, fault):
    with StaticServer(source) as server:
        store, refresher, _ = served(tmp_path, server.url)
        before = store.current
        add_title(source)  # there is news, but it cannot be fetched
        if fault == "status":
            server.fail_next(500, times=50)
        else:
            server.hang_next(5, times=50)
        started = time.monotonic()
        attempt = refresher.refresh()
        assert attempt.outcome == "failed"
        assert ("HTTP 500" if fault == "status" else "unreachable") in attempt.detail
        assert store.current is before and netflix_count(store.current) == NETFLIX_TITLES
        assert time.monotonic() - started < 30


def test_start_up_uses_the_last_snapshot_when_the_source_is_gone(tmp_path, source):
    with StaticServer(source) as server:
        url = server.url
        version = open_snapshot(tmp_path / "data", url).version
    # the server is down now
    assert open_snapshot(tmp_path / "data", url).version == version


# --- concurrency and crashes --------------------------------------------------------------


def test_queries_during_back_to_back_refreshes_each_see_one_version(tmp_path, source):
    store, refresher, _ = served(tmp_path, source, max_drop=0.5)  # one Netflix title less each round
    original = (source / NETFLIX).read_bytes()
    seen: list[tuple] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def ask():
        while not stop.is_set():
            try:
                snap = store.current  # what a handler does: take the snapshot once
                first = snap.catalogue["id"].iat[0]
                recs = snap.recommender.recommend(first, k=3)
                seen.append((snap.version, netflix_count(snap), snap.recommender.version, len(recs)))
            except BaseException as exc:  # noqa: BLE001 - any failure is the test's failure
                errors.append(exc)
            time.sleep(0.002)  # a busy chat, not a spin loop starving the refresh

    askers = [threading.Thread(target=ask) for _ in range(4)]
    for thread in askers:
        thread.start()
    outcomes = []
    for round_ in range(4):
        if round_ % 2 == 0:
            add_title(source)
        else:
            (source / NETFLIX).write_bytes(original)
        outcomes.append(refresher.refresh().outcome)
    stop.set()
    for thread in askers:
        thread.join()

    assert not errors and outcomes == ["updated"] * 4
    counts = {}
    for version, count, model_version, _ in seen:
        assert model_version == version  # catalogue and model always from the same build
        assert counts.setdefault(version, count) == count  # one answer per version, never a mix
    assert sorted(counts.values()) == [NETFLIX_TITLES, NETFLIX_TITLES + 1] and len(seen) > 100


def build_command(data, source):
    return [
        sys.executable,
        "-m",
        "core.snapshot.build",
        "--source",
        str(source),
        "--data-dir",
        str(data),
        "--force",
    ]


def test_a_build_killed_at_any_moment_leaves_the_last_good_snapshot(tmp_path, source):
    data = tmp_path / "data"
    old = built_snapshot(data, source).version
    add_title(source)
    caught_mid_write = 0
    for delay in (0.05, 0.3, 0.8, 1.2, 1.6, 2.0, 2.5, 3.0):
        build = subprocess.Popen(build_command(data, source), cwd=REPO, stdout=subprocess.DEVNULL)
        time.sleep(delay)
        caught_mid_write += any(data.glob(f"{STAGING_PREFIX}*"))
        build.send_signal(signal.SIGKILL)
        build.wait()
        assert load_snapshot(data).version in {old, current_version(data, old)}
    assert caught_mid_write, "no kill landed while a snapshot was being written; adjust the delays"
    # and a build left alone publishes the new data, next to the debris of the killed ones
    subprocess.run(build_command(data, source), cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    assert load_snapshot(data).version != old


def current_version(data, fallback):
    name = current_dir(data).name
    return name.rsplit("-", 1)[-1] if name.startswith(SNAPSHOT_PREFIX) else fallback


PARENTS = {
    # what the bot runs
    "run_build": "from core.snapshot.child import run_build; run_build({data!r}, {source!r}, max_drop=1.0, force=True)",
    # the lifeline alone: no progress lines, whose broken pipe would also end an orphan
    "lifeline": (
        "import subprocess, sys; subprocess.run([sys.executable, '-m', 'core.snapshot.build', '--source', {source!r}, "
        "'--data-dir', {data!r}, '--force', '--die-with-parent'], stdin=subprocess.PIPE, "
        "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)"
    ),
}


@pytest.mark.parametrize("parent", PARENTS)
def test_a_build_dies_with_the_process_that_started_it(tmp_path, source, parent):
    """kill -9 of the bot during a refresh: its build must not live on and publish."""
    data = tmp_path / "data"
    old = built_snapshot(data, source).version
    add_title(source)
    kill_parent_of("core.snapshot.build", data, PARENTS[parent].format(data=str(data), source=str(source)))
    # kill_parent_of saw the build die: nothing is left that could publish.
    assert load_snapshot(data).version == old


# --- announcements ------------------------------------------------------------------------


def test_a_snapshot_published_behind_the_bots_back_is_news_until_announced(tmp_path, source):
    data = tmp_path / "data"
    first = built_snapshot(data, source)
    store = Store(first)
    refresher = Refresher(store, data, source)
    assert refresher.unannounced_news() == {}  # a data folder nobody announced anything from yet
    refresher.mark_announced(first.version)
    add_title(source)
    store.publish(built_snapshot(data, source))  # what a restart serves after an orphaned build
    news = refresher.unannounced_news()
    assert [t["display_title"] for t in news["netflix"]] == ["The Refresh Test"] and list(news) == ["netflix"]
    refresher.mark_announced(store.current.version)
    assert refresher.unannounced_news() == {}


# --- subscriptions ------------------------------------------------------------------------


def test_subscriptions_survive_a_restart_and_each_chat_is_told_once(tmp_path):
    subs = Subscriptions(tmp_path)
    assert subs.add(1, "netflix") and subs.add(1, "hulu") and subs.add(2, "netflix")
    assert not subs.add(1, "netflix")
    subs.close()

    subs = Subscriptions(tmp_path)
    assert subs.of_chat(1) == ["hulu", "netflix"]
    assert [(s.chat_id, s.platforms) for s in subs.subscribers(["netflix"])] == [
        (1, ["netflix"]),
        (2, ["netflix"]),
    ]
    assert [(s.chat_id, s.platforms) for s in subs.subscribers(["hulu", "netflix"])] == [
        (1, ["hulu", "netflix"]),
        (2, ["netflix"]),
    ]
    assert subs.claim("v2", 1) and not subs.claim("v2", 1) and subs.claim("v3", 1)
    assert subs.remove(1) == 2 and subs.of_chat(1) == []
    subs.close()
