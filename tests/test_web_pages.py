"""The server-rendered pages: RTL Arabic by default, English labels with ?lang=en, escaped text, offline assets."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from web_support import TOKEN, filled_store, web_kb

from rasid.web import create_app
from rasid.web.app import plotly_js


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    kb = web_kb()
    store = filled_store(tmp_path_factory.mktemp("pages") / "pages.db", kb)
    with TestClient(create_app(store, kb, token=TOKEN), raise_server_exceptions=False) as c:
        yield c
    store.close()


def page(client, url: str, **params) -> str:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def article_id(client, title_part: str) -> str:
    items = client.get("/api/articles").json()["items"]
    return next(a["id"] for a in items if title_part in a["title"])


PAGES = ["/", "/articles", "/actors", "/actors/SSG", "/shifts", "/status", "/docs"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_are_arabic_rtl_and_offline(client, url):
    html = page(client, url)
    assert '<html lang="ar" dir="rtl">' in html
    assert not re.search(r"""(src|href)=["']https?://""", html), "pages load nothing from other hosts"


@pytest.mark.parametrize("url", PAGES)
def test_english_labels(client, url):
    html = page(client, url, lang="en")
    assert '<html lang="en" dir="ltr">' in html
    assert ">Search<" in html and ">Position shifts<" in html
    assert 'href="/shifts?lang=en"' in html


def test_search_page_highlights_matches(client):
    html = page(client, "/", q="روسيا")  # Russia
    assert 'id="result-count"' in html and "<mark>روسيا</mark>" in html
    assert "لا نتائج" in page(client, "/", q="كلمةغيرموجودة")  # "no results" for "a word that is not there"


def test_article_page_marks_spans_and_escapes_text(client):
    aid = article_id(client, "رسائل مزيفة")  # "fake messages": the article with <script> in it
    html = page(client, f"/articles/{aid}")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert html.count("<script") == html.count('<script src="/static/')  # only our own scripts
    assert 'class="m speaker"' in html and 'class="m cue"' in html and 'class="m content"' in html
    assert 'class="badge favor"' in html  # the UN's stance toward Turkey
    assert 'class="correction"' in html


def test_actor_page_has_aliases_affiliations_and_chart(client):
    html = page(client, "/actors/SSG", target="RUS")
    assert "حكومة الإنقاذ السورية" in html  # an alias
    assert 'href="/actors/HTS"' in html  # its political umbrella
    assert 'id="timeline"' in html and '<script src="/static/plotly.min.js">' in html
    data = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', html, re.S).group(1)
    assert '"month": "2024-07"' in data and '"month": "2024-11"' in data


def test_plotly_is_served_from_the_installed_package(client):
    response = client.get("/static/plotly.min.js")
    assert response.status_code == 200 and "javascript" in response.headers["content-type"]
    assert len(response.content) == plotly_js().stat().st_size > 1_000_000
    assert client.get("/static/style.css").status_code == 200


def test_shifts_page_shows_both_quotes_side_by_side(client):
    html = page(client, "/shifts", target="روسيا")
    assert html.count('class="shift"') == 1 and 'data-target="RUS"' in html
    assert 'class="side before"' in html and 'class="side after"' in html
    assert "2024-07-10" in html and "2024-11-25" in html and 'href="/articles/' in html
    assert "لا تحولات" in page(client, "/shifts", target="RUS", since="2025-01-01")  # "no shifts"


def test_status_page(client):
    html = page(client, "/status")
    assert "الوثائق المرفوضة" in html and 'id="orphans"' in html  # "rejected documents"


def test_errors_on_pages_are_html(client):
    response = client.get("/articles/nope")
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "no article with id" in response.text
    assert client.get("/shifts", params={"since": "x"}).status_code == 422
    # empty form fields mean "no filter"
    assert client.get("/shifts", params={"actor": "", "since": "", "until": "", "target": "RUS"}).status_code == 200


def chart_data(html: str) -> dict:
    import json

    return json.loads(re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', html, re.S)
                      .group(1))


def rows(html: str) -> list[str]:
    return re.findall(r'<tr><td class="num"><time>([^<]*)</time>', html)


def test_actor_page_charts_stances_per_month(client):
    # the chart carries one count per stance and month, never the points themselves
    points = client.get("/api/actors/SSG/timeline", params={"limit": 500}).json()["items"]
    expected: dict[str, dict[str, int]] = {}
    for p in points:
        month = expected.setdefault(p["day"][:7], {"favor": 0, "against": 0, "neutral": 0})
        month[p["stance"]] += 1
    data = chart_data(page(client, "/actors/SSG", lang="en"))
    assert {m.pop("month"): m for m in data["months"]} == expected
    assert '"quote"' not in str(data) and data["link"] == "/actors/SSG?lang=en&month="


def test_actor_page_drills_down_into_a_month(client):
    everything = page(client, "/actors/SSG", lang="en")
    july = page(client, "/actors/SSG", month="2024-07", lang="en")
    assert rows(july) and set(rows(july)) == {"2024-07-02", "2024-07-10"}
    assert len(rows(july)) < len(rows(everything))
    assert f"{len(rows(july))} stances in 2024-07" in july and 'href="/actors/SSG?lang=en">Show all' in july
    # the chart still shows every month, so another one can be chosen
    assert [m["month"] for m in chart_data(july)["months"]] == ["2024-07", "2024-11"]
    assert rows(page(client, "/actors/SSG", since="2024-11-01", until="2024-11-30")) == rows(
        page(client, "/actors/SSG", month="2024-11"))
    assert rows(page(client, "/actors/SSG", month="2023-01")) == []
    for bad in ({"month": "2024-13"}, {"month": "July"}, {"since": "2024-12-01", "until": "2024-01-01"}):
        response = client.get("/actors/SSG", params=bad)
        assert response.status_code == 422 and "text/html" in response.headers["content-type"], bad
    # empty form fields mean "no filter"
    assert rows(page(client, "/actors/SSG", month="", since="", until="", target="")) == rows(everything)


def test_actor_page_pages_its_table(client, monkeypatch):
    # an actor of a whole archive has thousands of points: the table shows one page, newest first
    import rasid.web.app as web_app

    everything = rows(page(client, "/actors/SSG", lang="en"))
    assert len(everything) >= 2 and everything == sorted(everything, reverse=True)
    monkeypatch.setattr(web_app, "ACTOR_ROWS", 1)
    first = page(client, "/actors/SSG", lang="en")
    assert rows(first) == everything[:1] and f"1–1 / {len(everything)}" in first
    assert 'href="/actors/SSG?offset=1&amp;lang=en"' in first
    assert rows(page(client, "/actors/SSG", offset=1, lang="en")) == everything[1:2]
    assert rows(page(client, "/actors/SSG", offset=10**6)) == []  # past the end: an empty page


def test_a_worker_warms_up_on_the_reads_most_requests_make(tmp_path):
    # each server process answers a few reads in-process before it serves (its first requests were 10 to 50
    # times slower than warm ones): every warm-up path is a page or list that answers
    import asyncio

    import httpx

    from rasid.web.app import WARM_PATHS, warm

    kb = web_kb()
    store = filled_store(tmp_path / "w.db", kb)
    app = create_app(store, kb, token=None)
    assert warm(app) >= 0.0

    async def statuses() -> list[int]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as c:
            return [(await c.get(p)).status_code for p in WARM_PATHS]

    assert set(asyncio.run(statuses())) == {200}
    store.close()
