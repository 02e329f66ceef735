"""Heavy jobs in a child process: ``python -m <module>``, watched from here.

The catalogue build (``core.snapshot.build``) and the re-ranker's retrain
(``core.personal.training``) each take seconds of CPU, peak at hundreds of MB and import
scikit-learn (~65 MB that would never be given back). In a child, none of that touches
the serving process, which only loads what the child published. Both speak one protocol,
both sides of which live here:

- the child dies with this process, even after kill -9: its stdin is a pipe only we hold
  open, and the child calls ``exit_with_parent`` (it gets ``--die-with-parent``), so it
  never publishes something nobody announces or races a restarted bot;
- it reports each step on stderr with ``print_progress``, relayed line by line to
  ``on_progress``;
- it is killed after a time limit;
- it prints its result as one JSON line, returned here as a dict
  ({"outcome": ..., "detail": ...}; "failed" with the reason when the child crashed,
  printed nothing or ran out of time).

``run_build`` is the build's use of it; ``core.personal.training.run_retrain`` the retrain's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from core.ingest.fetch import Limits

REPO = Path(__file__).resolve().parents[2]
BUILD_TIME_LIMIT_SECONDS = 15 * 60
PROGRESS_PREFIX = "progress: "  # starts the lines print_progress writes on stderr
CATALOGUE_READY = "the catalogue is ready to serve"  # the step a catalogue-first build says
EXIT_ORPHANED = 3


# ---- the parent's side ----------------------------------------------------------------------
def run_child(
    module: str,
    arguments: list[str],
    *,
    job: str,
    time_limit: float,
    on_progress: Callable[[str], None] | None = None,
    environment: dict[str, str] | None = None,
) -> dict:
    """``python -m module *arguments --die-with-parent`` and the dict its last stdout line
    holds; never raises for a failed child. ``job`` names it in failures ("the rebuild took
    over 900 s"); ``environment`` adds variables to this process's for the child (secrets such
    as a database URL, which a command line would show to every user of the machine). Blocks
    until the child ends: call it from a worker thread."""
    command = [sys.executable, "-m", module, *arguments, "--die-with-parent"]  # every child takes it
    env = {**os.environ, **environment} if environment else None
    with subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        # stdin stays open and unwritten until the end (no communicate()): closing it tells the
        # child we died.
        killed = threading.Event()
        timer = threading.Timer(time_limit, lambda: (killed.set(), child.kill()))
        timer.daemon = True  # a bot quitting mid-build does not wait for it: the child dies with it
        timer.start()
        output: list[str] = []
        reader = threading.Thread(target=lambda: output.append(child.stdout.read()), daemon=True)
        reader.start()
        errors = _relay(child.stderr, on_progress)
        reader.join()
        child.wait()
        timer.cancel()
    if killed.is_set():
        return {"outcome": "failed", "detail": f"the {job} took over {time_limit:g} s"}
    return _result("".join(output), errors, child.returncode, job)


def _relay(stream, on_progress: Callable[[str], None] | None) -> list[str]:
    """Hand progress lines on as they come; the other stderr lines are returned."""
    others = []
    for line in stream:
        text = line.rstrip("\n")
        if text.startswith(PROGRESS_PREFIX):
            if on_progress is not None:
                on_progress(text.removeprefix(PROGRESS_PREFIX))
        elif text.strip():
            others.append(text)
    return others


def _result(stdout: str, errors: list[str], returncode: int, job: str) -> dict:
    lines = stdout.strip().splitlines()
    try:
        return json.loads(lines[-1])
    except (IndexError, ValueError):
        last_error = (errors or ["no output"])[-1]
        return {"outcome": "failed", "detail": f"the {job} crashed (exit {returncode}): {last_error}"}


# ---- the child's side -----------------------------------------------------------------------
def exit_with_parent() -> None:
    """Exit at once when the process that started this one dies, even by kill -9.

    The parent holds our stdin open and never writes to it, so end of file means it is
    gone. A build or retrain nobody waits for would publish something whose news nobody
    announces, and would race the restarted bot's own."""

    def watch() -> None:
        sys.stdin.buffer.read()
        os._exit(EXIT_ORPHANED)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def print_progress(text: str) -> None:
    """One step, for the parent's ``on_progress``."""
    print(PROGRESS_PREFIX + text, file=sys.stderr, flush=True)


# ---- the catalogue build --------------------------------------------------------------------
def run_build(
    data_dir,
    source: str,
    *,
    max_drop: float,
    force: bool = False,
    limits: Limits | None = None,
    on_progress: Callable[[str], None] | None = None,
    time_limit: float = BUILD_TIME_LIMIT_SECONDS,
    catalogue_first: bool = False,
) -> dict:
    """``python -m core.snapshot.build`` in a child process and its result
    ({"outcome": "published" | "unchanged" | "refused" | "failed", "detail": ...}); never
    raises for a failed build. ``catalogue_first``: see ``build_snapshot``."""
    arguments = build_arguments(data_dir, source, max_drop=max_drop, force=force, limits=limits or Limits())
    if catalogue_first:
        arguments.append("--catalogue-first")
    return run_child(
        "core.snapshot.build", arguments, job="rebuild", time_limit=time_limit, on_progress=on_progress
    )


def build_arguments(data_dir, source: str, *, max_drop: float, force: bool, limits: Limits) -> list[str]:
    arguments = [
        "--source", source, "--data-dir", str(Path(data_dir).resolve()), "--max-drop", str(max_drop),
        "--timeout", str(limits.timeout), "--deadline", str(limits.deadline),
        "--max-mb", str(limits.max_bytes / 2**20), "--progress",
    ]  # fmt: skip
    return [*arguments, "--force"] if force else arguments
