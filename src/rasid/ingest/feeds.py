"""RSS/Atom feeds and news sitemaps -> article URLs -> pages (through :mod:`.web`).

A feed URL is fetched with the same safe fetcher as pages (robots.txt, private
addresses, size cap). Its body is read as a sitemap when its root element is
``<urlset>`` or ``<sitemapindex>`` (plain or gzipped, Google News ``news:`` tags
understood), else as RSS/Atom with feedparser. feedparser never fetches anything
itself: it only parses the bytes handed to it.

Entry URLs already seen (``seen(url)``, e.g. :meth:`rasid.store.Store.has_url`)
are skipped; fetched ones are reported to ``remember(url, outcome)`` (e.g.
:meth:`rasid.store.Store.remember_url`), except fetches that failed for a
passing reason (timeouts, server errors), which are tried again next round.

The Document of an entry carries ``feed``, ``feed_title``, ``feed_published``
(ISO 8601) and ``feed_category`` (the entry's first ``<category>``) in ``fields``;
these end up in ``Article.metadata`` and do not override what the page itself says
(the feed's category is the article's when the page gives none).
"""

from __future__ import annotations

import calendar
import time
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from ..model import Document, Rejection
from .web import TEXT_TYPES, Fetcher, fetch_documents

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["FeedEntry", "feed_entries", "fetch_feeds", "is_transient", "parse_feed", "store_callbacks", "watch"]

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
               "application/x-gzip;q=0.5, */*;q=0.3")
FEED_TYPES = (*TEXT_TYPES, "application/gzip", "application/x-gzip", "application/octet-stream")
MAX_CHILD_SITEMAPS = 50  # sitemaps followed from one sitemap index
_SNIFF = 4096


@dataclass(frozen=True)
class FeedEntry:
    """One article a feed or sitemap points to."""

    url: str
    title: str | None = None
    published: str | None = None  # ISO 8601
    feed: str = ""
    category: str | None = None  # the entry's first <category> (RSS) or category term (Atom)

    def fields(self) -> dict[str, str]:
        out = {"feed": self.feed}
        if self.title:
            out["feed_title"] = self.title
        if self.category:
            out["feed_category"] = self.category  # the article's category when its page gives none
        if self.published:
            out["feed_published"] = self.published
        return out


def is_transient(rejection: Rejection) -> bool:
    """True for a fetch that failed for a passing reason (timeout, 5xx after retries): try it again later."""
    return rejection.stage == "fetch" and "gave up after" in rejection.reason


def store_callbacks(store: Store) -> tuple[Callable[[str], bool], Callable[[str, str], None]]:
    """``(seen, remember)`` backed by the store's ``seen_urls`` table, for :func:`fetch_feeds` and :func:`watch`."""
    return store.has_url, store.remember_url


# --- parsing ---------------------------------------------------------------------


def _gunzip(data: bytes, limit: int, origin: str) -> bytes | Rejection:
    decompressor = zlib.decompressobj(wbits=47)  # gzip or zlib header
    try:
        out = decompressor.decompress(data, limit + 1)
    except zlib.error as exc:
        return Rejection(origin, "feed", f"the gzipped feed or sitemap is damaged: {exc}")
    if len(out) > limit:
        return Rejection(origin, "feed", f"the feed unpacks to more than {limit // 2**20} MB; it is not a news feed")
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _iso(value: str | None) -> str | None:
    """A W3C/ISO date as ISO 8601 (``2024-11-30`` or ``2024-11-30T12:15:00+03:00``), or None."""
    if not value or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _parse_sitemap(data: bytes, origin: str) -> tuple[list[FeedEntry], list[str]] | Rejection:
    """Entries of a ``<urlset>``, or the child sitemap URLs of a ``<sitemapindex>``."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return Rejection(origin, "feed", f"the sitemap is not well-formed XML: {exc}")
    entries: list[FeedEntry] = []
    children: list[str] = []
    if _local(root.tag) == "sitemapindex":
        for sm in root:
            loc = next((c.text for c in sm if _local(c.tag) == "loc" and c.text), None)
            if loc:
                joined = _join(origin, loc)
                if joined:
                    children.append(joined)
        return entries, children
    for url in root:
        if _local(url.tag) != "url":
            continue
        loc = title = published = lastmod = None
        for child in url:
            name, text = _local(child.tag), (child.text or "").strip()
            if name == "loc" and text:
                loc = text
            elif name == "lastmod" and text:
                lastmod = text
            elif name == "news":  # <news:news><news:publication_date/><news:title/></news:news>
                for item in child:
                    value = (item.text or "").strip()
                    if _local(item.tag) == "title" and value:
                        title = value
                    elif _local(item.tag) == "publication_date" and value:
                        published = value
        joined = _join(origin, loc) if loc else None
        if joined:
            entries.append(FeedEntry(joined, title, _iso(published or lastmod), origin))
    return entries, children


def _join(origin: str, url: str) -> str | None:
    """An entry's absolute URL, or None for a malformed one (http://[::1) — that entry is skipped."""
    try:
        return urljoin(origin, url.strip())
    except ValueError:
        return None


