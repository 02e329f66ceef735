"""Copy a source published at a URL into a local folder, in the layout the bot reads.

    python -m core.ingest.download --source https://example.org/datasets/ --out ../shared/datasets

Fetches the four title files and the ratings (the per-title means, or the raw parts
ratings/1.csv, 2.csv, ...). Each file is written to a temporary name and renamed, so
an interrupted download never leaves a half-written file under its real name.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from core.etl import source_files
from core.ingest.source import SourceError, UrlSource, is_url, report_failure
from core.snapshot.atomic import write_atomically


def download(url: str, out: Path) -> list[tuple[str, int]]:
    """Mirror every file the ETL reads; returns (relative path, bytes) per file. Each file
    streams to disk (never whole in memory) under the limits of ``core.ingest.fetch.Limits``."""
    src = UrlSource(url)
    written = []
    try:
        for relpath in source_files(src):
            downloaded = src.download(relpath)
            target = out / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, lambda path, downloaded=downloaded: shutil.copyfile(downloaded, path))
            written.append((relpath, downloaded.stat().st_size))
    finally:
        src.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m core.ingest.download", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--source", required=True, help="http(s) base URL holding titles/ and ratings/")
    parser.add_argument("--out", required=True, type=Path, help="folder to write, e.g. ../shared/datasets")
    args = parser.parse_args(argv)
    if not is_url(args.source):
        print(
            f"error: {args.source}: not an http(s) URL (a folder can be used as a source directly)",
            file=sys.stderr,
        )
        return 2
    try:
        written = download(args.source, args.out)
    except (SourceError, OSError) as exc:
        return report_failure(exc, args.out, "cannot write")
    for relpath, size in written:
        print(f"{args.out / relpath}  {size:,} bytes")
    print(f"Use it with STREAMBOT_DATA_SOURCE={args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
