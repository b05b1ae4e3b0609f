"""Long fuzz run: the properties of ``tests/test_fuzz_*.py`` with many more examples.

    .venv/bin/python fuzz/run_fuzz.py --cases 100000 --jobs 4 --report fuzz/report.json

``--cases`` is the total number of generated cases, shared among the harnesses by weight
(``--only NAME`` runs some of them). Unlike the tests, a failing case does not stop the run:
each distinct crash (exception type and the rasid source line it came from, or the broken
property) is counted, and its first input is kept (shown shortened). At the end the run prints,
per harness, the cases run, the crashes and the outcomes (documents, entries, rejections by
stage and reason), and writes them as JSON to ``--report``. Exit status 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
import zlib
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import fuzz_support as fs  # noqa: E402


@dataclass
class Tally:
    """What one harness saw."""

    name: str
    cases: int = 0
    outcomes: Counter = field(default_factory=Counter)
    crashes: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: float = 0.0

    def crash(self, exc: BaseException, example: Any) -> None:
        key = _signature(exc)
        entry = self.crashes.setdefault(key, {"count": 0, "example": _short(example),
                                              "message": f"{type(exc).__name__}: {str(exc)[:300]}"})
        entry["count"] += 1


def _signature(exc: BaseException) -> str:
    """Exception type + the innermost frame in rasid's source (or the failing check)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/src/rasid/" in f.filename] or [f for f in frames if "fuzz_support" in f.filename]
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    what = type(exc).__name__
    if isinstance(exc, AssertionError):
        what += ": " + str(exc).splitlines()[0][:80] if str(exc) else ""
    return f"{what} at {where}"


def _short(example: Any, limit: int = 600) -> str:
    text = repr(example)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


def _kb():
    from rasid.actors.kb import default_kb

    return default_kb()


# harness name -> (weight, strategy factory, check taking the drawn value and returning labels)
def _harnesses() -> dict[str, tuple[int, Callable[[], Any], Callable[[Any], Any]]]:
    from rasid.model import Document

    edits = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 16), st.binary(max_size=8)), max_size=4)
    page = st.one_of(fs.html_page(), fs.tag_soup().map(lambda s: "<html><body>" + s)).map(lambda s: s.encode())
    warc_pages = st.lists(st.tuples(st.sampled_from(("https://news.example/1", "https://news.example/ar/٢")), page,
                                    st.sampled_from(("text/html; charset=utf-8", "text/html", "image/png",
                                                     "text/html; charset=windows-1256", "application/xhtml+xml")),
                                    st.sampled_from(("200 OK", "404 Not Found"))), min_size=1, max_size=3)
    state: dict[str, Any] = {}

    def kb():
        if "kb" not in state:
            state["kb"] = _kb()
        return state["kb"]

    def jsonl(value):
        records, layout = value
        if layout == "array":
            data = json.dumps(records, ensure_ascii=False).encode()
        else:
            data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
        labels = fs.check_records(data)
        if layout == "lines":
            assert len(labels) == len(records), f"{len(records)} records gave {len(labels)} results"
        return labels

    return {
        "normalize": (12, lambda: st.one_of(fs.arabic_text(), st.text(fs.any_char, max_size=80)), fs.check_normalize),
        "dates": (14, lambda: st.tuples(fs.arabic_text(max_tokens=50), fs.publication_date),
                  lambda v: fs.check_dates(*v)),
        "scrape": (10, lambda: fs.scrape(), lambda v: fs.check_extract(Document(origin="fuzz.txt", content=v))),
        "scrape-bytes": (4, lambda: st.tuples(fs.scrape(), st.sampled_from(("utf-8", "cp1256", "utf-16"))),
                         lambda v: fs.check_extract(Document(origin="fuzz.txt",
                                                             content=v[0].encode(v[1], errors="replace")))),
        "html": (8, lambda: fs.html_page(),
                 lambda v: fs.check_extract(Document(origin="fuzz.html", content=v, format="html"))),
        "jsonl-bytes": (6, lambda: st.binary(max_size=500), fs.check_records),
        "jsonl-records": (8, lambda: st.tuples(st.lists(fs.record(), max_size=4), st.sampled_from(("lines", "array"))),
                          jsonl),
        "csv-bytes": (5, lambda: st.tuples(st.binary(max_size=500), st.sampled_from((".csv", ".tsv"))),
                      lambda v: fs.check_csv(*v)),
        "csv-rows": (5, lambda: st.tuples(
            st.lists(st.lists(st.one_of(fs.sentence(), st.text(max_size=12)), max_size=6), max_size=5),
            st.lists(st.sampled_from(("text", "title", "published", "url", "id", "body", "")), min_size=1, max_size=5),
            st.sampled_from(("utf-8", "utf-8-sig", "cp1256"))),
            lambda v: fs.check_csv(fs.csv_bytes(v[0], v[1], v[2]))),
        "warc": (6, lambda: st.tuples(warc_pages, st.booleans(), edits),
                 lambda v: fs.check_warc(fs.corrupt(fs.warc_bytes(v[0], v[1]), v[2]), v[1])),
        "warc-bytes": (3, lambda: st.tuples(st.binary(max_size=400), st.booleans()), lambda v: fs.check_warc(*v)),
        "feeds": (6, lambda: fs.feed_xml(), fs.check_feed),
        "feed-bytes": (3, lambda: st.binary(max_size=400), fs.check_feed),
        "pipeline": (10, lambda: st.lists(fs.document(), min_size=1, max_size=3),
                     lambda docs: fs.check_pipeline(docs, kb())),
    }