def _entry_url(entry: Any) -> str | None:
    link = entry.get("link")
    if link:
        return str(link)
    for candidate in entry.get("links", []):
        if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
            return str(candidate["href"])
    return None


def _parse_rss(data: bytes, origin: str) -> list[FeedEntry] | Rejection:
    import feedparser

    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except (UnicodeDecodeError, ValueError, LookupError) as exc:
        return Rejection(origin, "feed", f"the feed cannot be decoded ({type(exc).__name__}: {exc}); "
                                         "check its XML encoding declaration")
    if not parsed.get("version"):
        why = parsed.get("bozo_exception")
        return Rejection(origin, "feed", "not an RSS/Atom feed or a sitemap"
                         + (f" ({type(why).__name__}: {why})" if why else "")
                         + "; check the feed URL (is it the site's page rather than its feed?)")
    if parsed.get("bozo") and not parsed.entries:
        return Rejection(origin, "feed", f"the feed is broken and has no readable entries: "
                                         f"{parsed.get('bozo_exception')}")
    entries = []
    for entry in parsed.entries:
        url = _entry_url(entry)
        if not url:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = (datetime.fromtimestamp(calendar.timegm(stamp), UTC).isoformat()
                     if stamp and 1 < stamp.tm_year < 9999 else None)  # feedparser gives year -1 for 0000-00-00
        joined = _join(origin, url)
        if joined:
            entries.append(FeedEntry(joined, (entry.get("title") or "").strip() or None, published, origin,
                                     _entry_category(entry)))
    return entries


def _entry_category(entry: Any) -> str | None:
    """An RSS ``<category>`` or Atom ``<category term label>`` of a feedparser entry, the first one."""
    for tag in entry.get("tags") or ():
        value = (tag.get("label") or tag.get("term") or "").strip()
        if value:
            return value
    return None


def parse_feed(data: bytes, *, origin: str, max_bytes: int = 10 * 1024 * 1024) -> list[FeedEntry] | Rejection:
    """The entries of an RSS/Atom feed or a (news) sitemap given as bytes; a Rejection says why there are none.

    A sitemap index gives no entries here (see :func:`feed_entries`, which follows it).
    """
    result = _parse_any(data, origin, max_bytes)
    return result if isinstance(result, Rejection) else result[0]


def _parse_any(data: bytes, origin: str, max_bytes: int) -> tuple[list[FeedEntry], list[str]] | Rejection:
    if data[:2] == b"\x1f\x8b":
        unpacked = _gunzip(data, max_bytes, origin)
        if isinstance(unpacked, Rejection):
            return unpacked
        data = unpacked
    if not data.strip():
        return Rejection(origin, "feed", "the feed is empty")
    head = data[:_SNIFF]
    if b"<!ENTITY" in head.upper():
        return Rejection(origin, "feed", "the feed declares XML entities; rasid refuses them (entity expansion attacks)")
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _parse_sitemap(data, origin)
    rss = _parse_rss(data, origin)
    return rss if isinstance(rss, Rejection) else (rss, [])


# --- fetching --------------------------------------------------------------------


