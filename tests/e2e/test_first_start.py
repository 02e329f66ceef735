"""A first start answers catalogue questions while its model is still being built: the build
child publishes the catalogue first, the bot serves it, says suggestions are on their way, and
swaps in the whole snapshot (suggestions and the act classifier) when the child publishes it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from core.snapshot.child import REPO
from core.snapshot.files import SNAPSHOT_PREFIX, SUGGESTIONS_EXPECTED_AT, current_dir
from core.snapshot.first_start import Opening
from core.snapshot.refresh import Refresher
from core.snapshot.store import Store
from tests.conftest import FIXTURE_SOURCE


@pytest.fixture
def source(tmp_path):
    target = tmp_path / "source"
    shutil.copytree(FIXTURE_SOURCE, target)
    return target


def quality_of(folder) -> dict:
    return json.loads((folder / "quality.json").read_text())


def test_the_catalogue_serves_before_the_model_and_the_whole_snapshot_follows(tmp_path, source):
    said: list[str] = []
    store = Opening(tmp_path / "data", source, on_progress=said.append).store()
    first = store.current
    # The catalogue answers at once; suggestions are promised, not faked from genres alone.
    assert len(first.catalogue) == 228 and first.index is not None
    assert not first.recommender.suggests and first.suggestions_in() is not None
    toy_story = first.recommender.resolve("toy story")[0].id
    assert first.recommender.recommend(toy_story) == []
    assert store.completing is not None and store.completing.wait(60)
    whole = store.current
    assert whole is not first and whole.recommender.suggests and whole.suggestions_in() is None
    assert whole.recommender.recommend(toy_story), "suggestions once the model is built"
    assert whole.understanding.acts.classifier.classes, "the act classifier came with the snapshot"
    published = sorted((tmp_path / "data").glob(f"{SNAPSHOT_PREFIX}*"))
    assert [SUGGESTIONS_EXPECTED_AT in quality_of(f) for f in published] == [True, False]
    assert current_dir(tmp_path / "data") == published[-1]
    # The catalogue came sooner without the report's details; the whole snapshot has them.
    assert "genres" not in quality_of(published[0]) and "genres" in quality_of(published[-1])
    assert quality_of(published[-1])["cross_platform_duplicates"]["groups"] > 0
    assert "first start: suggestions are ready" in said


def test_a_refresh_during_the_first_build_waits_for_it_then_finds_nothing_new(tmp_path, source):
    store = Opening(tmp_path / "data", source).store()
    attempt = Refresher(store, tmp_path / "data", source).refresh()
    assert store.current.recommender.suggests  # it waited for the first build: no second one raced it
    assert attempt.outcome == "unchanged", attempt
    assert len(list((tmp_path / "data").glob(f"{SNAPSHOT_PREFIX}*"))) == 2


def killed_after_the_catalogue(data, source) -> None:
    """A first start's build killed once the catalogue was published: only its partial snapshot."""
    subprocess.run(
        [sys.executable, "-c", f"""
import sys
from core.snapshot import build
publish = build._publish
def catalogue_only(data_dir, result, say, suggestions=True, **options):
    if suggestions:
        sys.exit(0)
    return publish(data_dir, result, say, suggestions, **options)
build._publish = catalogue_only
build.build_snapshot({str(data)!r}, {str(source)!r}, force=True, catalogue_first=True)
"""],
        cwd=REPO, check=True,
    )  # fmt: skip
    assert SUGGESTIONS_EXPECTED_AT in quality_of(current_dir(data))


def test_a_snapshot_left_without_its_model_is_completed_at_the_next_start(tmp_path, source):
    data = tmp_path / "data"
    killed_after_the_catalogue(data, source)
    said: list[str] = []
    store: Store = Opening(data, source, on_progress=said.append).store(wait=True)
    assert store.current.recommender.suggests
    assert any(line.startswith("Completing the catalogue's suggestions") for line in said)
    assert SUGGESTIONS_EXPECTED_AT not in quality_of(current_dir(data))


def test_offline_a_snapshot_without_its_model_still_serves_its_catalogue(tmp_path, source):
    data = tmp_path / "data"
    killed_after_the_catalogue(data, source)
    shutil.rmtree(source)
    store = Opening(data, source).store(wait=True)
    assert len(store.current.catalogue) == 228 and store.completing is None
    assert store.current.suggestions_in() is not None  # said so, not faked


def test_serving_a_whole_snapshot_never_imports_scikit_learn(tmp_path, source):
    Opening(tmp_path / "data", source).store(wait=True)
    probe = subprocess.run(
        [sys.executable, "-c", f"""
import sys
from core.snapshot.store import load_snapshot
snapshot = load_snapshot({str(tmp_path / "data")!r})
snapshot.understanding.parse("wher can i wach toy story")
print(sorted(m for m in sys.modules if m.split(".")[0] in ("sklearn", "scipy", "matplotlib")))
"""],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert probe.stdout.strip() == "[]", probe.stdout
