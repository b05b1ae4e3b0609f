"""End to end in headless Chromium on a large archive the test builds: 5,000 synthetic articles (two years,
30 actors, three outlets; :mod:`large_archive`) through the real pipeline, then the pages an analyst
uses — home, search with filters, an article, the actor page of the most frequent speaker and a month of
it, the shifts page — each within a time budget.

The budgets are generous (``PAGE_BUDGET`` seconds from the navigation to the page's content shown, in the
browser, on a busy CI machine); the server's own times on the full corpus are measured by
``benchmarks/bench_web.py``. Skips when Chromium or playwright is missing, like the other browser tests.
``RASID_SCREENSHOTS=docs/screenshots`` also writes the screenshots of the README from this archive.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ for browser_support
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/e2e for large_archive

from browser_support import LiveServer  # noqa: E402
from browser_support import launch, playwright_or_skip  # noqa: E402

ARTICLES = 5_000
PAGE_BUDGET = 3.0  # seconds for a page to show its content in the browser
CHART_BUDGET = 6.0  # the actor page's chart: plotly.js (4.6 MB) is parsed on every visit


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    sync_playwright = playwright_or_skip()  # skip before spending the build
    import large_archive

    from rasid.web import create_app

    started = time.monotonic()
    store, kb = large_archive.build(tmp_path_factory.mktemp("large") / "large.db", ARTICLES)
    built = time.monotonic() - started
    print(f"\nbuilt {store.counts()} in {built:.1f} s")
    yield sync_playwright, create_app(store, kb, token=None)
    store.close()


class Budget:
    """Times each page from the start of its navigation to its content shown; fails past the budget."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}

    def __call__(self, name: str, seconds: float = PAGE_BUDGET):
        budget = self

        class Timer:
            def __enter__(self):
                self.start = time.monotonic()

            def __exit__(self, *exc):
                if exc[0] is None:
                    budget.times[name] = took = time.monotonic() - self.start
                    assert took <= seconds, f"{name} took {took:.2f} s (budget {seconds} s)"

        return Timer()


def test_large_archive_pages_within_budget(archive):
    sync_playwright, app = archive
    budget = Budget()
    shots = os.environ.get("RASID_SCREENSHOTS")
    with LiveServer(app) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ar")
        page.set_default_timeout(30_000)
        try:
            # 1. home: the latest shifts, the most active speakers, the stance matrix, activity per month
            with budget("home"):
                page.goto(base + "/")
                page.wait_for_selector("#stance-matrix td.cell a")
            assert page.locator("#latest-shifts .mini-shift").count() >= 1
            assert page.locator("#active-speakers ol.bars").first.locator("li").count() >= 5
            assert page.locator("#activity .col").count() >= 24  # two years of months
            top = page.locator("#active-speakers .speakers").nth(1).locator("li a").first
            assert top.get_attribute("href").endswith("/actors/RUS")  # Russia speaks most
            if shots:
                page.screenshot(path=f"{shots}/home.png", full_page=True)
            # a cell of the matrix lists exactly the statements it counts
            cell = page.locator("#stance-matrix td.cell a.against").first
            count = int(cell.inner_text())
            with budget("search from the matrix"), page.expect_navigation():
                cell.click()
            assert int(page.inner_text("#result-count b")) == count

            # 2. search with filters: words, a speaker, a stance, a date range, an outlet, newest first
            with budget("search form"):
                page.goto(base + "/search")
                page.wait_for_selector("#search-form")
            page.fill("input[name=q]", "الطاقة")  # energy
            page.fill("input[name=speaker]", "RUS")
            page.select_option("select[name=stance]", "against")
            page.fill("input[name=since]", "2023-03-01")
            page.fill("input[name=until]", "2024-10-31")
            page.fill("input[name=outlet]", "news-east.example.org")
            page.select_option("select[name=sort]", "newest")
            with budget("search with filters"), page.expect_navigation():
                page.click("#search-form button[type=submit]")
            total = int(page.inner_text("#result-count b"))
            assert total >= 5
            days = page.locator("li.statement-hit time").all_inner_texts()
            assert days and days == sorted(days, reverse=True)
            assert all("2023-03-01" <= d <= "2024-10-31" for d in days)
            assert page.locator("li.statement-hit .badge.against").count() == len(days)
            sources = page.locator("li.statement-hit a.src-link").evaluate_all("els => els.map(e => e.href)")
            assert sources and all(s.startswith("https://news-east.example.org/") for s in sources)
            assert page.locator("#export a").count() == 2  # CSV and JSON Lines of this view
            if shots:
                page.screenshot(path=f"{shots}/search.png")  # the top of the page
            # the CSV of the view holds the same statements
            export = page.request.get(base + page.locator("#export a").first.get_attribute("href"))
            assert export.ok and len(export.text().strip().splitlines()) >= total + 1

            # 3. an article from a hit: the statement is outlined and its spans marked
            link = page.locator("li.statement-hit a.title").first
            anchor = link.get_attribute("href").split("#")[1]
            with budget("article"), page.expect_navigation():
                link.click()
            page.wait_for_selector(f"section#{anchor}")
            assert page.locator(".m.focus").count() >= 1
            assert "news-east.example.org" in page.inner_text("article.doc header")
            if shots:
                page.screenshot(path=f"{shots}/article.png", full_page=True)

            # 4. the actor page of the most frequent speaker, then a month of it
            with budget("actor page"):
                page.goto(base + "/actors/RUS")
                page.wait_for_selector("table.points tbody tr")
            with budget("actor chart", CHART_BUDGET):
                page.wait_for_selector("#timeline .main-svg")
            rows = page.locator("table.points tbody tr").count()
            assert rows == 50  # one page of the actor's statements
            assert page.locator("#export a").count() == 2
            if shots:
                page.screenshot(path=f"{shots}/actor.png")  # the top of the page
            with budget("actor month"):
                page.goto(base + "/actors/RUS?month=2024-03")
                page.wait_for_selector("table.points tbody tr")
            days = page.locator("table.points time").all_inner_texts()
            assert days and all(d.startswith("2024-03") for d in days)

            # 5. the shifts page
            with budget("shifts"):
                page.goto(base + "/shifts")
                page.wait_for_selector("article.shift")
            assert 1 <= page.locator("article.shift").count() <= 50
            if shots:
                page.screenshot(path=f"{shots}/shifts.png")  # the top of the page
        finally:
            browser.close()
    print("page times:", ", ".join(f"{k} {v:.2f} s" for k, v in budget.times.items()))
