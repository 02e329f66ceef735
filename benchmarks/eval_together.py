"""How well plain messages about seen titles and the chat's list are read (``core.dialogue.together``).

    python -m benchmarks.eval_together [--snapshot data/processed] [--set dev|holdout] [-v]

Each case is a message after some context (nothing, a title in focus, a list of five shown)
and what it should do: mark a title seen, add it to the list or take it off, show the list,
pick from it, or nothing of these (the message is a catalogue question, read as before).
A case counts when the act and the title it is about are both right. ``holdout`` is scored
only once the reader is done (it was written before the reader, and never tuned on); ``more``
covers the acts added after (kids mode, platforms, a vote, joining tonight's watchers);
``strangers`` was written by someone who read none of the code, and scored once.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from core.dialogue.frame import Frame
from core.dialogue.together import read_together, target
from core.dialogue.words import fold

HERE = Path(__file__).parent
LIST = ("ns1", "ns2", "ns3", "ns4", "ns5")  # stand-ins: a pointer needs only positions


def cases(name: str) -> list[list[str]]:
    with open(HERE / f"together_{name}.tsv", encoding="utf-8") as f:
        return [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]


def frame_of(context: str, understanding) -> Frame:
    if context == "list":
        return Frame(shown=LIST, read=len(LIST), at=1.0)
    if context.startswith("title:"):
        q = understanding.parse_command("title", context.removeprefix("title:"))
        return Frame(focus=q.answer()[1][0].id, at=1.0)
    return Frame()


def right(request, frame: Frame, act: str, wanted: str, understanding) -> bool:
    if request is None:
        return act == "none"
    if request.act != act:
        return False
    if wanted == "focus":
        return request.title is None and request.position is None and target(request, frame) == frame.focus
    if wanted.startswith("#"):
        return request.position == int(wanted[1:]) and target(request, frame) == LIST[int(wanted[1:]) - 1]
    if wanted == "-":
        return True
    if request.act == "platforms":
        return request.platforms == frozenset(wanted.split())
    return request.title is not None and (
        fold(request.title) == fold(wanted)
        or understanding.parse_command("title", request.title).answer()[1][:1]
        == understanding.parse_command("title", wanted).answer()[1][:1]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot", default="data/processed")
    parser.add_argument("--set", default="dev", choices=["dev", "holdout", "more", "strangers"])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    from core.snapshot.store import load_snapshot

    understanding = load_snapshot(args.snapshot).understanding
    rows = cases(args.set)
    good = 0
    for context, message, act, wanted in rows:
        frame = frame_of(context, understanding)
        request = read_together(message, understanding)
        if right(request, frame, act, wanted, understanding):
            good += 1
        elif args.verbose:
            print(f"MISS  [{context}] {message!r}: wanted {act} {wanted}, read {request}")
    print(f"{args.set}: {good}/{len(rows)} = {100 * good / len(rows):.1f}% read right")


if __name__ == "__main__":
    main()
