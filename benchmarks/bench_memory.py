"""How much memory the bot process holds: import by import, after a first start, and
after a /stats chart and a few recommendations.

    python -m benchmarks.bench_memory [--source ../shared/datasets]

It does what ``python -m bot`` does in the same order, in this process: the imports,
``open_snapshot`` on an empty data folder (a first start, whose build runs in a child
process and so is not counted here), then a console chat, the bot's very handlers,
with ``/stats netflix`` and five ``/recommend``. The figures are VmRSS (resident now)
and VmHWM (the peak) from /proc/self/status, in MiB. The README's budget is 400 MB;
the target after this session is under 300 MB resident. Last, the look-ups every reply
makes (``Snapshot.title`` and ``platforms_of``, whose columns are decoded on each read to
save memory) are timed over every title.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import io
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.measure import memory

IMPORTS = [  # what python -m bot imports, heaviest dependencies first
    "numpy",
    "pandas",
    "pyarrow.parquet",
    "rapidfuzz",
    "telegram",
    "telegram.ext",
    "core.snapshot.store",
    "core.snapshot.build",
    "core.snapshot.refresh",
    "matplotlib.figure",
    "bot.app",
    "bot.console",
]
BUILD_ONLY = ["sklearn", "scipy.sparse"]  # the build's: must stay out of the serving process
SESSION = ["/stats netflix", "/recommend toy story", "/recommend the office", "/recommend breaking bad",
           "/recommend moana", "/recommend narcos"]  # fmt: skip


def report(label: str, before: float) -> float:
    rss, peak = memory()
    print(f"{label:38s} {rss:7.1f} MiB  {rss - before:+7.1f}   (peak {peak:.1f})")
    return rss


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", default="../shared/datasets")
    args = parser.parse_args()

    rss = report("python started", 0.0)
    for module in IMPORTS:
        importlib.import_module(module)
        rss = report(f"import {module}", rss)

    with tempfile.TemporaryDirectory() as folder:
        store, rss = first_start(Path(folder), args.source, rss)
        rss = chat(store, Path(folder), args.source, rss)
    loaded = [m for m in BUILD_ONLY if m in sys.modules]
    print(f"build-only modules in the serving process: {', '.join(loaded) or 'none'}")
    rss, peak = memory()
    print(f"\nresident after first start, /stats chart and {len(SESSION) - 1} recommendations: "
          f"{rss:.0f} MiB ({rss * 1.048576:.0f} MB); peak {peak:.0f} MiB")  # fmt: skip
    time_lookups(store.current)


def time_lookups(snapshot) -> None:
    timings = []
    for title_id in snapshot.recommender.ids:
        started = time.perf_counter()
        snapshot.title(title_id)
        snapshot.platforms_of(title_id)
        timings.append(time.perf_counter() - started)
    timings.sort()
    p50, p99 = (timings[int(len(timings) * share)] * 1e6 for share in (0.5, 0.99))
    print(f"Snapshot.title + platforms_of, all {len(timings):,} titles: p50 {p50:.1f} us, p99 {p99:.1f} us")


def first_start(data: Path, source: str, rss: float):
    from core.snapshot import memory
    from core.snapshot.build import open_snapshot
    from core.snapshot.store import Store

    memory.use_system_allocator()  # as python -m bot does before loading anything
    started = time.perf_counter()
    store = Store(open_snapshot(data, source, on_progress=lambda text: print(f"    {text}")))
    print(f"    ({time.perf_counter() - started:.1f} s)")
    return store, report("first start (build in a child, load)", rss)


def chat(store, data: Path, source: str, rss: float) -> float:
    from bot.app import build_application
    from bot.config import Settings
    from bot.console import LOCAL_USER_ID, run_console

    settings = Settings(
        data_source=source, data_dir=data, refresh_minutes=0, admin_ids=frozenset({LOCAL_USER_ID})
    )
    transcript = io.StringIO()
    asyncio.run(
        run_console(
            lambda request: build_application(settings, store, request=request, rate_limiter=False),
            io.StringIO("".join(f"{line}\n" for line in SESSION)),
            transcript,
            interactive=False,
            media_dir=data / "media",
        )
    )
    answered = transcript.getvalue().count("streambot:")
    rss = report(f"/stats chart and recommendations ({answered} replies)", rss)
    return rss


if __name__ == "__main__":
    main()
