"""The quality report written beside each snapshot, and its one-paragraph summary."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from core.catalogue import genres, placeholders, works


def report(
    catalogue: pd.DataFrame,
    repairs: dict,
    rejected: list[dict],
    ratings,
    *,
    version: str,
    source: str,
    details: bool = True,
) -> dict:
    """The build's quality report. Without ``details`` (``catalogue_details``: copies across
    platforms, genres, placeholders; half of the ETL's time) a first start publishes its
    catalogue sooner, and the whole snapshot after it carries them."""
    summary = {
        "version": version,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": source,
        "titles": len(catalogue),
        "titles_per_platform": {
            p: int(n) for p, n in catalogue["platform"].value_counts().sort_index().items()
        },
        "repairs": repairs,
        "nulls": {c: int(n) for c, n in catalogue.isna().sum().items()},
        "rejected_rows": len(rejected),
        "rejected_by_reason": dict(Counter(_reason_kind(r["reason"]) for r in rejected)),
        "rejected": rejected,
        "ratings": {
            "form": ratings.form,
            "files": ratings.files,
            "rows_read": ratings.rows_read,
            "rows_rejected": ratings.rows_rejected,
            "titles_with_score": int(catalogue["score"].notna().sum()),
            "titles_without_score": int(catalogue["score"].isna().sum()),
            "ratings_for_unknown_titles": int((~ratings.means.index.isin(catalogue["id"])).sum()),
        },
    }
    return {**summary, **catalogue_details(catalogue)} if details else summary


def catalogue_details(catalogue: pd.DataFrame) -> dict:
    """The report's sections about the titles themselves (``report`` without ``details`` lacks them)."""
    duplicates = cross_platform_duplicates(catalogue)
    return {
        "cross_platform_duplicates": {"groups": len(duplicates), "titles": duplicates},
        "genres": genre_report(catalogue),
        # Test, onboarding and teaser rows, and credits that name nobody: kept out of the people
        # answers and of the longest/shortest (core/catalogue/placeholders.py).
        "placeholders": placeholders.report(catalogue),
    }


def genre_report(catalogue: pd.DataFrame) -> dict:
    """Titles per canonical genre, and the platform labels the vocabulary does not know yet:
    a new label is reported here (with how many titles carry it) until ``core.catalogue.genres`` maps
    or ignores it."""
    per_genre = Counter(g for value in catalogue["genres"] for g in genres.split_genres(value))
    unknown = genres.unknown_labels(catalogue["listed_in"])
    return {
        "titles_per_genre": {g: per_genre[g] for g in genres.GENRE_IDS if per_genre[g]},
        "titles_without_genre": int((catalogue["genres"] == "").sum()),
        "unknown_labels": dict(unknown.most_common()),
    }


def cross_platform_duplicates(catalogue: pd.DataFrame) -> list[dict]:
    """Works carried more than once (see ``core.catalogue.works``: same title, and for films the
    same year give or take one), with the platforms' ids."""
    groups = []
    # Plain arrays, not a pandas row per group: the report was 0.5 s of a first start's 1.7 s ETL.
    platforms = catalogue["platform"].to_numpy()
    titles, years = catalogue["title"].to_numpy(dtype=object), catalogue["release_year"].to_numpy()
    ids = catalogue["id"].to_numpy(dtype=object)
    for rows in works.copies(catalogue):
        if len(set(platforms[rows])) < 2:
            continue  # listed twice by one platform: not a cross-platform copy
        first = rows[0]
        groups.append({"title": titles[first], "release_year": int(years[first]), "ids": sorted(ids[rows])})
    return sorted(groups, key=lambda g: (g["title"], g["release_year"]))


def summary(quality: dict, out_dir: Path, seconds: float) -> str:
    platforms = ", ".join(f"{p} {n:,}" for p, n in quality["titles_per_platform"].items())
    repairs = ", ".join(
        f"{name.replace('_', ' ')} {sum(per.values()):,}" for name, per in quality["repairs"].items() if per
    )
    return (
        f"catalogue {quality['version']}: {quality['titles']:,} titles ({platforms})\n"
        f"repairs: {repairs or 'none'}\n"
        f"rejected rows: {quality['rejected_rows']:,}; "
        f"cross-platform duplicates: {quality['cross_platform_duplicates']['groups']:,}; "
        f"titles with a score: {quality['ratings']['titles_with_score']:,}; "
        f"placeholder rows: {quality.get('placeholders', {}).get('placeholder_rows', 0):,}\n"
        f"{_unknown_labels_line(quality)}"
        f"wrote {Path(out_dir) / 'titles.parquet'} and quality.json in {seconds:.2f} s"
    )


def _unknown_labels_line(quality: dict) -> str:
    unknown = quality.get("genres", {}).get("unknown_labels", {})
    if not unknown:
        return ""
    listed = ", ".join(f"{label!r} ({n:,})" for label, n in list(unknown.items())[:5])
    return f"genre labels not in core/catalogue/genres.py: {listed}\n"


def _reason_kind(reason: str) -> str:
    # Reasons read "kind: detail"; the report counts kinds ("duplicate show_id"), not details.
    return reason.split(":", 1)[0]
