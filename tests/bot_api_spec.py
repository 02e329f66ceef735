"""Check requests against Telegram's published Bot API.

The checker lives with the Bot API stand-in (``bot/console/spec.py``), which refuses what
Telegram would refuse; tests import it from here to list every rule a recorded request breaks.
"""

from bot.console.spec import SPEC, html_problems, html_text, refusals, violations

__all__ = ["SPEC", "html_problems", "html_text", "refusals", "violations"]
