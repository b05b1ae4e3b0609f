"""In a real headless Chromium: the Content-Security-Policy lets the pages work (plotly chart, the
target selector's onchange, the correction form's fetch) and blocks everything else, and the
hostile strings of ``web_security_support`` run no script.

Needs Debian's ``chromium`` and the ``playwright`` Python package (its driver only; ``playwright
install`` is never run); skips without them. The server is uvicorn on 127.0.0.1.
"""

from __future__ import annotations


from browser_support import LiveServer, launch, playwright_or_skip
from web_security_support import add_hostile
from web_support import TOKEN, filled_store, web_kb

from rasid.web import create_app

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_pages_work_under_the_csp_and_hostile_text_runs_nothing(tmp_path):
    sync_playwright = playwright_or_skip()
    kb = web_kb()
    store = filled_store(tmp_path / "browser.db", kb)
    hostile = add_hostile(store)
    with LiveServer(create_app(store, kb, token=TOKEN)) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.add_init_script(WATCH)
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            # the actor page draws its timeline with the bundled plotly, hostile names included
            page.goto(base + "/actors/SSG")
            page.wait_for_selector("#timeline .main-svg", timeout=20000)
            assert page.locator("#timeline .barlayer .point").count() >= 2
            assert page.locator("img[onerror], svg[onload]").count() == 0
            assert page.evaluate("window.__violations") == []

            # the target selector submits its form through an inline onchange allowed by its hash
            with page.expect_navigation():
                page.select_option("select[name=target]", "RUS")
            assert "target=RUS" in page.url
            page.wait_for_selector("#timeline .main-svg", timeout=20000)
            assert page.evaluate("window.__violations") == []

            # code injected into the page is blocked: the policy is in force
            page.evaluate("""() => { const s = document.createElement('script');
                                     s.textContent = 'window.__injected = 1'; document.body.appendChild(s); }""")
            page.wait_for_timeout(200)
            assert page.evaluate("window.__injected") is None
            assert any("script-src" in v for v in page.evaluate("window.__violations"))

            # pages showing hostile titles, speakers, URLs, snippets and shifts run none of it
            for path in (f"/articles/{hostile[0].id}", "/shifts", "/?q=الإنقاذ", "/status", "/articles"):
                page.goto(base + path)
                page.wait_for_load_state("load")
                assert page.locator("img[onerror], svg[onload], a[href^='javascript:']").count() == 0, path
                assert page.evaluate("window.__violations") == [], path

            # the correction form's fetch to this server is allowed (connect-src 'self')
            page.goto(base + f"/articles/{hostile[0].id}")
            status = page.evaluate("""async () => (await fetch('/api/status')).status""")
            assert status == 200
            assert dialogs == [] and errors == []
        finally:
            browser.close()
    store.close()
