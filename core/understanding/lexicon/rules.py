"""Words of the deciding rules (understand, message, policy, scanner)."""

from __future__ import annotations

from core.search import titles

# understand.py
LIKE_WORDS = frozenset(["like", "como", "tipo", "onda", "estilo"])
# A bare "like"/"como" compares only after one of these (or at the start): "shows like X".
BEFORE_LIKE = frozenset(
    ["something", "anything", "stuff", "more", "other", "others", "another", "some", "similar", "things",
     "titles", "ones", "movies", "shows", "series", "films", "algo", "cosas", "otra", "otras", "otro", "otros",
     "alguna", "alguno", "algunas", "algunos", "mas", "titulos", "recommend", "recomiendame", "recomienda",
     "suggest", "sugiere", "me", "watch", "ver", "mirar", "is", "are", "es", "son", "else", "whats", "what",
     "que", "hay", "asi", "need", "want", "wanna", "quiero", "busco", "anything", "nada", "one", "uno", "una"]
)  # fmt: skip
# Help words that are nouns too ("the menu"): they end no span.
WEAK_HELP = frozenset(["menu", "start", "options", "opciones", "empezar", "commands", "comandos"])
DIRECTOR_WORDS = frozenset(
    [
        "director",
        "directors",
        "directora",
        "directoras",
        "directores",
        "filmmaker",
        "filmmakers",
        "cineasta",
        "cineastas",
    ]
)
# message.py
# Words that open a follow-up naming one more title: "and toy story?", "¿y qué tal frozen?".
FOLLOW_UP = frozenset(["and", "also", "what", "how", "about", "y", "que", "qué", "tal", "tambien", "o", "or"])
POLITE = frozenset(["please", "pls", "plz", "por favor", "porfa", "porfavor", "xfa", "plis"])
# Words between a cue and the title it points at: "where can I watch …", "dónde se puede ver …".
HEAD_SKIP = frozenset(
    ["i", "we", "you", "u", "can", "could", "would", "should", "do", "does", "did", "to", "please", "pls",
     "plz", "me", "just", "now", "also", "still", "actually", "even", "get", "really", "for", "on", "in",
     "at", "de", "del", "en", "que", "se", "yo", "puedo", "podemos", "lo", "le", "te", "nos", "then", "and",
     "y", "that", "which"]
)  # fmt: skip
HEAD_PREPOSITIONS = frozenset(["for", "on", "in", "at", "de", "del", "en"])
# policy.py
# Type words a user puts after a title: "the conjuring movie", "la casa de papel la serie".
TYPE_TAIL = frozenset(
    ["movie", "film", "series", "show", "tv show", "tv series", "the movie", "the film", "the series",
     "the show", "pelicula", "peli", "serie", "la pelicula", "la peli", "la serie", "el show"]
)  # fmt: skip
# Little words mistyped: "teh office" is "the office".
LITTLE_TYPOS = {"teh": "the", "hte": "the", "th": "the", "adn": "and", "nad": "and", "fo": "of", "og": "of"}
# A Spanish article before an English title is the English one: "los simpsons" is The Simpsons.
SPANISH_ARTICLES = titles.SPANISH_ARTICLES
# Words too common to single out a title for "titles with '…'" suggestions.
COMMON = frozenset(
    ["movie", "film", "show", "series", "story", "life", "lives", "love", "man", "men", "woman", "women",
     "world", "night", "day", "time", "times", "girl", "girls", "boy", "boys", "new", "old", "big", "little",
     "last", "first", "one", "two", "three", "best", "great", "good", "home", "house", "live", "living",
     "special", "christmas", "holiday", "season", "part", "kids", "family", "dark", "black", "white", "blue",
     "green", "golden", "red", "city", "king", "queen", "game", "games", "secret", "secrets", "dead", "wild",
     "american", "lost", "young"]
)  # fmt: skip
# scanner.py
ON = frozenset(["on", "in", "at", "en", "de", "from", "via", "through", "por", "con", "inside", "dentro"])
# Words joining "on <platform>" to a title: "… but on hulu", "… or netflix", "… pero en amazon".
PLATFORM_JOIN = frozenset(["or", "and", "y", "o", "nor", "ni", "but", "pero", "only", "solo", "just", "also"])
