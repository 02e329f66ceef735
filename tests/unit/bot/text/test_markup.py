"""Messages Telegram accepts whatever their length: clipped on visible text, never inside a
tag or an escape, and the user's own words quoted back only as a short excerpt."""

from __future__ import annotations

import pytest

from bot.console.spec import html_problems, html_text
from bot.text import card as card_text
from bot.text import explain, render
from bot.text.markup import clip, esc, units
from core.recommender import SHARED_GENRES, Recommendation

LIMIT = 4096


def accepted(text: str) -> bool:
    return html_problems(text) == [] and units(html_text(text)) <= LIMIT


def test_escapes_user_text():
    assert esc("<b>Tom & Jerry</b>") == "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;"


def test_a_short_message_is_unchanged():
    text = "<b>Toy Story</b> &amp; friends"
    assert clip(text) == text


def test_many_lines_are_cut_at_a_line_break():
    long = "\n".join(f"<b>line {i}</b>" for i in range(1000))
    clipped = clip(long)
    assert accepted(clipped) and clipped.endswith("\n…")
    assert clipped.splitlines()[-2].endswith("</b>")  # whole lines only


@pytest.mark.parametrize("length", [*range(4080, 4110), 5000, 100_000])
@pytest.mark.parametrize(
    "template",
    [
        "<b>{x}</b>",
        "Try <code>/where toy story</code> for “{x}”",
        "{x} &amp; <i>more</i> &lt;tail&gt;",
        "<b>{x}",  # a tag left open is closed at the cut
        "🎬 {x} 🍿 <b>end</b>",
    ],
)
def test_a_long_line_is_cut_on_visible_text_and_stays_well_formed(template, length):
    text = template.format(x="".join("é&amp;" if i % 50 == 0 else "é" for i in range(length)))
    clipped = clip(text)
    assert accepted(clipped), html_problems(clipped)
    visible = units(html_text(text))
    assert units(html_text(clipped)) >= min(visible, LIMIT - 10)  # nothing lost beyond what the limit needs


def test_emoji_count_twice_as_telegram_counts_them():
    clipped = clip("🎬" * 3000)
    assert units(html_text(clipped)) <= LIMIT


def test_where_lists_each_edition_with_its_platforms():
    office = {"display_title": "The Office (U.S.)", "release_year": 2005, "type": "tv show"}
    text = render.where([(office, ["netflix", "hulu"])])
    assert "<b>The Office (U.S.)</b> (2005, show): Netflix, Hulu" in text


GIANT = "Gigantic <Title> & Co " * 5000  # 110,000 characters, as a hostile source might send


def giant_title(**fields) -> dict:
    base = {
        "id": "ns1",
        "display_title": GIANT,
        "release_year": 2020,
        "type": "movie",
        "genres": "drama",
        "display_description": GIANT,
    }
    return {**base, **fields}


def giant_recommendation() -> Recommendation:
    return Recommendation(
        id="ns2",
        title=GIANT,
        platform="netflix",
        release_year=2019,
        score=0.9,
        reasons=(SHARED_GENRES,),
        shared_genres=("drama",),
    )


def test_a_giant_title_in_the_source_makes_messages_telegram_accepts():
    title, rec = giant_title(), giant_recommendation()
    messages = [
        render.suggestions(title, ["netflix"], [rec] * 5, [giant_title(id="ns2")] * 5, 0, None),
        card_text.title_card(title, ["netflix"], [rec] * 3),
        render.where([(title, ["netflix"])] * 3),
    ]
    for text in messages:
        assert accepted(text), html_problems(text)


def test_a_giant_title_makes_a_small_inline_card():
    article = card_text.inline_article("r:ns2", giant_title(), ["netflix"], giant_recommendation())
    data = article.to_dict()
    assert len(data["title"]) <= 110 and len(data["description"]) <= 200
    content = data["input_message_content"]["message_text"]
    assert accepted(content) and len(str(data)) < 12_000


@pytest.mark.parametrize(
    "message",
    [
        lambda text: render.did_you_mean(text, [])[0],
        lambda text: render.absent(text, [])[0],
        lambda text: explain.usage_error(
            ValueError(f"unknown platform {text!r}: choose one of amazon"), "/count"
        ),
    ],
)
def test_the_users_own_words_are_quoted_only_as_an_excerpt(message):
    text = message("<b>" + "x" * 50_000)
    assert accepted(text) and len(text) < 600 and "<b>x" not in text
