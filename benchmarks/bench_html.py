"""Pages per second: rasid's ``extract_html`` against bare ``trafilatura.extract``.

Both run on the same pages in one process: the real pages under
``../shared/data/html/*/page.html`` (when present) plus the hand-written fixture,
repeated. The goal is rasid <= 1.3x trafilatura's cost per page.

Run: ``cd /work/main && PYTHONPATH=src .venv/bin/python benchmarks/bench_html.py [--rounds N]``
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from rasid.extract.html import extract_html

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "html"
FIXTURE = ROOT / "tests" / "fixtures" / "html" / "news_water_plan.html"


def load_pages() -> list[tuple[str, str]]:
    pages = [(p.parent.name, p.read_text(encoding="utf-8")) for p in sorted(SHARED.glob("*/page.html"))]
    pages.append((FIXTURE.stem, FIXTURE.read_text(encoding="utf-8")))
    return pages


def timed(run: Callable[[str], object], pages: list[str], rounds: int) -> float:
    """Seconds for ``rounds`` passes over ``pages`` (best of five repetitions: the minimum is the
    least disturbed by other processes)."""
    best = float("inf")
    for _ in range(5):
        gc.collect()
        start = time.perf_counter()
        for _ in range(rounds):
            for html in pages:
                run(html)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the page set per measurement")
    args = parser.parse_args()

    named = load_pages()
    runners: dict[str, Callable[[str], object]] = {
        "trafilatura.extract": lambda html: trafilatura.extract(html),
        "rasid extract_html": lambda html: extract_html(html, origin="bench"),
    }
    for run in runners.values():  # warm-up: imports, caches
        for _, html in named:
            run(html)

    print(f"{len(named)} pages x {args.rounds} rounds (best of 5)")
    print(f"{'page':<26}{'trafilatura ms':>16}{'rasid ms':>12}{'ratio':>8}")
    for name, html in named:
        base = timed(runners["trafilatura.extract"], [html], args.rounds) / args.rounds * 1000
        ours = timed(runners["rasid extract_html"], [html], args.rounds) / args.rounds * 1000
        print(f"{name:<26}{base:>16.1f}{ours:>12.1f}{ours / base:>8.2f}")

    pages = [html for _, html in named]
    count = len(pages) * args.rounds
    base = timed(runners["trafilatura.extract"], pages, args.rounds)
    ours = timed(runners["rasid extract_html"], pages, args.rounds)
    print(f"{'all pages':<26}{count / base:>13.1f} p/s{count / ours:>9.1f} p/s{ours / base:>8.2f}")
    print(f"goal: ratio <= 1.30 -> {'met' if ours / base <= 1.3 else 'NOT met'}")


if __name__ == "__main__":
    main()
