"""What every benchmark measures the same way: percentiles of timings, resident memory."""

from __future__ import annotations

from pathlib import Path


def percentile(samples: list[float], p: float) -> float:
    """The ``p``-th percentile (0-100) of ``samples``, nearest rank."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def memory() -> tuple[float, float]:
    """(resident, peak resident) of this process, in MiB."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]
