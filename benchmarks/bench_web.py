"""The web UI and API on a large database, as a user runs them: `rasid serve` in a subprocess on 127.0.0.1.

    .venv/bin/python benchmarks/bench_web.py --db corpus.db [--rounds 3] [--repeat 5]

Works on a copy of ``--db`` (the original is never written). Measures:

1. the first search and the first shifts read, which bring the search index and the stored shifts up
   to date once (a database made by an older rasid, or just ingested);
2. every page and API read (home, search with and without filters and sorted by date, shifts, articles,
   an article with the most statements, the pages of the five actors speaking most, a month of an actor,
   status, the API reads): the median and the slowest of ``--repeat`` requests, and the size of the
   answer; then the downloads of a view (CSV and JSON Lines of a search and of an actor page);
3. search latency over fifty queries (names, words and phrases in Arabic, a word found nearly
   everywhere, a word found nowhere), ``--rounds`` times each, on ``/api/search`` and on the search
   page: p50, p95, p99 and the slowest;
4. how long `rasid serve` takes to exit after SIGTERM, idle and while a request runs that reads every
   statement (``/shifts?min_confidence=0.5``), and what that request got.

Times are measured by the client on the loopback interface (the time to the last byte), one request at
a time. Goals (issue 13): every page <= 300 ms and <= 500 KB, search p50 <= 50 ms and p99 <= 200 ms,
exit within 2 s of SIGTERM. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
HOST = "127.0.0.1"

# fifty searches an analyst of Arabic news makes: actors, people, places, events, phrases
QUERIES = [
    "روسيا", "إسرائيل", "الولايات المتحدة", "حماس", "حزب الله", "إيران", "نتنياهو", "بوتين", "بايدن", "لافروف",
    "زيلينسكي", "أردوغان", "السيسي", "أنصار الله", "الأمم المتحدة", "غوتيريش", "بلينكن", "خامنئي", "نصر الله",
    "السنوار", "الصين", "أوكرانيا", "سوريا", "لبنان", "العراق", "اليمن", "مصر", "قطر", "السعودية", "تركيا",
    "فرنسا", "غزة", "رفح", "الضفة الغربية", "مجلس الأمن", "وقف إطلاق النار", "العدوان", "المقاومة", "الاحتلال",
    "المفاوضات", "العقوبات", "الأسرى", "حقوق الإنسان", "الإبادة الجماعية", "المساعدات الإنسانية", "صفقة التبادل",
    "الاستيطان", "البيت الأبيض",
    "قال",  # "said": in nearly every statement
    "زنجبيلوفوبيا",  # a word found nowhere
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """`rasid serve --db db` on a free loopback port, started and stopped by this benchmark."""

    def __init__(self, db: str):
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.log = tempfile.TemporaryFile()
        self.client = httpx.Client(base_url=self.base, timeout=600)  # one client: no set-up per request
        self.proc = subprocess.Popen([sys.executable, "-c", "from rasid.cli import main; main()", "serve", "--db", db,
                                      "--port", str(self.port)], env=ENV, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.log.seek(0)
                raise SystemExit(f"rasid serve exited: {self.log.read().decode()[-2000:]}")
            try:
                self.client.get("/api/status", timeout=2)
                return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.kill()
        raise SystemExit("rasid serve did not answer within 120 s")

    def get(self, path: str, timeout: float = 600) -> tuple[float, int, int]:
        """(seconds to the last byte, status, bytes) of one GET."""
        start = time.perf_counter()
        response = self.client.get(path, timeout=timeout)
        return time.perf_counter() - start, response.status_code, len(response.content)

    def sigterm(self) -> float:
        """Seconds from SIGTERM to the process' exit."""
        start = time.perf_counter()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.kill()
            return float("inf")
        return time.perf_counter() - start

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def q(path: str, **params: object) -> str:
    return path + ("?" + "&".join(f"{k}={quote(str(v))}" for k, v in params.items()) if params else "")


