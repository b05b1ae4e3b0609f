"""Bad input (issue 13): search syntax, page numbers and limits out of range give a clear 422 or an empty page."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_support import TOKEN, filled_store, web_kb

from rasid.web import create_app
from rasid.web.app import MAX_LIMIT, MAX_OFFSET


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    kb = web_kb()
    store = filled_store(tmp_path_factory.mktemp("bad") / "bad.db", kb)
    with TestClient(create_app(store, kb, token=TOKEN), raise_server_exceptions=False) as c:
        yield c
    store.close()


# full-text query syntax that must be read as words, never as FTS5 operators
SEARCHES = ['"', '"روسيا', 'روسيا"', "(", ")", "((روسيا", "روسيا)", "*", "روسيا*", "**", "NEAR(", "NEAR(روسيا",
            "NEAR(روسيا الإنقاذ, 2)", "روسيا AND", "OR روسيا", "NOT", "روسيا NOT الإنقاذ", "{folded}: روسيا",
            "folded:روسيا", "^روسيا", "+", "-", ":", "روسيا -الإنقاذ", "'", "\\", "﴾روسيا﴿", "روسيا " * 100]


@pytest.mark.parametrize("q", SEARCHES)
def test_web_bad_input_search_syntax_is_words(client, q):
    for path in ("/api/search", "/"):
        response = client.get(path, params={"q": q})
        assert response.status_code in (200, 422), (path, q, response.text[:300])
        if path == "/api/search" and response.status_code == 422:
            body = response.json()
            assert body["field"] == "q" and "no words" in body["error"]


def test_web_bad_input_search_operators_do_not_widen_or_narrow(client):
    plain = client.get("/api/search", params={"q": "روسيا"}).json()["total"]  # Russia
    assert plain > 0
    for q in ("روسيا*", '"روسيا"', "(روسيا)", "((روسيا", "روسيا)", '"روسيا', "^روسيا", "روسيا:"):
        assert client.get("/api/search", params={"q": q}).json()["total"] == plain, q
    # operator names are words like any other: every word must match
    for q in ("NEAR(روسيا", "روسيا OR", "روسيا AND NOT"):
        assert client.get("/api/search", params={"q": q}).json()["total"] < plain, q


PAGED = ["/api/articles", "/api/statements", "/api/actors", "/api/shifts", "/api/corrections",
         "/api/corrections/orphans", "/api/actors/SSG/timeline"]


@pytest.mark.parametrize("path", PAGED)
@pytest.mark.parametrize("params", [{"limit": -1}, {"limit": 0}, {"limit": MAX_LIMIT + 1}, {"limit": 10**30},
                                    {"limit": "ten"}, {"offset": -1}, {"offset": MAX_OFFSET + 1},
                                    {"offset": 10**30}, {"offset": "1e3"}])
def test_web_bad_input_limits_and_offsets_out_of_range_are_422(client, path, params):
    response = client.get(path, params=params)
    assert response.status_code == 422, (path, params, response.text[:300])
    body = response.json()
    assert body["ok"] is False and body["field"] == next(iter(params)) and body["error"]


@pytest.mark.parametrize("path", PAGED)
def test_web_bad_input_an_offset_past_the_end_is_an_empty_page(client, path):
    body = client.get(path, params={"offset": MAX_OFFSET, "limit": MAX_LIMIT}).json()
    assert body["ok"] is True and body["items"] == [] and body["offset"] == MAX_OFFSET


def test_web_bad_input_search_pages(client):
    assert client.get("/api/search", params={"q": "روسيا", "offset": MAX_OFFSET}).json()["items"] == []
    for params in ({"q": "روسيا", "limit": 0}, {"q": "روسيا", "limit": 10**9}, {"q": "روسيا", "offset": -5}):
        assert client.get("/api/search", params=params).status_code == 422, params


@pytest.mark.parametrize("path", ["/", "/articles", "/actors", "/actors/SSG", "/shifts"])
def test_web_bad_input_page_offsets(client, path):
    for offset in (-1, MAX_OFFSET + 1, "x"):
        response = client.get(path, params={"offset": offset, "q": "روسيا"})
        assert response.status_code == 422 and "text/html" in response.headers["content-type"], (path, offset)
        assert "offset" in response.text
    past = client.get(path, params={"offset": MAX_OFFSET, "q": "روسيا"})
    assert past.status_code == 200, (path, past.text[:300])


def test_web_bad_input_timeline_windows(client):
    for params in ({"month": "2024-13"}, {"month": "24-01"}, {"month": "2024-01", "since": "2024-01-01"},
                   {"since": "2024-12-01", "until": "2024-01-01"}, {"since": "yesterday"}):
        response = client.get("/api/actors/SSG/timeline", params=params)
        assert response.status_code == 422, (params, response.text[:300])
        assert response.json()["field"] in ("month", "since", "until")
    body = client.get("/api/actors/SSG/timeline", params={"month": "2024-07"}).json()
    assert body["ok"] and {p["day"][:7] for p in body["items"]} == {"2024-07"}
