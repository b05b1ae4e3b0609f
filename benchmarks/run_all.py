"""Throughput and memory of rasid on the benchmark corpus: per stage, end to end, serial vs Dask.

Measures, on the first ``--limit`` articles of ``../shared/data/corpora/almayadeen_2023_2024.jsonl.gz``
(all 8,386 by default):

* articles/s of each pipeline stage (extract, segment, actors, statements, places, dates, stance),
  timed article by article in one process;
* end to end into a fresh SQLite file with ``python -m rasid.batch`` in a child process
  (reading, keying, analysis, ledgered writes), with the child's peak RSS;
* the same through Dask with 1 and 2 local worker processes (cluster start-up not counted;
  each worker's knowledge base is loaded before the clock starts), and the 1 -> 2 speed-up;
* with ``--profile``, the functions where the serial pipeline spends its time (cProfile).

Goals: >= 200 articles/s per core end to end, 1 -> 2 workers >= 1.8x, peak memory <= 1 GB.

Run: ``cd /work/main && PYTHONPATH=src .venv/bin/python benchmarks/run_all.py [--limit N] [--profile]
[--output docs/benchmarks.md]``
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "almayadeen_2023_2024.jsonl.gz"
STAGES = ("extract", "segment", "actors", "statements", "places", "dates", "stance")


# --- inputs and machine ----------------------------------------------------------

def write_sample(limit: int | None, folder: Path) -> tuple[Path, int]:
    """The first ``limit`` corpus lines as a plain JSONL file (what every measurement reads)."""
    path = folder / "corpus.jsonl"
    n = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            if limit is not None and n >= limit:
                break
            if line.strip():
                out.write(line)
                n += 1
    return path, n


def machine() -> dict[str, str]:
    """Call before starting Dask: a local cluster sets OMP_NUM_THREADS=1, which `nproc` obeys."""
    info = {"python": platform.python_version(), "platform": platform.platform(),
            "cpus (os.cpu_count)": str(os.cpu_count()), "nproc (usable cores)": str(len(os.sched_getaffinity(0)))}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory"] = f"{int(line.split()[1]) / 2**20:.1f} GiB"
                break
    except OSError:
        pass
    import dask
    import sqlalchemy

    info["dask"] = dask.__version__
    info["sqlalchemy"] = sqlalchemy.__version__
    return info


# --- measurements -------------------------------------------------------------------

def per_stage(sample: Path) -> dict[str, Any]:
    """Seconds in each stage over the sample, one article at a time (no tracer: tracemalloc would
    slow every allocation down several times and distort the shares)."""
    from rasid import pipeline as P
    from rasid.actors.kb import default_kb
    from rasid.extract import extract
    from rasid.ingest import iter_documents
    from rasid.model import Rejection

    kb = default_kb()
    funcs = [("segment", P.segment), ("actors", P.find_actors), ("statements", P.find_statements),
             ("places", P.find_places), ("dates", P.date_statements), ("stance", P.stance)]
    seconds = dict.fromkeys(STAGES, 0.0)
    counts = dict.fromkeys(STAGES, 0)
    docs = [d for d in iter_documents([sample]) if not isinstance(d, Rejection)]
    for doc in docs:
        t = time.perf_counter()
        try:
            article = extract(doc)
        except Exception:  # noqa: BLE001 - a rejected document: counted, not analysed
            seconds["extract"] += time.perf_counter() - t
            counts["extract"] += 1
            continue
        seconds["extract"] += time.perf_counter() - t
        counts["extract"] += 1
        for name, func in funcs:
            t = time.perf_counter()
            try:
                article = func(article, kb)
            except Exception:  # noqa: BLE001 - a stage bug: stop this article, as the pipeline does
                seconds[name] += time.perf_counter() - t
                counts[name] += 1
                break
            seconds[name] += time.perf_counter() - t
            counts[name] += 1
    return {"seconds": seconds, "counts": counts,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def end_to_end_serial(sample: Path, folder: Path) -> dict[str, Any]:
    """``python -m rasid.batch`` into a fresh SQLite file, in a child process: wall time and peak RSS."""
    db = folder / "serial.db"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "rasid.batch", "--db", str(db), str(sample)], env=env,
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"the serial ingest failed:\n{done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # start-up (imports, migrations, knowledge base) measured apart, on an empty input
    empty = folder / "empty.jsonl"
    empty.write_text("")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "rasid.batch", "--db", str(folder / "empty.db"), str(empty)], env=env,
                   capture_output=True, text=True, check=False)
    startup = time.perf_counter() - t
    return {"summary": json.loads(done.stdout), "seconds": wall, "startup": startup,
            "peak_rss_mb": max(peak, before) / 1024, "db_mb": db.stat().st_size / 2**20}


def _warm() -> bool:
    """Run on each worker: build its pipeline (loads the knowledge base) before the clock starts."""
    from rasid.distributed import _worker_pipeline

    _worker_pipeline(None)
    return True


def _worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def end_to_end_dask(sample: Path, folder: Path, workers: int, partition_size: int) -> dict[str, Any]:
    from dask.distributed import Client, LocalCluster

    from rasid.batch import iter_items
    from rasid.distributed import run_distributed
    from rasid.store import open_store

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(cluster)
    try:
        client.run(_warm)
        with open_store(folder / f"dask{workers}.db") as store:
            cpu = time.process_time()
            start = time.perf_counter()
            summary = run_distributed(iter_items([sample]), store, client=client, partition_size=partition_size)
            wall = time.perf_counter() - start
            cpu = time.process_time() - cpu
        peaks = client.run(_worker_peak_mb)
    finally:
        client.close()
        cluster.close()
    return {"summary": summary.as_dict(), "seconds": wall, "client_cpu": cpu,
            "worker_peak_rss_mb": max(peaks.values())}


def profile(sample: Path, limit: int, top: int = 25) -> str:
    """cProfile of the serial pipeline over the first ``limit`` documents: the top functions by own time."""
    from rasid.ingest import iter_documents
    from rasid.pipeline import Pipeline

    pipeline = Pipeline.default()
    docs = []
    for doc in iter_documents([sample]):
        docs.append(doc)
        if len(docs) >= limit:
            break
    prof = cProfile.Profile()
    prof.enable()
    for _ in pipeline.run_many(docs):
        pass
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    text = out.getvalue()
    root = str(ROOT / "src") + os.sep
    return "\n".join(line.replace(root, "") for line in text.splitlines() if line.strip())


# --- report -----------------------------------------------------------------------------

def report(n: int, info: dict[str, str], stages: dict[str, Any], serial: dict[str, Any],
           dask: dict[int, dict[str, Any]], prof: str | None) -> str:
    lines = ["# Benchmarks", "",
             "Generated by `benchmarks/run_all.py` (re-run it to refresh this page; the interpretation notes at",
             "the end are written by hand).", "",
             f"Corpus: the first {n:,} articles of `../shared/data/corpora/almayadeen_2023_2024.jsonl.gz`", "",
             "## Machine", "", "| | |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in info.items()]
    lines += ["", "## Per stage (one process, article by article)", "",
              "| stage | articles | seconds | articles/s | share of analysis time |", "| --- | ---: | ---: | ---: | ---: |"]
    total = sum(stages["seconds"].values()) or 1.0
    for name in STAGES:
        s, c = stages["seconds"][name], stages["counts"][name]
        lines.append(f"| {name} | {c:,} | {s:.1f} | {c / s if s else float('inf'):,.0f} | {100 * s / total:.0f}% |")
    lines.append(f"| **all stages** | {stages['counts']['extract']:,} | {total:.1f} | "
                 f"{stages['counts']['extract'] / total:,.0f} | 100% |")
    held = stages["counts"]["extract"]
    rss = f"Peak RSS of the measuring process (all {held:,} documents held in memory): {stages['peak_rss_mb']:.0f} MB."
    lines += ["", rss, "",
              "## End to end into SQLite", "",
              "| run | seconds | articles/s | articles/s per core | peak RSS |", "| --- | ---: | ---: | ---: | ---: |"]
    s = serial["summary"]
    docs = s["ingested"] + s["duplicates"] + s["rejected"]
    lines.append(f"| serial (`python -m rasid.batch`, incl. {serial['startup']:.1f} s start-up) | "
                 f"{serial['seconds']:.1f} | {docs / serial['seconds']:,.0f} | {docs / serial['seconds']:,.0f} | "
                 f"{serial['peak_rss_mb']:.0f} MB |")
    for w, r in sorted(dask.items()):
        lines.append(f"| Dask, {w} worker{'s' if w > 1 else ''} (writer in the client) | {r['seconds']:.1f} | "
                     f"{docs / r['seconds']:,.0f} | {docs / r['seconds'] / w:,.0f} | "
                     f"{r['worker_peak_rss_mb']:.0f} MB per worker |")
    outcome = (f"Outcome: {s['ingested']:,} ingested, {s['duplicates']:,} duplicates, {s['rejected']:,} rejected, "
               f"{s['statements']:,} statements; database {serial['db_mb']:.0f} MB.")
    lines += ["", outcome]
    if 1 in dask and 2 in dask:
        lines.append(f"Dask 1 -> 2 workers: **{dask[1]['seconds'] / dask[2]['seconds']:.2f}x**.")
    for w, r in sorted(dask.items()):
        lines.append(f"Dask {w}: the client (reader, scheduler traffic, SQLite writer) used {r['client_cpu']:.0f} CPU-s "
                     f"in {r['seconds']:.0f} s ({100 * r['client_cpu'] / r['seconds']:.0f}% of a core).")
    same = all(r["summary"] == s for r in dask.values())
    lines.append(f"Dask runs stored the same counts as the serial run: {'yes' if same else 'NO'}.")
    if not same:
        lines.append(f"Serial: {s}; " + "; ".join(f"Dask {w}: {r['summary']}" for w, r in sorted(dask.items())))
    if prof:
        lines += ["", "## Profile (cProfile, serial pipeline)", "", "```", prof, "```"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (default: all)")
    parser.add_argument("--partition-size", type=int, default=50, help="documents per Dask task")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask runs")
    parser.add_argument("--profile", type=int, nargs="?", const=500, default=None, metavar="N",
                        help="also profile the serial pipeline on N articles (default 500)")
    parser.add_argument("--output", type=Path, default=None, help="write the report there (e.g. docs/benchmarks.md)")
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"the benchmark corpus is missing: {CORPUS} (it lives in ../shared)")
    with tempfile.TemporaryDirectory(prefix="rasid-bench-") as tmp:
        folder = Path(tmp)
        info = machine()
        sample, n = write_sample(args.limit, folder)
        print(f"{n} articles; per stage ...", file=sys.stderr)
        stages = per_stage(sample)
        print("end to end, serial ...", file=sys.stderr)
        serial = end_to_end_serial(sample, folder)
        dask: dict[int, dict[str, Any]] = {}
        if not args.no_dask:
            for w in (1, 2):
                print(f"end to end, Dask {w} ...", file=sys.stderr)
                dask[w] = end_to_end_dask(sample, folder, w, args.partition_size)
        prof = profile(sample, args.profile) if args.profile else None
        text = report(n, info, stages, serial, dask, prof)
    if args.output:
        notes = ""
        if args.output.exists():
            old = args.output.read_text(encoding="utf-8")
            marker = "\n## Notes\n"
            if marker in old:
                notes = old[old.index(marker):]
        args.output.write_text(text + notes, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
