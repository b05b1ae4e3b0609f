"""WARC and WARC.gz input: HTML responses become Documents, damaged records become Rejections and reading goes on."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from ingest_support import SENTENCE_1, SENTENCE_2, article_page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasid.extract import extract
from rasid.ingest.files import iter_documents
from rasid.ingest.warc import iter_warc
from rasid.model import Document, Rejection

# "The health minister announced new hospitals" / "The opposition warns of the crisis"
TITLES = ("وزير الصحة يعلن مستشفيات جديدة", "المعارضة تحذر من الأزمة", "الحكومة تطلق خطة للمياه")


def _response(writer: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)


def _records(writer: WARCWriter) -> list:
    """Four records: a request, a UTF-8 page, a PNG, a windows-1256 page, then a third page."""
    request = writer.create_warc_record("https://news.example/1", "request", payload=io.BytesIO(
        b"GET /1 HTTP/1.1\r\nHost: news.example\r\n\r\n"),
        http_headers=StatusAndHeaders("GET /1 HTTP/1.1", [("Host", "news.example")], is_http_request=True))
    return [
        request,
        _response(writer, "https://news.example/1", article_page(TITLES[0]).encode(), "text/html; charset=utf-8"),
        _response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "image/png"),
        _response(writer, "https://news.example/2", article_page(TITLES[1], charset=None).encode("cp1256"),
                  "text/html; charset=windows-1256"),
        _response(writer, "https://news.example/3", article_page(TITLES[2]).encode(), "text/html"),
    ]


def _warc(path: Path, gz: bool) -> list[tuple[int, int]]:
    """Write the test archive; returns (start, end) byte ranges of the records."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    ranges = []
    for record in _records(writer):
        start = buf.tell()
        writer.write_record(record)
        ranges.append((start, buf.tell()))
    path.write_bytes(buf.getvalue())
    return ranges


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_html_responses_become_documents(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(path, gz)
    results = list(iter_warc(path))
    assert all(isinstance(r, Document) for r in results)
    assert [r.url for r in results] == ["https://news.example/1", "https://news.example/2", "https://news.example/3"]
    assert [r.origin for r in results] == [f"{path}#record-{n}" for n in (2, 4, 5)]
    assert results[0].fields["warc_record_id"].startswith("<urn:uuid:")
    legacy = results[1]
    assert SENTENCE_1 in legacy.content  # decoded with the archived windows-1256 charset
    article = extract(legacy)
    assert article.title == TITLES[1] and SENTENCE_2 in article.text


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_iter_documents_reads_archives_by_suffix(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(path, gz)
    results = list(iter_documents([tmp_path]))
    assert len(results) == 3 and all(isinstance(r, Document) for r in results)


def test_altered_payload_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "altered.warc"
    _warc(path, gz=False)
    data = path.read_bytes()
    word = SENTENCE_1.encode()
    i = data.index(word)  # inside the first page's payload: same length, other bytes
    data = data[:i] + word.replace("قال".encode(), "قيل".encode(), 1) + data[i + len(word):]
    path.write_bytes(data)
    results = list(iter_warc(path))
    kinds = [(type(r).__name__, r.origin.rsplit("#", 1)[1]) for r in results]
    assert kinds == [("Rejection", "record-2"), ("Document", "record-4"), ("Document", "record-5")]
    assert "digest" in results[0].reason


def test_garbled_record_header_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "garbled.warc"
    ranges = _warc(path, gz=False)
    data = bytearray(path.read_bytes())
    start = ranges[1][0]
    data[start : start + 8] = b"JUNK/9.9"  # the version line of the first page's record
    path.write_bytes(bytes(data))
    results = list(iter_warc(path))
    docs = [r for r in results if isinstance(r, Document)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [d.url for d in docs] == ["https://news.example/2", "https://news.example/3"]
    assert len(rejections) == 1 and "skipped" in rejections[0].reason


def test_damaged_gzip_member_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "damaged.warc.gz"
    ranges = _warc(path, gz=True)
    data = bytearray(path.read_bytes())
    start, end = ranges[1]
    middle = (start + end) // 2
    data[middle : middle + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    results = list(iter_warc(path))
    docs = [r for r in results if isinstance(r, Document)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [d.url for d in docs] == ["https://news.example/2", "https://news.example/3"]
    assert len(rejections) == 1 and rejections[0].stage == "read"


def test_truncated_archive_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    ranges = _warc(path, gz=True)
    start, end = ranges[-1]
    path.write_bytes(path.read_bytes()[: (start + end) // 2])
    results = list(iter_warc(path))
    assert [r.url for r in results if isinstance(r, Document)] == ["https://news.example/1", "https://news.example/2"]
    assert isinstance(results[-1], Rejection) and results[-1].origin.endswith("#record-5")


def test_not_an_archive_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("<html>this is not a WARC file</html>", encoding="utf-8")
    results = list(iter_warc(path))
    assert len(results) == 1 and isinstance(results[0], Rejection)
    gz_path = tmp_path / "fake.warc.gz"
    gz_path.write_bytes(gzip.compress(b"hello, not a warc"))
    results = list(iter_warc(gz_path))
    assert len(results) == 1 and isinstance(results[0], Rejection)


def test_missing_archive_is_rejected(tmp_path: Path) -> None:
    results = list(iter_warc(tmp_path / "none.warc"))
    assert len(results) == 1 and "could not be opened" in results[0].reason
