"""Topics a list may be about that are no genre: "movies about dogs", "pelis de zombis",
"christmas movies", "series de médicos".

A topic is found in a title's own words: its title and description (English, as the
platforms write them), by the patterns below. The understanding layer maps people's words in
both languages to these ids (``core.understanding.lexicon.topics``); ``TitleTable.mask``
keeps the titles that match. Patterns are whole-word and case-blind, so "cats" is no part of
"cats eye" but "cat" never matches "category".
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

TOPICS: dict[str, str] = {
    "zombies": r"\bzombie",
    "vampires": r"\bvampire",
    "werewolves": r"\bwerewol",
    "ghosts": r"\bghosts?\b|\bhaunted\b|\bhaunting\b",
    "witches": r"\bwitch(es|craft)?\b",
    "aliens": r"\baliens?\b|\bextraterrestrial|\bufos?\b",
    "space": r"\bouter space\b|\bspace(ship|craft|\s+station|\s+mission)|\bastronauts?\b|\bgalax(y|ies)\b",
    "robots": r"\brobots?\b|\bandroids?\b|\bcyborgs?\b",
    "dinosaurs": r"\bdinosaurs?\b|\bt-rex\b",
    "dragons": r"\bdragons?\b",
    "superheroes": r"\bsuper-?heroe?s?\b|\bsuperpowers?\b|\bmarvel\b|\bavengers\b|\bbatman\b|\bsuperman\b|"
    r"\bspider-?man\b|\bjustice league\b",
    "pirates": r"\bpirates?\b",
    "princesses": r"\bprincess(es)?\b",
    "magic": r"\bmagic(al)?\b|\bwizards?\b|\bsorcer",
    "time_travel": r"\btime[- ]travel|\btime machine\b|\btravels? (back )?in time\b",
    "apocalypse": r"\bapocalyp|\bend of the world\b",
    "christmas": r"\bchristmas\b|\bxmas\b|\bsanta claus\b|\bnorth pole\b",
    "halloween": r"\bhalloween\b",
    "weddings": r"\bweddings?\b|\bbrides?\b",
    "high_school": r"\bhigh school\b|\bhigh-school\b",
    "dogs": r"\bdogs?\b|\bpupp(y|ies)\b|\bcanine\b",
    "cats": r"\bcats?\b|\bkittens?\b",
    "horses": r"\bhorses?\b|\bponies\b|\bpony\b",
    "sharks": r"\bsharks?\b",
    "animals": r"\banimals?\b|\bwildlife\b",
    "ocean": r"\boceans?\b|\bunderwater\b|\bmarine life\b|\bsea creatures?\b",
    "doctors": r"\bdoctors?\b|\bhospitals?\b|\bsurgeons?\b|\bnurses?\b|\bmedical\b",
    "lawyers": r"\blawyers?\b|\battorneys?\b|\bcourtroom\b",
    "police": r"\bcops?\b|\bpolice\b|\bdetectives?\b",
    "spies": r"\bspy\b|\bspies\b|\bespionage\b|\bsecret agents?\b",
    "heists": r"\bheists?\b|\brobbery\b|\brobberies\b|\bbank job\b",
    "mafia": r"\bmafia\b|\bmobsters?\b|\bgangsters?\b|\bcartels?\b",
    "drugs": r"\bdrugs?\b|\bnarcos?\b|\bdrug lords?\b",
    "serial_killers": r"\bserial killers?\b",
    "cooking": r"\bcooking\b|\bchefs?\b|\bbaking\b|\bbakers?\b|\bculinary\b|\bkitchens?\b",
    "cars": r"\bcar racing\b|\bracecars?\b|\bstreet rac|\bnascar\b|\bformula (1|one)\b|\bdrag rac",
    "soccer": r"\bsoccer\b|\bfootball club\b|\bworld cup\b|\bf[uú]tbol\b",
    "basketball": r"\bbasketball\b|\bnba\b",
    "boxing": r"\bboxing\b|\bboxers?\b",
    "martial_arts": r"\bkung fu\b|\bmartial arts?\b|\bkarate\b",
    "music_bands": r"\brock band\b|\bband members\b|\bconcert\b|\bsingers?\b",
    "war_ww2": r"\bworld war ii\b|\bwwii\b|\bnazis?\b|\bworld war 2\b",
    "true_story": r"\btrue story\b|\breal[- ]life\b|\bbased on (the )?(true|real)\b",
    "school": r"\bschool\b|\bstudents?\b",
    "family_road_trip": r"\broad trip\b",
    "prison": r"\bprisons?\b|\binmates?\b|\bjail\b",
}


class TopicIndex:
    """Which titles each topic matches, worked out on first use and kept (the catalogue of a
    snapshot never changes)."""

    def __init__(self, titles: pa.ChunkedArray | pa.Array, descriptions: pa.ChunkedArray | pa.Array):
        kind = titles.type
        self._text = pc.binary_join_element_wise(
            pc.fill_null(titles, pa.scalar("", kind)),
            pc.fill_null(descriptions, pa.scalar("", kind)),
            pa.scalar(" \u2016 ", kind),
        )
        self._masks: dict[str, np.ndarray] = {}

    def mask(self, topic: str) -> np.ndarray:
        if topic not in self._masks:
            found = pc.match_substring_regex(self._text, TOPICS[topic], ignore_case=True)
            self._masks[topic] = np.asarray(pc.fill_null(found, False), dtype=bool)
        return self._masks[topic]
