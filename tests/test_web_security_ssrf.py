"""POST /api/ingest never fetches from private, loopback or link-local addresses (SSRF) unless told to.

No test here sends a packet anywhere but 127.0.0.1: the refused addresses are refused before any
connection (an httpx transport that records every request proves it), host names are resolved
by a patched ``socket.getaddrinfo``, and the one real server is a local test server on 127.0.0.1.
"""

from __future__ import annotations

import socket

import httpx
import pytest
from fastapi.testclient import TestClient
from ingest_support import SENTENCE_1, LocalServer, Route, article_page
from web_support import TOKEN, filled_store, web_kb

from rasid.web import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
FAST = {"host_delay": 0, "retries": 0, "backoff": 0, "timeout": 5}
PUBLIC_IP = "93.184.216.34"  # only ever "resolved" by the patched resolver; nothing connects to it


class Recorder:
    """An httpx transport that answers from a table and remembers every URL asked for."""

    def __init__(self, routes: dict[str, httpx.Response] | None = None):
        self.routes = routes or {}
        self.seen: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(str(request.url))
        return self.routes.get(str(request.url), httpx.Response(404, text="not found"))

    def client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self), follow_redirects=False)


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    kb = web_kb()
    store = filled_store(tmp_path_factory.mktemp("ssrf") / "ssrf.db", kb)
    yield store, kb
    store.close()


def client_for(setup, recorder: Recorder | None = None, **kw) -> TestClient:
    options = dict(FAST)
    if recorder is not None:
        options["client"] = recorder.client()
    return TestClient(create_app(*setup, token=TOKEN, fetch_options=options, **kw), raise_server_exceptions=False)


