"""`rasid ingest` as a user types it, against the floor of reading the text once, in one run.

    .venv/bin/python benchmarks/bench_cli.py [--articles 1000] [--shared ../shared]

Takes the first N articles of the Al Mayadeen corpus, then measures, each in a fresh process:
the regex floor (read the JSON Lines, run one Arabic-word regex over every text), `rasid ingest
--fast` and `rasid ingest` (the stance model reading the text embedding) into a new SQLite
database, and `rasid --version` (start-up). Prints articles per second, the ratio to the floor
and the peak resident memory of each.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RASID = [sys.executable, "-m", "rasid.cli"]
FLOOR = ("import json, re, sys\nword = re.compile(r'[\\u0600-\\u06FF]+')\nn = 0\n"
         "for line in open(sys.argv[1], encoding='utf-8'):\n    n += len(word.findall(json.loads(line)['text']))\n"
         "print(n)")


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a command in a fresh process."""
    wrapped = ["/usr/bin/time", "-f", "%M", *cmd] if Path("/usr/bin/time").exists() else cmd
    start = time.perf_counter()
    res = subprocess.run(wrapped, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    seconds = time.perf_counter() - start
    if res.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {res.stderr[-2000:]}")
    peak = float(res.stderr.strip().splitlines()[-1]) / 1024 if wrapped is not cmd else float("nan")
    return seconds, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args(argv)
    corpus = Path(args.shared) / "data" / "corpora" / "almayadeen_2023_2024.jsonl.gz"
    if not corpus.is_file():
        raise SystemExit(f"no corpus at {corpus}: pass --shared PATH")
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with gzip.open(corpus, "rt", encoding="utf-8") as src, sample.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(src, args.articles))
        rows = [("regex floor (read + one regex)", *timed([sys.executable, "-c", FLOOR, str(sample)]))]
        rows.append(("start-up (rasid --version)", *timed([*RASID, "--version"])))
        for label, extra in (("rasid ingest --fast", ["--fast"]), ("rasid ingest", [])):
            db = Path(tmp) / f"{len(rows)}.db"
            rows.append((label, *timed([*RASID, "ingest", str(sample), "--db", str(db), "-q", *extra])))
    floor = rows[0][1]
    print(f"{args.articles} articles of {corpus.name}; {os.cpu_count()} cpus\n")
    print("| run | seconds | articles/s | x floor | peak RSS |\n| --- | ---: | ---: | ---: | ---: |")
    for label, seconds, peak in rows:
        rate = "" if label.startswith("start") else f"{args.articles / seconds:,.1f}"
        ratio = "" if label.startswith("start") else f"{seconds / floor:,.0f}x"
        print(f"| {label} | {seconds:.1f} | {rate} | {ratio} | {peak:,.0f} MB |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
