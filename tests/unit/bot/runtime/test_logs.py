"""The log format: one line per record whatever it holds, and the token never shown."""

from __future__ import annotations

import json
import logging
import sys

from bot.runtime.logs import Formatter

TOKEN = "123456:ABC-very-secret"


def record(message: str, *args, exc_info=None, **fields) -> logging.LogRecord:
    made = logging.LogRecord("bot.test", logging.ERROR, __file__, 1, message, args, exc_info)
    made.__dict__.update(fields)
    return made


def failure():
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{TOKEN}/sendMessage failed")
    except RuntimeError:
        return sys.exc_info()


def test_key_values_quote_what_needs_it_and_stay_on_one_line():
    line = Formatter("kv").format(
        record("update failed: %s", "two\nlines", command="/count", duration_ms=2.5)
    )
    assert "\n" not in line
    assert 'msg="update failed: two\\nlines"' in line and "command=/count duration_ms=2.5" in line


def test_the_token_is_masked_in_messages_fields_and_tracebacks():
    for style in ("kv", "json"):
        line = Formatter(style, secret=TOKEN).format(
            record("calling %s", f"https://x/bot{TOKEN}/getMe", exc_info=failure(), url=TOKEN)
        )
        assert TOKEN not in line and "<token>" in line and "RuntimeError" in line


def test_json_lines_parse_with_their_fields():
    parsed = json.loads(Formatter("json").format(record("update", outcome="ok", update_id=7)))
    assert parsed["msg"] == "update" and parsed["outcome"] == "ok" and parsed["update_id"] == 7
    assert parsed["level"] == "ERROR" and parsed["logger"] == "bot.test"


def test_every_line_names_its_replica_in_both_formats():
    assert " logger=bot.test replica=bot-1 msg=update " in Formatter("kv", replica="bot-1").format(
        record("update", outcome="ok")
    )
    assert json.loads(Formatter("json", replica="bot-1").format(record("update")))["replica"] == "bot-1"
    assert "replica" not in Formatter("kv").format(record("update"))  # none given, none shown
