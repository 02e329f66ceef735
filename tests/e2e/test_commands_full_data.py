"""End-to-end on the full data: the figures the real catalogues give, in both languages, with
numbers big enough to need thousands separators (1,030 in English, 1.030 in Spanish). Every
other end-to-end test runs on the fixture catalogue (test_e2e.py and its neighbours)."""

from __future__ import annotations

import pytest

from tests.e2e.test_commands import ask, spanish_speaker

pytestmark = pytest.mark.full_data


@pytest.mark.parametrize(
    ("command", "english", "spanish"),
    [
        (
            "/count netflix 2019",
            "<b>1,030</b> titles on Netflix released in 2019: 633 movies and 397 shows.",
            "<b>1.030</b> títulos en Netflix con estreno en 2019: 633 películas y 397 series.",
        ),
        (
            "/rating 13+",
            "<b>2,117</b> titles are rated 13+",
            "<b>2.117</b> títulos tienen la clasificación 13+",
        ),
        (
            "/count netflix 2019 horror",
            "<b>50</b> titles in Horror on Netflix released in 2019",
            "<b>50</b> títulos de Terror en Netflix con estreno en 2019",
        ),
    ],
)
def test_figures_of_the_real_catalogues_in_both_languages(tg_full, command, english, spanish):
    assert english in ask(tg_full, command, user_id=7001).params["text"]
    assert spanish in ask(tg_full, command, user_id=spanish_speaker(tg_full, 7002)).params["text"]


def test_stats_caption_counts_the_real_catalogue(tg_full):
    photo = ask(tg_full, "/stats netflix", method="sendPhoto", timeout=20, user_id=7003)
    assert photo.params["caption"].startswith("<b>Netflix</b>: 8,807 titles (6,131 movies, 2,676 shows).")
    photo = ask(
        tg_full, "/stats netflix", method="sendPhoto", timeout=20, user_id=spanish_speaker(tg_full, 7004)
    )
    assert photo.params["caption"].startswith(
        "<b>Netflix</b>: 8.807 títulos (6.131 películas, 2.676 series)."
    )


def test_a_count_of_one_kind_of_title_names_that_kind_alone(tg_full):
    # Jim Carrey is in ten movies and no show: "10 movies", never "10 movies and 0 shows"
    text = ask(tg_full, "/person jim carrey", user_id=7005).params["text"]
    assert "<b>Jim Carrey</b>: <b>10</b> movies" in text and "0 shows" not in text
