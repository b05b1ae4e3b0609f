"""A bounded load test of the read API on 127.0.0.1, with an ingest writing into the same database.

What it does, and it always stops by itself:

1. builds a SQLite store in a temporary folder from the bundled example articles
   (``src/rasid/examples/``) and ``--generated`` articles made up here from templates;
2. starts ``rasid.web.serve`` (uvicorn) in a subprocess on 127.0.0.1 and a free port;
3. starts ``python -m rasid.batch`` in another subprocess, ingesting ``--ingest`` more generated
   articles into the same database while the load runs;
4. fires exactly ``--requests`` GET requests at ``--rate`` requests/s (an open loop: request i is
   due at start + i/rate, whatever the answers before it did) from ``--threads`` httpx clients,
   spread over the read endpoints;
5. reports errors, achieved throughput and the p50/p95/p99 latency, overall and per endpoint,
   measured from the moment each request was sent, and also from the moment it was due (which adds
   any wait for a free client thread);
6. stops the server and the writer, and deletes the temporary folder.

No address but 127.0.0.1 is ever contacted. ``--deadline`` (default: the planned duration plus
60 s) bounds the whole run.

Usage::

    python benchmarks/load_api.py                      # 6,000 requests at 100/s (60 s)
    python benchmarks/load_api.py --requests 600 --rate 50 --json out.json
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor, wait
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import httpx

HOST = "127.0.0.1"

# --- generated articles --------------------------------------------------------------------
# Every phrase below was written for this benchmark. Each article: a dated headline and three
# paragraphs, each a reported statement (speaker, reporting verb, content naming a target).

SPEAKERS = ["حكومة الإنقاذ", "وزارة الخارجية التركية", "الخارجية الروسية", "هيئة تحرير الشام",
            "الأمم المتحدة", "قوات سوريا الديمقراطية", "وزارة الخارجية الأمريكية", "الخارجية الإيرانية"]
# "the Salvation Government", "the Turkish foreign ministry", "the Russian foreign ministry", "HTS",
# "the United Nations", "the SDF", "the US State Department", "the Iranian foreign ministry"
TARGETS = ["روسيا", "تركيا", "إيران", "الولايات المتحدة", "إسرائيل", "الأمم المتحدة"]
# Russia, Turkey, Iran, the United States, Israel, the United Nations
CLAUSES = [
    "قال{f} {s} إن {t} شريك ممكن في إعادة الإعمار وإن الحوار معها يخدم المدنيين",
    # "{s} said that {t} is a possible partner in reconstruction and that dialogue with it serves civilians"
    "اتهم{f} {s} {t} بعرقلة وصول المساعدات الإنسانية إلى المخيمات في الشمال",
    # "{s} accused {t} of blocking humanitarian aid from reaching the camps in the north"
    "أكد{f} {s} أن {t} تتحمل مسؤولية التصعيد الأخير في ريف إدلب",
    # "{s} stressed that {t} bears responsibility for the latest escalation in the Idlib countryside"
    "رحب{f} {s} بقرار {t} فتح المعابر أمام الشاحنات التجارية",
    # "{s} welcomed the decision of {t} to open the crossings to commercial trucks"
    "أدان{f} {s} الغارات التي تشنها {t} على المناطق السكنية",
    # "{s} condemned the air strikes {t} carries out on residential areas"
]
FEMININE = {"حكومة الإنقاذ", "وزارة الخارجية التركية", "الخارجية الروسية", "هيئة تحرير الشام",
            "الأمم المتحدة", "قوات سوريا الديمقراطية", "وزارة الخارجية الأمريكية", "الخارجية الإيرانية"}


def generated_records(n: int, seed: int, first_day: date = date(2024, 1, 1)) -> list[dict[str, Any]]:
    """``n`` JSONL records (id, title, published, text) of made-up Arabic news, reproducible from ``seed``."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        day = first_day + timedelta(days=rng.randrange(0, 540))
        paragraphs = []
        for _ in range(3):
            speaker, target = rng.choice(SPEAKERS), rng.choice(TARGETS)
            clause = rng.choice(CLAUSES).format(f="ت" if speaker in FEMININE else "", s=speaker, t=target)
            paragraphs.append(f"{clause}، وذلك في بيان نشرته يوم {day.day} من الشهر الجاري.")
            # ", in a statement it published on day N of this month."
        title = f"{paragraphs[0].split('،')[0][:60]} (خبر مولد {seed}-{i})"  # "(generated story)"
        records.append({"id": f"gen-{seed}-{i}", "title": title, "published": f"{day.isoformat()}T09:00:00+03:00",
                        "text": "\n\n".join(paragraphs)})
    return records


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def build_store(db: Path, folder: Path, generated: int) -> dict[str, int]:
    """The bundled examples plus ``generated`` made-up articles, through the real pipeline."""
    from rasid.batch import ingest
    from rasid.store import open_store

    examples = resources.files("rasid") / "examples"
    paths: list[str] = sorted(str(p) for p in examples.iterdir() if p.name.endswith(".txt"))  # type: ignore[attr-defined]
    jsonl = folder / "generated.jsonl"
    write_jsonl(jsonl, generated_records(generated, seed=1))
    with open_store(db) as store:
        summary = ingest([*paths, str(jsonl)], store, batch_size=100)
        return {**summary.as_dict(), **store.counts()}


