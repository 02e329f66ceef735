"""Two shortcuts of ``Recommender.resolve`` against the plain code they replace, on the full
catalogue and thousands of real spans (every run of up to five words of the act corpus's
messages, and catalogue titles misspelt): the trigram lists cut to a band of lengths by two
``searchsorted`` calls over all of them, the matches grouped into works with Python ints, and
equal scores told apart only where two candidates share one."""

from __future__ import annotations

import math

import numpy as np
import pytest
from rapidfuzz.distance import OSA

from benchmarks.eval_title_search import make_queries
from core.recommender import YEAR_SLACK
from core.search.index import BAND_HIGH, BAND_LOW, PAD_END, PAD_START, trigram_codes
from core.search.titles import _compact, _similarities, normalise, significant, with_english_article
from core.understanding.acts import CORPUS, load_corpus


def _band_lists_one_by_one(grams, query_grams, lo, hi) -> list[np.ndarray]:
    """Each known trigram's posting list cut to the band with its own ``searchsorted``."""
    slots = np.minimum(np.searchsorted(grams.grams, query_grams), len(grams.grams) - 1)
    slots = slots[grams.grams[slots] == query_grams]
    band = np.array([lo, hi], dtype=grams.postings.dtype)
    lists = []
    for start, end in zip(grams.indptr[slots].tolist(), grams.indptr[slots + 1].tolist(), strict=True):
        postings = grams.postings[start:end]
        start, end = np.searchsorted(postings, band)
        if end > start:
            lists.append(postings[start:end])
    lists.sort(key=len)
    return lists


def _resolve_by_rows(rec, text, limit):
    """``Recommender.resolve`` with its works found one numpy scalar at a time."""
    limit = max(1, min(int(limit), 50))
    query = with_english_article(normalise(text), rec.resolver.exact)
    found = [(key, score, None, rec.resolver.keys[key]) for key, score in rec.resolver.search(query, limit)]
    if rec.names is not None and query not in rec.resolver.exact:
        named = [(hit.key, hit.score, hit.year, hit.name) for hit in rec.names.search(query, limit)]
        found = sorted(found + named, key=lambda hit: -hit[1])
    matches, seen = [], set()
    for key, score, year, reading in found:
        if len(matches) >= limit:
            break
        groups = {int(rec.group[row]) for row in rec.key_rows[key]} - seen
        if year is not None:
            off = {g: abs(int(rec.years[rec.group_rows[g][0]]) - year) for g in groups}
            groups = {g for g in groups if off[g] == 0} or {g for g in groups if off[g] <= YEAR_SLACK}
        for group in sorted(
            groups, key=lambda g: (-len(rec.group_rows[g]), -rec.years[rec.group_rows[g][0]])
        ):
            matches.append(rec._match(rec.group_rows[group], round(score, 1), reading))
        seen |= groups
    return matches[:limit]


@pytest.fixture(scope="module")
def spans(full_snapshot) -> list[str]:
    runs = set()
    for example in load_corpus(CORPUS):
        words = example.text.split()
        runs.update(" ".join(words[i : i + n]) for n in range(1, 6) for i in range(len(words) - n + 1))
    misspelt = [query for _, query, _ in make_queries(full_snapshot.recommender.resolver.keys, 300)]
    return sorted(runs) + misspelt


def test_the_band_of_every_trigram_list_is_the_one_cut_alone(full_snapshot, spans):
    for grams in (full_snapshot.recommender.resolver.grams, full_snapshot.recommender.names.resolver.grams):
        cut = 0
        for text in spans:
            compact = normalise(text).replace(" ", "")
            band = [math.ceil(len(compact) * BAND_LOW), math.floor(len(compact) * BAND_HIGH) + 1]
            lo, hi = np.searchsorted(grams.lengths, np.array(band, dtype=grams.lengths.dtype))
            query_grams = trigram_codes(PAD_START + compact + PAD_END)
            got = grams._band_lists(query_grams, lo, hi)
            want = _band_lists_one_by_one(grams, query_grams, lo, hi)
            assert [g.tolist() for g in got] == [w.tolist() for w in want], text
            cut += sum(len(w) < grams.indptr[-1] for w in want)
        assert len(spans) > 10_000 and cut > 10_000, (len(spans), cut)


def test_works_grouped_with_python_ints_are_the_same_matches(full_snapshot, spans):
    rec = full_snapshot.recommender
    several = 0
    for text in spans[::4]:
        got = rec.resolve(text, 10)
        assert got == _resolve_by_rows(rec, text, 10), text
        several += len({m.title for m in got}) < len(got)  # remakes: one title, several works
    assert several > 50, several


def _search_with_every_tie(resolver, query, limit):
    """``TitleResolver.search`` with the Damerau-Levenshtein tie-break computed for every candidate."""
    compact = query.replace(" ", "")
    if len(compact) < 2:
        return resolver.search(query, limit)
    query_sig = significant(query)
    candidates = sorted(resolver._candidates(query, query_sig, compact))
    scores = resolver._scores(query, query_sig, compact, candidates)
    ties = _similarities(compact, [_compact(resolver.keys[i]) for i in candidates], OSA.normalized_similarity)
    order = sorted(range(len(candidates)), key=lambda k: (-scores[k], -ties[k], candidates[k]))
    return [(candidates[k], scores[k]) for k in order[:limit]]


def test_ties_broken_only_where_scores_are_shared_order_alike(full_snapshot, spans):
    for resolver in (full_snapshot.recommender.resolver, full_snapshot.recommender.names.resolver):
        for text in spans[::3]:
            query = normalise(text)
            assert resolver.search(query, 10) == _search_with_every_tie(resolver, query, 10), text
