"""The analyst's UI: search filters and sorting (API and page), the home page's picture, downloads of the
current view, and the article's outlet and category."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest
from fastapi.testclient import TestClient
from web_support import TOKEN, analyze, article_paths, web_kb

from rasid.model import Document
from rasid.pipeline import Pipeline
from rasid.store import open_store
from rasid.web import create_app
from rasid.web.data import StatementFilter, outlet_of
from rasid.web.exports import statement_columns

# an article with a URL and a category, as a JSON Lines record gives them
RECORD = Document(
    origin="records.jsonl:1", format="record", url="https://www.example-news.com/world/1",
    content="أكدت حكومة الإنقاذ، الأحد، أن روسيا \"شريك محتمل في بناء مستقبل سوريا\".\n\n"
            "وقالت الحكومة إن أوكرانيا \"تتدخل في الملف السوري بشكل مرفوض\".",
    fields={"title": "الإنقاذ: روسيا شريك محتمل", "published": "2024-12-01T10:00:00+03:00", "category": "سياسة"})


@pytest.fixture(scope="module")
def app_store(tmp_path_factory):
    kb = web_kb()
    store = open_store(tmp_path_factory.mktemp("analyst") / "analyst.db")
    store.save_many(analyze(article_paths(), kb))
    store.save(Pipeline(kb).run(RECORD))
    yield store, create_app(store, kb, token=TOKEN)
    store.close()


@pytest.fixture(scope="module")
def client(app_store):
    with TestClient(app_store[1], raise_server_exceptions=False) as c:
        yield c


def ok(response, status: int = 200) -> dict:
    assert response.status_code == status, response.text[:500]
    return response.json()


def search(client, **params) -> dict:
    return ok(client.get("/api/search", params={"limit": 500, **params}))


def statement_ids(body: dict) -> list[str]:
    return [it["statement"]["id"] for it in body["items"] if it["kind"] == "statement"]


def expected_ids(client, app_store, q: str, flt: StatementFilter) -> set[str]:
    """What a filter should keep: every statement hit of ``q``, filtered in Python on corrected statements."""
    data = app_store[1].state.data
    pairs = {st.id: (a, st) for a, st in data.pairs()}
    hits = statement_ids(search(client, q=q, kind="statement"))
    return {i for i in hits if i in pairs and flt.keep(*pairs[i])}


FILTERS = [{"speaker": "SSG"}, {"speaker": "الإنقاذ"}, {"target": "RUS"}, {"target": "روسيا", "stance": "favor"},
           {"stance": "against"}, {"since": "2024-11-01"}, {"until": "2024-07-31"},
           {"outlet": "example-news.com"}, {"outlet": "www.EXAMPLE-news.com"}, {"category": "سياسة"},
           {"speaker": "SSG", "since": "2024-11-01", "until": "2024-12-31", "outlet": "example-news.com"}]


@pytest.mark.parametrize("params", FILTERS, ids=[json.dumps(f, ensure_ascii=False) for f in FILTERS])
def test_web_search_filters_match_the_python_filter(client, app_store, params):
    flt = StatementFilter(**{k: (date.fromisoformat(v) if k in ("since", "until") else v) for k, v in params.items()},
                          exact_speaker=bool(web_kb().get(params.get("speaker", ""))),
                          exact_target=bool(web_kb().get(params.get("target", ""))))
    want = expected_ids(client, app_store, "روسيا", flt)  # Russia
    got = search(client, q="روسيا", kind="statement", **params)
    assert set(statement_ids(got)) == want and got["total"] == len(want)
    # the same filter in every order: relevance, newest, oldest
    for sort in ("newest", "oldest", "relevance"):
        assert set(statement_ids(search(client, q="روسيا", kind="statement", sort=sort, **params))) == want


def test_web_search_an_actor_id_is_that_actor_alone():
    # "RUS" names Russia, not every speaker whose Latin name holds the letters (Brussels Signal)
    from rasid.model import Mention, Span
    from rasid.web.data import mention_matches

    brussels = Mention(Span(0, 5), "Brussels Signal", "Brussels Signal", None, "organization", "pattern")
    assert mention_matches(brussels, "RUS") and not mention_matches(brussels, "RUS", exact=True)
    russia = Mention(Span(0, 5), "روسيا", "روسيا", "RUS", "country")
    assert mention_matches(russia, "RUS", exact=True)


def test_web_search_without_words_lists_the_filtered_statements(client, app_store):
    got = search(client, speaker="SSG", sort="newest")
    days = [it["statement"]["date"]["value"] for it in got["items"]]
    assert got["total"] == len(days) >= 3 and days == sorted(days, reverse=True)
    oldest = search(client, speaker="SSG", sort="oldest")
    assert statement_ids(oldest) == statement_ids(got)[::-1]


def test_web_search_sorts_by_date_across_pages(client):
    everything = search(client, q="روسيا", sort="newest")["items"]
    days = [(it["statement"]["date"] or {}).get("value") if it["kind"] == "statement"
            else (it["article"]["published"] or "")[:10] for it in everything]
    assert days == sorted(days, reverse=True) and len(days) >= 4
    pages = [search(client, q="روسيا", sort="newest", limit=2, offset=o)["items"] for o in range(0, len(days), 2)]
    assert [it for page in pages for it in page] == everything


def test_web_search_filters_see_corrections(client, app_store):
    # a statement whose speaker an analyst changed is found under its new speaker only
    st = next(it["statement"] for it in search(client, q="روسيا", speaker="SSG", kind="statement")["items"])
    done = client.post("/api/corrections", headers={"Authorization": f"Bearer {TOKEN}"},
                       json={"statement_id": st["id"], "speaker": "UN"})
    assert done.status_code == 201, done.text
    try:
        assert st["id"] not in statement_ids(search(client, q="روسيا", speaker="SSG"))
        assert st["id"] in statement_ids(search(client, q="روسيا", speaker="UN"))
        assert st["id"] in statement_ids(search(client, q="روسيا", speaker="UN", sort="newest"))
        assert st["id"] in statement_ids(search(client, speaker="UN"))
    finally:
        client.delete(f"/api/corrections/{done.json()['correction']['id']}", headers={"Authorization": f"Bearer {TOKEN}"})


@pytest.mark.parametrize("params,field", [
    ({"q": "روسيا", "since": "2024-13-01"}, "since"), ({"q": "روسيا", "since": "yesterday"}, "since"),
    ({"q": "روسيا", "stance": "hostile"}, "stance"), ({"q": "روسيا", "sort": "random"}, "sort"),
    ({"q": "روسيا", "since": "2024-12-01", "until": "2024-01-01"}, "until"),
    ({"q": "روسيا", "kind": "article", "speaker": "SSG"}, "kind"), ({}, "q"), ({"q": "***"}, "q"),
    ({"q": "روسيا", "limit": 0}, "limit"), ({"q": "روسيا", "offset": -1}, "offset"),
])
def test_web_search_bad_values_are_422(client, params, field):
    body = client.get("/api/search", params=params).json()
    assert body["status"] == 422 and body["field"] == field and body["error"], body
    export = client.get("/api/search/export", params={k: v for k, v in params.items() if k not in ("limit", "offset")})
    assert export.status_code == 422 or field in ("limit", "offset", "kind")


@pytest.mark.parametrize("params", [{"since": "2024-13-01"}, {"stance": "hostile"}, {"sort": "random"},
                                    {"since": "2024-12-01", "until": "2024-01-01"}, {"q": "***"},
                                    {"kind": "article", "target": "RUS"}, {"offset": "-5"}, {"kind": "x"}])
def test_web_search_page_says_what_is_wrong(client, params):
    response = client.get("/search", params=params)
    assert response.status_code == 422 and "text/html" in response.headers["content-type"]
    assert 'id="search-error"' in response.text and 'id="search-form"' in response.text  # the form stays


def test_web_search_page_hits_link_to_article_statement_and_source(client):
    html = client.get("/search", params={"q": "روسيا", "outlet": "example-news.com"}).text
    assert 'id="result-count"><b>' in html
    links = re.findall(r'href="(/articles/[0-9a-f]+#st-[^"]+)"', html)
    assert links, "each statement hit links to its place in the article"
    assert 'href="https://www.example-news.com/world/1"' in html and "سياسة" in html  # source URL, category
    article = client.get(links[0].split("#")[0]).text
    assert f'id="{links[0].split("#")[1]}"' in article
    # the form keeps its values, the pager and the downloads carry them
    html = client.get("/search", params={"speaker": "SSG", "stance": "favor", "sort": "oldest"}).text
    assert 'value="SSG"' in html and '<option value="favor" selected>' in html
    assert '/api/search/export?format=csv&amp;speaker=SSG&amp;stance=favor&amp;sort=oldest' in html


def test_web_old_search_links_still_search(client):
    assert 'id="result-count"' in client.get("/", params={"q": "روسيا"}).text
    assert 'id="stance-matrix"' not in client.get("/", params={"q": "روسيا"}).text


def test_web_export_is_the_filtered_statements(client):
    params = {"q": "روسيا", "speaker": "SSG", "sort": "newest"}
    listed = statement_ids(search(client, kind="statement", **params))
    as_csv = client.get("/api/search/export", params={"format": "csv", **params})
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [r["id"] for r in rows] == listed and list(rows[0]) == statement_columns()
    lines = client.get("/api/search/export", params={"format": "jsonl", **params}).text.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == listed
    assert records[0]["speaker"]["actor_id"] and records[0]["targets"]
    # no match: the header alone (CSV), nothing (JSON Lines)
    empty = client.get("/api/search/export", params={"format": "csv", "speaker": "nobody-at-all"})
    assert empty.text.strip() == ",".join(statement_columns())
    assert client.get("/api/search/export", params={"format": "jsonl", "speaker": "nobody-at-all"}).text == ""


def test_web_export_streams_in_chunks_and_is_bounded(client, monkeypatch):
    import rasid.web.exports as exports

    listed = statement_ids(search(client, speaker="SSG"))
    monkeypatch.setattr(exports, "CHUNK", 2)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/search/export", params={"speaker": "SSG"}).text)))
    assert [r["id"] for r in rows] == listed  # one header, every chunk's rows
    monkeypatch.setattr(exports, "MAX_EXPORT", 3)
    response = client.get("/api/search/export", params={"speaker": "SSG", "format": "jsonl"})
    assert len(response.text.splitlines()) == 3 and response.headers["x-total-count"] == str(len(listed))


def test_web_actor_export_is_the_actor_page(client):
    points = client.get("/api/actors/SSG/timeline", params={"limit": 500, "month": "2024-11"}).json()["items"]
    wanted = list(dict.fromkeys(p["statement"] for p in reversed(points)))  # newest first, once each
    got = client.get("/api/actors/SSG/export", params={"format": "jsonl", "month": "2024-11"}).text.splitlines()
    assert [json.loads(line)["id"] for line in got] == wanted and wanted
    html = client.get("/actors/SSG", params={"month": "2024-11"}).text
    assert 'href="/api/actors/SSG/export?format=csv&amp;month=2024-11"' in html
    assert client.get("/api/actors/SSG/export", params={"month": "2024-13"}).status_code == 422
    assert client.get("/api/actors/NOPE/export").status_code == 404


def test_web_home_page_gives_the_picture(client):
    html = client.get("/").text
    for part in ("latest-shifts", "active-speakers", "activity", "stance-matrix"):
        assert f'id="{part}"' in html, part
    assert 'href="/shifts?actor=SSG&amp;target=RUS"' in html  # the shift of the test articles
    assert 'href="/actors/SSG"' in html
    assert '<html lang="en" dir="ltr">' in client.get("/", params={"lang": "en"}).text


def test_web_home_page_numbers_are_the_searches_they_link_to(client):
    html = client.get("/").text.replace("&amp;", "&")
    links = re.findall(r'<a class="(?:favor|against|neutral|n)" href="(/search\?[^"]+)"[^>]*>(\d+)</a>', html)
    months = re.findall(r'<a class="col" role="listitem" href="(/search\?[^"]+)" title="[^:]+: (\d+)"', html)
    assert links and months
    for link, n in links + months:
        params = dict(p.split("=", 1) for p in link.split("?", 1)[1].split("&"))
        assert search(client, **params)["total"] == int(n), link


def test_web_article_category_and_outlet(client, app_store):
    store = app_store[0]
    article = next(a for a in store.articles() if a.url)
    assert article.category == "سياسة"
    html = client.get(f"/articles/{article.id}").text
    assert "القسم: سياسة" in html  # "Category: politics"
    assert outlet_of(article.url, article.source) == "example-news.com"
    assert outlet_of(None, "feed.jsonl:12") == "feed.jsonl"
    categories = client.get("/search").text
    assert '<option value="سياسة" >سياسة (1)</option>' in categories or 'value="سياسة"' in categories


def test_a_filter_with_an_actors_whole_name_is_that_actor_alone(tmp_path):
    # "the Salvation Government called Russia a partner" and "… called Belarus (روسيا البيضاء, 'White
    # Russia') a friend": a target filter typed as روسيا (Russia) is Russia, not also Belarus by a part
    # of its name; a part of a name (الإنقاذ) still matches every name that holds it
    from rasid.actors.kb import default_kb

    kb = default_kb()
    docs = [Document(origin=f"records.jsonl:{n}", format="record", content=text,
                     fields={"title": "خبر", "published": "2024-12-01T10:00:00+03:00"})
            for n, text in enumerate(["وقالت حكومة الإنقاذ إن روسيا شريك محتمل في إعادة الإعمار.",
                                      "وقالت حكومة الإنقاذ إن روسيا البيضاء صديق في إعادة الإعمار."])]
    store = open_store(tmp_path / "names.db")
    try:
        store.save_many([Pipeline(kb).run(d) for d in docs])
        with TestClient(create_app(store, kb, token=TOKEN), raise_server_exceptions=False) as c:
            def targets(**params) -> list[set[str]]:
                items = ok(c.get("/api/statements", params=params))["items"]
                return [{t["actor_id"] for t in it["targets"]} for it in items]

            assert targets(target="روسيا") == targets(target="RUS") == [{"RUS"}]
            assert targets(target="لروسيا") == [{"RUS"}]  # (a clitic on the name)
            assert {"BLR"} in targets(target="روسيا البيضاء")
            assert len(targets(speaker="الإنقاذ")) == 2
    finally:
        store.close()
