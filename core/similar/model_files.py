"""The recommender's files beside a catalogue snapshot: ``recommender.npz`` (arrays, no
pickle), ``recommender.json`` (format, catalogue version, table width) and the neighbour
table in two ``.npy`` files, memory-mapped on load (a reply touches a few rows; snapshot
files are never changed in place). ``read_model`` raises ``StaleModelError`` when the files
belong to another catalogue version, row order or format: a serving process never builds a
model (that is the build's job, in a child process)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from core.snapshot.arrays import pack_strings, unpack_strings
from core.snapshot.atomic import write_atomically, write_json

MODEL_FILE = "recommender.npz"
META_FILE = "recommender.json"
NEIGHBOURS_FILE = "recommender-neighbours.npy"
SIMILARITIES_FILE = "recommender-similarities.npy"
# 2: canonical genres, audiences and works (core.catalogue.works); 3: the neighbour table in .npy
# files; 4: audiences from the platform's own maturity label, not the rules' filled-in "g";
# 5: children's titles' neighbours found among the titles safe next to them
FORMAT = 5


class StaleModelError(Exception):
    """The saved model does not belong to this catalogue (other version or rows)."""


def write_model(
    directory: Path, version: str, per_platform: int, *, ids, keys, series, row_key, neighbours, similarities
) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    arrays = {
        "ids": pack_strings(ids),
        "keys": pack_strings(keys),
        "series": pack_strings(series),
        "row_key": row_key,
    }
    meta = {"format": FORMAT, "version": version, "rows": len(ids), "per_platform": per_platform}

    def write_npz(path):
        with open(path, "wb") as handle:  # a file object: np.savez would append ".npz" to a name
            np.savez(handle, **arrays)

    for name, table in ((NEIGHBOURS_FILE, neighbours), (SIMILARITIES_FILE, similarities)):
        write_atomically(directory / name, lambda path, table=table: _save_npy(path, table))
    write_atomically(directory / MODEL_FILE, write_npz)
    write_json(directory / META_FILE, meta)  # last: it names the format the files above have


def read_model(directory: Path, catalogue: pd.DataFrame, per_platform: int):
    """(keys, row_key, series, neighbours, similarities) saved for ``catalogue``; the neighbour
    table memory-mapped. StaleModelError unless they are whole and belong to it."""
    try:
        meta = json.loads((directory / META_FILE).read_text())
        neighbours = np.load(directory / NEIGHBOURS_FILE, mmap_mode="r", allow_pickle=False)
        similarities = np.load(directory / SIMILARITIES_FILE, mmap_mode="r", allow_pickle=False)
        with np.load(directory / MODEL_FILE, allow_pickle=False) as data:
            ids, keys, series = (
                unpack_strings(data["ids"]),
                unpack_strings(data["keys"]),
                unpack_strings(data["series"]),
            )
            row_key = data["row_key"]
    except (OSError, ValueError, KeyError) as exc:
        raise StaleModelError(f"{directory}: no usable model ({exc})") from None
    version = catalogue.attrs.get("version", "")
    if meta.get("format") != FORMAT or meta.get("version") != version:
        raise StaleModelError(f"{directory}: model is for catalogue {meta.get('version')!r}, not {version!r}")
    if meta.get("per_platform") != per_platform or ids != catalogue["id"].tolist():
        raise StaleModelError(f"{directory}: model rows differ from the catalogue's")
    # A table of another shape or type would be wrong, or copied whole into memory.
    if (
        neighbours.shape != similarities.shape
        or len(neighbours) != len(ids)
        or (neighbours.dtype != row_dtype(len(ids)))
    ):
        raise StaleModelError(f"{directory}: neighbour table does not match the model")
    return keys, row_key, series, neighbours, similarities


def _save_npy(path, table: np.ndarray) -> None:
    with open(path, "wb") as handle:  # a file object: np.save would append ".npy" to a name
        np.save(handle, np.ascontiguousarray(table), allow_pickle=False)


def row_dtype(rows: int):
    """The smallest integer type for row numbers: neighbour arrays are most of the model."""
    return np.uint16 if rows <= np.iinfo(np.uint16).max + 1 else np.int32
