"""Ingest through a Dask cluster: articles/s per worker, next to local --jobs on the same archive.

    python bench/dask_ingest.py                       # 1,000 articles; workers 1 and 2; --jobs 1 and 2
    python bench/dask_ingest.py --articles 10000 --workers 1 2 4

Each Dask figure uses a fresh ``distributed.LocalCluster`` (one thread per
worker process), started before the clock starts, as an existing cluster
would be. The writer is this process, as in ``waqai ingest --dask``. The
archive comes from ``make_articles.py`` (cached in --work). The single
writer's own ceiling is measured too: ``waqai load`` of the archive's
extraction records, which does no extraction at all.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import archive  # noqa: E402

from waqai.store.db import open_for_writing  # noqa: E402
from waqai.store.ingest import collect, ingest  # noqa: E402
from waqai.store.records import extract_records, load  # noqa: E402


def timed(folder: Path, db: Path, **options) -> tuple[float, int]:
    """Seconds and documents of one ingest of ``folder`` into a new database."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = open_for_writing(db)
    start = time.perf_counter()
    summary = ingest(store, collect([folder]), **options)
    seconds = time.perf_counter() - start
    store.close()
    return seconds, summary.documents


def main() -> None:
    """Command line: archive size, worker counts, work folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "waqai-bench")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    folder = archive(args.work, args.articles)
    db = args.work / "dask-ingest.db"
    print(f"{args.articles:,} articles, load average {os.getloadavg()[0]:.1f} at start")
    for jobs in args.jobs:
        seconds, documents = timed(folder, db, jobs=jobs)
        print(f"local --jobs {jobs}:    {seconds:6.1f} s  {documents / seconds:6.0f} articles/s", flush=True)
    records = args.work / f"records-{args.articles}.jsonl"
    if not records.exists():
        with open(records, "w", encoding="utf-8") as handle:
            for item in extract_records(collect([folder]), jobs=2):
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = open_for_writing(db)
    start = time.perf_counter()
    documents = load(store, [records]).documents
    seconds = time.perf_counter() - start
    store.close()
    print(f"writer alone (load): {seconds:6.1f} s  {documents / seconds:6.0f} articles/s", flush=True)
    from distributed import LocalCluster

    from waqai.store.distributed import dask_runner

    for workers in args.workers:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
            seconds, documents = timed(folder, db, runner=dask_runner(cluster.scheduler_address))
        rate = documents / seconds
        print(f"dask, {workers} worker(s): {seconds:6.1f} s  {rate:6.0f} articles/s  ({rate / workers:.0f} per worker)"
              f"  load average {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
