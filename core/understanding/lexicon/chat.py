"""Chat: the words around a remark that keep it small talk, and chat shorthand respelled."""

from __future__ import annotations

from core.understanding.lexicon.phrases import _phrases

# Words that may stand around a remark and still leave small talk: "you're so dumb", "eres un
# inútil", "that's crazy lol", "this bot is useless".
REMARK_FRAME = frozenset(
    _phrases(
        "thats | that | this | it | its | you | youre | ur | u | are | is | so | such | a | an | really | very | "
        "pretty | too | what | how | im | i | bot | the | just | kinda | "
        "eres | sos | es | esto | eso | esta | que | muy | tan | re | super | bien | mas | el | la | un | una | "
        "me | te | no | nada | para | pero | vaya | jo | ay | answer | reply | respuesta | respuestas"
    )
)

# ---- chat spelling --------------------------------------------------------------------------
# Chat shorthand read as the word it stands for (the title text is always cut from the message
# as typed): "what can u do", "q app tiene X", "dnd veo X".
SHORTHAND = {
    "u": "you", "ur": "your", "wat": "what", "wut": "what", "wht": "what", "dat": "that", "q": "que",
    "ke": "que", "qe": "que", "xq": "porque", "pq": "porque", "dnd": "donde", "tmb": "tambien",
    "tb": "tambien", "tmbn": "tambien", "pa": "para", "xa": "para", "bn": "bien", "cn": "con", "sta": "esta",
    "smth": "something", "sth": "something", "smthg": "something", "mnay": "many", "mny": "many",
    "frm": "from", "abt": "about",
}  # fmt: skip
