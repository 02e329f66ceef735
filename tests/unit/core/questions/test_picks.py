"""Picks for a request in words (core.questions.picks): titles people know first, one per work,
never a placeholder; /top and "top rated" keep the mean rating's order."""

import numpy as np
import pandas as pd
import pytest

from core.catalogue.placeholders import placeholder_rows
from core.questions import answers
from core.questions.filters import Filters, Ranking
from core.questions.picks import picks_score


def row(title, platform="amazon", score=3.5, cast="Ann Lee", year=2012, **kw):
    return {
        "display_title": title, "platform": platform, "type": kw.get("type", "movie"), "release_year": year,
        "score": score, "cast": cast, "director": kw.get("director", "Bo Ray"), "country": "united states",
        "description": kw.get("description", "A story of a family in a small town."), "genres": kw.get("genres", "drama"),
    }  # fmt: skip


def scores(rows):
    return picks_score(pd.DataFrame(rows).astype({"score": "Float64"}))


def test_a_work_on_several_platforms_beats_a_slightly_better_rated_one_on_one():
    s = scores([row("Known", "netflix", 3.52), row("Known", "hulu", 3.52), row("Obscure", score=3.56)])
    assert s[0] > s[2]


def test_a_placeholder_and_an_edition_sink():
    s = scores([
        row("Title before 1C onboarding - 5", cast="1, 2, 3", score=3.72), row("Act 2 - Series 4", cast="1"),
        row("Coco (in Spanish)", "disney"), row("Coco", "disney"), row("Plain"),
    ])  # fmt: skip
    assert s[0] < s[4] and s[1] < s[4] and s[2] < s[3]


def test_an_incomplete_entry_ranks_below_a_complete_one_of_equal_rating():
    s = scores([row("Full"), row("Bare", cast=None, director=None, description=None)])
    assert s[0] > s[1]


def test_no_placeholder_row_is_a_placeholder_by_accident(full_catalogue):
    flagged = full_catalogue.loc[placeholder_rows(full_catalogue), "display_title"].tolist()
    assert "Title before 1C onboarding - 5" in flagged and "ACT 2 - TITLE 9" in flagged
    assert len(flagged) <= 80 and not any(
        t in flagged for t in ("Act of Valor", "Series of Unfortunate Events")
    )


@pytest.mark.parametrize(
    "text", ["recommend me a horror movie", "algo de terror para ver", "good horror films pls", "best horror"]
)
def test_a_request_in_words_is_answered_with_picks(full_snapshot, text):
    q = full_snapshot.understanding.parse(text)
    assert q.filters.ranking is Ranking.PICKS and "horror" in q.filters.genres
    page = answers.page(full_snapshot.table, q.filters, 0, 10)
    titles = [full_snapshot.title(i)["display_title"] for i in page.ids]
    assert "Terror At Blood Fart Lake" not in titles  # the mean rating's pick, known to nobody
    works = full_snapshot.table.works[[full_snapshot.table.row_of[i] for i in page.ids]]
    assert len(set(works.tolist())) == len(works)


@pytest.mark.parametrize(
    "text", ["/top horror", "top rated horror movies", "pelis de terror mejor valoradas"]
)
def test_top_and_top_rated_keep_the_mean_ratings_order(full_snapshot, text):
    q = full_snapshot.understanding.parse(text)
    assert q.filters.ranking is Ranking.SCORE
    page = answers.page(full_snapshot.table, q.filters, 0, 10)
    values = [full_snapshot.title(i)["score"] for i in page.ids]
    assert values == sorted(values, reverse=True)


def test_picks_never_list_a_placeholder(full_snapshot):
    table = full_snapshot.table
    rows = table.best_first(table.mask(Filters(ranking=Ranking.PICKS)), Ranking.PICKS)
    flagged = placeholder_rows(table.catalogue)[rows]
    assert flagged.any()  # the catalogue has some: they come after every real title
    assert np.flatnonzero(flagged).min() > np.flatnonzero(~flagged).max()


def test_a_filter_keeps_every_title_whatever_the_order():
    assert Filters(ranking=Ranking.PICKS).is_empty()


def test_the_conversation_keeps_the_order_of_its_list(full_snapshot):
    # "more" after "recommend me a horror movie" continues the picks, not the mean rating's list.
    from core.dialogue.frame import Frame

    q = full_snapshot.understanding.parse("recommend me a horror movie")
    kept = Frame.from_json(Frame().asking(q).to_json()).asked
    assert kept.filters.ranking is Ranking.PICKS and kept.filters.genres == q.filters.genres