def pages(db: str) -> list[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        heaviest = conn.execute("SELECT article_id FROM statements GROUP BY article_id ORDER BY count(*) DESC "
                                "LIMIT 1").fetchone()[0]
        actors = [r[0] for r in conn.execute(
            "SELECT a, count(*) FROM (SELECT speaker_actor_id a FROM statements UNION ALL "
            "SELECT parent_actor_id FROM statements) WHERE a IS NOT NULL AND a != 'anonymous' "
            "GROUP BY a ORDER BY count(*) DESC LIMIT 5")]
    return ["/", q("/", q="روسيا"), "/search", q("/search", q="إسرائيل", sort="newest"),
            q("/search", q="روسيا", speaker=actors[0], stance="against", since="2024-01-01", until="2024-06-30"),
            q("/search", q="إسرائيل", outlet="almayadeen.net"), q("/search", outlet="almayadeen.net", sort="oldest"),
            q("/search", target="USA", stance="against"), "/shifts", q("/shifts", offset=50), q("/shifts", target="ISR"), "/articles",
            f"/articles/{heaviest}", "/actors", *(f"/actors/{a}" for a in actors),
            q(f"/actors/{actors[0]}", month="2024-03"), q(f"/actors/{actors[0]}", offset=1000), "/status",
            q("/api/search", q="روسيا"), "/api/shifts", "/api/statements", q("/api/statements", target="RUS"),
            q("/api/statements", speaker="بوتين"), q("/api/statements", offset=60000), "/api/articles",
            f"/api/articles/{heaviest}", f"/api/actors/{actors[0]}/timeline", "/api/status",
            q("/api/search", q="إسرائيل", speaker=actors[0], sort="newest")]


def downloads(db: str) -> list[str]:
    """Downloads of the current view (not pages: their size is the data's)."""
    return [q("/api/search/export", speaker="PUTIN"), q("/api/search/export", q="روسيا", format="jsonl"),
            q("/api/actors/RUS/export", month="2024-03"), q("/api/actors/ISR/export")]


def percentile(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a SQLite database to copy (never written)")
    parser.add_argument("--repeat", type=int, default=5, help="requests per page")
    parser.add_argument("--rounds", type=int, default=3, help="times each search query is sent")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "copy.db")
        shutil.copyfile(args.db, db)
        server = Server(db)
        try:
            print("## Upkeep on the first reads\n\n| request | ms | status |\n| --- | ---: | ---: |")
            for path in (q("/api/search", q="روسيا"), "/api/shifts"):
                seconds, status, _ = server.get(path)
                print(f"| `{path}` (first) | {ms(seconds)} | {status} |")

            print("\n## Pages and API reads\n\n| request | median ms | slowest ms | KB | status |\n"
                  "| --- | ---: | ---: | ---: | ---: |")
            for path in pages(db):
                runs = [server.get(path) for _ in range(args.repeat)]
                times = [r[0] for r in runs]
                print(f"| `{path}` | {ms(statistics.median(times))} | {ms(max(times))} | "
                      f"{runs[-1][2] / 1000:.0f} | {runs[-1][1]} |")

            print("\n## Downloads (CSV and JSON Lines of a view)\n\n| request | median ms | slowest ms | KB | rows | status |\n"
                  "| --- | ---: | ---: | ---: | ---: | ---: |")
            for path in downloads(db):
                runs = [server.get(path) for _ in range(max(1, args.repeat // 2))]
                times = [r[0] for r in runs]
                rows = server.client.get(path).headers.get("x-total-count", "?")
                print(f"| `{path}` | {ms(statistics.median(times))} | {ms(max(times))} | "
                      f"{runs[-1][2] / 1000:.0f} | {rows} | {runs[-1][1]} |")

            print(f"\n## Search ({len(QUERIES)} queries x {args.rounds})\n\n"
                  "| endpoint | p50 ms | p95 ms | p99 ms | slowest ms | slowest query |\n"
                  "| --- | ---: | ---: | ---: | ---: | --- |")
            for label, path in (("`/api/search`", "/api/search"), ("search page `/?q=`", "/")):
                samples: list[tuple[float, str]] = []
                for _ in range(args.rounds):
                    for word in QUERIES:
                        seconds, status, _ = server.get(q(path, q=word))
                        if status != 200:
                            raise SystemExit(f"{path}?q={word} answered {status}")
                        samples.append((seconds, word))
                times = [s for s, _ in samples]
                worst = max(samples)
                print(f"| {label} | {ms(percentile(times, 50))} | {ms(percentile(times, 95))} | "
                      f"{ms(percentile(times, 99))} | {ms(worst[0])} | {worst[1]} |")

            print("\n## Stopping\n\n| SIGTERM | seconds to exit | the running request got |\n| --- | ---: | --- |")
            print(f"| idle | {server.sigterm():.2f} | |")
            server = Server(db)
            outcome: list[str] = []

            def slow() -> None:
                try:
                    _, status, _ = server.get(q("/shifts", min_confidence=0.5))
                    outcome.append(str(status))
                except httpx.HTTPError as exc:
                    outcome.append(type(exc).__name__)

            worker = threading.Thread(target=slow)
            worker.start()
            time.sleep(2)  # the request is reading statements
            seconds = server.sigterm()
            worker.join(timeout=60)
            print(f"| during `/shifts?min_confidence=0.5` (reads every statement) | {seconds:.2f} | "
                  f"{outcome[0] if outcome else 'no answer'} |")
        finally:
            server.kill()


if __name__ == "__main__":
    main()
