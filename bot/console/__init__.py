"""The bot without Telegram: an in-process Bot API stand-in, and a terminal chat on top of it.

``python -m bot`` without a token runs :func:`run_console`: the production Application and
handlers, no network. Typed lines become updates, and what the bot sends is printed, one reply
block per line. A reply block that shows choices (inline or reply keyboard buttons, inline results,
"more results") numbers them from 1 and replaces the previous numbers, which stay valid until a
later block shows choices of its own. Typing a number with no choice behind it sends it as text.
``@streambot words`` (or ``@ words``) runs an inline query; ``more`` fetches the next page.

The modules, each with one job:

- ``api.py``: :class:`BotApi`, Telegram's side of one bot (state, Bot API methods, updates);
  also behind the tests' loopback server (``tests/support/telegram_server.py``);
- ``spec.py``: what Telegram refuses, checked against its published Bot API;
- ``objects.py``: the Bot API objects (users, chats, messages, polls, photos) as JSON dicts;
- ``request.py``: :class:`StandInRequest`, python-telegram-bot talking to the stand-in in-process;
- ``chat.py``: :class:`Console`, the terminal user's chat; ``text.py``: HTML and keyboards as
  terminal text; ``run.py``: :func:`run_console`, the read loop.
"""

from bot.console.chat import LOCAL_USER_ID, Console
from bot.console.run import run_console

__all__ = ["LOCAL_USER_ID", "Console", "run_console"]
