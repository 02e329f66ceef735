"""Which catalogue rows are the same work: copies of one title on several platforms.

The one rule, used by the recommender (a copy is never suggested as "like" its
original), by the snapshot ("also on ...") and by the quality report:

- a show is one work per normalised title, whatever the release years: platforms date
  shows differently (*Star Trek: Deep Space Nine* is 1999 on Prime Video, 1995 on Hulu);
- a film is a copy when the normalised title matches and the years are within one of
  the group's first year, so *Underworld* (1997) and *Underworld* (2003) stay two films.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.catalogue.title_types import TitleType
from core.search.titles import normalise

FILM_YEAR_SLACK = 1


def work_ids(keys, types, years) -> np.ndarray:
    """A work number per row (0..n_works-1), from each row's normalised title key, type
    (``TitleType``) and release year."""
    frame = pd.DataFrame({"key": list(keys), "type": list(types), "year": np.asarray(years, dtype=np.int64)})
    frame["era"] = 0
    films = frame.index[frame["type"] != TitleType.SHOW]
    ordered = frame.loc[films].sort_values(["key", "year"], kind="stable")
    era, last_key, first_year = 0, None, 0
    eras = np.zeros(len(ordered), dtype=np.int64)
    for i, (key, year) in enumerate(zip(ordered["key"], ordered["year"], strict=True)):
        if key != last_key:
            era, last_key, first_year = 0, key, year
        elif year - first_year > FILM_YEAR_SLACK:
            era, first_year = era + 1, year
        eras[i] = era
    frame.loc[ordered.index, "era"] = eras
    return frame.groupby(["key", "type", "era"], sort=False).ngroup().to_numpy(dtype=np.int32)


def catalogue_work_ids(catalogue: pd.DataFrame) -> np.ndarray:
    keys = [normalise(title) for title in catalogue["display_title"]]
    return work_ids(keys, catalogue["type"], catalogue["release_year"])


def copies(catalogue: pd.DataFrame) -> list[list[int]]:
    """Row positions of every work carried more than once, each list in row order."""
    ids = pd.Series(catalogue_work_ids(catalogue))
    return [list(rows) for rows in ids.groupby(ids).indices.values() if len(rows) > 1]
