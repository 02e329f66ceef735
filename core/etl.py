"""Raw platform files -> one clean catalogue frame, with its quality report.

The rules come from the original specification (ids, null ratings, dates, lowercase
text, split durations); the repairs handle what the real files do on top of that.
Every repair and every rejected row is counted in the quality report.

    python -m core.etl --source ../shared/datasets --out export/

exports the cleaned catalogue (``titles.parquet`` and ``quality.json``, each written
atomically) for a look at the data. It is not a snapshot the bot serves: those carry a
recommender model and are published, with ``CURRENT``, by ``python -m core.snapshot.build``
(which calls ``run_etl``), the one way to publish.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from core.catalogue import genres, platforms
from core.ingest import quality
from core.ingest.ratings import RatingsResult, read_ratings
from core.ingest.source import SourceError, open_source, report_failure
from core.ingest.titles_csv import TITLE_COLUMNS, parse_titles_csv
from core.snapshot.files import CATALOGUE_COLUMNS, load_catalogue, write_catalogue

__all__ = ["build_catalogue", "load_catalogue", "run_etl", "EtlResult", "PLATFORM_FILES"]

PLATFORM_FILES = platforms.TITLE_FILES
TEXT_COLUMNS = [
    "type",
    "title",
    "director",
    "cast",
    "country",
    "rating",
    "maturity",
    "listed_in",
    "description",
]
LIST_COLUMNS = ["director", "cast", "country", "listed_in"]
DISPLAY_COLUMNS = ["title", "director", "cast", "country", "description"]
DURATION = r"^(?P<n>\d+)\s*(?P<unit>min|mins|minutes?|seasons?)$"
DATE_FORMAT = "%B %d, %Y"
INVISIBLE = " \t\r\n\u00a0\u200b\ufeff"
RAW_TEXT_COLUMNS = [c for c in TITLE_COLUMNS if c != "release_year"]  # parsed as a number


@dataclass
class EtlResult:
    catalogue: pd.DataFrame
    quality: dict = field(default_factory=dict)
    # {"location": ..., "files": {relpath: validator}}: what a later refresh compares against
    source_state: dict = field(default_factory=dict)

    @property
    def version(self) -> str:
        return self.quality["version"]


def build_catalogue(source) -> pd.DataFrame:
    """The clean catalogue of a source (folder path or http(s) URL), one row per title."""
    return run_etl(source).catalogue


def run_etl(source, details: bool = True) -> EtlResult:
    """Build the catalogue and its quality report (without ``details``: the report's summary,
    ``core.ingest.quality.report``); raises SourceError on unusable input."""
    src = open_source(source)
    digest = hashlib.sha256()
    frames, rejected = [], []
    for platform, relpath in PLATFORM_FILES.items():
        raw = src.read(relpath)
        digest.update(raw)
        frame, bad_rows = parse_titles_csv(raw, relpath)
        frame.insert(0, "platform", platform)
        frames.append(frame)
        rejected.extend(bad_rows)
    raw_titles = pd.concat(frames, ignore_index=True)

    catalogue, repairs = clean_titles(raw_titles)
    ratings = read_ratings(src, digest)
    catalogue = attach_scores(catalogue, ratings)
    version = digest.hexdigest()[:12]
    catalogue.attrs["version"] = version
    report = quality.report(
        catalogue, repairs, rejected, ratings, version=version, source=str(src), details=details
    )
    return EtlResult(catalogue, report, {"location": str(src), "files": dict(src.validators)})


def source_files(src) -> list[str]:
    """Every file the ETL reads from an opened source."""
    return [*PLATFORM_FILES.values(), *src.ratings_files()]


def clean_titles(raw: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Apply the specification's rules and the repairs; return the frame and repair counts."""
    df = raw.copy()
    repairs: dict[str, dict[str, int]] = {}

    def count(name: str, mask: pd.Series) -> None:
        repairs[name] = {p: int(n) for p, n in df.loc[mask, "platform"].value_counts().items()}

    stray = df["date_added"].notna() & (df["date_added"] != df["date_added"].str.strip())
    count("date_whitespace_trimmed", stray)
    for column in RAW_TEXT_COLUMNS:
        # Hulu's descriptions start with a zero-width space; Netflix's dates with a blank.
        df[column] = df[column].str.strip(INVISIBLE)
        df[column] = df[column].mask(df[column] == "")

    # Some rows carry the duration in `rating` and nothing in `duration`: move it back.
    shifted = df["duration"].isna() & df["rating"].str.match(DURATION, case=False).fillna(False)
    count("duration_moved_from_rating", shifted)
    df.loc[shifted, "duration"] = df.loc[shifted, "rating"]
    df.loc[shifted, "rating"] = pd.NA

    count("rating_filled_with_g", df["rating"].isna())
    # The original rules fill a missing rating with "G" (its questions count those as G); a
    # label nobody gave is no promise to a parent, so the platform's own label is kept apart.
    df["maturity"] = df["rating"]
    df["rating"] = df["rating"].fillna("G")

    dates = pd.to_datetime(df["date_added"], format=DATE_FORMAT, errors="coerce")
    count("date_unparseable_dropped", df["date_added"].notna() & dates.isna())
    df["date_added"] = dates.dt.strftime("%Y-%m-%d").astype("str")

    parts = df["duration"].str.lower().str.extract(DURATION)
    count("duration_unparseable_dropped", df["duration"].notna() & parts["n"].isna())
    df["duration_int"] = pd.to_numeric(parts["n"]).astype("Int64")
    df["duration_type"] = parts["unit"].map(_duration_unit).astype("str")

    for column in LIST_COLUMNS:
        # "United States, " and "a ,b" become clean comma-separated lists.
        df[column] = df[column].str.replace(r"(\s*,\s*)+", ", ", regex=True).str.strip(", ")
        df[column] = df[column].mask(df[column] == "")
    # The original rules lowercase the text columns for matching; replies show the source's casing.
    for column in DISPLAY_COLUMNS:
        df[f"display_{column}"] = df[column]
    for column in TEXT_COLUMNS:
        df[column] = df[column].str.lower()
    df["genres"] = _canonical_genres(df["listed_in"])

    df["id"] = df["platform"].str[0] + df["show_id"]
    df["release_year"] = df["release_year"].astype("int64")
    return df, repairs


