"""Read one platform's titles CSV into raw strings, setting aside malformed rows.

Python's csv module is used instead of pandas' reader so that every bad row can be
counted with its line number and reason: a malformed row is skipped, never fatal.
"""

from __future__ import annotations

import csv
import io

import pandas as pd

from core.catalogue.title_types import TitleType
from core.ingest.source import SourceError

TITLE_COLUMNS = [
    "show_id",
    "type",
    "title",
    "director",
    "cast",
    "country",
    "date_added",
    "release_year",
    "rating",
    "duration",
    "listed_in",
    "description",
]
TYPES = {TitleType.MOVIE: "Movie", TitleType.SHOW: "TV Show"}
YEARS = range(1870, 2101)


def parse_titles_csv(raw: bytes, relpath: str) -> tuple[pd.DataFrame, list[dict]]:
    """Rows as strings (None for empty fields) plus the rejected rows with their reasons."""
    text = _decode(raw, relpath)
    reader = csv.reader(io.StringIO(text, newline=""))
    positions = _column_positions(next(reader, None), relpath)

    columns: dict[str, list] = {name: [] for name in TITLE_COLUMNS}
    rejected: list[dict] = []
    seen_ids: set[str] = set()
    width = len(positions["__width__"])
    try:
        for fields in reader:
            if not fields or fields == [""]:
                continue
            line = reader.line_num
            reason = _problem(fields, width, positions, seen_ids)
            if reason:
                show_id = fields[positions["show_id"]].strip() if len(fields) > positions["show_id"] else None
                rejected.append({"file": relpath, "line": line, "show_id": show_id or None, "reason": reason})
                continue
            for name in TITLE_COLUMNS:
                columns[name].append(fields[positions[name]] or None)
    except csv.Error as exc:
        raise SourceError(f"{relpath}: broken CSV near line {reader.line_num} ({exc})") from None
    return pd.DataFrame(columns, dtype="str"), rejected


def _decode(raw: bytes, relpath: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{relpath}: not UTF-8 text (byte {exc.start})") from None


def _column_positions(header: list[str] | None, relpath: str) -> dict:
    if not header:
        raise SourceError(f"{relpath}: file is empty (expected a header row)")
    names = [name.strip().lower() for name in header]
    missing = [name for name in TITLE_COLUMNS if name not in names]
    if missing:
        raise SourceError(
            f"{relpath}: wrong columns, missing {', '.join(missing)} (expected {','.join(TITLE_COLUMNS)})"
        )
    positions: dict = {name: names.index(name) for name in TITLE_COLUMNS}
    positions["__width__"] = names
    return positions


def _problem(fields: list[str], width: int, positions: dict, seen_ids: set[str]) -> str | None:
    if len(fields) != width:
        return f"wrong field count: expected {width}, found {len(fields)}"
    show_id = fields[positions["show_id"]].strip()
    if not show_id:
        return "missing show_id"
    if show_id in seen_ids:
        return f"duplicate show_id: {show_id}"
    if not fields[positions["title"]].strip():
        return "missing title"
    kind = fields[positions["type"]].strip()
    if kind.lower() not in TYPES:
        return f"unknown type: {kind!r} (expected Movie or TV Show)"
    year = fields[positions["release_year"]].strip()
    if not (year.isdigit() and int(year) in YEARS):
        return f"bad release_year: {year!r}"
    seen_ids.add(show_id)
    return None
