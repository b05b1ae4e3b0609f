"""End to end in a real headless Chromium: search, actor page with its timeline, a shift card, a correction.

Needs Debian's ``chromium`` (``apt-get install chromium``) and the ``playwright`` Python package
(only its driver is used, with ``executable_path``; ``playwright install`` is never run). The
test skips when either is missing. The store holds the shared seed article when
``../shared`` is present, plus the articles written for the web tests and the bundled examples.

Set ``RASID_SCREENSHOTS=docs/screenshots`` to write screenshots there: the status page and the English
search page from the articles written for the tests and the bundled examples (never shared data); the
home, search, article, actor and shifts pages are shot on the large archive of
``test_e2e_large_archive.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ for web_support

from browser_support import LiveServer as Server  # noqa: E402
from browser_support import launch as _launch  # noqa: E402
from browser_support import playwright_or_skip as _browser_or_skip  # noqa: E402
from web_support import TOKEN, analyze, article_paths, web_kb  # noqa: E402

SEED = Path(__file__).resolve().parents[3] / "shared" / "data" / "seed" / "enab_baladi_2024-11-30.txt"


def _kb(with_seed: bool):
    """The shipped knowledge base when it loads and knows the seed's actors, else the test one."""
    if with_seed:
        try:
            from rasid.actors.kb import default_kb

            kb = default_kb()
            if kb.get("SSG") and kb.get("RUS"):
                return kb
        except (OSError, ValueError):
            pass
    return web_kb()


def _app(tmp_path: Path, *, seed: bool):
    from rasid.store import open_store
    from rasid.web import create_app

    use_seed = seed and SEED.is_file()
    kb = _kb(use_seed)
    paths = ([str(SEED)] if use_seed else []) + article_paths()
    store = open_store(tmp_path / "e2e.db")
    store.save_many(analyze(paths, kb))
    return store, create_app(store, kb, token=TOKEN, token_name="e2e")


def test_search_actor_shift_and_correction(tmp_path):
    sync_playwright = _browser_or_skip()
    store, app = _app(tmp_path, seed=True)
    with Server(app) as base, sync_playwright() as pw:
        browser = _launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ar")
        try:
            # 1. search for Russia from the home page
            page.goto(base + "/")
            page.fill("input[name=q]", "روسيا")  # Russia
            page.press("input[name=q]", "Enter")
            page.wait_for_selector("#result-count")
            assert int(page.inner_text("#result-count b")) >= 2
            assert page.locator("mark").count() >= 2
            assert page.get_attribute("html", "dir") == "rtl"

            # 2. the Salvation Government's actor page, with its stances per month drawn by plotly; a click
            # on a month lists that month's statements
            page.goto(base + "/actors/SSG")
            assert "حكومة الإنقاذ" in page.inner_text("h1")  # the Salvation Government
            page.wait_for_selector("#timeline .main-svg", timeout=15000)
            bars = page.locator("#timeline .barlayer .point")
            assert bars.count() >= 2
            visible = [b for b in bars.locator("path").all() if b.is_visible()]  # a month's zero counts have no bar
            assert len(visible) >= 2
            box = visible[0].bounding_box()
            assert box is not None
            with page.expect_navigation():  # plotly takes the click on its drag layer, above the bars
                page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            assert "month=2024-" in page.url
            month = page.url.split("month=")[1][:7]
            days = page.locator("table.points time").all_inner_texts()
            assert days and all(d.startswith(month) for d in days)

            # 3. the shift card for Russia
            with page.expect_navigation():
                page.click("nav >> text=تحولات المواقف")  # "position shifts"
            page.fill("form.filters input[name=target]", "روسيا")
            with page.expect_navigation():
                page.click("form.filters button")
            cards = page.locator('article.shift[data-target="RUS"]')
            assert cards.count() >= 1
            card = cards.first
            pair = card.get_attribute("data-pair")
            old_stance, new_stance = card.get_attribute("data-from"), card.get_attribute("data-to")
            after = card.locator("section.side.after")
            statement = after.get_attribute("data-statement")
            article_href = after.locator("p.src a").get_attribute("href")
            assert after.locator("blockquote").inner_text().strip()
            assert card.locator("section.side.before blockquote").inner_text().strip()

            # 4. correct the later stance back to the earlier one
            after.locator("details.fix summary").click()
            form = after.locator("form.correction")
            form.locator('select[data-target="RUS"]').select_option(old_stance)
            form.locator("input[name=note]").fill("e2e: the later quote is ironic")
            form.locator("input[name=token]").fill(TOKEN)
            with page.expect_navigation():
                form.locator("button[type=submit]").click()

            # 5. after the reload the shift is gone from the list
            page.reload()
            pairs = [c.get_attribute("data-pair") for c in page.locator("article.shift").all()]
            assert pair not in pairs

            # 6. the article shows the statement as corrected, with the new stance
            page.goto(base + article_href.split("#")[0])
            section = page.locator(f"section#st-{statement}")
            assert "is-corrected" in section.get_attribute("class")
            assert section.locator(f".badge.{old_stance}").count() >= 1
            assert section.locator(f".targets .badge.{new_stance}").count() == 0 or old_stance == new_stance
            page.goto(base + "/status")
            assert "e2e" in page.inner_text("#corrections")
        finally:
            browser.close()
    store.close()


