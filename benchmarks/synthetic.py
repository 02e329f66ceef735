"""A synthetic source N times the size of a real one, for scale benchmarks.

Every title of the real source is kept, and copied ``factor - 1`` times under new ids
(``s1`` becomes ``s1x2``, ``s1x3``, ...) with two extra words appended to its title; every
other column, and the title's mean rating, is copied as it is. The words are drawn from a
fixed vocabulary with a fixed seed, so a factor always gives the same files.

    python -m benchmarks.synthetic --factor 10 --out /tmp/source-x10 [--source ../shared/datasets]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

from core.catalogue.platforms import TITLE_FILES

DEFAULT_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "datasets"
RATINGS_FILE = Path("ratings") / "title_mean_ratings.csv"
WORDS = (  # noqa: SIM905 - one string reads better than 64 quoted words
    "red blue golden silent hidden last first lost broken wild dark bright little great "
    "northern southern midnight summer winter autumn spring ocean river mountain desert city "
    "village island forest kingdom empire garden harbour station bridge tower castle valley "
    "legacy promise secret journey return rising falling edge heart shadow light storm fire "
    "stone glass iron silver paper velvet crystal thunder whisper echo signal voyage frontier"
).split()


def write_synthetic_source(source: Path, out: Path, factor: int, seed: int = 7) -> int:
    """Write the enlarged source into ``out``; returns the number of titles written."""
    if factor < 1:
        raise ValueError("factor must be at least 1")
    rng = random.Random(seed)
    (out / "titles").mkdir(parents=True, exist_ok=True)
    (out / "ratings").mkdir(parents=True, exist_ok=True)
    ratings = _read_ratings(source / RATINGS_FILE)
    new_ratings: list[tuple[str, str]] = []
    written = 0
    for platform, filename in TITLE_FILES.items():
        rows = _read_rows(source / filename)
        header, body = rows[0], rows[1:]
        sid, title = header.index("show_id"), header.index("title")
        with (out / filename).open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            for copy in range(1, factor + 1):
                for row in body:
                    if len(row) <= max(sid, title):
                        if copy == 1:
                            writer.writerow(row)  # a malformed row stays in the original copy only
                        continue
                    if copy > 1:
                        row = list(row)
                        rating = ratings.get(platform[0] + row[sid])
                        row[sid] = f"{row[sid]}x{copy}"
                        row[title] = f"{row[title]} {rng.choice(WORDS)} {rng.choice(WORDS)}"
                        if rating is not None:
                            new_ratings.append((platform[0] + row[sid], rating))
                    writer.writerow(row)
                    written += 1
    with (out / RATINGS_FILE).open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["", "movieId", "rating"])
        for i, (movie, rating) in enumerate([*ratings.items(), *new_ratings]):
            writer.writerow([i, movie, rating])
    return written


def _read_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def _read_ratings(path: Path) -> dict[str, str]:
    rows = _read_rows(path)
    header = rows[0]
    movie, rating = header.index("movieId"), header.index("rating")
    return {r[movie]: r[rating] for r in rows[1:]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args(argv)
    written = write_synthetic_source(args.source, args.out, args.factor)
    print(f"{written:,} titles written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
