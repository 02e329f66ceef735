"""Naive pandas versions of the catalogue questions: obviously right, slow.

The tests compare core.queries against them over many random arguments, and the
benchmark times them as the baseline the precomputed index has to beat.
"""

from __future__ import annotations

import pandas as pd


def count_titles(cat, platform=None, year=None, type=None) -> int:
    mask = pd.Series(True, index=cat.index)
    if platform:
        mask &= cat["platform"] == platform
    if year:
        mask &= cat["release_year"] == year
    if type:
        mask &= cat["type"] == type
    return int(mask.sum())


def max_duration(cat, year=None, platform=None, duration_type="min"):
    found = cat[cat["duration_type"] == duration_type]
    if year:
        found = found[found["release_year"] == year]
    if platform:
        found = found[found["platform"] == platform]
    found = found.dropna(subset=["duration_int"])
    if found.empty:
        return None
    longest = found[found["duration_int"] == found["duration_int"].max()]
    best = longest.sort_values(["title", "id"]).iloc[0]
    return {"id": best["id"], "title": best["title"], "duration_int": int(best["duration_int"])}


def score_count(cat, platform, score, year) -> int:
    movies = cat[(cat["type"] == "movie") & (cat["platform"] == platform) & (cat["release_year"] == year)]
    return int((movies["score"] > score).sum())


def top_actor(cat, platform, year):
    found = cat[(cat["platform"] == platform) & (cat["release_year"] == year)].dropna(subset=["cast"])
    counts: dict[str, int] = {}
    for cast in found["cast"]:
        for actor in set(cast.split(", ")):
            counts[actor] = counts.get(actor, 0) + 1
    if not counts:
        return None
    actor = min(counts, key=lambda name: (-counts[name], name))
    return {"actor": actor, "count": counts[actor]}


def count_by_country(cat, type, country, year) -> int:
    found = cat[(cat["type"] == type) & (cat["release_year"] == year)].dropna(subset=["country"])
    return int(found["country"].map(lambda countries: country in countries.split(", ")).sum())


def count_by_rating(cat, rating) -> int:
    return int((cat["rating"] == rating).sum())
