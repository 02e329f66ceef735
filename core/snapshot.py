"""The catalogue snapshot on disk: ``titles.parquet`` and ``quality.json`` in one folder.

Writes are atomic: each file is written to a temporary name in the same folder,
flushed to disk, then renamed over the old one, so a failed or killed run leaves
the previous snapshot readable. The parquet file carries the data version, so a
reader can always tell which build it holds.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd

TITLES_FILE = "titles.parquet"
QUALITY_FILE = "quality.json"
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
    "duration_int",
    "duration_type",
    "listed_in",
    "description",
    "score",
]


class SnapshotError(Exception):
    """No usable snapshot in the folder; the message says what is wrong."""


def write_snapshot(catalogue: pd.DataFrame, quality: dict, out_dir: Path) -> None:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_atomically(out_dir / TITLES_FILE, lambda path: catalogue.to_parquet(path, index=False))
    write_atomically(
        out_dir / QUALITY_FILE,
        lambda path: Path(path).write_text(json.dumps(quality, indent=2, ensure_ascii=False) + "\n"),
    )


def load_catalogue(directory) -> pd.DataFrame:
    """The catalogue frame of a snapshot folder written by ``python -m core.etl``."""
    path = Path(directory) / TITLES_FILE
    if not path.is_file():
        raise SnapshotError(f"{path}: no snapshot here (build one with python -m core.etl)")
    try:
        catalogue = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several unrelated types for a damaged file
        raise SnapshotError(f"{path}: unreadable snapshot ({exc})") from None
    missing = [c for c in CATALOGUE_COLUMNS if c not in catalogue.columns]
    if missing:
        raise SnapshotError(f"{path}: snapshot lacks columns {', '.join(missing)}; rebuild it")
    return catalogue


def load_quality(directory) -> dict:
    return json.loads((Path(directory) / QUALITY_FILE).read_text())


def write_atomically(target: Path, write) -> None:
    """Call ``write(tmp_path)``, fsync, then rename over ``target``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
