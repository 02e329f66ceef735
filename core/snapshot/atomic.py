"""Files replaced whole or not at all: a reader never sees half of one.

Snapshots, the recommender's files, re-ranker models and their ``CURRENT`` pointers, the
``ANNOUNCED`` file and downloaded source files are all written this way: into a temporary
file beside the target, fsynced, renamed over it, and the folder fsynced so the rename
survives a power cut.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


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
    fsync_dir(target.parent)


def write_json(target: Path, value) -> None:
    write_text(target, json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def write_text(target: Path, text: str) -> None:
    write_atomically(target, lambda path: Path(path).write_text(text))


def fsync_dir(directory: Path) -> None:
    """Make a rename inside ``directory`` durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
