"""The JSON API over a store filled by the real pipeline: every read endpoint, filters, pagination, errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_support import TOKEN, filled_store, web_kb

from rasid.web import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    kb = web_kb()
    store = filled_store(tmp_path_factory.mktemp("web") / "api.db", kb)
    with TestClient(create_app(store, kb, token=TOKEN), raise_server_exceptions=False) as c:
        yield c
    store.close()


def ok(response, status: int = 200) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is True
    return body


def err(response, status: int, field: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"ok", "error", "status", "field"}
    assert body["ok"] is False and body["status"] == status and body["error"]
    assert body["field"] == field
    return body


def ssg_russia(client) -> list[dict]:
    return ok(client.get("/api/statements", params={"speaker": "SSG", "target": "RUS"}))["items"]


# --- articles -------------------------------------------------------------------

def test_articles_list_newest_first_with_counts(client):
    body = ok(client.get("/api/articles"))
    assert body["total"] == 5 and len(body["items"]) == 5
    days = [a["published"][:10] for a in body["items"]]
    assert days == sorted(days, reverse=True)
    assert all(isinstance(a["statements"], int) for a in body["items"])


def test_articles_pagination(client):
    first = ok(client.get("/api/articles", params={"limit": 2}))
    second = ok(client.get("/api/articles", params={"limit": 2, "offset": 2}))
    last = ok(client.get("/api/articles", params={"limit": 2, "offset": 4}))
    ids = [a["id"] for page in (first, second, last) for a in page["items"]]
    assert len(ids) == 5 == len(set(ids))
    assert first["total"] == 5 and first["limit"] == 2 and second["offset"] == 2
    assert ok(client.get("/api/articles", params={"offset": 50}))["items"] == []


def test_articles_filters(client):
    body = ok(client.get("/api/articles", params={"since": "2024-11-01", "until": "2024-12-31"}))
    assert [a["published"][:10] for a in body["items"]] == ["2024-11-30"]
    # "economy": the category of one bundled example
    assert ok(client.get("/api/articles", params={"category": "اقتصاد"}))["total"] == 1
    assert ok(client.get("/api/articles", params={"source": "riyhan_council"}))["total"] == 2


def test_article_with_statements(client):
    aid = ssg_russia(client)[0]["article"]["id"]
    article = ok(client.get(f"/api/articles/{aid}"))["article"]
    assert article["id"] == aid and article["text"]
    assert article["statements"], "the pipeline found statements in this article"
    st = article["statements"][0]
    start, end = st["spans"]["content"]
    assert article["text"][start:end] == st["content"]
    assert st["corrected"] is False and st["corrections"] == []


def test_unknown_article_is_404(client):
    err(client.get("/api/articles/nope"), 404, "article_id")


# --- statements -----------------------------------------------------------------

def test_statements_filters(client):
    everything = ok(client.get("/api/statements", params={"limit": 500}))
    assert everything["total"] >= 10
    items = ssg_russia(client)  # several statements a day: July against Russia, November for it
    assert list(dict.fromkeys(s["date"]["value"] for s in items)) == ["2024-07-02", "2024-07-10", "2024-11-25", "2024-11-30"]
    assert list(dict.fromkeys((s["date"]["value"], s["targets"][0]["stance"]) for s in items)) == [
        ("2024-07-02", "against"), ("2024-07-10", "against"), ("2024-11-25", "favor"), ("2024-11-30", "favor")]
    # the speaker's name, folded: "الانقاذ" without hamza finds "حكومة الإنقاذ"
    by_name = ok(client.get("/api/statements", params={"speaker": "الانقاذ", "target": "روسيا"}))
    assert [s["id"] for s in by_name["items"]] == [s["id"] for s in items]
    since = ok(client.get("/api/statements", params={"speaker": "SSG", "target": "RUS", "since": "2024-08-01"}))
    assert {s["date"]["value"] for s in since["items"]} == {"2024-11-25", "2024-11-30"}
    # an actor id of the knowledge base is that actor alone, not also a part of other speakers' names
    assert all(s["speaker"]["actor_id"] == "SSG" for s in since["items"])
    until = ok(client.get("/api/statements", params={"target": "RUS", "until": "2024-08-01"}))
    assert {s["date"]["value"] for s in until["items"]} == {"2024-07-02", "2024-07-10"}
    favor = ok(client.get("/api/statements", params={"target": "RUS", "stance": "favor"}))
    assert favor["items"] and {s["targets"][0]["stance"] for s in favor["items"]} == {"favor"}
    kind = items[0]["kind"]
    by_kind = ok(client.get("/api/statements", params={"kind": kind, "limit": 500}))
    assert by_kind["items"] and all(s["kind"] == kind for s in by_kind["items"])
    aid = items[0]["article"]["id"]
    in_article = ok(client.get("/api/statements", params={"article": aid}))
    assert in_article["items"] and all(s["article"]["id"] == aid for s in in_article["items"])


def test_statements_pagination(client):
    total = ok(client.get("/api/statements"))["total"]
    seen = []
    for offset in range(0, total, 3):
        seen += [s["id"] for s in ok(client.get("/api/statements", params={"limit": 3, "offset": offset}))["items"]]
    assert len(seen) == total == len(set(seen))


def test_one_statement(client):
    sid = ssg_russia(client)[0]["id"]
    st = ok(client.get(f"/api/statements/{sid}"))["statement"]
    assert st["id"] == sid and st["speaker"]["actor_id"] == "SSG"
    err(client.get("/api/statements/nope"), 404, "statement_id")


@pytest.mark.parametrize(("params", "field"), [
    ({"since": "30/11/2024"}, "since"),
    ({"until": "2024-13-01"}, "until"),
    ({"stance": "happy"}, "stance"),
    ({"kind": "sing"}, "kind"),
    ({"limit": 0}, "limit"),
    ({"limit": 100000}, "limit"),
    ({"offset": -1}, "offset"),
    ({"since": "2024-12-01", "until": "2024-01-01"}, "until"),
])
def test_invalid_statement_filters_name_the_field(client, params, field):
    body = err(client.get("/api/statements", params=params), 422, field)
    assert field in body["error"]


# --- actors, timelines, shifts ------------------------------------------------------

def test_actor_list_and_search(client):
    body = ok(client.get("/api/actors"))
    assert body["total"] == 6
    # "Moscow" is an alias of Russia; "Ankara" (English) of Turkey
    assert [a["id"] for a in ok(client.get("/api/actors", params={"q": "موسكو"}))["items"]] == ["RUS"]
    assert [a["id"] for a in ok(client.get("/api/actors", params={"q": "ankara"}))["items"]] == ["TUR"]
    assert [a["id"] for a in ok(client.get("/api/actors", params={"q": "الانقاذ"}))["items"]] == ["SSG"]
    assert ok(client.get("/api/actors", params={"type": "country"}))["total"] == 3
    assert len(ok(client.get("/api/actors", params={"limit": 2, "offset": 1}))["items"]) == 2


def test_one_actor_with_aliases_and_affiliations(client):
    actor = ok(client.get("/api/actors/SSG"))["actor"]
    assert actor["name_ar"] == "حكومة الإنقاذ" and "الإنقاذ" in actor["aliases"]
    assert actor["affiliations"] == [{"parent": {"id": "HTS", "name": "هيئة تحرير الشام"},
                                      "relation": "political_wing_of", "start": "2017-11-01", "end": None}]
    hts = ok(client.get("/api/actors/HTS"))["actor"]
    assert {"id": "SSG", "name": "حكومة الإنقاذ", "relation": "political_wing_of"} in hts["members"]
    err(client.get("/api/actors/NOPE"), 404, "actor_id")


def test_actor_timeline(client):
    body = ok(client.get("/api/actors/SSG/timeline", params={"target": "روسيا"}))
    days = [(p["day"], p["stance"]) for p in body["items"]]
    assert list(dict.fromkeys(days)) == [("2024-07-02", "against"), ("2024-07-10", "against"),
                                        ("2024-11-25", "favor"), ("2024-11-30", "favor")]
    assert all(p["target"]["key"] == "RUS" and p["quote"] for p in body["items"])
    # the parent body's timeline includes its sub-unit's statements
    hts = ok(client.get("/api/actors/HTS/timeline", params={"target": "RUS"}))
    assert len(hts["items"]) == len(body["items"])
    assert ok(client.get("/api/actors/SSG/timeline"))["total"] >= 2
    err(client.get("/api/actors/NOPE/timeline"), 404, "actor_id")


def test_shifts_with_filters(client):
    body = ok(client.get("/api/shifts"))
    pairs = {(s["actor"]["actor_id"] or s["actor"]["name"], s["target"]["actor_id"]) for s in body["items"]}
    assert ("SSG", "RUS") in pairs
    russia = ok(client.get("/api/shifts", params={"target": "روسيا"}))["items"]
    assert len(russia) == 1
    shift = russia[0]
    assert shift["actor"]["actor_id"] == "SSG" and (shift["from"], shift["to"]) == ("against", "favor")
    assert shift["before"]["date"] == "2024-07-10" and shift["after"]["date"] == "2024-11-25"
    assert shift["before"]["quote"] and shift["after"]["quote"]
    assert ok(client.get("/api/shifts", params={"actor": "SSG", "target": "RUS"}))["total"] == 1
    assert ok(client.get("/api/shifts", params={"target": "RUS", "since": "2024-12-01"}))["total"] == 0
    assert ok(client.get("/api/shifts", params={"target": "RUS", "until": "2024-11-30"}))["total"] == 1
    assert ok(client.get("/api/shifts", params={"target": "RUS", "min_confidence": 1.0}))["total"] == 0
    assert len(ok(client.get("/api/shifts", params={"limit": 1}))["items"]) == 1
    err(client.get("/api/shifts", params={"min_confidence": 2}), 422, "min_confidence")
    err(client.get("/api/shifts", params={"since": "yesterday"}), 422, "since")


# --- search ------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    "روسيا",  # Russia
    "لروسيا",  # "to Russia": a proclitic
    "رُوسيا",  # with a damma
    "وروسيا",  # "and Russia"
])
def test_search_is_arabic_aware(client, query):
    body = ok(client.get("/api/search", params={"q": query}))
    assert body["total"] >= 3
    kinds = {item["kind"] for item in body["items"]}
    assert kinds == {"article", "statement"}
    assert all(any(part["match"] for part in item["snippet"]) for item in body["items"])


def test_search_folds_hamza_ta_marbuta_and_the_article(client):
    # "الانقاذ" without hamza and "حكومه" with ha for ta marbuta find "حكومة الإنقاذ"
    assert ok(client.get("/api/search", params={"q": "حكومه الانقاذ"}))["total"] >= 2
    # "الاحتلال" (the occupation) with the article finds "احتلال"
    hits = ok(client.get("/api/search", params={"q": "الاحتلال", "kind": "statement"}))["items"]
    assert hits and all(h["kind"] == "statement" for h in hits)
    assert ok(client.get("/api/search", params={"q": "كلمةغيرموجودة"}))["total"] == 0  # "a word that is not there"


def test_search_kind_and_pagination(client):
    articles = ok(client.get("/api/search", params={"q": "روسيا", "kind": "article"}))
    assert articles["items"] and all(i["kind"] == "article" for i in articles["items"])
    one = ok(client.get("/api/search", params={"q": "روسيا", "limit": 1}))
    two = ok(client.get("/api/search", params={"q": "روسيا", "limit": 1, "offset": 1}))
    assert len(one["items"]) == len(two["items"]) == 1 and one["items"] != two["items"]
    err(client.get("/api/search"), 422, "q")
    err(client.get("/api/search", params={"q": "!!!"}), 422, "q")
    err(client.get("/api/search", params={"q": "x", "kind": "actor"}), 422, "kind")


# --- status, docs, unknown paths ---------------------------------------------------------

def test_status(client):
    body = ok(client.get("/api/status"))
    assert body["counts"]["articles"] == 5 and body["counts"]["statements"] >= 10
    assert body["rejections"] == [] and body["writable"] is True
    assert body["search"] in ("fts5", "like")


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/statements", "/api/actors/{actor_id}/timeline", "/api/shifts",
                 "/api/search", "/api/corrections", "/api/corrections/orphans", "/api/status"):
        assert path in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/shifts" in docs.text
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text
    assert client.get("/redoc").status_code == 404


def test_unknown_api_path_uses_the_error_shape(client):
    err(client.get("/api/nothing"), 404)
    err(client.post("/api/articles"), 405)


def test_issue14_head_answers_like_get_without_a_body(client):
    for path in ("/api/status", "/api/statements", "/", "/shifts"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200, (path, head.status_code)
        assert head.content == b"" and head.headers.get("content-type") == get.headers.get("content-type")
    assert client.head("/api/nothing-here").status_code == 404


def test_shifts_pages_with_limit_and_offset(client):
    everything = ok(client.get("/api/shifts"))
    assert everything["total"] == len(everything["items"]) >= 2
    second = ok(client.get("/api/shifts", params={"limit": 1, "offset": 1}))
    assert (second["total"], second["limit"], second["offset"]) == (everything["total"], 1, 1)
    assert second["items"] == everything["items"][1:2]
    assert ok(client.get("/api/shifts", params={"offset": everything["total"]}))["items"] == []
