"""Command arguments in any order, and the messages that go back to users."""

from __future__ import annotations

import pytest

from bot.args import parse
from bot.render import clip, esc, where


@pytest.mark.parametrize(
    "words",
    [
        ["netflix", "2019", "shows"],
        ["2019", "shows", "netflix"],
        ["Shows", "NETFLIX", "2019"],
        ["tv", "show", "2019", "netflix"],
    ],
)
def test_arguments_in_any_order(words):
    parsed = parse(words)
    assert (parsed.platform, parsed.year, parsed.type, parsed.rest) == ("netflix", 2019, "tv show", [])


def test_multi_word_platforms_and_leftovers():
    parsed = parse(["amazon", "prime", "video", "2018", "united", "states"])
    assert parsed.platform == "amazon" and parsed.year == 2018 and parsed.rest_text == "united states"
    assert parse(["disney", "plus"]).platform == "disney"


def test_scores_only_when_asked_and_years_are_never_scores():
    assert parse(["netflix", "3.5", "2020"], with_score=True).score == "3.5"
    assert parse(["netflix", "3,5", "2020"], with_score=True).score == "3,5"
    assert parse(["netflix", "3.5"]).rest == ["3.5"]
    assert parse(["2020"], with_score=True).score is None


def test_duration_units_and_all_platforms():
    parsed = parse(["all", "seasons", "2010"])
    assert parsed.all_platforms and parsed.duration_type == "season" and parsed.platform is None


def test_render_escapes_and_clips():
    assert esc("<b>Tom & Jerry</b>") == "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;"
    long = "\n".join(f"<b>line {i}</b>" for i in range(1000))
    clipped = clip(long)
    assert len(clipped) <= 4096 and clipped.endswith("…") and clipped.count("<b>") == clipped.count("</b>")


def test_where_lists_each_edition_with_its_platforms():
    office = {"display_title": "The Office (U.S.)", "release_year": 2005, "type": "tv show"}
    text = where([(office, ["netflix", "hulu"])])
    assert "<b>The Office (U.S.)</b> (2005, show): Netflix, Hulu" in text
