"""The catalogue snapshot on disk.

A data folder holds published snapshots side by side, each a folder of its own
(``titles.parquet``, ``quality.json``, ``source.json`` and the recommender's files),
and a ``CURRENT`` file naming the one to serve:

    data/processed/CURRENT                  -> "snapshot-20261126T120000Z-10d5412729fe"
    data/processed/snapshot-20261126T120000Z-10d5412729fe/titles.parquet ...

A build writes into a hidden staging folder, renames it into place, then replaces
``CURRENT`` (temporary file, fsync, rename). A build killed at any point leaves
``CURRENT`` naming the last complete snapshot. A folder holding the files directly,
without ``CURRENT`` (an older layout), still loads.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from core.snapshot.atomic import fsync_dir, write_atomically, write_json, write_text

TITLES_FILE = "titles.parquet"
QUALITY_FILE = "quality.json"
SOURCE_FILE = "source.json"
CURRENT_FILE = "CURRENT"
SNAPSHOT_PREFIX = "snapshot-"
STAGING_PREFIX = ".building-"
# In the quality report of a first start's catalogue, published before its model: when the
# whole snapshot is expected (a Unix time; ``core.snapshot.build``, ``Snapshot.suggestions_in``).
# Only such a snapshot has it: a build never takes one as complete.
SUGGESTIONS_EXPECTED_AT = "suggestions_expected_at"
KEEP_SNAPSHOTS = 2  # the current one and the one before, for a look back
ABANDONED_AFTER_SECONDS = 3600
CATALOGUE_COLUMNS = [
    "id",
    "platform",
    "show_id",
    "type",
    "title",
    "display_title",
    "director",
    "cast",
    "country",
    "date_added",
    "release_year",
    "rating",
    "maturity",  # the platform's own label; empty where ``rating`` holds the rules' "g"
    "duration_int",
    "duration_type",
    "listed_in",
    "genres",
    "description",
    "display_director",
    "display_cast",
    "display_country",
    "display_description",
    "score",
]


class SnapshotError(Exception):
    """No usable snapshot in the folder; the message says what is wrong."""


def write_snapshot(
    catalogue: pd.DataFrame, quality: dict, out_dir: Path, source_state: dict | None = None
) -> None:
    """Write the snapshot files into ``out_dir`` itself (see ``staging``/``publish`` for a
    data folder that serves while it is rebuilt)."""
    write_catalogue(catalogue, quality, out_dir)
    write_json(Path(out_dir) / SOURCE_FILE, source_state or {})


def write_catalogue(catalogue: pd.DataFrame, quality: dict, out_dir) -> None:
    """``titles.parquet`` and ``quality.json`` in ``out_dir``, each replaced atomically."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_atomically(out_dir / TITLES_FILE, lambda path: catalogue.to_parquet(path, index=False))
    write_json(out_dir / QUALITY_FILE, quality)


def current_dir(data_dir) -> Path:
    """The folder of the snapshot to serve: the one ``CURRENT`` names, else ``data_dir``."""
    data_dir = Path(data_dir)
    try:
        name = (data_dir / CURRENT_FILE).read_text().strip()
    except FileNotFoundError:
        return data_dir
    if not name.startswith(SNAPSHOT_PREFIX) or "/" in name:
        raise SnapshotError(f"{data_dir / CURRENT_FILE}: names {name!r}, not a snapshot folder")
    return data_dir / name


def staging(data_dir) -> Path:
    """A fresh hidden folder in ``data_dir`` to write a new snapshot into."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=data_dir))


def publish(data_dir, staged: Path, version: str, keep: Collection[str] = ()) -> Path:
    """Move a complete staged snapshot into place and make it current; prune old ones but
    those named in ``keep``."""
    data_dir = Path(data_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = data_dir / f"{SNAPSHOT_PREFIX}{stamp}-{version}"
    os.replace(staged, final)
    fsync_dir(data_dir)
    write_text(data_dir / CURRENT_FILE, final.name + "\n")
    prune(data_dir, keep)
    return final


def prune(data_dir, keep: Collection[str] = ()) -> None:
    """Remove abandoned staging folders and all but the newest published snapshots, the
    current one and those named in ``keep`` (the folders other replicas still serve:
    ``core.userdata.publications``)."""
    data_dir = Path(data_dir)
    current = current_dir(data_dir)
    for folder in data_dir.glob(f"{STAGING_PREFIX}*"):
        # Left by a killed build; a recent one may belong to a build still running.
        if time.time() - folder.stat().st_mtime > ABANDONED_AFTER_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)
    published = sorted(data_dir.glob(f"{SNAPSHOT_PREFIX}*"), key=lambda p: p.name, reverse=True)
    for folder in published[KEEP_SNAPSHOTS:]:
        if folder != current and folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)


def load_catalogue(directory) -> pd.DataFrame:
    """The catalogue frame of a snapshot: a data folder (its current snapshot) or a
    snapshot folder itself."""
    path = current_dir(directory) / TITLES_FILE
    if not path.is_file():
        raise SnapshotError(f"{path}: no snapshot here (build one with python -m core.snapshot.build)")
    try:
        # Mapped, the file's pages are not copied into pyarrow's own pool, which keeps them
        # (~15 MiB less resident after a load; snapshot files are never changed in place).
        catalogue = pd.read_parquet(path, memory_map=True)
    except Exception as exc:  # pyarrow raises several unrelated types for a damaged file
        raise SnapshotError(f"{path}: unreadable snapshot ({exc})") from None
    missing = [c for c in CATALOGUE_COLUMNS if c not in catalogue.columns]
    if missing:
        raise SnapshotError(f"{path}: snapshot lacks columns {', '.join(missing)}; rebuild it")
    return catalogue


def load_quality(directory) -> dict:
    path = current_dir(directory) / QUALITY_FILE
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        raise SnapshotError(f"{path}: no quality report (build the snapshot again)") from None
    except json.JSONDecodeError as exc:
        raise SnapshotError(f"{path}: damaged quality report ({exc})") from None


def has_current_columns(directory) -> bool:
    """Whether the current snapshot has every column this code reads: one made by an older
    build lacks some, and is rebuilt even when the source files have not changed."""
    import pyarrow.parquet as pq

    try:
        names = set(pq.read_schema(current_dir(directory) / TITLES_FILE).names)
    except Exception:  # missing or damaged: the load will say so
        return False
    return set(CATALOGUE_COLUMNS) <= names


def load_source_state(directory) -> dict:
    """What the snapshot was built from (see ``EtlResult.source_state``); {} if unknown."""
    try:
        return json.loads((current_dir(directory) / SOURCE_FILE).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
