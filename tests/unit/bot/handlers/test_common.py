"""The friendly-error wrapper answers wrong arguments but lets bugs reach the error handler."""

from __future__ import annotations

import asyncio

import pytest

from bot.handlers.common import friendly


def test_a_bug_is_not_mistaken_for_a_wrong_argument():
    async def broken(update, context):
        int("not a number")  # a programming error that happens to raise ValueError

    with pytest.raises(ValueError, match="invalid literal"):
        asyncio.run(friendly("/count netflix 2019")(broken)(None, None))