def feed_entries(feed_url: str, *, fetcher: Fetcher) -> Iterator[FeedEntry | Rejection]:
    """Fetch one feed or sitemap and yield its entries (a sitemap index is followed one level deep)."""
    got = fetcher.fetch(feed_url, accept=FEED_ACCEPT, types=FEED_TYPES)
    if isinstance(got, Rejection):
        yield Rejection(feed_url, got.stage if got.stage != "read" else "feed", got.reason)
        return
    parsed = _parse_any(got.content, got.final_url, fetcher.max_bytes)
    if isinstance(parsed, Rejection):
        yield Rejection(feed_url, parsed.stage, parsed.reason)
        return
    entries, children = parsed
    yield from entries
    for child in children[:MAX_CHILD_SITEMAPS]:
        sub = fetcher.fetch(child, accept=FEED_ACCEPT, types=FEED_TYPES)
        if isinstance(sub, Rejection):
            yield sub
            continue
        sub_parsed = _parse_any(sub.content, sub.final_url, fetcher.max_bytes)
        if isinstance(sub_parsed, Rejection):
            yield Rejection(child, sub_parsed.stage, sub_parsed.reason)
            continue
        yield from sub_parsed[0]  # an index inside an index is not followed


def fetch_feeds(feeds: Iterable[str], *, seen: Callable[[str], bool] | None = None,
                remember: Callable[[str, str], None] | None = None, client: Any = None,
                allow_private: bool = False, workers: int = 1, fetcher: Fetcher | None = None,
                **options: Any) -> Iterator[Document | Rejection]:
    """One pass over ``feeds``: the Documents of entries not seen before, and Rejections.

    A feed that cannot be fetched or parsed yields one Rejection (``stage="feed"``
    when it is not a feed, ``"fetch"`` when it could not be fetched). ``options``
    go to :class:`~rasid.ingest.web.Fetcher`.
    """
    own = fetcher is None
    fetcher = fetcher or Fetcher(client=client, allow_private=allow_private, **options)
    try:
        for feed_url in feeds:
            urls: list[str] = []
            fields: dict[str, dict[str, str]] = {}
            for item in feed_entries(feed_url, fetcher=fetcher):
                if isinstance(item, Rejection):
                    yield item
                    continue
                if item.url in fields or (seen is not None and seen(item.url)):
                    continue
                urls.append(item.url)
                fields[item.url] = item.fields()
            for result in fetch_documents(urls, fetcher=fetcher, fields=fields, workers=workers, seen=seen):
                if remember is not None and not (isinstance(result, Rejection) and is_transient(result)):
                    outcome = "document" if isinstance(result, Document) else result.stage
                    remember(result.origin, outcome)
                    if isinstance(result, Document) and result.url and result.url != result.origin:
                        remember(result.url, outcome)
                yield result
    finally:
        if own:
            fetcher.close()


def watch(feeds: Iterable[str], *, interval: float, rounds: int | None = None,
          seen: Callable[[str], bool] | None = None, remember: Callable[[str, str], None] | None = None,
          client: Any = None, allow_private: bool = False, workers: int = 1,
          sleep: Callable[[float], None] = time.sleep, **options: Any) -> Iterator[Document | Rejection]:
    """Poll ``feeds`` every ``interval`` seconds, yielding new pages as they appear.

    ``rounds`` bounds the number of passes (None: forever, until the consumer stops
    iterating). URLs fetched in an earlier round are skipped even without a
    ``seen`` callback. The wait counts from the start of a round, so a slow round
    does not push the next one further back.
    """
    feed_list = list(feeds)
    fetched: set[str] = set()

    def seen_any(url: str) -> bool:
        return url in fetched or (seen is not None and seen(url))

    def remember_all(url: str, outcome: str) -> None:
        fetched.add(url)
        if remember is not None:
            remember(url, outcome)

    with Fetcher(client=client, allow_private=allow_private, **options) as fetcher:
        done = 0
        while rounds is None or done < rounds:
            started = time.monotonic()
            yield from fetch_feeds(feed_list, seen=seen_any, remember=remember_all, workers=workers, fetcher=fetcher)
            done += 1
            if rounds is not None and done >= rounds:
                return
            wait = interval - (time.monotonic() - started)
            if wait > 0:
                sleep(wait)
