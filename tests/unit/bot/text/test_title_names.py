"""Spanish replies head a title with its Spanish name; English ones are unchanged."""

from __future__ import annotations

from bot.text import i18n, render

NEMO = {"display_title": "Finding Nemo", "release_year": 2003, "type": "Movie"}
OTHER_INSIDE_OUT = {"display_title": "Inside Out", "release_year": 2005, "type": "Movie"}


def test_spanish_heading_shows_the_spanish_name_first():
    with i18n.using("es"):
        assert "<b>Buscando a Nemo (Finding Nemo)</b>" in render.title_heading(NEMO, ["disney"])
        assert "<b>Buscando a Nemo (Finding Nemo)</b>" in render.where([(NEMO, ["disney"])])
        assert "<b>Inside Out</b>" in render.title_heading(OTHER_INSIDE_OUT, ["amazon"])


def test_english_heading_is_unchanged():
    with i18n.using("en"):
        assert render.title_heading(NEMO, ["disney"]).startswith("<b>Finding Nemo</b> (2003")
        assert "<b>Finding Nemo</b>" in render.where([(NEMO, ["disney"])])
