"""Forgiving title search: normalising, candidate indexes, scoring."""
