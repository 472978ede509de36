"""Ingest throughput: articles/s, MB/s and database bytes per article, by archive size and --jobs.

    python bench/ingest.py                       # 1,000 and 10,000 articles, --jobs 1 and 2
    python bench/ingest.py --sizes 1000 10000 100000 --jobs 1 2
    python bench/ingest.py --dump ../shared/datasets/saudinewsnet-dev/*.zip --jobs 2   # real text

Each run is a fresh ``waqai ingest DIR --db NEW.db --jobs N`` process on a
synthetic archive from ``make_articles.py`` (seeded, cached in --work), timed
end to end: start-up, reading, extraction, writing and the final commit.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_articles import generate  # noqa: E402


def archive(work: Path, size: int) -> Path:
    """The synthetic archive of ``size`` articles, generated once."""
    folder = work / f"archive-{size}"
    if not (folder / "manifest.json").exists():
        generate(folder, size)
    return folder


def run(folder: Path, db: Path, jobs: int) -> dict:
    """One timed ingest; returns the figures."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    articles = list(folder.glob("*.txt"))
    megabytes = sum(p.stat().st_size for p in articles) / 1e6
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "waqai.tui.cli", "ingest", str(folder), "--db", str(db), "--jobs", str(jobs)],
                   check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    return {"articles": len(articles), "jobs": jobs, "seconds": seconds, "articles_per_s": len(articles) / seconds,
            "mb_per_s": megabytes / seconds, "db_bytes_per_article": db.stat().st_size / len(articles)}


def run_dumps(dumps: list[Path], db: Path, jobs: int) -> dict:
    """One timed ingest of dump files (real text); returns the figures, including the text's share of the database."""
    import sqlite3

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "waqai.tui.cli", "ingest", *map(str, dumps), "--db", str(db), "--jobs", str(jobs)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    documents, text_bytes = conn.execute("SELECT COUNT(*), SUM(LENGTH(CAST(text AS BLOB))) FROM documents").fetchone()
    conn.close()
    size = db.stat().st_size
    return {"articles": documents, "jobs": jobs, "seconds": seconds, "articles_per_s": documents / seconds,
            "mb_per_s": text_bytes / 1e6 / seconds, "db_bytes_per_article": size / documents,
            "db_over_text": size / text_bytes}


def main() -> None:
    """Command line: sizes, job counts, work folder, or real dumps."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "waqai-bench")
    parser.add_argument("--dump", type=Path, nargs="+", help="Time these dump files (e.g. the dev slice's zips) instead.")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.dump:
        print(f"{'articles':>9} {'jobs':>4} {'seconds':>8} {'articles/s':>10} {'MB/s':>6} {'DB bytes/article':>16} {'DB/text':>7}")
        for jobs in args.jobs:
            r = run_dumps(args.dump, args.work / "ingest-dump.db", jobs)
            print(f"{r['articles']:>9,} {r['jobs']:>4} {r['seconds']:>8.1f} {r['articles_per_s']:>10.0f} "
                  f"{r['mb_per_s']:>6.2f} {r['db_bytes_per_article']:>16,.0f} {r['db_over_text']:>7.2f}", flush=True)
        return
    print(f"{'articles':>9} {'jobs':>4} {'seconds':>8} {'articles/s':>10} {'MB/s':>6} {'DB bytes/article':>16}")
    for size in args.sizes:
        folder = archive(args.work, size)
        for jobs in args.jobs:
            r = run(folder, args.work / f"ingest-{size}.db", jobs)
            print(f"{r['articles']:>9,} {r['jobs']:>4} {r['seconds']:>8.1f} {r['articles_per_s']:>10.0f} "
                  f"{r['mb_per_s']:>6.2f} {r['db_bytes_per_article']:>16,.0f}", flush=True)


if __name__ == "__main__":
    main()
