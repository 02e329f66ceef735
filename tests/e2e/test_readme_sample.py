"""The README's console session is what the console prints today, on the full catalogue.

The sample is the first block after "A session in the console chat" in README.md: each
"> " line is typed into the real console chat (``bot.console.run_console``, the production
Application), and the lines the README shows under it must be the lines the console prints,
in order; a line "..." stands for any number of lines left out. When the bot's words change,
this test fails with the whole transcript, ready to paste."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import re
from pathlib import Path

import pytest

from bot.app import build_application
from bot.config import Settings
from bot.console import LOCAL_USER_ID, run_console
from core.snapshot.store import Store

README = Path(__file__).resolve().parents[2] / "README.md"
pytestmark = pytest.mark.e2e


def readme_sample() -> list[str]:
    text = README.read_text(encoding="utf-8")
    start = text.index("A session in the console chat")
    block = re.search(r"```\n(.*?)```", text[start:], re.S)
    return block.group(1).rstrip("\n").split("\n")


def turns(lines: list[str]) -> list[tuple[str, list[str]]]:
    """(typed, the lines after it) for each "> " line."""
    found = []
    for line in lines:
        if line.startswith("> "):
            found.append((line[2:], []))
        elif found:
            found[-1][1].append(line)
    return found


def shown_in(expected: list[str], printed: list[str]) -> str | None:
    """Why ``expected`` (with "..." for lines left out) is not ``printed``, or None."""
    at = 0
    skipping = False
    for line in expected:
        if line.strip() == "...":
            skipping = True
            continue
        while skipping and at < len(printed) and printed[at].rstrip() != line.rstrip():
            at += 1
        if at >= len(printed) or printed[at].rstrip() != line.rstrip():
            return f"expected {line!r}, printed {printed[at] if at < len(printed) else 'nothing more'!r}"
        at += 1
        skipping = False
    if at < len(printed) and not skipping:
        return f"printed more than the README shows: {printed[at]!r}"
    return None


def console_transcript(snapshot, data_dir, typed: list[str]) -> str:
    settings = Settings(data_dir=data_dir, refresh_minutes=0, retrain_minutes=0)
    settings = dataclasses.replace(settings, admin_ids=settings.admin_ids | {LOCAL_USER_ID})
    store = Store(snapshot)
    output = io.StringIO()

    def application_for(request):
        return build_application(settings, store, request=request, rate_limiter=False)

    asyncio.run(run_console(application_for, io.StringIO("\n".join(typed) + "\n"), output, interactive=False))
    return output.getvalue()


def test_the_readme_session_is_what_the_console_prints(full_snapshot, tmp_path):
    sample = turns(readme_sample())
    assert len(sample) >= 4
    transcript = console_transcript(full_snapshot, tmp_path, [typed for typed, _shown in sample])
    printed = turns(transcript.rstrip("\n").split("\n"))
    assert [typed for typed, _ in printed] == [typed for typed, _ in sample]
    for (typed, expected), (_typed, lines) in zip(sample, printed, strict=True):
        problem = shown_in(expected, lines)
        assert problem is None, f"after {typed!r}: {problem}\n\nThe console printed:\n{transcript}"