def attach_scores(catalogue: pd.DataFrame, ratings: RatingsResult) -> pd.DataFrame:
    scores = catalogue["id"].map(ratings.means).astype("Float64")
    catalogue = catalogue.assign(score=scores)
    return catalogue[CATALOGUE_COLUMNS].reset_index(drop=True)


def _canonical_genres(listed_in: pd.Series) -> pd.Series:
    """The ``genres`` column: each title's canonical genres as "animation, family"."""
    # Titles share a few thousand distinct label lists: map each list once.
    mapped = {value: ", ".join(genres.genres_of(value)) for value in listed_in.dropna().unique()}
    return listed_in.map(mapped).astype("str").fillna("")


def _duration_unit(unit) -> str | None:
    if not isinstance(unit, str):
        return None
    return "season" if unit.startswith("season") else "min"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m core.etl",
        description="Export the cleaned catalogue (titles.parquet + quality.json) into a folder. "
        "To publish a snapshot the bot serves, run python -m core.snapshot.build.",
    )
    parser.add_argument(
        "--source", required=True, help="folder or http(s) base URL with titles/ and ratings/"
    )
    parser.add_argument("--out", required=True, type=Path, help="folder to write the export into")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        result = run_etl(args.source)
        write_catalogue(result.catalogue, result.quality, args.out)
    except (SourceError, OSError) as exc:
        return report_failure(exc, args.out, "cannot write the export")
    print(quality.summary(result.quality, args.out, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
