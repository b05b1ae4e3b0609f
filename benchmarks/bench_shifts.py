"""`rasid shifts` on a large database: the stored shifts against computing them from every statement.

    .venv/bin/python benchmarks/bench_shifts.py --db corpus.db [--actor USA] [--target ISR] [--batch 200]

Works on a copy of ``--db`` (the original is never written). Measures, each command in a fresh
process: the one-time build (``rasid shifts --rebuild``), ``rasid shifts`` and ``rasid shifts
--actor``/``--target --since`` reading the stored table, and for comparison ``find_shifts`` over every
corrected statement (what every call did before the table). Then the cost an ingest batch pays to
keep the table current: the ``--batch`` newest articles marked as written again and
:func:`rasid.stored_shifts.refresh` timed. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RASID = [sys.executable, "-m", "rasid.cli"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    res = subprocess.run([*RASID, *args], capture_output=True, text=True, env=ENV)
    seconds = time.perf_counter() - start
    if res.returncode != 0:
        raise SystemExit(f"rasid {' '.join(args)} failed: {res.stderr[-2000:]}")
    return seconds


def in_process(code: str, db: str) -> float:
    res = subprocess.run([sys.executable, "-c", code, db], capture_output=True, text=True, env=ENV)
    if res.returncode != 0:
        raise SystemExit(res.stderr[-2000:])
    return float(res.stdout.strip().splitlines()[-1])


RECOMPUTE = """
import sys, time
from rasid.actors.kb import default_kb
from rasid.corrections import corrected_statements
from rasid.shifts import find_shifts
from rasid.store import open_store
store = open_store(sys.argv[1]); kb = default_kb()
start = time.perf_counter()
find_shifts(corrected_statements(store, originals_only=True), kb)
print(time.perf_counter() - start)
"""

REFRESH = """
import sys, time
import sqlalchemy as sa
from rasid.actors.kb import default_kb
from rasid.store import open_store
from rasid.store.store import mark_shifts_dirty
from rasid.stored_shifts import refresh
store = open_store(sys.argv[1]); kb = default_kb()
with store.engine.begin() as conn:
    ids = list(conn.execute(sa.text("SELECT id FROM articles ORDER BY published DESC LIMIT %d")).scalars())
    mark_shifts_dirty(conn, ids)
start = time.perf_counter()
refresh(store, kb)
print(time.perf_counter() - start)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a SQLite database to copy (never written)")
    parser.add_argument("--actor", default="USA")
    parser.add_argument("--target", default="ISR")
    parser.add_argument("--since", default="2024-06-01")
    parser.add_argument("--batch", type=int, default=200, help="articles in the refreshed batch")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "copy.db")
        shutil.copyfile(args.db, db)
        rows = [
            ("find_shifts over every statement (before: every call)", in_process(RECOMPUTE, db)),
            ("`rasid shifts --rebuild` (one-time build)", timed(["shifts", "--db", db, "--rebuild", "--format", "jsonl"])),
            ("`rasid shifts`", timed(["shifts", "--db", db, "--format", "jsonl"])),
            (f"`rasid shifts --actor {args.actor}`", timed(["shifts", "--db", db, "--actor", args.actor, "--format", "jsonl"])),
            (f"`rasid shifts --target {args.target} --since {args.since}`",
             timed(["shifts", "--db", db, "--target", args.target, "--since", args.since, "--format", "jsonl"])),
            ("`rasid --version` (start-up)", timed(["--version"])),
            (f"refresh after a batch of {args.batch} articles", in_process(REFRESH % args.batch, db)),
        ]
    print("| what | seconds |\n| --- | ---: |")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
