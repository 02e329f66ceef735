"""How the build, the answers and the memory grow with the catalogue: one table row per
factor, for a synthetic source N times today's.

    python -m benchmarks.bench_scale [--factor 1 4 10 40] [--source ../shared/datasets]
                                     [--work-dir /tmp/streambot-scale] [--timeout 900]

For each factor, ``benchmarks.synthetic`` writes ``WORK_DIR/source-xN`` (kept and reused
while it was written from the same source: delete it to write it anew). Then two child
processes run, one after the other, so that no phase and no factor colours another's figures:

build, the body of ``python -m core.snapshot.build`` that the bot's first start and every refresh
run (``core.snapshot.build.build_snapshot``), into an empty data folder ``WORK_DIR/data-xN``:
- ETL s: from the build's start to the cleaned catalogue (``core.etl.run_etl``, what
  ``core.etl.build_catalogue`` does: read, parse, clean, score);
- model build s: the rest of the build: writing the catalogue snapshot, building and
  saving the recommender (``Recommender.build``) and whatever else publishing builds;
- build peak RSS MB: the child's maximum resident size (ru_maxrss from wait4 when it
  exits: that child's alone).

serve, a fresh process that starts as ``python -m bot`` does: its imports
(``bench_memory.IMPORTS``), the system allocator, then ``Store(open_snapshot(...))``,
which loads the snapshot and prepares every index, the understanding included:
- resolve p50 / p99 ms: ``Recommender.resolve(text)``, each query timed with
  perf_counter after a warm-up, over 350 seeded queries from the real titles, 50 of each
  kind: exact, one typo, two typos, a word missing, a word added, the first half of the
  words, and invented titles that no catalogue holds;
- recommend p50 / p99 ms: ``Recommender.recommend(id, k=5)`` for 1,000 seeded real titles;
- serving RSS MB: the process's VmRSS after answering all of them.
Real titles are the source's own rows, not the synthetic copies, so every factor is asked
the very same questions.

A phase that runs past ``--timeout`` seconds (default: the bot's own limit on a rebuild)
is killed, its cells read "> N s", and the next factor runs. MB are 10^6 bytes. Progress
goes to stderr; the Markdown table, then a line with the date and the command, to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from benchmarks.synthetic import DEFAULT_SOURCE, write_synthetic_source
from benchmarks.typed_titles import resolve_queries
from core.snapshot.child import BUILD_TIME_LIMIT_SECONDS  # the default timeout: a rebuild the bot abandons

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FACTORS = [1, 4, 10, 40]
DEFAULT_WORK_DIR = Path("/tmp/streambot-scale")
SYNTHETIC_COPY = re.compile(r"x\d+$")  # how benchmarks.synthetic names a copy's id: s1 -> s1x2
SOURCE_MARKER = "SYNTHETIC.json"  # written last: a source folder without it is incomplete
RECOMMENDED_TITLES = 1000
WARM_UP = 20  # first calls pay for lazy imports and caches
SEED = 15  # any fixed number: every run and every factor get the same questions
HEADER = ["titles", "ETL s", "model build s", "resolve p50 / p99 ms", "recommend p50 / p99 ms",
          "serving RSS MB", "build peak RSS MB"]  # fmt: skip


# --- the parent: one row per factor ------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.phase == "build":
        return build_phase(args.source, args.data_dir)
    if args.phase == "serve":
        return serve_phase(args.source, args.data_dir)
    args.work_dir = args.work_dir.resolve()  # the children run from the repository folder
    args.work_dir.mkdir(parents=True, exist_ok=True)
    rows = [measure(factor, args) for factor in args.factor]
    print(markdown_table(HEADER, rows))
    given = sys.argv[1:] if argv is None else argv
    command = shlex.join(["python", "-m", "benchmarks.bench_scale", *given])
    print(f"\nMeasured {datetime.now():%Y-%m-%d %H:%M} on {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}: `{command}`")  # fmt: skip
    return 0


def measure(factor: int, args) -> list[str]:
    source, written = synthetic_source(args.source, args.work_dir, factor)
    data_dir = args.work_dir / f"data-x{factor}"
    shutil.rmtree(data_dir, ignore_errors=True)  # a first start: no snapshot to compare with or skip
    say(f"×{factor}: build ({written:,} titles in the source)")
    build = run_phase("build", source, data_dir, args.timeout)
    serve = None
    if build.result.get("outcome") == "published":
        say(f"×{factor}: serve")
        serve = run_phase("serve", source, data_dir, args.timeout)
    return table_row(factor, written, build, serve, args.timeout)


def synthetic_source(real: Path, work_dir: Path, factor: int) -> tuple[Path, int]:
    """``WORK_DIR/source-xN`` and its number of titles, written unless a complete one from
    the same real source is there (a ×40 source takes a while to write)."""
    folder = work_dir / f"source-x{factor}"
    wanted = str(real.resolve())
    try:
        marker = json.loads((folder / SOURCE_MARKER).read_text())
        if marker["source"] == wanted:
            return folder, marker["titles"]
    except (OSError, ValueError, KeyError):
        pass
    say(f"×{factor}: writing the synthetic source into {folder}")
    partial = work_dir / f"source-x{factor}.partial"
    for stale in (partial, folder):
        shutil.rmtree(stale, ignore_errors=True)
    written = write_synthetic_source(real, partial, factor)
    (partial / SOURCE_MARKER).write_text(json.dumps({"source": wanted, "titles": written}) + "\n")
    partial.rename(folder)  # only a complete source ever has the folder's name
    return folder, written


@dataclass
class Phase:
    """What a child process reported (its JSON lines on stdout), and how it ended."""

    steps: list[tuple[float, str]] = field(default_factory=list)  # (seconds since it started, step)
    result: dict = field(default_factory=dict)
    peak_mb: float = 0.0
    timed_out: bool = False

    def seen_at(self, prefix: str) -> float | None:
        """When the parent saw the first step starting with ``prefix`` (None: never)."""
        return next((at for at, step in self.steps if step.startswith(prefix)), None)


def run_phase(phase: str, source: Path, data_dir: Path, timeout: float) -> Phase:
    """Run one phase in a child process; kill it after ``timeout`` seconds."""
    command = [sys.executable, "-m", "benchmarks.bench_scale", "--phase", phase,
               "--source", str(source), "--data-dir", str(data_dir)]  # fmt: skip
    ran = Phase()
    started = time.monotonic()
    # stderr is ours: the child's progress shows as it happens.
    with subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, text=True) as child:
        killed = threading.Event()
        timer = threading.Timer(timeout, lambda: (killed.set(), child.kill()))
        timer.start()
        for line in child.stdout:
            _record(ran, line, time.monotonic() - started)
        # wait4, not wait: its rusage is this child's alone, where RUSAGE_CHILDREN would
        # give the largest child so far, a bigger factor's build included.
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        timer.cancel()
    ran.peak_mb = usage.ru_maxrss * 1024 / 1e6  # kibibytes on Linux
    ran.timed_out = killed.is_set()
    if child.returncode and not ran.timed_out:
        say(f"the {phase} phase failed (exit {child.returncode})")
    return ran


def _record(ran: Phase, line: str, seen_at: float) -> None:
    try:
        message = json.loads(line)
    except ValueError:
        return  # not ours: a library printing to stdout
    if "step" in message:
        # The parent's clock, not the child's: after a kill, the time since a step is all we know.
        ran.steps.append((seen_at, message["step"]))
    if "result" in message:
        ran.result = message["result"]


def table_row(factor: int, written: int, build: Phase, serve: Phase | None, timeout: float) -> list[str]:
    served = serve.result if serve else {}
    titles = f"{served['titles']:,}" if "titles" in served else f"~{written:,}"
    return [
        f"{titles} (×{factor})",
        *build_cells(build, timeout),
        *(latency_cells(serve, timeout) if serve else ["—", "—"]),
        f"{served['rss_mb']:.0f}" if "rss_mb" in served else "—",
        f"{'≥ ' if build.timed_out else ''}{build.peak_mb:.0f}",  # killed: the peak so far
    ]


def build_cells(build: Phase, timeout: float) -> list[str]:
    """ETL and model build seconds; past the timeout, how long each ran for at least."""
    etl_s, total_s = build.result.get("etl_s"), build.result.get("total_s")
    if total_s is not None:
        # No ETL figure if build_snapshot stopped saying "cleaned ...": the whole build is the model's.
        return ["?" if etl_s is None else f"{etl_s:.1f}", f"{total_s - (etl_s or 0):.1f}"]
    if not build.timed_out:
        return ["failed", "failed"]
    cleaned = build.seen_at("cleaned")
    if etl_s is None or cleaned is None:
        return [f"> {timeout:g} s", "—"]
    return [f"{etl_s:.1f}", f"> {timeout - cleaned:.0f} s"]


def latency_cells(serve: Phase, timeout: float) -> list[str]:
    from benchmarks.measure import percentile

    served = serve.result
    if serve.timed_out or "resolve_s" not in served:
        return [f"> {timeout:g} s" if serve.timed_out else "failed"] * 2
    return [
        " / ".join(f"{percentile(served[name], p) * 1e3:.2f}" for p in (50, 99))
        for name in ("resolve_s", "recommend_s")
    ]


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = [header, ["---:"] * len(header), *rows]
    return "\n".join(f"| {' | '.join(cells)} |" for cells in lines)


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- the children: one phase each, reporting JSON lines on stdout ---------------------------


def report(**message) -> None:
    print(json.dumps(message), flush=True)


def build_phase(source: Path, data_dir: Path) -> int:
    """What ``python -m core.snapshot.build`` runs on a first start: ETL, model, snapshot published."""
    from core.snapshot.build import build_snapshot

    started = time.perf_counter()
    etl_s = None

    def step(text: str) -> None:
        nonlocal etl_s
        at = time.perf_counter() - started
        if etl_s is None and text.startswith("cleaned"):  # build_snapshot says so right after run_etl
            etl_s = at
            report(result={"etl_s": etl_s})  # kept if the model build then runs past the timeout
        report(step=text)
        say(f"    build {at:7.1f} s  {text}")

    # max_drop=1.0 and force: as the bot's first start, with nothing to compare or skip.
    built = build_snapshot(data_dir, source, max_drop=1.0, force=True, progress=step)
    total_s = time.perf_counter() - started
    report(result={"outcome": built.outcome, "detail": built.detail, "etl_s": etl_s, "total_s": total_s})
    return 0 if built.outcome == "published" else 1


def serve_phase(source: Path, data_dir: Path) -> int:
    """Start as the bot does, answer the queries, report timings and resident memory."""
    import importlib

    from benchmarks.bench_memory import BUILD_ONLY, IMPORTS
    from benchmarks.measure import memory
    from core.snapshot.build import open_snapshot
    from core.snapshot.memory import use_system_allocator
    from core.snapshot.store import Store

    for module in IMPORTS:  # the bot's own imports belong to its resident memory
        importlib.import_module(module)
    use_system_allocator()
    started = time.perf_counter()
    store = Store(open_snapshot(data_dir, source))
    snapshot = store.current
    say(f"    serve: loaded {len(snapshot.catalogue):,} titles in {time.perf_counter() - started:.1f} s")
    texts, title_ids = questions(snapshot.catalogue, random.Random(SEED))
    model = snapshot.recommender
    resolve_s = timed(model.resolve, texts)
    recommend_s = timed(lambda title_id: model.recommend(title_id, k=5), title_ids)
    rss_mib, _ = memory()
    if leaked := [module for module in BUILD_ONLY if module in sys.modules]:
        say(f"    serve: build-only modules loaded, counted in the RSS: {', '.join(leaked)}")
    report(result={"titles": len(snapshot.catalogue), "resolve_s": resolve_s, "recommend_s": recommend_s,
                   "rss_mb": rss_mib * 2**20 / 1e6})  # fmt: skip
    return 0


def timed(answer, arguments: list) -> list[float]:
    """Seconds per call, after ``WARM_UP`` untimed calls."""
    for argument in arguments[:WARM_UP]:
        answer(argument)
    seconds = []
    for argument in arguments:
        started = time.perf_counter()
        answer(argument)
        seconds.append(time.perf_counter() - started)
    return seconds


def questions(catalogue, rng: random.Random) -> tuple[list[str], list[str]]:
    """(texts to resolve, ids to recommend for), drawn from the real titles only."""
    real = catalogue.loc[~catalogue["id"].str.contains(SYNTHETIC_COPY.pattern), ["id", "display_title"]]
    titles = sorted(set(real["display_title"].dropna()))
    title_ids = sorted(real["id"])
    texts = resolve_queries(titles, rng)
    rng.shuffle(texts)  # so the warm-up is of every kind
    return texts, rng.sample(title_ids, min(RECOMMENDED_TITLES, len(title_ids)))


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_scale",
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("--factor", type=int, nargs="+", default=DEFAULT_FACTORS, help="source sizes, × today's")
    add("--source", type=Path, default=DEFAULT_SOURCE, help="the real source, with titles/ and ratings/")
    add("--work-dir", type=Path, default=DEFAULT_WORK_DIR, help="synthetic sources and snapshots")
    add("--timeout", type=float, default=BUILD_TIME_LIMIT_SECONDS, help="seconds per phase (build, serve)")
    add("--phase", choices=["build", "serve"], help=argparse.SUPPRESS)
    add("--data-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if any(factor < 1 for factor in args.factor):
        parser.error("factors must be at least 1")
    return args


if __name__ == "__main__":
    sys.exit(main())
