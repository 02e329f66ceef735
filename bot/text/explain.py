"""Wrong command arguments, explained in one line in the user's language, with an example.

core.catalogue.arguments (its checks and ``require``) explain a wrong argument in English. Each
message is read back into its parts here and worded again from the catalogue, so the
explanation comes in the user's language; tests/unit/bot/text/test_i18n.py triggers every one of them
to prove it is recognised. (A message nobody recognises is shown as it came.)
"""

from __future__ import annotations

import re

from bot.text import markup
from bot.text.i18n import N_, _
from bot.text.markup import esc
from bot.text.render import genre_in_text
from core.catalogue.arguments import POPULAR_GENRES

ARGUMENT_ERRORS = [
    (r"unknown platform (?P<value>.+): choose one of (?P<choices>.+)", N_("unknown platform {value}: choose one of {choices}")),
    (r"unknown type (?P<value>.+): use movie or show", N_("unknown type {value}: use movie or show")),
    (r"unknown duration type (?P<value>.+): use min or season", N_("unknown duration type {value}: use min or season")),
    (r"(?P<value>.+) is not a year: use a year from (?P<low>\d+) to (?P<high>\d+)", N_("{value} is not a year: use a year from {low} to {high}")),
    (r"no titles from (?P<year>-?\d+): the catalogue covers (?P<low>\d+) to (?P<high>\d+)", N_("no titles from {year}: the catalogue covers {low} to {high}")),
    (r"(?P<value>.+) is not a score: use a number from 0 to 5, e\.g\. 3\.5", N_("{value} is not a score: use a number from 0 to 5, e.g. 3.5")),
    (r"unknown genre (?P<value>.+): try .+", N_("unknown genre {value}: try {choices}")),
    (r"unknown country (?P<value>.+?)(?P<hint>; .+)?", N_("unknown country {value}")),
    (r"unknown rating (?P<value>.+?)(?P<hint>; .+)?", N_("unknown rating {value}")),
    (r"please add (?P<what>.+)", N_("please add {what}")),
]  # fmt: skip
HINTS = [
    (r"; did you mean (?P<best>.+)\?", N_("{problem}; did you mean {best}?")),
    (r"; valid: (?P<choices>.+)", N_("{problem}; valid: {choices}")),
]
_ARGUMENT_ERRORS = [(re.compile(pattern), template) for pattern, template in ARGUMENT_ERRORS]
_HINTS = [(re.compile(pattern), template) for pattern, template in HINTS]


def argument_error(message: str) -> str | None:
    """An argument error's message in the language being spoken, or None when unknown."""
    for pattern, template in _ARGUMENT_ERRORS:
        found = pattern.fullmatch(message.strip())
        if found is None:
            continue
        parts = {k: v for k, v in found.groupdict().items() if v is not None}
        hint = parts.pop("hint", None)
        if "what" in parts:
            parts["what"] = _(parts["what"])  # "a platform", marked where require() is called
        if "{choices}" in template and "choices" not in parts:  # the genres to try, in this language
            parts["choices"] = ", ".join(genre_in_text(g) for g in POPULAR_GENRES)
        text = _(template).format(**parts)
        if hint:
            for hint_pattern, hint_template in _HINTS:
                said = hint_pattern.fullmatch(hint)
                if said:
                    return _(hint_template).format(problem=text, **said.groupdict())
            return text + hint
        return text
    return None


def sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!", "…")) else text + "."


PROBLEM = 300  # characters of an explanation, at most


def usage_error(error, example: str) -> str:
    """A wrong argument, explained in one line with a working example (``example`` is a
    command marked with ``N_``: a translation may use the language's own words)."""
    # The explanation may quote what the user typed: a short excerpt is enough.
    problem = sentence(markup.excerpt(argument_error(str(error)) or str(error), PROBLEM))
    return "⚠️ " + esc(_("{problem} Example: {example}").format(problem=problem, example=_(example)))
