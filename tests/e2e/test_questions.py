"""Questions in any combination, people and ages, as a user meets them: the real bot over the
loopback Bot API, serving the fixture catalogue. The figures are checked against the
catalogue itself (``core.questions`` is checked against pandas in tests/unit)."""

from __future__ import annotations

import re

from core.questions.bands import Band, band_of
from tests.e2e.test_commands import ask, buttons

BOLD_NUMBER = re.compile(r"<b>([\d,]+)</b>")


def first_number(text: str) -> int:
    return int(BOLD_NUMBER.search(text).group(1).replace(",", ""))


def listed_titles(text: str) -> list[str]:
    return re.findall(r"^\d+\. <b>(.+?)</b>", text, flags=re.M)


def test_a_count_takes_several_platforms_and_a_year_range(tg, fixture_snapshot):
    cat = fixture_snapshot.catalogue
    both = first_number(ask(tg, "/count netflix hulu").text)
    assert both == int(cat["platform"].isin(["netflix", "hulu"]).sum())
    years = first_number(ask(tg, "/count netflix 2019 2020").text)
    netflix = cat[cat["platform"] == "netflix"]
    assert years == int(netflix["release_year"].between(2019, 2020).sum()) > 0


def test_a_filter_a_command_did_not_take_before_now_narrows_its_answer(tg, fixture_snapshot):
    cat = fixture_snapshot.catalogue
    everywhere = ask(tg, "/rating tv-ma").text
    on_netflix = ask(tg, "/rating tv-ma netflix").text
    assert first_number(everywhere) == int((cat["rating"] == "tv-ma").sum())
    assert first_number(on_netflix) == int(
        ((cat["rating"] == "tv-ma") & (cat["platform"] == "netflix")).sum()
    )
    assert first_number(on_netflix) < first_number(everywhere)
    assert "TV-MA (18+)" in on_netflix  # the platform's label, and its band


def test_show_them_lists_the_titles_behind_a_count_page_by_page(tg, fixture_snapshot):
    count = ask(tg, "/count netflix")
    total = first_number(count.text)
    assert total > 10
    mark = tg.mark()
    tg.press_button(count, buttons(count)["Show them"]["callback_data"])
    first = tg.wait_for("sendMessage", lambda c: "Titles 1–10 of" in (c.text or ""), after=mark)
    assert f"of {total}:" in first.text and len(listed_titles(first.text)) == 10
    mark = tg.mark()
    tg.press_button(first, buttons(first)["More"]["callback_data"])
    second = tg.wait_for("sendMessage", lambda c: "Titles 11–" in (c.text or ""), after=mark)
    assert not set(listed_titles(first.text)) & set(listed_titles(second.text))


def test_kids_get_titles_rated_for_their_age(tg, fixture_snapshot):
    cat = fixture_snapshot.catalogue
    text = ask(tg, "something for my 6 year old on netflix").text
    titles = listed_titles(text)
    assert titles
    rated = cat[cat["platform"] == "netflix"].set_index("display_title")["rating"]
    assert all(band_of(rated[t.replace("&amp;", "&")]) <= Band.SEVEN for t in titles), (
        titles
    )  # the kids' tiers


def test_a_director_is_asked_about_by_name_and_a_title_by_its_director(tg):
    text = ask(tg, "movies directed by james wan").text
    assert "James Wan" in text and "The Conjuring" in text
    assert "James Wan" in ask(tg, "who directed the conjuring 2").text


def test_nobody_of_that_name_gets_an_honest_answer(tg):
    text = ask(tg, "anything with zebulon quaxworthy?").text
    assert "No one called" in text and "zebulon quaxworthy" in text.lower()


def test_people_questions_are_answered_in_spanish(tg):
    text = ask(tg, "pelis dirigidas por james wan").text
    assert "James Wan" in text and "películas" in text
