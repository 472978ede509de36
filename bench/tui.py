"""The explorer at scale, headless: first paint, key-to-repaint latency and resident memory.

    python bench/tui.py                          # 10k, 100k and 1M events
    python bench/tui.py --sizes 1000000 --keys 200

Each size runs in a fresh process (so memory is that size's alone) on a
``make_events.py`` database. First paint is the time from the database being
open to the first screen update showing event rows. Key-to-repaint is, per
key press (j, k, PageDown, PageUp, G, g, ] and [ in turn), the time from
posting the key to the end of the last screen update it caused, including
turning that update into the bytes a terminal would receive (the headless
driver then discards them). The Pilot's own idle waits are not counted.
Memory is the process's peak resident set (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lookup import database  # noqa: E402

KEYS = ["j", "k", "pagedown", "pageup", "G", "g", "right_square_bracket", "left_square_bracket"]


async def measure(db_path: Path, presses: int) -> dict:
    """Run the app headless on ``db_path`` and time it."""
    from waqai.store.db import open_for_lookup
    from waqai.tui.app import WaqaiApp
    from waqai.tui.timeline import TimelineView

    from textual._compositor import CompositorUpdate

    opened = time.perf_counter()
    db = open_for_lookup(db_path)
    app = WaqaiApp(db)
    updates: list[tuple[float, bool]] = []  # (when an update was ready, whether rows were loaded)
    display = app._display

    def timed_display(screen, renderable) -> None:
        display(screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)  # what a real driver would write
            updates.append((time.perf_counter(), app.query_one(TimelineView).model.event_count > 0))

    app._display = timed_display
    async with app.run_test(size=(120, 40)) as pilot:
        while not any(loaded for _, loaded in updates):
            await asyncio.sleep(0.002)
        first_paint = next(when for when, loaded in updates if loaded) - opened
        await pilot.pause()
        latencies = []
        for i in range(presses):
            start = time.perf_counter()
            await pilot.press(KEYS[i % len(KEYS)])
            await pilot.pause()
            caused = [when for when, _ in updates if when > start]
            if caused:
                latencies.append(max(caused) - start)
    latencies.sort()
    return {"first_paint_s": first_paint, "key_median_ms": statistics.median(latencies) * 1000,
            "key_p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    """Command line: sizes and key presses; ``--one DB`` measures one database (used internally)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--keys", type=int, default=160)
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "waqai-bench")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(asyncio.run(measure(args.one, args.keys))))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"{'events':>9} {'first paint':>11} {'key median':>10} {'key p95':>8} {'peak RSS':>9}")
    for size in args.sizes:
        path = database(args.work, size)
        out = subprocess.run([sys.executable, __file__, "--one", str(path), "--keys", str(args.keys)],
                             check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{size:>9,} {r['first_paint_s']:>10.2f}s {r['key_median_ms']:>8.1f}ms {r['key_p95_ms']:>6.1f}ms "
              f"{r['rss_mb']:>7.0f}MB", flush=True)


if __name__ == "__main__":
    main()
