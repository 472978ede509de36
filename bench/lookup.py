"""Lookup latency: a fresh ``waqai list --on 2021-06 --json`` process, by database size.

    python bench/lookup.py                        # 10k, 100k and 1M events, 15 runs each
    python bench/lookup.py --sizes 1000000 --runs 30 --importtime

Databases come from ``make_events.py`` (cached in --work). Each figure is the
median wall time of fresh processes, next to the floor of
``python -c "import sqlite3"``; ``--importtime`` prints the ten slowest
imports of one run (``python -X importtime``). On a shared machine wall
times swing with the load; ``--instructions`` also counts the user-space
instructions of one run of each (valgrind's callgrind), which do not.
``--cli`` also runs each lookup through the click CLI (``python -m
waqai.tui.cli``, as the console script did before its front door,
``tui/front.py``), interleaved with the console script run by run so that
both meet the same load, and adds CPU time (user + system) medians.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SCRIPT = Path(sys.executable).with_name("waqai")
# The installed console script, as a user runs it; else the module.
WAQAI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "waqai.tui.cli"]


def database(work: Path, events: int) -> Path:
    """The synthetic database of ``events`` events, generated once."""
    path = work / f"events-{events}.db"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "make_events.py"), "--events", str(events), "--db", str(path)], check=True)
    return path


def median_seconds(command: list[str], runs: int) -> float:
    """Median wall time of ``runs`` fresh processes (after one warm-up run)."""
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU user + system) seconds of fresh processes per command, the commands taking turns."""
    for command in commands.values():
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            before, start = os.times(), time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            wall, after = time.perf_counter() - start, os.times()
            cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
            times[name].append((wall, cpu))
    return {name: (statistics.median(w for w, _ in pairs), statistics.median(c for _, c in pairs))
            for name, pairs in times.items()}


def slowest_imports(arguments: list[str], count: int = 10) -> list[tuple[int, str]]:
    """(cumulative µs, module) of the slowest top-level imports of one ``waqai`` run."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "waqai.tui.cli", *arguments],
                            capture_output=True, text=True, check=True)
    rows = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = (part.strip() for part in line[len("import time:"):].split("|"))
            if cumulative.isdigit() and not name.startswith(" "):
                rows.append((int(cumulative), name))
    return sorted(rows, reverse=True)[:count]


def instructions(command: list[str]) -> int | None:
    """User-space instructions of one run of ``command`` (callgrind), or None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                            capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", result.stderr)
    return int(found.group(1)) if found else None


def main() -> None:
    """Command line: sizes, runs, work folder, import-time report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "waqai-bench")
    parser.add_argument("--importtime", action="store_true")
    parser.add_argument("--instructions", action="store_true")
    parser.add_argument("--cli", action="store_true", help="also through the click CLI, interleaved, with CPU times")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    floor = median_seconds([sys.executable, "-c", "import sqlite3"], args.runs)
    print(f"floor: python -c 'import sqlite3'  median {floor * 1000:.0f} ms,"
          f" load average {os.getloadavg()[0]:.1f}")
    if args.instructions:
        print(f"       instructions: {instructions([sys.executable, '-c', 'import sqlite3']) or 0:,}")
    for size in args.sizes:
        arguments = ["list", "--on", "2021-06", "--json", "--db", str(database(args.work, size))]
        seconds = median_seconds(WAQAI + arguments, args.runs)
        print(f"{size:>9,} events: waqai list --on 2021-06 --json  median {seconds * 1000:.0f} ms", flush=True)
        if args.instructions:
            # The console script is a Python file: run it under valgrind through the interpreter.
            command = [sys.executable, *WAQAI[-1:], *arguments] if WAQAI[0] == str(_SCRIPT) else WAQAI + arguments
            print(f"{'':>9}         instructions: {instructions(command) or 0:,}", flush=True)
        if args.cli:
            cli = [sys.executable, "-m", "waqai.tui.cli", *arguments]
            figures = interleaved({"floor": [sys.executable, "-c", "import sqlite3"], "waqai": WAQAI + arguments,
                                   "click CLI": cli}, args.runs)
            for name, (wall, cpu) in figures.items():
                print(f"{'':>9}         {name:>9}: median wall {wall * 1000:.0f} ms, CPU {cpu * 1000:.0f} ms", flush=True)
            if args.instructions:
                print(f"{'':>9}         click CLI instructions: {instructions(cli) or 0:,}", flush=True)
    if args.importtime:
        print("slowest imports (cumulative ms):")
        for micros, name in slowest_imports(arguments):
            print(f"  {micros / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
