"""The Telegram front of streambot (python-telegram-bot v22)."""

import os

# Time periods as timedelta, python-telegram-bot's next default. Without this opt-in every
# RetryAfter (a 429 from Telegram) warns that its int retry_after is deprecated.
os.environ.setdefault("PTB_TIMEDELTA", "1")
