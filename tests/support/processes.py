"""Watching the child processes a build or a retrain starts."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
from pathlib import Path

from core.snapshot.child import REPO
from tests.support.waiting import wait_until


def child_processes(module: str, data) -> list[int]:
    """Pids of ``python -m module`` processes working on the data folder ``data``."""
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            args = cmdline.read_bytes().split(b"\0")
            if module.encode() in args and str(data).encode() in args:
                pids.append(int(cmdline.parent.name))
    return pids


def kill_parent_of(module: str, data, parent_code: str) -> None:
    """Run ``python -c parent_code``, which starts ``python -m module`` on ``data``; kill -9
    the parent once the child runs, and fail unless the child is gone within 5 s."""
    started = subprocess.Popen([sys.executable, "-c", parent_code], cwd=REPO)
    try:
        wait_until(lambda: child_processes(module, data), timeout=20, what=f"{module} to start")
        started.send_signal(signal.SIGKILL)
        started.wait()
        wait_until(
            lambda: not child_processes(module, data), timeout=5, what=f"{module} to die with its parent"
        )
    finally:
        started.kill()
