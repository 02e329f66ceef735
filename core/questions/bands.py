"""Maturity bands: every label the four platforms use, placed on one scale of ages.

The platforms write 27 labels (US film ratings, US TV ratings, Prime Video's own "7+" and
"16+", a few spellings of "unrated"). A parent asks by age, so each label maps to the youngest
age it suits, following Netflix's published maturity tiers (little kids: TV-Y, TV-G, G; older
kids: TV-Y7, PG, TV-PG; teens: PG-13, TV-14; mature: R, NC-17, TV-MA), which agree with Prime
Video's own labels (ALL, 7+, 13+, 16+, 18+). A label nobody wrote down is "unrated", never
"all ages": an unknown is not a promise.
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np


class Band(IntEnum):
    """The youngest age a title suits; ``UNRATED`` sorts above every age on purpose."""

    ALL = 0
    SEVEN = 7
    THIRTEEN = 13
    SIXTEEN = 16
    EIGHTEEN = 18
    UNRATED = 99


# The highest band a children's title is in: "little kids" and "older kids" (Netflix's tiers).
KIDS = Band.SEVEN

# The catalogue's labels are lowercased by the ETL.
LABELS: dict[str, Band] = {
    "g": Band.ALL, "tv-y": Band.ALL, "tv-g": Band.ALL, "all": Band.ALL, "all_ages": Band.ALL,
    "pg": Band.SEVEN, "tv-y7": Band.SEVEN, "tv-y7-fv": Band.SEVEN, "tv-pg": Band.SEVEN, "7+": Band.SEVEN,
    "pg-13": Band.THIRTEEN, "tv-14": Band.THIRTEEN, "13+": Band.THIRTEEN,
    "16": Band.SIXTEEN, "16+": Band.SIXTEEN, "ages_16_": Band.SIXTEEN,
    "r": Band.EIGHTEEN, "nc-17": Band.EIGHTEEN, "tv-ma": Band.EIGHTEEN, "18+": Band.EIGHTEEN,
    "ages_18_": Band.EIGHTEEN,
    "nr": Band.UNRATED, "ur": Band.UNRATED, "unrated": Band.UNRATED, "not rated": Band.UNRATED,
    "not_rate": Band.UNRATED, "tv-nr": Band.UNRATED,
}  # fmt: skip
# How the platforms' own odd spellings read to a person: "AGES_16_" is "16+".
SHOWN_LABELS = {"ages_16_": "16+", "ages_18_": "18+", "not_rate": "NR", "all_ages": "ALL", "16": "16+"}


def band_of(label) -> Band:
    """The band of a platform's maturity label (any case); unknown labels are unrated."""
    if not isinstance(label, str):
        return Band.UNRATED
    return LABELS.get(label.strip().lower(), Band.UNRATED)


def catalogue_bands(catalogue) -> np.ndarray:
    """Each row's band (int8), from the platform's own label (the ``maturity`` column): a "g"
    the original rules filled in for a missing rating is unrated here."""
    labels, codes = np.unique(catalogue["maturity"].fillna("").to_numpy(dtype=object), return_inverse=True)
    return np.array([band_of(label) for label in labels], dtype=np.int8)[codes]


def band_for_age(age: int) -> Band:
    """The highest band a child of ``age`` may watch. Every child gets the kids' tiers (TV-Y7
    and PG are what parents of a five-year-old mean by "for my kid", as "for kids" means here),
    a ten-year-old "7+" at most, and a year short of a band counts: parents of a twelve-year-old
    ask for PG-13."""
    suitable = [band for band in Band if band is not Band.UNRATED and band <= max(age + 1, KIDS)]
    return max(suitable)


def shown_label(label: str) -> str:
    """A platform's label as people write it ("TV-14", "16+"), never a raw code ("ages_16_")."""
    key = label.strip().lower()
    return SHOWN_LABELS.get(key, key.upper())


def audience_band(band: Band, family_filed: bool) -> Band:
    """The band a title's suggestions must keep to: its own, and "7+" for an unrated title the
    platform files as kids' or family content (Disney+ leaves many shorts unrated)."""
    return Band.SEVEN if band is Band.UNRATED and family_filed else band


def audience_bands(bands: np.ndarray, family_filed: np.ndarray) -> np.ndarray:
    """``audience_band`` of every row at once (int8)."""
    return np.where((bands == Band.UNRATED) & family_filed, Band.SEVEN, bands).astype(np.int8)


def safe_beside(band: Band, bands: np.ndarray, family_filed: np.ndarray) -> np.ndarray | None:
    """Which titles may be suggested next to a title of ``band`` (its ``audience_band``): for a
    children's or all-ages title, none above its band, and unrated ones only when the platform
    files them as kids' or family content. None when the title is for teens or adults: any may."""
    if band > KIDS:
        return None
    return (bands <= band) | ((bands == Band.UNRATED) & family_filed)
