"""Decompression bombs through `rasid ingest`: peak memory and time, against a small file's baseline.

    .venv/bin/python benchmarks/bench_bombs.py [--gb 1.5]

Writes three bombs (a .txt.gz, a .jsonl.gz whose one line inflates, a plain .jsonl with one
200 MB line), ingests each in a fresh process with the default limits and reports the peak
resident memory above the baseline run (one small article) and the wall time. Issue 14 asked for
under 300 MB above baseline and seconds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 2**20
RUN = ("import resource, sys, time\nfrom rasid.cli import main\nsys.argv = ['rasid'] + sys.argv[1:]\n"
       "t = time.time()\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
       "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, time.time() - t, file=sys.stderr)")


def run(args: list[str]) -> tuple[float, float, str]:
    res = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True)
    peak, seconds = [ln for ln in res.stderr.splitlines() if ln.startswith("PEAK")][-1].split()[1:]
    summary = next((ln.strip() for ln in (res.stdout + res.stderr).splitlines() if "ingested" in ln), "")
    return float(peak), float(seconds), summary


def zeros_gz(path: Path, size: int, prefix: bytes = b"", suffix: bytes = b"") -> Path:
    block = b"0" * MB
    with gzip.open(path, "wb", compresslevel=1) as fh:
        fh.write(prefix)
        for _ in range(size // MB):
            fh.write(block)
        fh.write(suffix)
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gb", type=float, default=1.5)
    args = parser.parse_args()
    size = int(args.gb * 1024) * MB
    tmp = Path(tempfile.mkdtemp(prefix="rasid-bombs-"))
    small = tmp / "small.jsonl"
    small.write_text(json.dumps({"id": "a", "title": "خبر", "text": "قال الوزير إن المحادثات كانت مثمرة جدا."},
                                ensure_ascii=False) + "\n", encoding="utf-8")
    bombs = {
        f"{args.gb:g} GB .txt.gz": zeros_gz(tmp / "bomb.txt.gz", size),
        f"{args.gb:g} GB one-line .jsonl.gz": zeros_gz(tmp / "bomb.jsonl.gz", size, b'{"id": "x", "text": "', b'"}\n'),
    }
    plain = tmp / "line.jsonl"
    with open(plain, "wb") as fh:
        fh.write(b'{"id": "y", "text": "' + b"0" * (200 * MB) + b'"}\n')
    bombs["200 MB one-line .jsonl"] = plain
    base, base_s, _ = run(["ingest", str(small), "--db", str(tmp / "base.db")])
    print(f"baseline (one small article): peak {base:.0f} MB, {base_s:.1f} s")
    print("| input | on disk | peak above baseline | time | outcome |")
    print("| --- | --- | --- | --- | --- |")
    for name, path in bombs.items():
        peak, seconds, summary = run(["ingest", str(path), "--db", str(tmp / f"{path.stem}.db")])
        print(f"| {name} | {path.stat().st_size / MB:.1f} MB | {peak - base:.0f} MB | {seconds:.1f} s | {summary} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
