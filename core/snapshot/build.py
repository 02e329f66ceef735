"""Build a new snapshot from the source and publish it, or say why not.

    python -m core.snapshot.build --source ../shared/datasets --data-dir data/processed

This is the refresh's worker. It runs in its own process, so the bot's CPU and event
loop stay free while the catalogue and the recommender are rebuilt (~10 s of CPU on
the full data). Killed at any moment, it leaves the last published snapshot current.
It prints one JSON line: {"outcome": "published" | "unchanged" | "refused" | "failed",
"detail": ..., "version": ..., "directory": ...}.

On a first start (an empty data folder) the bot opens its data folder with ``core.snapshot.first_start.Opening``,
which runs this build in a child with ``--catalogue-first`` and serves what it published. The bot
runs it through ``core.snapshot.child``
with ``--progress`` (a line per step on stderr) and ``--die-with-parent`` (exit when the bot
dies): the protocol every child speaks.
``--timeout``, ``--deadline`` and ``--max-mb`` bound each download from a URL source;
``--keep`` names a snapshot folder pruning must keep (one another replica serves).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass
from pathlib import Path

from core.etl import run_etl, source_files
from core.ingest.fetch import DOWNLOAD_DEADLINE_SECONDS, HTTP_TIMEOUT_SECONDS, MAX_DOWNLOAD_BYTES, Limits
from core.ingest.quality import catalogue_details
from core.ingest.source import SourceError, open_source
from core.recommender import Recommender
from core.snapshot.child import CATALOGUE_READY, exit_with_parent, print_progress
from core.snapshot.files import (
    SOURCE_FILE,
    SUGGESTIONS_EXPECTED_AT,
    SnapshotError,
    current_dir,
    has_current_columns,
    load_quality,
    load_source_state,
    publish,
    staging,
    write_json,
    write_snapshot,
)
from core.snapshot.memory import release_freed_memory

DEFAULT_MAX_DROP = 0.2
BUILD_NICENESS = 10  # os.nice: a bot's build child yields the CPU to the bot itself
# When a first start's suggestions are expected, after its catalogue: the model (full data,
# 2026-12-08: 7.6 s for 22,998 titles), then the act classifier (3.5 s under a profiler).
ACTS_SECONDS, MODEL_SECONDS_PER_TITLE = 3.5, 7.6 / 22_998
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    outcome: str  # "published", "unchanged", "refused" or "failed"
    detail: str
    version: str | None = None
    directory: str | None = None


def build_snapshot(
    data_dir,
    source,
    *,
    max_drop: float = DEFAULT_MAX_DROP,
    force: bool = False,
    limits: Limits | None = None,
    progress: Callable[[str], None] | None = None,
    catalogue_first: bool = False,
    keep: Collection[str] = (),
) -> BuildResult:
    """Publish a new snapshot in ``data_dir`` if the source changed and passes the gate.

    ``force`` rebuilds even when the files look unchanged or hold the same content.
    ``catalogue_first`` (a first start's) publishes the catalogue with its title search alone
    first, saying ``CATALOGUE_READY``, then the whole snapshot: the bot serves the first while
    the model builds.
    ``limits`` bound each download from a URL; ``progress`` hears a line per step; pruning
    keeps the snapshot folders named in ``keep``. Raises
    SourceError when the source cannot be read or parsed, SnapshotError when the data
    folder holds a damaged snapshot.
    """
    say = progress or _quiet
    started = time.monotonic()
    data_dir = Path(data_dir)
    src, previous_quality, unchanged = probe(data_dir, source, limits)
    if unchanged and not force:
        return unchanged

    src.on_read = lambda relpath, size: say(f"read {relpath} ({_size(size)})")
    result = run_etl(src, details=not catalogue_first)  # a first start's details come after its catalogue
    say(f"cleaned {result.quality['titles']:,} titles ({time.monotonic() - started:.1f} s so far)")
    if (
        previous_quality
        and not force
        and SUGGESTIONS_EXPECTED_AT not in previous_quality
        and result.version == previous_quality.get("version")
    ):
        # Touched or re-served but identical: remember the new validators, skip the rebuild.
        write_json(current_dir(data_dir) / SOURCE_FILE, result.source_state)
        return BuildResult("unchanged", "the source files have the same content", result.version)
    if previous_quality:
        problem = shrinkage(
            previous_quality.get("titles_per_platform", {}), result.quality["titles_per_platform"], max_drop
        )
        if problem:
            return BuildResult("refused", problem, result.version)

    if catalogue_first:
        _publish(data_dir, result, say, suggestions=False, keep=keep)
        say(CATALOGUE_READY)
        result.quality.update(catalogue_details(result.catalogue))
    final = _publish(data_dir, result, say, keep=keep)
    say(f"published catalogue {result.version} in {time.monotonic() - started:.1f} s")
    return BuildResult("published", f"{result.quality['titles']:,} titles", result.version, str(final))


def open_snapshot(
    data_dir: Path,
    source,
    *,
    limits: Limits | None = None,
    on_progress: Callable[[str], None] | None = None,
):
    """The whole snapshot of ``data_dir`` (``core.snapshot.store.load_snapshot``), built from
    ``source`` in a child process first when there is none: ``core.snapshot.first_start``'s
    ``Opening``, waiting for the whole snapshot (the bot does not wait)."""
    from core.snapshot.first_start import Opening  # the serving side: not this child's imports

    return Opening(data_dir, source, limits=limits, on_progress=on_progress).store(wait=True).current


def _publish(
    data_dir: Path, result, say: Callable[[str], None], suggestions: bool = True, keep: Collection[str] = ()
) -> Path:
    """Stage and publish the snapshot of ``result``: its catalogue, the recommender model and
    the act classifier; without ``suggestions``, the catalogue and its title search alone,
    its quality report saying when the rest is expected (``SUGGESTIONS_EXPECTED_AT``). Pruning keeps the folders named in ``keep``."""
    staged = staging(data_dir)
    try:
        expected_at = time.time() + ACTS_SECONDS + len(result.catalogue) * MODEL_SECONDS_PER_TITLE
        quality = result.quality if suggestions else {**result.quality, SUGGESTIONS_EXPECTED_AT: expected_at}
        write_snapshot(result.catalogue, quality, staged, result.source_state)
        release_freed_memory()  # the ETL's buffers: the model build's peak would add to them
        if not suggestions:
            Recommender.save_title_search(result.catalogue, staged)
            return publish(data_dir, staged, result.version, keep)
        say("building the recommender model (the longest step)")
        started = time.monotonic()
        recommender = Recommender.build(result.catalogue)
        recommender.save(staged)
        say(f"built the recommender model in {time.monotonic() - started:.1f} s")
        _trained_acts(result.catalogue, recommender, result.quality).save(staged, result.version)
        return publish(data_dir, staged, result.version, keep)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise


def _trained_acts(catalogue, recommender, quality):
    """The act classifier trained on this snapshot's vocabulary, exactly as the serving process
    reads messages with it: so the serving process loads it instead of training it."""
    from core.snapshot.store import Snapshot  # the serving side's wiring, not the build's imports

    return Snapshot.build(catalogue, recommender, quality).understanding.acts


def _quiet(text: str) -> None:
    pass


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size / 1e3:.1f} kB"


def probe(data_dir, source, limits: Limits | None = None):
    """(opened source, the current snapshot's quality report or {}, a BuildResult if the
    source files are unchanged since that snapshot was built, else None).
    Cheap: stat calls for a folder, conditional requests (no body read) for a URL."""
    previous_quality, previous_state = _previous(Path(data_dir))
    location = str(open_source(source))
    known = previous_state.get("files", {}) if previous_state.get("location") == location else {}
    src = open_source(source, known, limits)
    # A first start's catalogue, served while its model was built: never complete as it is.
    partial = SUGGESTIONS_EXPECTED_AT in previous_quality
    if previous_quality and not partial and known and _unchanged(src, known):
        unchanged = BuildResult("unchanged", "the source files have not changed", previous_quality["version"])
        return src, previous_quality, unchanged
    return src, previous_quality, None


def shrinkage(before: dict[str, int], after: dict[str, int], max_drop: float) -> str | None:
    """Why the new counts look like a broken input, or None when they are plausible.

    Per platform as well as overall: one platform's file losing half its rows is only
    a fifth of the whole catalogue, and exactly the damage the gate is for."""
    problems = []
    for platform, old in sorted(before.items()):
        new = after.get(platform, 0)
        if old and (old - new) / old > max_drop:
            problems.append(f"{platform} {old:,} → {new:,}")
    total_old, total_new = sum(before.values()), sum(after.values())
    if total_old and (total_old - total_new) / total_old > max_drop:
        problems.append(f"all platforms {total_old:,} → {total_new:,}")
    if not problems:
        return None
    return f"refused: titles would drop by more than {max_drop:.0%} ({'; '.join(problems)})"


def _previous(data_dir: Path) -> tuple[dict, dict]:
    if not has_current_columns(data_dir):  # built by older code: build as on a first start
        return {}, {}
    try:
        return load_quality(data_dir), load_source_state(data_dir)
    except SnapshotError:  # nothing usable to compare with: build as on a first start
        return {}, {}


def _unchanged(src, known: dict) -> bool:
    files = source_files(src)
    return set(files) == set(known) and all(src.is_unchanged(f) for f in files)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.die_with_parent:
        exit_with_parent()
    limits = Limits(timeout=args.timeout, deadline=args.deadline, max_bytes=int(args.max_mb * 2**20))
    if args.die_with_parent and not args.catalogue_first:
        step_aside()  # a refresh: the bot's replies come first
    progress = _progress(args)
    try:
        result = build_snapshot(
            args.data_dir,
            args.source,
            max_drop=args.max_drop,
            force=args.force,
            limits=limits,
            progress=progress,
            catalogue_first=args.catalogue_first,
            keep=args.keep,
        )
    except (SourceError, SnapshotError, OSError) as exc:
        result = BuildResult("failed", str(exc) if not isinstance(exc, OSError) else f"cannot write: {exc}")
    print(json.dumps(asdict(result), ensure_ascii=False))
    return 1 if result.outcome == "failed" else 0


def step_aside() -> None:
    """Let the serving process win the CPU from here on: a build is seconds of work nobody waits
    for, a reply is milliseconds someone does."""
    with contextlib.suppress(OSError):
        os.nice(BUILD_NICENESS)


def _progress(args) -> Callable[[str], None] | None:
    if not args.progress:
        return None

    def progress(text: str) -> None:
        print_progress(text)
        if text == CATALOGUE_READY and args.die_with_parent:
            step_aside()  # the bot now serves the catalogue; the rest of the build must not slow it

    return progress


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m core.snapshot.build", description=__doc__.split("\n\n")[0]
    )
    add = parser.add_argument
    add("--source", required=True, help="folder or http(s) base URL with titles/ and ratings/")
    add("--data-dir", required=True, type=Path, help="data folder, e.g. data/processed")
    add("--max-drop", type=float, default=DEFAULT_MAX_DROP, help="share of titles a build may lose")
    add("--force", action="store_true", help="rebuild even if the files look unchanged")
    add("--timeout", type=float, default=HTTP_TIMEOUT_SECONDS, help="seconds per read from a URL")
    add("--deadline", type=float, default=DOWNLOAD_DEADLINE_SECONDS, help="seconds per file from a URL")
    add("--max-mb", type=float, default=MAX_DOWNLOAD_BYTES / 2**20, help="largest file to download, in MB")
    add(
        "--catalogue-first",
        action="store_true",
        help="publish the catalogue before the model (a first start)",
    )
    add("--progress", action="store_true", help="a line per step on stderr, prefixed with 'progress: '")
    add("--keep", action="append", default=[], help="a snapshot folder pruning keeps (repeatable)")
    add("--die-with-parent", action="store_true", help="exit when stdin closes (the parent holds it open)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
