"""Per-title mean ratings from either form the source may hold.

- raw user ratings: any number of CSV parts with userId, rating, timestamp, movieId;
- per-title means: ``title_mean_ratings.csv`` with movieId and rating (the mean).
Raw parts are reduced to a sum and a count per title, so parts can be read one at a time.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pandas as pd

from core.ingest.source import SourceError

RAW_COLUMNS = {"userid", "rating", "movieid"}
MEAN_COLUMNS = {"movieid", "rating"}
STARS = (0.5, 5.0)


@dataclass
class RatingsResult:
    means: pd.Series  # mean rating indexed by title id
    files: list[str] = field(default_factory=list)
    form: str = ""  # "raw", "means" or "raw+means"
    rows_read: int = 0
    rows_rejected: int = 0


def read_ratings(src, digest=None) -> RatingsResult:
    files = src.ratings_files()
    if not files:
        raise SourceError("ratings/: no rating files found (expected title_mean_ratings.csv or raw parts)")
    sums: list[pd.Series] = []
    counts: list[pd.Series] = []
    means: list[pd.Series] = []
    rows_read = rows_rejected = 0
    for relpath in files:
        raw = src.read(relpath)
        if digest is not None:
            digest.update(raw)
        frame = _read_csv(raw, relpath)
        valid = _valid_rows(frame)
        rows_read += len(frame)
        rows_rejected += int((~valid).sum())
        frame = frame[valid]
        if "userid" in frame.columns:
            grouped = frame.groupby("movieid")["rating"]
            sums.append(grouped.sum())
            counts.append(grouped.count())
        else:
            means.append(frame.drop_duplicates("movieid", keep="last").set_index("movieid")["rating"])

    combined = _combine(sums, counts, means)
    form = "+".join(name for name, parts in (("raw", sums), ("means", means)) if parts)
    return RatingsResult(combined, files, form, rows_read, rows_rejected)


def _read_csv(raw: bytes, relpath: str) -> pd.DataFrame:
    try:
        frame = pd.read_csv(io.BytesIO(raw), dtype={"movieId": "str", "movieid": "str"})
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise SourceError(f"{relpath}: not a readable CSV ({str(exc).splitlines()[0]})") from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    if not (set(frame.columns) >= RAW_COLUMNS or set(frame.columns) >= MEAN_COLUMNS):
        raise SourceError(
            f"{relpath}: wrong columns {','.join(frame.columns)} "
            "(expected userId,rating,timestamp,movieId or movieId,rating)"
        )
    frame["rating"] = pd.to_numeric(frame["rating"], errors="coerce")
    frame["movieid"] = frame["movieid"].astype("str").str.strip().str.lower()
    return frame


def _valid_rows(frame: pd.DataFrame) -> pd.Series:
    rating = frame["rating"]
    return rating.between(*STARS) & frame["movieid"].notna() & (frame["movieid"] != "")


def _combine(sums, counts, means) -> pd.Series:
    result = pd.Series(dtype="float64")
    if sums:
        total = pd.concat(sums).groupby(level=0).sum()
        n = pd.concat(counts).groupby(level=0).sum()
        result = total / n
    if means:
        # A published mean is authoritative for its title; raw parts fill the rest.
        published = pd.concat(means)
        published = published[~published.index.duplicated(keep="last")]
        result = published.combine_first(result)
    result.index.name = "id"
    return result.astype("float64")
