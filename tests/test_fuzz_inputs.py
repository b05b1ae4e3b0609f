"""Short fuzz runs of the readers and extractors: random and damaged input never lets an exception escape.

Scraped text and HTML go to :func:`rasid.extract.extract` (an Article or a RasidError); JSON Lines,
CSV, WARC and feeds go to their readers (Documents and explained Rejections only).
The long run of the same properties is ``fuzz/run_fuzz.py``.
"""

from __future__ import annotations

import json

from fuzz_support import (FEED_LINKS, check_csv, check_extract, check_feed, check_records, check_warc, corrupt, csv_bytes,
                          feed_xml, html_page, record, scrape, sentence, tag_soup, warc_bytes)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasid.model import Document

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
edits = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 16), st.binary(max_size=8)), max_size=4)


@FAST
@given(scrape())
def test_scrape_extraction_never_crashes(text):
    check_extract(Document(origin="fuzz.txt", content=text))


@FAST
@given(scrape(), st.sampled_from(("utf-8", "cp1256", "utf-16", "utf-8-sig")))
def test_scrape_bytes_in_any_encoding(text, encoding):
    check_extract(Document(origin="fuzz.txt", content=text.encode(encoding, errors="replace")))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_page())
def test_html_tag_soup_extraction_never_crashes(page):
    check_extract(Document(origin="fuzz.html", content=page, format="html"))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tag_soup())
def test_html_fragment_as_text_never_crashes(soup):
    check_extract(Document(origin="fuzz.html", content="<html>" + soup, format="text"))


@FAST
@given(st.binary(max_size=400))
def test_jsonl_random_bytes(data):
    check_records(data)


@FAST
@given(st.lists(record(), max_size=4), st.sampled_from(("lines", "array", "broken")))
def test_jsonl_random_records(records, layout):
    if layout == "array":
        data = json.dumps(records, ensure_ascii=False).encode()
    else:
        data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
        if layout == "broken" and data:
            data = data[: len(data) // 2] + b"\n{" + data[len(data) // 2:]
    labels = check_records(data)
    if layout == "lines":
        assert len(labels) == len(records)


@FAST
@given(st.lists(record(), min_size=1, max_size=3))
def test_record_documents_extract_or_reject(records):
    import io

    from rasid.ingest.files import read_records

    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    for item in read_records(io.BytesIO(data), origin="fuzz.jsonl"):
        if isinstance(item, Document):
            check_extract(item)


@FAST
@given(st.binary(max_size=400), st.sampled_from((".csv", ".tsv")))
def test_csv_random_bytes(data, suffix):
    check_csv(data, suffix)


@FAST
@given(st.lists(st.lists(st.one_of(sentence(), st.text(max_size=12)), max_size=6), max_size=5),
       st.lists(st.sampled_from(("text", "title", "published", "url", "id", "body", "", "text")), min_size=1,
                max_size=5),
       st.sampled_from(("utf-8", "utf-8-sig", "cp1256")), st.booleans())
def test_csv_random_rows(rows, header, encoding, mapped):
    labels = check_csv(csv_bytes(rows, header, encoding), ".csv", {"text": "body"} if mapped else None)
    assert len(labels) <= max(len(rows), 1)


_PAGE = ("<html><head><title>عنوان</title></head><body><article><p>قال وزير الخارجية إن الحكومة "
         "ترفض القرار. وأكد أن روسيا تدعم الحل.</p></article></body></html>")  # "The foreign minister said..."


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(("https://news.example/1", "https://news.example/ar/٢")),
                          st.one_of(st.just(_PAGE), html_page()).map(lambda s: s.encode("utf-8")),
                          st.sampled_from(("text/html; charset=utf-8", "text/html", "image/png",
                                           "text/html; charset=windows-1256", "application/xhtml+xml")),
                          st.sampled_from(("200 OK", "404 Not Found", "301 Moved"))), min_size=1, max_size=3),
       st.booleans(), edits)
def test_warc_damaged_archives(pages, gz, damage):
    check_warc(corrupt(warc_bytes(pages, gz), damage), gz)


@FAST
@given(st.binary(max_size=300), st.booleans())
def test_warc_random_bytes(data, gz):
    check_warc(data, gz)


# "http://[::1" is left out: a known crash, see test_fuzz_regressions.py::test_issue_feed_bad_ipv6_link
@FAST
@given(feed_xml(links=tuple(link for link in FEED_LINKS if "[" not in link)))
def test_feed_random_xml(data):
    check_feed(data)


@FAST
@given(st.binary(max_size=300))
def test_feed_random_bytes(data):
    check_feed(data)
