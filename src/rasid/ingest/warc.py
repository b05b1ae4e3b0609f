"""WARC and WARC.gz archives -> Documents, one record at a time (warcio).

Only ``response`` records whose HTTP payload is HTML (or XHTML) become Documents;
requests, metadata, ``revisit`` and non-HTML responses (images, scripts, PDFs) are
passed over quietly. Each Document is decoded with the charset of the archived
HTTP headers, so a windows-1256 page keeps its letters.

A damaged archive does not stop the batch: a record that cannot be parsed, whose
payload digest does not match, or whose compressed member is broken becomes a
Rejection (``path#record-N``), and reading resumes at the next record boundary
found in the file.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..model import Document, Rejection
from .decode import decode

__all__ = ["MAX_RECORD_BYTES", "iter_warc"]

MAX_RECORD_BYTES = 10 * 1024 * 1024  # an HTML payload bigger than this is not a news page
_SCAN_BLOCK = 1024 * 1024
_WARC_MARK = b"WARC/1."
_GZIP_MARK = b"\x1f\x8b\x08"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(value: str | None) -> tuple[str, str | None]:
    from email.message import Message

    if not value:
        return "", None
    msg = Message()
    msg["content-type"] = value
    charset = msg.get_param("charset")
    return msg.get_content_type(), (str(charset) if charset else None)


def _is_gzip(fh: IO[bytes]) -> bool:
    pos = fh.tell()
    head = fh.read(2)
    fh.seek(pos)
    return head == b"\x1f\x8b"


def _next_boundary(fh: IO[bytes], start: int, gz: bool) -> int | None:
    """The offset of the next record start at or after ``start``: a gzip member header, or
    ``WARC/1.`` at the start of a line. None when there is none."""
    mark = _GZIP_MARK if gz else b"\n" + _WARC_MARK
    skip = 0 if gz else 1  # the match of "\nWARC/1." starts one byte before the record
    fh.seek(max(start - skip, 0))
    base = fh.tell()
    tail = b""
    while True:
        block = fh.read(_SCAN_BLOCK)
        if not block:
            return None
        data = tail + block
        i = data.find(mark)
        if i >= 0:
            return base - len(tail) + i + skip
        tail = data[-len(mark) :]
        base += len(block)


def iter_warc(path: str | Path, *, max_record_bytes: int = MAX_RECORD_BYTES) -> Iterator[Document | Rejection]:
    """Documents from the HTML responses of a ``.warc`` or ``.warc.gz`` file, streamed.

    ``origin`` is ``path#record-N`` (N counts every record from 1, as ``warcio index``
    lists them); ``url`` is the record's ``WARC-Target-URI``. ``fields`` carries
    ``warc_date`` and ``warc_record_id`` when present.
    """
    from warcio.archiveiterator import ArchiveIterator

    name = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, the generator owns it
    except OSError as exc:
        yield Rejection(name, "read", f"the archive could not be opened: {exc.strerror or exc}")
        return
    with fh:
        gz = _is_gzip(fh)
        number = 0
        start = 0
        while True:
            fh.seek(start)
            iterator = ArchiveIterator(fh, check_digests="raise")
            record_start = start
            failed = False
            while True:
                try:
                    record = next(iterator)
                except StopIteration:
                    break
                except Exception as exc:  # noqa: BLE001 - warcio raises many types for damaged input
                    number += 1
                    yield Rejection(f"{name}#record-{number}", "read", _damage(exc, record_start, gz))
                    failed = True
                    break
                number += 1
                record_start = iterator.offset
                origin = f"{name}#record-{number}"
                if record.format != "warc":  # warcio reads any 5-word line as an old ARC header
                    yield Rejection(origin, "read", _damage(ValueError("no WARC/1.x header line"), record_start, gz))
                    failed = True
                    break
                try:
                    doc = _document(record, origin, max_record_bytes)
                    iterator.read_to_end()
                except Exception as exc:  # noqa: BLE001 - a payload that breaks mid-read (gzip, chunks, digest)
                    yield Rejection(origin, "read", _damage(exc, record_start, gz))
                    failed = True
                    break
                missing = getattr(record.raw_stream, "limit", 0) or 0
                if missing > 0:
                    yield Rejection(origin, "read", f"record at byte {record_start} is cut short: {missing} of its "
                                                    f"{record.length} bytes are missing (was the archive copied "
                                                    "completely?)")
                    return
                record_start = iterator.offset
                if doc is not None:
                    yield doc
            if not failed:
                return
            resume = _next_boundary(fh, record_start + 1, gz)
            if resume is None:
                return
            start = resume


def _damage(exc: BaseException, offset: int, gz: bool) -> str:
    what = type(exc).__name__
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else what
    if isinstance(exc, zlib.error) or "gzip" in detail.lower():
        why = "its compressed data is damaged"
    elif "digest" in detail.lower():
        why = "its payload does not match its recorded digest (the bytes were altered or cut)"
    else:
        why = "it is not a valid WARC record"
    return (f"record at byte {offset} skipped: {why} ({what}: {detail[:200]}); "
            f"reading went on at the next {'gzip member' if gz else 'WARC/1. header'}")


def _document(record: Any, origin: str, max_bytes: int) -> Document | Rejection | None:
    if record.rec_type != "response":
        return None
    headers = record.http_headers
    if headers is None:
        return None
    ctype, charset = _content_type(headers.get_header("Content-Type"))
    if ctype not in _HTML_TYPES:
        return None
    target = record.rec_headers.get_header("WARC-Target-URI")
    status = headers.get_statuscode()
    if status and not status.startswith("2"):
        return Rejection(origin, "read", f"the archived response for {target} is HTTP {status}, not a page")
    stream = record.content_stream()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Rejection(origin, "read", f"the archived page {target} is over the {max_bytes // 2**20} MB limit; "
                                         "it is not a news article")
    try:
        text = decode(data, origin=origin, http_charset=charset)
    except InputError as exc:
        return Rejection(origin, "read", exc.reason + (f" ({exc.hint})" if exc.hint else ""))
    fields = {k: v for k, v in (("warc_date", record.rec_headers.get_header("WARC-Date")),
                                ("warc_record_id", record.rec_headers.get_header("WARC-Record-ID"))) if v}
    return Document(origin=origin, content=text, format="html", url=target, fields=fields)
