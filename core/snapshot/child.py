"""Run ``python -m core.snapshot.build`` in a child process: every build the bot asks for, the
first one at start-up included.

The ETL and the model build take ~10 s of CPU, peak at about 440 MB and import
scikit-learn (~65 MB that would never be given back). In a child, none of that touches
the serving process, which only loads the finished snapshot. The child

- dies with this process, even after kill -9: its stdin is a pipe only we hold open
  (``core.snapshot.build.exit_with_parent``), so it never publishes a snapshot nobody announces;
- reports each step on stderr, relayed line by line to ``on_progress``;
- prints its result as one JSON line, returned here as a dict
  ({"outcome": "published" | "unchanged" | "refused" | "failed", "detail": ...}).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from core.ingest.fetch import Limits

REPO = Path(__file__).resolve().parents[2]
BUILD_TIME_LIMIT_SECONDS = 15 * 60
PROGRESS_PREFIX = "progress: "  # starts the lines core.snapshot.build --progress prints on stderr


def run_build(
    data_dir,
    source: str,
    *,
    max_drop: float,
    force: bool = False,
    limits: Limits | None = None,
    on_progress: Callable[[str], None] | None = None,
    time_limit: float = BUILD_TIME_LIMIT_SECONDS,
) -> dict:
    """Build in a child process and return its result; never raises for a failed build."""
    command = build_command(data_dir, source, max_drop=max_drop, force=force, limits=limits or Limits())
    with subprocess.Popen(
        command, cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as child:
        killed = threading.Event()
        timer = threading.Timer(time_limit, lambda: (killed.set(), child.kill()))
        timer.start()
        output: list[str] = []
        reader = threading.Thread(target=lambda: output.append(child.stdout.read()), daemon=True)
        reader.start()
        errors = _relay(child.stderr, on_progress)
        reader.join()
        child.wait()
        timer.cancel()
    if killed.is_set():
        return {"outcome": "failed", "detail": f"the rebuild took over {time_limit:g} s"}
    return _result("".join(output), errors, child.returncode)


def build_command(data_dir, source: str, *, max_drop: float, force: bool, limits: Limits) -> list[str]:
    command = [
        sys.executable, "-m", "core.snapshot.build", "--source", source, "--data-dir", str(Path(data_dir).resolve()),
        "--max-drop", str(max_drop), "--timeout", str(limits.timeout), "--deadline", str(limits.deadline),
        "--max-mb", str(limits.max_bytes / 2**20), "--progress", "--die-with-parent",
    ]  # fmt: skip
    return [*command, "--force"] if force else command


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


def _result(stdout: str, errors: list[str], returncode: int) -> dict:
    lines = stdout.strip().splitlines()
    try:
        return json.loads(lines[-1])
    except (IndexError, ValueError):
        last_error = (errors or ["no output"])[-1]
        return {"outcome": "failed", "detail": f"the rebuild crashed (exit {returncode}): {last_error}"}
