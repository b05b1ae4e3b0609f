"""Feeds and news sitemaps on a local server: entries -> pages, seen URLs skipped, broken feeds rejected, watch."""

from __future__ import annotations

import gzip

from ingest_support import SENTENCE_1, LocalServer, Route, article_page

from rasid.ingest.feeds import (
    feed_entries,
    fetch_feeds,
    parse_feed,
    store_callbacks,
    watch,
)
from rasid.ingest.web import Fetcher
from rasid.model import Document, Rejection
from rasid.store import open_store

FAST = {"allow_private": True, "host_delay": 0, "backoff": 0, "retries": 0, "timeout": 5}
XML = {"Content-Type": "application/rss+xml; charset=utf-8"}


def _rss(*items: tuple[str, str]) -> bytes:
    body = "".join(f"<item><title>{title}</title><link>{link}</link>"
                   "<pubDate>Sat, 30 Nov 2024 09:15:00 +0300</pubDate></item>" for link, title in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>'  # "news"
            f"<link>https://news.example/</link>{body}</channel></rss>").encode()


def _pages(*paths: str) -> dict[str, Route]:
    return {p: Route(200, article_page(title=f"خبر {p}").encode()) for p in paths}  # "news item <path>"


def test_rss_entries_become_documents_with_feed_fields() -> None:
    with LocalServer({"/rss": Route(200, b"", XML), **_pages("/a/1", "/a/2")}) as srv:
        srv.routes["/rss"] = Route(200, _rss((srv.url("/a/1"), "الأول"), ("/a/2", "الثاني")), XML)  # first, second
        results = list(fetch_feeds([srv.url("/rss")], **FAST))
    assert [type(r).__name__ for r in results] == ["Document", "Document"]
    first, second = results
    assert first.origin == srv.url("/a/1") and second.url == srv.url("/a/2")  # relative link resolved
    assert first.fields["feed"] == srv.url("/rss") and first.fields["feed_title"] == "الأول"
    assert first.fields["feed_published"] == "2024-11-30T06:15:00+00:00"
    assert SENTENCE_1 in first.content


def test_atom_feed() -> None:
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            '<entry><title>خبر</title><link rel="alternate" href="/p/1"/><updated>2024-11-30T10:00:00Z</updated>'
            "<id>urn:x:1</id></entry></feed>").encode()
    entries = parse_feed(atom, origin="https://news.example/atom.xml")
    assert not isinstance(entries, Rejection)
    assert [e.url for e in entries] == ["https://news.example/p/1"]
    assert entries[0].published == "2024-11-30T10:00:00+00:00"


NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>{base}/s/1</loc>
    <news:news><news:publication><news:name>أخبار</news:name><news:language>ar</news:language></news:publication>
      <news:publication_date>2024-11-30T12:15:00+03:00</news:publication_date>
      <news:title>وزير الخارجية يرفض العقوبات</news:title></news:news></url>
  <url><loc>{base}/s/2</loc><lastmod>2024-11-29</lastmod></url>
