"""How the lexicon writes its lists: phrases separated by "|", folded (lowercase, no accents)."""

from __future__ import annotations


def _phrases(text: str) -> list[str]:
    return [p.strip() for p in text.split("|") if p.strip()]
