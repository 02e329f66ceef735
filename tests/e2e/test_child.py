"""The retrain's child process keeps the protocol the build's does (``core.snapshot.child``):
killed with the bot, even by kill -9, it stops instead of publishing a model nobody serves."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.eval_reranker import synthetic_signals
from core.personal import registry
from core.snapshot.child import REPO
from tests.support.snapshot_helpers import published_copy, with_feedback


def retrain_processes(data) -> list[int]:
    """Pids of ``python -m core.personal.training`` processes working on ``data``."""
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            args = cmdline.read_bytes().split(b"\0")
            if b"core.personal.training" in args and str(Path(data).resolve()).encode() in args:
                pids.append(int(cmdline.parent.name))
    return pids


def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_a_retrain_dies_with_the_process_that_started_it(tmp_path, fixture_snapshot):
    data = published_copy(fixture_snapshot, tmp_path / "data")
    # Enough feedback for a retrain that publishes (tests/unit/core/personal/test_registry.py).
    with_feedback(data, synthetic_signals(fixture_snapshot.recommender, users=600, per_user=30))
    code = f"from core.personal.training import run_retrain; run_retrain({str(data)!r})"
    started = subprocess.Popen([sys.executable, "-c", code], cwd=REPO)
    try:
        assert wait_until(lambda: retrain_processes(data), timeout=20), "the retrain never started"
        started.send_signal(signal.SIGKILL)
        started.wait()
        assert wait_until(lambda: not retrain_processes(data), timeout=5), "the retrain outlived its parent"
    finally:
        started.kill()
    # A retrain left running publishes a model within seconds; one that died publishes nothing.
    assert registry.current_version(data) is None
