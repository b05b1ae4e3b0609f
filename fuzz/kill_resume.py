"""Crash safety: kill an ingest with SIGKILL at random points N times, finish it, compare with a clean run.

    python fuzz/kill_resume.py --kills 20 --articles 3000 [--db postgresql://user@127.0.0.1:5432/postgres] [--seed 7]

Writes a generated corpus (tests/batch_support.py), ingests it once cleanly into a reference
database, then ingests it again into a second database with ``python -m rasid.batch``, killing the
process with SIGKILL after a random delay, ``--kills`` times, before letting a last run finish.
The two databases must hold the same articles, statements, targets, rejections and ledger:
nothing lost, nothing duplicated. With ``--db`` naming a PostgreSQL server, both databases are
created there (and dropped afterwards). Exit status 0 when they match.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from batch_support import write_corpus  # noqa: E402

QUERIES = {
    "articles": "select id from articles",
    "statements": "select id, article_id, speaker_name, kind from statements",
    "targets": "select statement_id, position, name, stance from targets",
    "rejections": "select origin, stage from rejections",
    "ledger": "select key, outcome from ingest_ledger",
}


def snapshot(url: str) -> dict[str, list]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        out = {name: sorted(tuple(r) for r in conn.exec_driver_sql(q)) for name, q in QUERIES.items()}
    engine.dispose()
    return out


def run(url: str, folder: Path, kill_after: float | None) -> str:
    cmd = [sys.executable, "-m", "rasid.batch", "--db", url, "--batch-size", "7", str(folder)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    if kill_after is None:
        return "finished" if proc.wait() == 0 else f"failed ({proc.returncode})"
    try:
        proc.wait(timeout=kill_after)
        return "finished before the kill"
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return f"killed after {kill_after:.2f}s"


def databases(server: str | None, tmp: Path) -> tuple[str, str, callable]:
    if not server:
        return f"sqlite:///{tmp / 'reference.db'}", f"sqlite:///{tmp / 'killed.db'}", lambda: None
    from rasid.store import resolve_url

    admin = sa.create_engine(resolve_url(server), isolation_level="AUTOCOMMIT")
    names = [f"rasid_kill_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    with admin.connect() as conn:
        for n in names:
            conn.exec_driver_sql(f'CREATE DATABASE "{n}"')

    def drop() -> None:
        with admin.connect() as conn:
            for n in names:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)')
        admin.dispose()

    base = resolve_url(server)
    return (base.set(database=names[0]).render_as_string(hide_password=False),
            base.set(database=names[1]).render_as_string(hide_password=False), drop)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--db", default=None, help="a PostgreSQL server URL (default: SQLite files)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-delay", type=float, default=4.0, help="longest wait before a kill, in seconds")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        folder = write_corpus(tmp / "corpus", args.articles, extra=2)
        reference, killed, drop = databases(args.db, tmp)
        try:
            started = time.perf_counter()
            print("reference run:", run(reference, folder, None))
            clean_seconds = time.perf_counter() - started
            events = []
            for k in range(args.kills):
                # spread the kills over the work: each run gets a slice of the clean run's time
                delay = rng.uniform(0.3, min(args.max_delay, 0.8 + 1.5 * clean_seconds / args.kills))
                events.append(run(killed, folder, delay))
                print(f"run {k + 1}: {events[-1]}")
            print("final run:", run(killed, folder, None))
            a, b = snapshot(reference), snapshot(killed)
            same = a == b
            report = {"kills": sum(e.startswith("killed") for e in events), "runs": len(events) + 1,
                      "backend": "postgresql" if args.db else "sqlite", "identical": same,
                      "counts": {k: len(v) for k, v in b.items()},
                      "reference_counts": {k: len(v) for k, v in a.items()}}
            print(json.dumps(report))
            return 0 if same else 1
        finally:
            drop()


if __name__ == "__main__":
    raise SystemExit(main())
