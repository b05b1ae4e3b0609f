"""Crashes and wrong results found by the fuzzers (tests/test_fuzz_*.py, fuzz/run_fuzz.py), one test each.

A test marked ``xfail(strict=True)`` reproduces a bug that is not fixed yet; when the fix lands the
test passes, the strict xfail turns that into a failure, and the mark must be removed.
"""

from __future__ import annotations

import io
import json

import pytest

from rasid.ingest.files import read_records
from rasid.model import Document, Rejection


def test_issue_jsonl_unicode_line_separator():
    """A JSON string may hold U+2028, U+0085 or U+001C unescaped; JSON Lines split on "\\n" only."""
    # "The minister said" + LINE SEPARATOR + "that the talks go on"
    text = "قال الوزير\u2028إن المحادثات مستمرة\x85 والنتائج\x1c قريبة"
    data = (json.dumps({"text": text, "title": "عنوان"}, ensure_ascii=False) + "\n").encode()
    items = list(read_records(io.BytesIO(data), origin="r.jsonl"))
    assert len(items) == 1 and isinstance(items[0], Document), items
    assert items[0].content == text and items[0].origin == "r.jsonl:1"


def test_issue_feed_bad_ipv6_link():
    from rasid.ingest.feeds import parse_feed

    for feed in (b'<rss version="2.0"><channel><title>t</title><item><title>x</title><link>http://[::1</link>'
                 b'</item><item><link>https://news.example/ok</link></item></channel></rss>',
                 b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://[::1</loc></url>'
                 b'<url><loc>https://news.example/ok</loc></url></urlset>'):
        result = parse_feed(feed, origin="https://news.example/feed.xml")
        assert not isinstance(result, Rejection)
        assert [e.url for e in result] == ["https://news.example/ok"]


@pytest.mark.parametrize("stamp", ["0000-00-00", "0000-00-00T00:00:00Z"])
def test_issue_feed_zero_date(stamp):
    """feedparser reads a zero date as year -1; the entry keeps its URL and has no publication date."""
    from rasid.ingest.feeds import parse_feed

    rss = (f'<rss version="2.0"><channel><item><link>https://news.example/a</link><pubDate>{stamp}</pubDate>'
           f'</item></channel></rss>').encode()
    atom = (f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://news.example/a"/>'
            f'<updated>{stamp}</updated></entry></feed>').encode()
    for data in (rss, atom):
        result = parse_feed(data, origin="https://news.example/feed.xml")
        assert not isinstance(result, Rejection), result
        assert [(e.url, e.published) for e in result] == [("https://news.example/a", None)]


@pytest.mark.parametrize("text, published", [
    ("أمس", "0001-01-01"),  # "yesterday"
    ("قبل 99 أسبوعا", "0002-01-01"),  # "99 weeks ago"
    ("الجمعة الماضي", "0001-01-01"),  # "last Friday"
    ("غدا", "9999-12-31"),  # "tomorrow"
    ("الأسبوع المقبل", "9999-12-25"),  # "next week"
])
def test_issue_dates_overflow_on_extreme_publication_date(text, published):
    """A bogus publication date (a CMS's 0001-01-01) must not make date arithmetic overflow."""
    from datetime import date

    from rasid.when import find_dates

    find_dates(f"قال الوزير {text} إن المحادثات مستمرة", date.fromisoformat(published))


def test_issue_dates_overflow_rejects_the_article(kb):
    """Through the pipeline the overflow rejected a readable article as a 'dates' stage bug."""
    from rasid.model import Article
    from rasid.pipeline import run_many

    # "The foreign minister said yesterday that the talks go on and the results are near."
    text = "قال وزير الخارجية أمس إن المحادثات مستمرة وإن النتائج باتت قريبة من الحل النهائي."
    doc = Document(origin="r.jsonl:1", content=text, format="record",
                   fields={"text": text, "title": "عنوان", "published": "0001-01-01"})
    [result] = list(run_many([doc], kb))
    assert isinstance(result, Article), result


def test_issue_feed_bad_byte_in_encoding_declaration():
    from rasid.ingest.feeds import parse_feed

    data = (b'<?xml version="1.0" encoding="U\x9aTF-8"?><rss version="2.0"><channel>'
            b'<item><link>https://news.example/a</link></item></channel></rss>')
    result = parse_feed(data, origin="https://news.example/feed.xml")
    assert isinstance(result, (list, Rejection))