def run_harness(name: str, cases: int, seed: int | None) -> dict[str, Any]:
    """Run one harness for ``cases`` generated examples; never raises for a failing case."""
    _, strategy, check = _harnesses()[name]
    tally = Tally(name)

    def body(value: Any) -> None:
        tally.cases += 1
        try:
            labels = check(value)
        except Exception as exc:  # noqa: BLE001 - a crash is what we are looking for
            tally.crash(exc, value)
            tally.outcomes["crash"] += 1
            return
        for label in labels if isinstance(labels, list) else [labels]:
            tally.outcomes[label] += 1

    test = settings(max_examples=cases, deadline=None, database=None, phases=[Phase.generate],
                    suppress_health_check=list(HealthCheck))(
        given(strategy())(body))
    if seed is not None:
        from hypothesis import seed as hyp_seed

        test = hyp_seed(seed)(test)
    start = time.perf_counter()
    try:
        test()
    except Exception as exc:  # noqa: BLE001 - hypothesis itself gave up (e.g. too many filtered examples)
        tally.crash(exc, "<hypothesis>")
    tally.seconds = round(time.perf_counter() - start, 1)
    return {"name": name, "cases": tally.cases, "seconds": tally.seconds, "outcomes": dict(tally.outcomes.most_common()),
            "crashes": tally.crashes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000, help="total generated cases across harnesses")
    parser.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2) - 1), help="parallel processes")
    parser.add_argument("--only", action="append", help="run only this harness (repeatable)")
    parser.add_argument("--chunk", type=int, default=2_000, help="cases per task (tasks of one harness get seeds)")
    parser.add_argument("--seed", type=int, default=None, help="base seed (default: random)")
    parser.add_argument("--report", type=Path, help="write the results as JSON here")
    args = parser.parse_args(argv)

    harnesses = _harnesses()
    names = args.only or list(harnesses)
    unknown = [n for n in names if n not in harnesses]
    if unknown:
        parser.error(f"unknown harness {', '.join(unknown)}; choose from {', '.join(harnesses)}")
    total_weight = sum(harnesses[n][0] for n in names)
    base_seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    tasks: list[tuple[str, int, int]] = []
    for name in names:
        share = max(1, round(args.cases * harnesses[name][0] / total_weight))
        for i, start in enumerate(range(0, share, args.chunk)):
            tasks.append((name, min(args.chunk, share - start), base_seed + 7919 * i + zlib.crc32(name.encode()) % 1000))
    merged: dict[str, dict[str, Any]] = {}
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_harness, *task) for task in tasks]
        for done, future in enumerate(futures, 1):
            result = future.result()
            print(f"[{done}/{len(futures)}] {result['name']}: {result['cases']} cases, "
                  f"{sum(c['count'] for c in result['crashes'].values())} crashes, {result['seconds']} s",
                  file=sys.stderr, flush=True)
            into = merged.setdefault(result["name"], {"cases": 0, "seconds": 0.0, "outcomes": Counter(), "crashes": {}})
            into["cases"] += result["cases"]
            into["seconds"] = round(into["seconds"] + result["seconds"], 1)
            into["outcomes"].update(result["outcomes"])
            for key, crash in result["crashes"].items():
                if key in into["crashes"]:
                    into["crashes"][key]["count"] += crash["count"]
                else:
                    into["crashes"][key] = crash
    report = {"total_cases": sum(r["cases"] for r in merged.values()),
              "total_crashes": sum(c["count"] for r in merged.values() for c in r["crashes"].values()),
              "distinct_crashes": sum(len(r["crashes"]) for r in merged.values()),
              "wall_seconds": round(time.perf_counter() - started, 1), "seed": base_seed,
              "harnesses": {n: {**r, "outcomes": dict(r["outcomes"].most_common())} for n, r in merged.items()}}
    print(_summary(report))
    if args.report:
        args.report.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if report["total_crashes"] else 0


def _summary(report: dict[str, Any]) -> str:
    lines = [f"{report['total_cases']} cases, {report['distinct_crashes']} distinct crashes "
             f"({report['total_crashes']} failing cases), {report['wall_seconds']} s wall, seed {report['seed']}"]
    for name, r in report["harnesses"].items():
        lines.append(f"\n== {name}: {r['cases']} cases in {r['seconds']} s, {len(r['crashes'])} distinct crashes")
        for label, count in list(r["outcomes"].items())[:12]:
            lines.append(f"   {count:>7}  {label}")
        for key, crash in r["crashes"].items():
            lines.append(f"   CRASH x{crash['count']}: {key}\n      {crash['message']}\n      e.g. {crash['example'][:300]}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
