"""The quality report written beside each snapshot, and its one-paragraph summary."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd


def report(
    catalogue: pd.DataFrame, repairs: dict, rejected: list[dict], ratings, *, version: str, source: str
) -> dict:
    duplicates = cross_platform_duplicates(catalogue)
    return {
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
        "cross_platform_duplicates": {"groups": len(duplicates), "titles": duplicates},
    }


def cross_platform_duplicates(catalogue: pd.DataFrame) -> list[dict]:
    """Titles (same lowercase title and release year) carried by more than one platform."""
    keyed = catalogue[["title", "release_year", "platform", "id"]]
    spread = keyed.groupby(["title", "release_year"])["platform"].transform("nunique")
    shared = keyed[spread > 1].sort_values(["title", "release_year", "id"])
    return [
        {"title": title, "release_year": int(year), "ids": list(group["id"])}
        for (title, year), group in shared.groupby(["title", "release_year"], sort=True)
    ]


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
        f"titles with a score: {quality['ratings']['titles_with_score']:,}\n"
        f"wrote {Path(out_dir) / 'titles.parquet'} and quality.json in {seconds:.2f} s"
    )


def _reason_kind(reason: str) -> str:
    # Reasons read "kind: detail"; the report counts kinds ("duplicate show_id"), not details.
    return reason.split(":", 1)[0]