@pytest.fixture
def resolver(monkeypatch):
    """Host names ending in ``.news.test`` resolve to the addresses given in ``names``; others as usual."""
    names: dict[str, list[str]] = {}
    real = socket.getaddrinfo

    def fake(host, port, *args, **kwargs):
        if isinstance(host, str) and host in names:
            return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                     (a, port or 80) if ":" not in a else (a, port or 80, 0, 0)) for a in names[host]]
        if isinstance(host, str) and host.endswith(".news.test"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return names


def ingest(client: TestClient, *urls: str):
    response = client.post("/api/ingest", json={"urls": list(urls)}, headers=AUTH)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True and len(body["items"]) == len(set(urls))
    return body


REFUSED = {
    "http://127.0.0.1/": "loopback",
    "http://127.0.0.1:8080/admin": "loopback",
    "http://127.1/": "loopback",
    "http://2130706433/": "loopback",  # 127.0.0.1 as one decimal number
    "http://localhost/": "loopback",
    "http://LOCALHOST:9/": "loopback",
    "http://[::1]/": "loopback",
    "http://[::ffff:127.0.0.1]/": "loopback",
    "http://0.0.0.0/": "private",  # "this network": 0.0.0.0/8
    "http://10.0.0.1/": "private",
    "http://10.255.255.254:8443/x": "private",
    "http://172.16.5.4/": "private",
    "http://192.168.1.1/": "private",
    "http://169.254.169.254/latest/meta-data/": "link-local",
    "http://[fe80::1]/": "link-local",
    "http://[fd00::1]/": "private",
    "https://100.64.0.1/": "non-public",  # carrier-grade NAT: neither private nor public
    "http://[64:ff9b::7f00:1]/": "loopback",  # NAT64 form of 127.0.0.1
    "http://[2002:a00:1::]/": "private",  # 6to4 form of 10.0.0.1
}


@pytest.mark.parametrize("url,kind", list(REFUSED.items()), ids=list(REFUSED))
def test_private_addresses_are_refused_before_connecting(setup, url, kind):
    recorder = Recorder()
    body = ingest(client_for(setup, recorder), url)
    (item,) = body["rejections"]
    assert item["origin"] == url and item["stage"] == "fetch"
    assert "refused" in item["reason"] and kind in item["reason"], item["reason"]
    assert "public addresses" in item["reason"], "the reason says why and what rasid fetches"
    assert recorder.seen == [], "nothing was requested, not even robots.txt"
    assert body["summary"]["ingested"] == 0 and body["summary"]["rejected"] + body["summary"]["skipped"] == 1


def test_other_schemes_are_refused(setup):
    recorder = Recorder()
    body = ingest(client_for(setup, recorder), "file:///etc/passwd", "gopher://127.0.0.1:25/", "ftp://a.news.test/x",
                  "http:///nohost", "not a url")
    assert len(body["rejections"]) == 5 and recorder.seen == []
    assert "only http:// and https://" in body["rejections"][0]["reason"]


def test_a_name_that_resolves_to_loopback_is_refused(setup, resolver):
    resolver["intranet.news.test"] = ["127.0.0.1"]
    resolver["metadata.news.test"] = ["169.254.169.254"]
    resolver["mixed.news.test"] = [PUBLIC_IP, "10.0.0.7"]  # one public and one private address
    recorder = Recorder()
    body = ingest(client_for(setup, recorder), "http://intranet.news.test/a", "http://metadata.news.test/",
                  "http://mixed.news.test/")
    reasons = [r["reason"] for r in body["rejections"]]
    assert len(reasons) == 3
    assert "intranet.news.test resolves to 127.0.0.1, a loopback address" in reasons[0]
    assert "link-local" in reasons[1] and "10.0.0.7" in reasons[2]
    assert recorder.seen == []


def test_unresolvable_name_is_refused_with_its_reason(setup, resolver):
    body = ingest(client_for(setup, Recorder()), "http://nowhere.news.test/")
    assert "does not resolve" in body["rejections"][0]["reason"]


@pytest.mark.parametrize("target", ["http://127.0.0.1:9/admin", "http://169.254.169.254/latest/meta-data/",
                                    "http://intranet.news.test/secret", "http://[::1]/", "/../../private"])
def test_a_redirect_to_a_private_address_is_refused(setup, resolver, target):
    resolver["public.news.test"] = [PUBLIC_IP]
    resolver["intranet.news.test"] = ["192.168.0.10"]
    location = target if target.startswith("http") else "http://localhost" + target
    recorder = Recorder({"http://public.news.test/story": httpx.Response(302, headers={"Location": location})})
    body = ingest(client_for(setup, recorder), "http://public.news.test/story")
    (item,) = body["rejections"]
    assert "refused" in item["reason"] and ("loopback" in item["reason"] or "private" in item["reason"]
                                            or "link-local" in item["reason"]), item["reason"]
    # robots.txt and the first hop on the public name; never the address the redirect points to
    assert recorder.seen == ["http://public.news.test/robots.txt", "http://public.news.test/story"]


def test_a_redirect_between_public_pages_is_followed(setup, resolver):
    resolver["public.news.test"] = [PUBLIC_IP]
    resolver["mirror.news.test"] = [PUBLIC_IP]
    page = article_page().encode("utf-8")
    recorder = Recorder({
        "http://public.news.test/old": httpx.Response(301, headers={"Location": "http://mirror.news.test/new"}),
        "http://mirror.news.test/new": httpx.Response(200, content=page,
                                                      headers={"Content-Type": "text/html; charset=utf-8"}),
    })
    client = client_for(setup, recorder)
    body = ingest(client, "http://public.news.test/old")
    (item,) = body["items"]
    assert item["ok"] and item["article_id"], body
    article = client.get(f"/api/articles/{item['article_id']}").json()["article"]
    assert SENTENCE_1 in article["text"] and article["url"] == "http://mirror.news.test/new"


def test_a_local_server_only_with_allow_private_urls(setup):
    page = article_page(title="المجلس المحلي يرد على العقوبات").encode("utf-8")  # "The local council answers"
    with LocalServer({"/news/7": Route(200, page)}) as srv:
        url = srv.url("/news/7")
        refused = ingest(client_for(setup), url)
        assert refused["rejections"] and "loopback" in refused["rejections"][0]["reason"]
        assert srv.hits == {}, "the default app never connected"
        allowed = client_for(setup, allow_private_urls=True)
        body = ingest(allowed, url)
        (item,) = body["items"]
        assert item["ok"] and item["article_id"] and body["summary"]["ingested"] == 1, body
        assert srv.hits.get("/news/7") == 1
        stored = allowed.get(f"/api/articles/{item['article_id']}").json()["article"]
        assert stored["url"] == url and stored["statements"]
        again = ingest(allowed, url)
        assert again["items"][0]["article_id"] is None and "already stored" in again["items"][0]["note"]
        assert srv.hits.get("/news/7") == 1, "a stored URL is not fetched again"


def test_ingest_body_is_validated(setup):
    client = client_for(setup)
    for body, field in [({"urls": []}, "urls"), ({"urls": ["http://a.news.test/"] * 21}, "urls"),
                        ({"urls": "http://a.news.test/"}, "urls"), ({}, "urls"), ({"urls": [""]}, "urls"),
                        ({"urls": ["http://a.news.test/" + "a" * 2100]}, "urls"),
                        ({"urls": ["http://a.news.test/"], "proxy": "x"}, "proxy")]:
        response = client.post("/api/ingest", json=body, headers=AUTH)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["field"] == field and response.json()["ok"] is False
    blank = ingest(client, "  ")
    assert blank["rejections"][0]["reason"] == "the URL is empty"


# --- one article as text ----------------------------------------------------------------------

# "The foreign minister said on Tuesday that his country rejects the new sanctions" (written for this test)
TEXT = ("أكد وزير الخارجية التركي يوم الثلاثاء أن بلاده ترفض العقوبات الجديدة على سوريا. "
        "وقالت حكومة الإنقاذ إن روسيا قوة احتلال في الشمال السوري.")


def test_ingest_text_stores_one_article(setup):
    client = client_for(setup)
    sent = {"title": "تركيا ترفض العقوبات", "published": "2025-02-03T10:00:00+03:00", "text": TEXT,
            "url": "https://news.example/2025/02/03/turkey"}  # "Turkey rejects the sanctions"
    response = client.post("/api/ingest/text", json=sent, headers=AUTH)
    assert response.status_code == 200, response.text
    body = response.json()
    (item,) = body["items"]
    assert item["ok"] and body["summary"]["ingested"] == 1 and body["rejections"] == []
    article = client.get(f"/api/articles/{item['article_id']}").json()["article"]
    assert article["title"] == sent["title"] and article["published"].startswith("2025-02-03T10:00")
    assert article["url"] == sent["url"] and article["statements"]
    repeat = client.post("/api/ingest/text", json=sent, headers=AUTH).json()
    assert repeat["summary"]["ingested"] == 0 and repeat["items"][0]["ok"]


def test_ingest_text_reports_a_rejection(setup):
    response = client_for(setup).post("/api/ingest/text", json={"title": "news", "text": "This is English text, "
                                                                "not an Arabic news article at all."}, headers=AUTH)
    assert response.status_code == 200
    (item,) = response.json()["rejections"]
    assert item["stage"] == "language" and "Arabic" in item["reason"]


def test_ingest_text_body_is_validated(setup):
    client = client_for(setup)
    for body, field in [({"title": "x"}, "text"), ({"text": ""}, "text"), ({"text": "   "}, "text"),
                        ({"text": TEXT, "published": "yesterday"}, "published"),
                        ({"text": TEXT, "url": "javascript:alert(1)"}, "url"),
                        ({"text": TEXT, "extra": 1}, "extra")]:
        response = client.post("/api/ingest/text", json=body, headers=AUTH)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["field"] == field


def test_issue14_dns_rebinding_cannot_reach_a_private_address(monkeypatch):
    # the name answers a public address to the check and loopback to every later lookup: the
    # fetcher connects to the address it checked (resolved once per connection), so the local
    # server, which would answer on loopback, is never reached
    from rasid.ingest.web import Fetcher

    with LocalServer({"/secret": Route(200, article_page().encode(), {"Content-Type": "text/html"})}) as srv:
        port = int(srv.url("/secret").rsplit(":", 1)[1].split("/", 1)[0])
        answers = iter(["93.184.216.34"])
        real = socket.getaddrinfo

        def rebinding(host, p, *args, **kwargs):
            if host == "rebind.news.test":
                addr = next(answers, "127.0.0.1")
                return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (addr, p or 80))]
            return real(host, p, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", rebinding)
        with Fetcher(**FAST) as fetcher:
            got = fetcher.fetch(f"http://rebind.news.test:{port}/secret")
        assert got.__class__.__name__ == "Rejection" and "loopback" in got.reason, got
        assert "--allow-private" in got.reason
        assert srv.hits.get("/secret", 0) == 0


def test_issue13_a_host_that_does_not_resolve_is_not_called_private(resolver):
    from rasid.ingest.web import Fetcher

    with Fetcher(**FAST) as fetcher:
        got = fetcher.fetch("http://nowhere.news.test/a")
    assert "does not resolve" in got.reason and "private" not in got.reason and "public addresses" not in got.reason


def test_issue14_allow_private_still_connects_through_the_pinned_transport():
    from rasid.ingest.web import Fetcher

    with LocalServer({"/a": Route(200, article_page().encode(), {"Content-Type": "text/html"})}) as srv:
        with Fetcher(allow_private=True, **FAST) as fetcher:
            got = fetcher.fetch(srv.url("/a"))
    assert got.__class__.__name__ == "Fetched" and got.status == 200