</urlset>"""


def test_news_sitemap_plain_and_gzipped() -> None:
    with LocalServer(_pages("/s/1", "/s/2")) as srv:
        xml = NEWS_SITEMAP.format(base=srv.url("")).encode()
        srv.routes["/news.xml"] = Route(200, xml, {"Content-Type": "application/xml"})
        srv.routes["/news.xml.gz"] = Route(200, gzip.compress(xml), {"Content-Type": "application/x-gzip"})
        with Fetcher(**FAST) as fetcher:
            plain = list(feed_entries(srv.url("/news.xml"), fetcher=fetcher))
            packed = list(feed_entries(srv.url("/news.xml.gz"), fetcher=fetcher))
        docs = list(fetch_feeds([srv.url("/news.xml")], **FAST))
    assert [e.url for e in plain] == [srv.url("/s/1"), srv.url("/s/2")] == [e.url for e in packed]
    assert plain[0].title == "وزير الخارجية يرفض العقوبات" and plain[0].published == "2024-11-30T12:15:00+03:00"
    assert plain[1].published == "2024-11-29T00:00:00"
    assert all(isinstance(d, Document) for d in docs) and len(docs) == 2


def test_sitemap_index_is_followed() -> None:
    with LocalServer(_pages("/s/1", "/s/2")) as srv:
        srv.routes["/news.xml"] = Route(200, NEWS_SITEMAP.format(base=srv.url("")).encode(),
                                        {"Content-Type": "text/xml"})
        index = (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                 f"<sitemap><loc>{srv.url('/news.xml')}</loc></sitemap>"
                 f"<sitemap><loc>{srv.url('/gone.xml')}</loc></sitemap></sitemapindex>").encode()
        srv.routes["/index.xml"] = Route(200, index, {"Content-Type": "text/xml"})
        with Fetcher(**FAST) as fetcher:
            items = list(feed_entries(srv.url("/index.xml"), fetcher=fetcher))
    assert [i.url for i in items if not isinstance(i, Rejection)] == [srv.url("/s/1"), srv.url("/s/2")]
    assert any(isinstance(i, Rejection) and "404" in i.reason for i in items)


def test_a_feed_that_is_not_xml_is_rejected() -> None:
    routes = {"/page": Route(200, article_page().encode()),
              "/text": Route(200, "هذا ليس خلاصة".encode(), {"Content-Type": "text/plain"}),  # "this is not a feed"
              "/broken": Route(200, b'<?xml version="1.0"?><urlset><url><loc>x</loc></urlset>', XML),
              "/empty": Route(200, b"", XML)}
    with LocalServer(routes) as srv:
        results = list(fetch_feeds([srv.url(p) for p in ("/page", "/text", "/broken", "/empty", "/missing")], **FAST))
    assert all(isinstance(r, Rejection) for r in results) and len(results) == 5
    page, text, broken, empty, missing = results
    assert page.stage == "feed" and "not an RSS/Atom feed or a sitemap" in page.reason
    assert text.stage == "feed"
    assert broken.stage == "feed" and "not well-formed" in broken.reason
    assert empty.stage == "feed" and "empty" in empty.reason
    assert missing.stage == "fetch" and "404" in missing.reason and missing.origin == srv.url("/missing")


def test_entity_declarations_are_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss version="2.0"><channel></channel></rss>'
    result = parse_feed(bomb, origin="f")
    assert isinstance(result, Rejection) and "entities" in result.reason


def test_seen_urls_in_the_store_are_skipped(tmp_path) -> None:
    with open_store(tmp_path / "seen.db") as store, LocalServer(_pages("/a/1", "/a/2")) as srv:
        srv.routes["/rss"] = Route(200, _rss(("/a/1", "one"), ("/a/2", "two")), XML)
        seen, remember = store_callbacks(store)
        first = list(fetch_feeds([srv.url("/rss")], seen=seen, remember=remember, **FAST))
        second = list(fetch_feeds([srv.url("/rss")], seen=seen, remember=remember, **FAST))
        hits = dict(srv.hits)
        assert store.has_url(srv.url("/a/1"))
    assert len(first) == 2 and second == []
    assert hits["/a/1"] == 1 and hits["/rss"] == 2


def test_transient_failures_are_retried_next_round_but_404s_are_not() -> None:
    remembered: dict[str, str] = {}
    with LocalServer({"/a/1": Route(503, b"busy", {"Content-Type": "text/plain"})}) as srv:
        srv.routes["/rss"] = Route(200, _rss(("/a/1", "busy"), ("/a/2", "gone")), XML)
        results = list(fetch_feeds([srv.url("/rss")], seen=remembered.__contains__,
                                   remember=remembered.__setitem__, **FAST))
    assert [type(r).__name__ for r in results] == ["Rejection", "Rejection"]
    assert remembered == {srv.url("/a/2"): "fetch"}


def test_watch_polls_and_yields_only_new_entries() -> None:
    with LocalServer(_pages("/a/1", "/a/2")) as srv:
        srv.routes["/rss"] = Route(200, _rss(("/a/1", "one")), XML)
        waits: list[float] = []

        def sleep(seconds: float) -> None:  # between rounds the site publishes a second story
            waits.append(seconds)
            srv.routes["/rss"] = Route(200, _rss(("/a/2", "two"), ("/a/1", "one")), XML)

        results = list(watch([srv.url("/rss")], interval=60, rounds=2, sleep=sleep, **FAST))
        hits = dict(srv.hits)
    assert [r.origin for r in results] == [srv.url("/a/1"), srv.url("/a/2")]
    assert len(waits) == 1 and 0 < waits[0] <= 60
    assert hits["/rss"] == 2 and hits["/a/1"] == 1
