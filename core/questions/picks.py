"""The order of unpersonalised picks: "something for tonight", "best horror movies", /foryou
before any rating. ``/top`` and ``/score`` keep the mean score's order (the original questions).

The per-title mean ratings are bunched between 3.34 and 3.72, so ordered by them alone the
first picks are close to chance, and mostly obscure (*Terror At Blood Fart Lake* for "a horror
movie"). A pick should also be a title people know, and an entry that looks complete. Each row's
``picks_score`` adds, in points:

- **rating**: the mean rating's distance from the catalogue's median in units of its spread
  (MAD), clipped to ±2, times 0.5; an unscored title counts -1;
- **on several platforms**: +1 for each other platform carrying the work (at most +2) — what
  several buyers licensed, many people watch;
- **known people**: up to +1 from the best-known of its first three cast members (how many
  titles of the catalogues they are in: log2(1 + n) / 4, capped at 1); Hulu records no cast,
  so its titles count the catalogue's median there, neither a bonus nor a penalty;
- **a franchise**: +0.5 when the title is in a series (``core.search.titles.series_keys``) of
  three works or more;
- **a complete entry**: +0.25 each for a description, a cast (Hulu: given), a director
  (shows rarely name one: given), a country;
- **recent or classic**: +0.5 when released in the catalogue's last six years or filed as a
  classic or cult title;
- **not a placeholder**: -10 for the platforms' test rows ("Title before 1C onboarding") and -1
  for a language or format edition ("Coco (in Spanish)"): its original is the pick.

``benchmarks/eval_picks.py`` measures the share of the first ten picks of common requests that
are well-known works (``benchmarks/known_titles.txt``), by mean rating and by this score.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.catalogue.genres import split_genres
from core.catalogue.placeholders import placeholder_rows
from core.catalogue.title_types import TitleType
from core.catalogue.works import works_and_editions
from core.search.titles import series_keys

RECENT_YEARS = 6
NO_CAST_PLATFORMS = frozenset(["hulu"])  # platforms whose catalogue records no cast at all


def picks_score(catalogue: pd.DataFrame, *, works=None, series=None, placeholder=None) -> np.ndarray:
    """Each row's picks score (float64, higher first); see the module's docstring. What the
    caller has already is not made again: ``works`` (``works_and_editions``' pair), ``series``
    (``series_keys`` of the titles), ``placeholder`` (``placeholder_rows``)."""
    ids, editions = works_and_editions(catalogue) if works is None else works
    works = pd.Series(np.asarray(ids))
    series = pd.Series(series_keys(catalogue["display_title"].tolist()) if series is None else list(series))
    placeholder = placeholder_rows(catalogue) if placeholder is None else placeholder
    platform = catalogue["platform"].to_numpy(dtype=object)
    no_cast = np.isin(platform, list(NO_CAST_PLATFORMS))
    return (
        _rating(catalogue["score"].astype("float64").to_numpy())
        + _platforms(catalogue, works)
        + _known_people(catalogue, no_cast)
        + _franchise(works, series)
        + _complete(catalogue, no_cast)
        + _recent_or_classic(catalogue)
        - 10.0 * placeholder
        - 1.0 * np.asarray(editions)
    )


def _rating(score: np.ndarray) -> np.ndarray:
    scored = score[~np.isnan(score)]
    if not len(scored):
        return np.full(len(score), -1.0)
    median = float(np.median(scored))
    spread = float(np.median(np.abs(scored - median))) or 1.0
    return np.where(np.isnan(score), -1.0, 0.5 * np.clip((score - median) / spread, -2, 2))


def _platforms(catalogue: pd.DataFrame, works: pd.Series) -> np.ndarray:
    carried = pd.DataFrame({"work": works, "platform": catalogue["platform"].to_numpy()})
    per_work = carried.drop_duplicates().groupby("work").size()
    return np.minimum(works.map(per_work).to_numpy() - 1, 2).astype(np.float64)


def _known_people(catalogue: pd.DataFrame, no_cast: np.ndarray) -> np.ndarray:
    leads = catalogue["cast"].fillna("").str.split(", ").map(lambda names: [n for n in names[:3] if n])
    named = leads.explode().dropna()
    titles_of = named.value_counts()
    best = named.map(titles_of).groupby(level=0).max().reindex(range(len(catalogue)), fill_value=1)
    points = np.minimum(np.log2(1 + (best.to_numpy(dtype=np.float64) - 1)) / 4, 1.0)
    recorded = ~no_cast
    neutral = float(np.median(points[recorded])) if recorded.any() else 0.0
    return np.where(no_cast, neutral, points)


def _franchise(works: pd.Series, series: pd.Series) -> np.ndarray:
    size = works.groupby(series).nunique()
    return np.where((series != "") & (series.map(size) >= 3), 0.5, 0.0)


def _complete(catalogue: pd.DataFrame, no_cast: np.ndarray) -> np.ndarray:
    def given(column: str) -> np.ndarray:
        return catalogue[column].fillna("").str.len().to_numpy() > 0

    is_show = (catalogue["type"] == TitleType.SHOW).to_numpy()
    return 0.25 * (
        given("description").astype(float)
        + (given("cast") | no_cast)
        + (given("director") | is_show)
        + given("country")
    )


def _recent_or_classic(catalogue: pd.DataFrame) -> np.ndarray:
    year = catalogue["release_year"].to_numpy()
    recent = year >= (year.max() - RECENT_YEARS + 1 if len(year) else 0)
    classic = np.array(["classics" in split_genres(value) for value in catalogue["genres"]], dtype=bool)
    return 0.5 * (recent | classic)
