"""Placeholder rows: test entries a platform left in its catalogue ("Title before 1C onboarding
- 5", "Act 2 - Series 4", "ACT 2 - TITLE 9"), with a junk cast ("1", "1, 2, 3") and a
description that is a digit or repeats the title. They are kept out of picks and people answers
and counted by the quality report.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

PLACEHOLDER_TITLE = re.compile(r"\bonboarding\b|^act \d+ - (?:title|series)\b|\bremoving 1c\b", re.IGNORECASE)
JUNK_CAST = re.compile(r"^[\d\s,]+$")  # names have letters: "1, 2, 3" is nobody


def is_placeholder(title) -> bool:
    """A title as the platforms' test rows are named."""
    return isinstance(title, str) and bool(PLACEHOLDER_TITLE.search(title))


def placeholder_rows(catalogue: pd.DataFrame) -> np.ndarray:
    """True for each placeholder row: its title is a placeholder's, or its cast is only numbers
    and its description at most two words ("1a")."""
    titled = catalogue["display_title"].map(is_placeholder).to_numpy(dtype=bool)
    junk_cast = catalogue["cast"].fillna("").str.match(JUNK_CAST).to_numpy(dtype=bool)
    short = catalogue["description"].fillna("").str.split().str.len().fillna(0).to_numpy() <= 2
    return titled | (junk_cast & short)