def test_screenshots(tmp_path):
    """Screenshots of the status page and the English search page (into $RASID_SCREENSHOTS when set, else a
    temp folder); the other pages' are taken on the large archive (test_e2e_large_archive.py)."""
    sync_playwright = _browser_or_skip()
    out = Path(os.environ.get("RASID_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    store, app = _app(tmp_path, seed=False)
    ssg = next(a for a in store.articles() if any(s.speaker.actor_id == "SSG" for s in a.statements)
               and "شريك" in a.text)  # "partner": the later Salvation Government article
    with Server(app) as base, sync_playwright() as pw:
        browser = _launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
        try:
            shots = {
                "status": "/status",
                "search_en": "/search?q=روسيا&lang=en",
            }
            for name, url in shots.items():
                if name == "status":  # show one correction in the listing
                    st = next(s for s in ssg.statements if s.targets)
                    done = page.request.post(base + "/api/corrections", headers={"Authorization": f"Bearer {TOKEN}"},
                                             data={"statement_id": st.id, "stances": {st.targets[0].target.key: "neutral"},
                                                   "note": "example correction"})
                    assert done.status == 201
                page.goto(base + url)
                if name == "actor":
                    page.wait_for_selector("#timeline .main-svg", timeout=15000)
                page.screenshot(path=str(out / f"{name}.png"), full_page=True)
                assert (out / f"{name}.png").stat().st_size > 10_000
        finally:
            browser.close()
    store.close()


def test_alerts_page_lists_unread_alerts_and_marks_them_read(tmp_path):
    """A watchlist on Russia: its alerts (statements about Russia and the shift toward it) listed unread with
    the watchlist's count and Atom link, then all marked read from the page with the token. Its screenshot
    goes with the others (docs/screenshots/alerts.png)."""
    from rasid import alerts

    sync_playwright = _browser_or_skip()
    store, app = _app(tmp_path, seed=False)
    kb = app.state.data.kb
    w = alerts.create_watchlist(store, kb, "روسيا", targets=["روسيا"])  # "Russia"
    with store.engine.begin() as conn:  # the articles count as written after the watchlist was made
        conn.exec_driver_sql("UPDATE watchlists SET checked_through = '2000-01-01T00:00:00+00:00', checked_ids = '[]'")
    assert alerts.raise_alerts(store, kb) >= 2
    unread = alerts.unread_counts(store)[w.id]
    out = Path(os.environ.get("RASID_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    with Server(app) as base, sync_playwright() as pw:
        browser = _launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
        try:
            page.goto(base + "/")
            with page.expect_navigation():
                page.click("nav >> text=التنبيهات")  # "alerts"
            assert page.inner_text(f'li.watchlist[data-watchlist="{w.id}"] .unread-count').startswith(str(unread))
            assert page.locator("li.alert.unread").count() == unread
            assert page.get_attribute(f'li.watchlist[data-watchlist="{w.id}"] a.feed', "href") == \
                f"/api/watchlists/{w.id}/feed.atom"
            page.screenshot(path=str(out / "alerts.png"), full_page=True)
            first = page.locator("li.alert a.title").first
            assert first.get_attribute("href").startswith(base + ("/articles/" if "shift" not in
                                                                  page.locator("li.alert").first.get_attribute("class")
                                                                  else "/shifts"))
            form = page.locator("form.alert-read.all")
            form.locator("input[name=token]").fill(TOKEN)
            with page.expect_navigation():
                form.locator("button[type=submit]").click()
            page.wait_for_load_state()
            assert page.locator("li.alert.unread").count() == 0
            assert page.locator(".unread-count").count() == 0
        finally:
            browser.close()
    store.close()


def test_claim_page_shows_who_asserts_and_who_denies(tmp_path):
    """Three outlets on Ukrainian intelligence agents in Idlib (tests/fixtures/claims_idlib.jsonl): Russia's
    defence ministry asserts it, the Salvation Government denies it, the Kremlin repeats it. From the claims
    list to the claim page: the first appearance, the two sides, the spread by day and by outlet. Its
    screenshot goes with the others (docs/screenshots/claim.png)."""
    from typer.testing import CliRunner

    from rasid.actors.kb import default_kb
    from rasid.claims import update_claims
    from rasid.cli import app as cli
    from rasid.store import open_store
    from rasid.web import create_app

    sync_playwright = _browser_or_skip()
    db = tmp_path / "claims.db"
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "claims_idlib.jsonl"
    assert CliRunner().invoke(cli, ["ingest", str(fixture), "--db", str(db), "-q"]).exit_code == 0
    store = open_store(db)
    update_claims(store)
    kb = default_kb()
    out = Path(os.environ.get("RASID_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    with Server(create_app(store, kb, token=TOKEN)) as base, sync_playwright() as pw:
        browser = _launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
        try:
            page.goto(base + "/")
            with page.expect_navigation():
                page.click("nav >> text=الادعاءات")  # "claims"
            assert page.locator("li.claim-card").count() == 1
            with page.expect_navigation():
                page.click("li.claim-card a.title")
            assert "وزارة الدفاع الروسية" in page.inner_text("p.meta")  # first said by Russia's defence ministry
            assert page.locator("section.side.repeats article.member").count() == 2
            denies = page.locator("section.side.denies article.member")
            assert denies.count() == 1 and "حكومة الإنقاذ" in denies.inner_text()  # the Salvation Government
            assert page.locator("ol.timeline li").count() == 3
            assert page.locator("table.outlets tbody tr").count() == 3
            href = denies.locator("footer a").get_attribute("href")
            assert "/articles/" in href and "#st-" in href
            page.screenshot(path=str(out / "claim.png"), full_page=True)
            follow = page.locator("form.follow-claim")  # follow it: a watchlist on this claim
            follow.locator("input[name=token]").fill(TOKEN)
            with page.expect_navigation():
                follow.locator("button[type=submit]").click()
            from rasid import alerts

            assert [w.claims for w in alerts.watchlists(store)] == [(int(page.url.rsplit("/", 1)[-1]),)]
        finally:
            browser.close()
    store.close()


def test_map_page_shows_the_places_and_a_place_statements(tmp_path):
    """Four outlets (tests/fixtures/places_levant.jsonl): Idlib and Aleppo in the Salvation Government's
    statement, Aleppo and Homs in the Kremlin's, and two Tripolis — Lebanon's and Libya's, each told
    apart by its article. From the navigation to the map: the base drawn offline (no request leaves
    the server), a circle a place, the filter by stance, a click on Idlib listing its statement. Its
    screenshot goes with the others (docs/screenshots/map.png)."""
    from typer.testing import CliRunner

    from rasid.actors.kb import default_kb
    from rasid.cli import app as cli
    from rasid.store import open_store
    from rasid.web import create_app

    sync_playwright = _browser_or_skip()
    db = tmp_path / "places.db"
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "places_levant.jsonl"
    assert CliRunner().invoke(cli, ["ingest", str(fixture), "--db", str(db), "-q"]).exit_code == 0
    store = open_store(db)
    out = Path(os.environ.get("RASID_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    with Server(create_app(store, default_kb(), token=TOKEN)) as base, sync_playwright() as pw:
        browser = _launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
        try:
            page.goto(base + "/")
            with page.expect_navigation():
                page.click("nav >> text=الخريطة")  # "map"
            svg = page.locator("svg.map")
            assert svg.is_visible() and svg.bounding_box()["height"] > 300
            assert len(svg.locator("path.land").get_attribute("d")) > 1000  # the coasts of the Levant
            assert svg.locator("circle.place").count() >= 5
            tripolis = page.locator("svg.map a[data-place='geonames:266826'], svg.map a[data-place='geonames:2210247']")
            assert tripolis.count() == 1  # Libya's Tripoli is off the Levant's map; Lebanon's is on it
            with page.expect_navigation():
                page.click("svg.map a[data-place='geonames:169389'] circle")  # Idlib
            assert "place=geonames%3A169389" in page.url or "place=geonames:169389" in page.url
            listed = page.locator("section.place-statements article.member")
            assert listed.count() >= 1 and "حكومة الإنقاذ" in listed.first.inner_text()
            assert "/articles/" in listed.first.locator("footer a").get_attribute("href")
            page.screenshot(path=str(out / "map.png"), full_page=True)
            page.select_option("select[name=view]", "mena")
            with page.expect_navigation():
                page.click("form.filters button[type=submit]")
            assert page.locator("svg.map a[data-place='geonames:2210247']").count() == 1  # now Libya's too
            assert outside == [], outside  # offline: nothing fetched from elsewhere
        finally:
            browser.close()
    store.close()
