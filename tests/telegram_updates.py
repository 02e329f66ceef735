"""The Bot API objects tests build updates from: users, chats, messages, button presses.

They live with the Bot API stand-in (``bot/console/objects.py``); this name stays for the tests
that build updates by hand.
"""

from bot.console.objects import bot_user, callback_query, chat, text_message, user

__all__ = ["bot_user", "callback_query", "chat", "text_message", "user"]
