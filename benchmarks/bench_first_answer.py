"""How soon ``python -m bot`` answers: from the command to its first answer, on an empty data
folder (a first start) and with a snapshot on disk; and when a first start's suggestions come.

    python -m benchmarks.bench_first_answer [--source ../shared/datasets] [--runs 3]

Each run starts the console chat (no token) as a user would, with ``/count`` typed at once,
then ``/recommend toy story``, and, once the bot says its suggestions are ready, the same
request again. It prints, per kind of start, the median over the runs of the seconds from the
command to: the answer to ``/count``; the answer to the first ``/recommend``; the suggestions
being ready; and the resident memory (VmRSS) of the bot after the second ``/recommend``.
The target (issue 26): the first answer under 4 s on an empty data folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COUNT_ANSWER = "titles on all platforms"
READY = "suggestions are ready"
SUGGESTED = "Like Toy Story"  # the heading of a suggestion list (English console)


def one_run(source: str, data_dir: Path, verbose: bool = False) -> dict:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "STREAMBOT_"))}
    environ.update(STREAMBOT_DATA_DIR=str(data_dir), STREAMBOT_DATA_SOURCE=source)
    started = time.monotonic()
    bot = subprocess.Popen(
        [sys.executable, "-m", "bot"], cwd=REPO, env=environ, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    seen: dict[str, float] = {}
    out_lines: list[str] = []
    ready = threading.Event()

    def watch(stream, lines: list[str]) -> None:
        for line in stream:
            lines.append(line)
            now = time.monotonic() - started
            if verbose:
                print(f"  {now:6.2f} s  {line.rstrip()}")
            if COUNT_ANSWER in line:
                seen.setdefault("count", now)
            if READY in line:
                seen.setdefault("ready", now)
                ready.set()

    out = threading.Thread(target=watch, args=(bot.stdout, out_lines), daemon=True)
    err = threading.Thread(target=watch, args=(bot.stderr, []), daemon=True)
    out.start()
    err.start()
    bot.stdin.write("/count\n/recommend toy story\n")
    bot.stdin.flush()
    ready.wait(timeout=10 if (data_dir / "CURRENT").exists() else 120)
    seen.setdefault("ready", seen.get("count", 0.0))  # a whole snapshot on disk: ready at once
    time.sleep(0.2)
    bot.stdin.write("/recommend toy story\n")
    bot.stdin.flush()
    time.sleep(1.5)
    seen["rss_mb"] = _rss_mib(bot.pid)
    bot.stdin.close()
    bot.wait(timeout=30)
    out.join(timeout=5)
    transcript = "".join(out_lines)
    answers = transcript.split("> /recommend toy story")
    seen["first_recommend_answer"] = answers[1] if len(answers) > 1 else ""
    seen["suggested_after_ready"] = SUGGESTED.lower() in (answers[2] if len(answers) > 2 else "").lower()
    return seen


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", default="../shared/datasets")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--verbose", action="store_true", help="print every line the bot writes, timed")
    args = parser.parse_args()
    source = str(Path(args.source).resolve())
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("empty data folder", "snapshot on disk"):
            runs = []
            for run in range(args.runs):
                data = Path(folder) / (f"data-{run}" if kind == "empty data folder" else "data-0")
                runs.append(one_run(source, data, args.verbose))
            report(kind, runs)


def report(kind: str, runs: list[dict]) -> None:
    def figures(key: str, unit: str, form: str = "6.2f") -> str:
        values = [r.get(key, float("nan")) for r in runs]
        each = ", ".join(f"{v:{form.strip('6')}}" for v in values)
        return f"{statistics.median(values):{form}} {unit}   (runs: {each})"

    print(f"{kind} ({len(runs)} runs, medians):")
    print(f"  first answer (/count)   {figures('count', 's')}")
    print(f"  suggestions ready       {figures('ready', 's')}")
    print(f"  resident memory         {figures('rss_mb', 'MiB', '6.1f')}")
    print(f"  suggestions after ready {sum(r['suggested_after_ready'] for r in runs)}/{len(runs)} runs")
    first = runs[0]["first_recommend_answer"].strip().splitlines()
    print("  first /recommend said: " + " | ".join(line.strip() for line in first[:3]))


if __name__ == "__main__":
    main()