# --- the server and the writer ------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen:
    code = ("import sys; from rasid.web.app import serve; "
            f"serve({str(db)!r}, host={HOST!r}, port={port}, token=None, log_level='warning', workers={workers})")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(base + "/api/status", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {timeout:g} s")


def start_writer(db: Path, folder: Path, n: int, nice: int = 0) -> subprocess.Popen:
    jsonl = folder / "ingest_during_load.jsonl"
    write_jsonl(jsonl, generated_records(n, seed=2))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    # (the ingest as a background job: lower CPU priority, so that the server gets the cores first)
    niced = ["nice", "-n", str(nice)] if nice else []
    return subprocess.Popen([*niced, sys.executable, "-m", "rasid.batch", "--db", str(db), "--batch-size", "20", str(jsonl)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stop(proc: subprocess.Popen | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


# --- the load ------------------------------------------------------------------------------------

def endpoints(base: str) -> list[tuple[str, str, dict[str, Any], int]]:
    """(name, path, params, weight) over the read endpoints, with ids taken from the running server."""
    articles = httpx.get(base + "/api/articles", params={"limit": 50}, timeout=10).json()["items"]
    ids = [a["id"] for a in articles] or ["none"]
    statements = httpx.get(base + "/api/statements", params={"limit": 50}, timeout=10).json()["items"]
    st_ids = [s["id"] for s in statements] or ["none"]
    out: list[tuple[str, str, dict[str, Any], int]] = [
        ("status", "/api/status", {}, 5),
        ("articles", "/api/articles", {"limit": 20}, 10),
        ("articles?since", "/api/articles", {"since": "2024-06-01", "until": "2024-12-31", "limit": 20}, 5),
        ("statements?speaker", "/api/statements", {"speaker": "SSG", "limit": 20}, 10),
        ("statements?target", "/api/statements", {"target": "روسيا", "limit": 20}, 10),  # Russia
        ("actors?q", "/api/actors", {"q": "تركيا"}, 5),  # Turkey
        ("actor", "/api/actors/TUR", {}, 5),
        ("timeline", "/api/actors/SSG/timeline", {}, 5),
        ("shifts", "/api/shifts", {"limit": 20}, 5),
        ("shifts?actor", "/api/shifts", {"actor": "SSG", "limit": 20}, 5),
        ("search", "/api/search", {"q": "المساعدات الإنسانية"}, 10),  # "humanitarian aid"
        ("corrections", "/api/corrections", {}, 2),
        ("page: search", "/", {"q": "روسيا"}, 3),  # Russia
        ("page: actor", "/actors/SSG", {}, 2),
    ]
    out += [(f"article {i}", f"/api/articles/{aid}", {}, 1) for i, aid in enumerate(ids[:10])]
    out += [(f"statement {i}", f"/api/statements/{sid}", {}, 1) for i, sid in enumerate(st_ids[:10])]
    return out


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def run_load(base: str, total: int, rate: float, threads: int, deadline: float, seed: int = 7,
             skip: str | None = None) -> dict[str, Any]:
    rng = random.Random(seed)
    table = [e for e in endpoints(base) if not (skip and re.search(skip, e[0]))]
    if not table:
        raise SystemExit(f"--skip {skip!r} leaves no endpoint to load")
    plan = rng.choices(table, weights=[w for *_, w in table], k=total)
    local = threading.local()
    clients: list[httpx.Client] = []
    lock = threading.Lock()
    results: list[tuple[str, float, float, int | str, float]] = []  # name, service s, from-due s, status, sent at s

    def client() -> httpx.Client:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base, timeout=10.0)
            with lock:
                clients.append(local.client)
        return local.client

    def one(name: str, path: str, params: dict[str, Any], due: float) -> None:
        http = client()  # (made before the load by the warm-up below: its making is no part of the latency)
        sent = time.perf_counter()
        try:
            status: int | str = http.get(path, params=params).status_code
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        done = time.perf_counter()
        with lock:
            results.append((name, done - sent, done - due, status, sent - start))

    futures = []
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="load") as pool:
        # every client thread makes its HTTP client first (building one takes tens of milliseconds: measured
        # inside the first requests, the load generator's own start-up was most of the slowest 1%)
        ready = threading.Barrier(threads)
        for f in [pool.submit(lambda: (client(), ready.wait(timeout=30))) for _ in range(threads)]:
            f.result()
        # no garbage collection in this process during the load: a full collection pauses every client thread
        # for tens to hundreds of milliseconds, which would be counted as the server's latency (6,000 requests'
        # garbage is small; it is collected after)
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        stop_at = start + deadline
        for i, (name, path, params, _) in enumerate(plan):
            due = start + i / rate
            now = time.perf_counter()
            if now >= stop_at:
                break
            if due > now:
                time.sleep(due - now)
            futures.append(pool.submit(one, name, path, params, due))
        # queued requests may still run until the deadline; then the rest are dropped (counted as not sent),
        # and those in flight end within the client timeout
        wait(futures, timeout=max(0.0, stop_at - time.perf_counter()))
        pool.shutdown(wait=True, cancel_futures=True)
    gc.enable()
    submitted = sum(1 for f in futures if not f.cancelled())
    elapsed = time.perf_counter() - start
    for c in clients:
        c.close()

    by_name: dict[str, list[float]] = defaultdict(list)
    statuses = Counter(str(r[3]) for r in results)
    service = [r[1] * 1000 for r in results]
    from_due = [r[2] * 1000 for r in results]
    for name, s, *_ in results:
        by_name[name.split(" ")[0] if name[:7] in ("article", "stateme") and name[-1].isdigit() else name].append(s * 1000)
    errors = sum(1 for r in results if not (isinstance(r[3], int) and r[3] < 400))
    slowest = sorted(results, key=lambda r: -r[1])[: max(1, len(results) // 100)]
    return {
        "planned": total, "sent": submitted, "completed": len(results), "errors": errors,
        "not_sent": total - submitted,
        "statuses": dict(statuses), "seconds": round(elapsed, 2),
        "throughput_rps": round(len(results) / elapsed, 1) if elapsed else 0.0,
        "latency_ms": {"p50": round(percentile(service, 50), 1), "p95": round(percentile(service, 95), 1),
                       "p99": round(percentile(service, 99), 1), "max": round(max(service, default=0), 1),
                       "mean": round(statistics.fmean(service), 1) if service else None},
        "latency_from_due_ms": {"p50": round(percentile(from_due, 50), 1), "p95": round(percentile(from_due, 95), 1),
                                "p99": round(percentile(from_due, 99), 1)},
        "per_endpoint_ms": {n: {"n": len(v), "p50": round(percentile(v, 50), 1), "p95": round(percentile(v, 95), 1),
                                "p99": round(percentile(v, 99), 1)} for n, v in sorted(by_name.items())},
        # the slowest 1% (what sets p99): endpoint, milliseconds, seconds into the load when it was sent
        "slowest": [[r[0], round(r[1] * 1000, 1), round(r[4], 2)] for r in slowest],
    }


# --- main ------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=6000, help="requests to send (default 6000)")
    parser.add_argument("--rate", type=float, default=100.0, help="requests per second (default 100)")
    parser.add_argument("--threads", type=int, default=16, help="client threads (default 16)")
    parser.add_argument("--generated", type=int, default=300, help="made-up articles in the store before the load")
    parser.add_argument("--from-db", type=Path, default=None,
                        help="load a copy of this SQLite database instead of building one (e.g. the full corpus)")
    parser.add_argument("--ingest", type=int, default=300, help="made-up articles ingested during the load (0: none)")
    parser.add_argument("--writer-nice", type=int, default=0, metavar="N",
                        help="run the ingest under `nice -n N` (a background job: the server gets the CPU first)")
    parser.add_argument("--deadline", type=float, default=None,
                        help="seconds after which no more requests are sent (default: planned duration + 60)")
    parser.add_argument("--skip", default=None, help="leave out endpoints whose name matches this regex, e.g. 'shifts|page'")
    parser.add_argument("--workers", type=int, nargs="+", default=[1],
                        help="server processes (`rasid serve --workers`); several values run the same load once "
                             "per value, each on a fresh copy of the store, and compare them (e.g. --workers 1 2)")
    parser.add_argument("--json", type=Path, default=None, help="also write the report to this file")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.rate <= 0 or args.threads < 1:
        parser.error("--requests, --rate and --threads must be positive")
    deadline = args.deadline if args.deadline is not None else args.requests / args.rate + 60

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the clean-up below when terminated
    folder = Path(tempfile.mkdtemp(prefix="rasid-load-"))
    reports: dict[int, dict[str, Any]] = {}
    try:
        built_db = folder / "built.db"
        t0 = time.perf_counter()
        if args.from_db is not None:
            with sqlite3.connect(args.from_db) as src, sqlite3.connect(built_db) as dst:
                src.backup(dst)  # a consistent copy; the original is never written
            with sqlite3.connect(built_db) as conn:
                built = {"articles": conn.execute("select count(*) from articles").fetchone()[0],
                         "statements": conn.execute("select count(*) from statements").fetchone()[0]}
        else:
            built = build_store(built_db, folder, args.generated)
        print(f"store: {built['articles']} articles, {built['statements']} statements "
              f"({time.perf_counter() - t0:.1f} s to build)", flush=True)
        for workers in args.workers:
            db = folder / f"load_{workers}.db"
            with sqlite3.connect(built_db) as src, sqlite3.connect(db) as dst:
                src.backup(dst)  # every run starts from the same store
            reports[workers] = one_run(args, db, folder, workers, deadline)
            reports[workers]["store"] = built
            db.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    for workers, report in reports.items():
        lat, due = report["latency_ms"], report["latency_from_due_ms"]
        print(f"--- {workers} server process{'es' if workers > 1 else ''}")
        print(f"sent {report['sent']}/{report['planned']} in {report['seconds']} s: {report['throughput_rps']} req/s, "
              f"{report['errors']} errors {report['statuses']}")
        print(f"latency (sent -> answered): p50 {lat['p50']} ms, p95 {lat['p95']} ms, p99 {lat['p99']} ms, "
              f"max {lat['max']} ms")
        print(f"latency (due -> answered):  p50 {due['p50']} ms, p95 {due['p95']} ms, p99 {due['p99']} ms")
        for name, v in report["per_endpoint_ms"].items():
            print(f"  {name:22} n={v['n']:5}  p50 {v['p50']:7} ms  p95 {v['p95']:7} ms  p99 {v['p99']:7} ms")
        if "ingest_during_load" in report:
            print(f"ingest during the load: {report['ingest_during_load']}")
    if len(reports) > 1:
        first = next(iter(reports))
        for workers, report in reports.items():
            if workers != first:
                for q in ("p50", "p95", "p99"):
                    print(f"{q}: {workers} processes / {first}: "
                          f"{report['latency_ms'][q] / max(reports[first]['latency_ms'][q], 1e-9):.2f}x")
    if args.json:
        out = reports[args.workers[0]] if len(reports) == 1 else {str(k): v for k, v in reports.items()}
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0 if all(r["errors"] == 0 and r["not_sent"] == 0 for r in reports.values()) else 1


def one_run(args: argparse.Namespace, db: Path, folder: Path, workers: int, deadline: float) -> dict[str, Any]:
    """The load against a server of ``workers`` processes on ``db``, with the writer if asked."""
    server = writer = None
    try:
        port = free_port()
        base = f"http://{HOST}:{port}"
        server = start_server(db, port, workers)
        wait_ready(base, server)
        httpx.get(base + "/api/search", params={"q": "روسيا"}, timeout=600)  # build the search index first
        httpx.get(base + "/api/shifts", timeout=600)  # and the stored shifts
        writer = start_writer(db, folder, args.ingest, args.writer_nice) if args.ingest else None
        print(f"load: {args.requests} requests at {args.rate:g}/s from {args.threads} threads on {base}, "
              f"{workers} server process{'es' if workers > 1 else ''}"
              + (f", ingesting {args.ingest} articles meanwhile" if writer else "")
              + (f" (under nice -n {args.writer_nice})" if writer and args.writer_nice else ""), flush=True)
        report = run_load(base, args.requests, args.rate, args.threads, deadline, skip=args.skip)
        report["workers"] = workers
        if writer is not None:
            running = writer.poll() is None
            stop(writer)
            out, err = writer.communicate(timeout=10)
            report["ingest_during_load"] = {"articles": args.ingest, "finished_during_load": not running,
                                            "exit": writer.returncode, "summary": out.strip() or err.strip()[-300:]}
        with httpx.Client(base_url=base, timeout=10) as c:
            report["store_after"] = {k: v for k, v in c.get("/api/status").json().items()
                                     if k in ("articles", "statements", "rejections")}
        return report
    finally:
        stop(writer)
        stop(server)


if __name__ == "__main__":
    raise SystemExit(main())
