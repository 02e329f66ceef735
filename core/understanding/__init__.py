"""The understanding layer: a message (English or Spanish) -> one of the bot's questions.

    understanding = Understanding.build(catalogue, recommender)   # once per snapshot, ~15 ms
    q = understanding.parse("mejores series de terror en hulu")
    # Question(intent=Intent.TOP, type=TitleType.SHOW, genre="horror", platform="hulu", language="es", ...)
    q = understanding.parse_command("count", "movies on netflix in 2019")
    q = understanding.parse("where can I watch the godfather?")
    kind, titles = q.answer()                 # = title_answer(q.matches, q.title, q.year)
    # "confident" [best] | "ambiguous" [did you mean…] | "absent" [suggestions only]

Rules, rapidfuzz and the catalogue's own vocabulary; no model, no network. Modules:
``lexicon`` (the words), ``scanner`` (tokens and labelled phrases, chat spellings respelled:
"kiero ver", "waatch", "q app"), ``message`` (title spans, the title inside a chatty clause: "my
gf keeps talking about bridgerton", Spanish names: "buscando a nemo"), ``understand`` (intent and
arguments), ``policy`` (the title policy), ``question``.
"""

from core.understanding.policy import ABSENT, AMBIGUOUS, CONFIDENT, how_it_reads, reading, title_answer
from core.understanding.question import COMMANDS, INTENTS, Intent, Question
from core.understanding.understand import Understanding

__all__ = [
    "ABSENT",
    "AMBIGUOUS",
    "CONFIDENT",
    "COMMANDS",
    "INTENTS",
    "Intent",
    "Question",
    "Understanding",
    "how_it_reads",
    "reading",
    "title_answer",
]
