"""Neighbours of children's titles found among the titles that may stand next to them.

A title in a children's or all-ages band is never suggested anything above it
(``core.questions.bands.safe_beside``). Among its nearest titles of the whole catalogue most
may be above it (a PG *Empire Strikes Back*'s are PG-13), so a list filtered afterwards runs
short and drifts off genre. Each such title's row of the neighbour table is searched again
among the titles of its band or below (a search per band, over those titles only), so its
``PER_PLATFORM`` best on each platform are all ones it may be suggested.
"""

from __future__ import annotations

import numpy as np

from core.questions.bands import KIDS, Band, audience_bands, safe_beside
from core.similar.similarity import nearest_neighbours


def with_childrens_neighbours(table, features, platforms, bonus, bands, family_filed, per_platform: int):
    """``table`` (neighbours, similarities: ``nearest_neighbours``'s), with each children's title's
    row searched among the titles safe next to it; rows short of the table's width repeat the
    title itself (never suggested: it is its own work) at similarity 0. Changed in place."""
    neighbours, similarities = table
    width = neighbours.shape[1]
    audience = audience_bands(bands, family_filed)
    for band in (b for b in Band if b <= KIDS):
        rows = np.flatnonzero(audience == band)
        if not len(rows):
            continue
        allowed = np.flatnonzero(safe_beside(band, bands, family_filed))  # holds ``rows`` themselves
        sparse, combo_of, combo_table, inverse_norm = features
        subset = (sparse[allowed], combo_of[allowed], combo_table, inverse_norm[allowed])
        found, alike = nearest_neighbours(subset, platforms[allowed], bonus[allowed], per_platform)
        at = np.searchsorted(allowed, rows)
        found, alike = allowed[found[at]], alike[at]
        if found.shape[1] < width:
            pad = width - found.shape[1]
            found = np.hstack([found, np.repeat(rows[:, None], pad, axis=1)])
            alike = np.hstack([alike, np.zeros((len(rows), pad), dtype=alike.dtype)])
        neighbours[rows] = found[:, :width]
        similarities[rows] = alike[:, :width]
    return neighbours, similarities
