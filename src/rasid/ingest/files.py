"""Files, folders and standard input -> Documents."""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..model import Document, Rejection

RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json"}
WARC_SUFFIXES = {".warc"}  # also .warc.gz: the .gz is looked through
CSV_SUFFIXES = {".csv", ".tsv"}
URL_PREFIXES = ("http://", "https://")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ""}
MAX_BYTES = 50 * 1024 * 1024


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def iter_documents(paths: Iterable[str | Path], *, stdin: IO[bytes] | None = None,
                   csv_columns: Mapping[str, str] | None = None, allow_private: bool = False,
                   seen: Callable[[str], bool] | None = None, client: Any = None,
                   fetch_options: Mapping[str, Any] | None = None) -> Iterator[Document | Rejection]:
    """Documents from files, folders (recursively, sorted), ``-`` (standard input) and web pages.

    By suffix: ``.warc``/``.warc.gz`` are read record by record (:mod:`.warc`),
    ``.csv``/``.tsv`` row by row with ``csv_columns`` as the column mapping
    (:mod:`.csvfile`). An argument starting with ``http://`` or ``https://`` is
    fetched (:mod:`.web`); ``allow_private``, ``seen``, ``client`` and
    ``fetch_options`` (timeout, max_bytes, retries, host_delay...) go to the fetcher.
    """
    fetcher = None
    try:
        for item in paths:
            if isinstance(item, str) and item.strip().lower().startswith(URL_PREFIXES):
                if fetcher is None:
                    from .web import Fetcher

                    fetcher = Fetcher(client=client, allow_private=allow_private, **dict(fetch_options or {}))
                from .web import fetch_documents

                yield from fetch_documents([item], seen=seen, fetcher=fetcher)
                continue
            if str(item) == "-":
                data = (stdin or sys.stdin.buffer).read()
                yield from _from_bytes("<stdin>", data, _guess_format(data))
                continue
            path = Path(item)
            if path.is_dir():
                for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                    yield from _from_file(child, csv_columns)
            elif path.is_file():
                yield from _from_file(path, csv_columns)
            else:
                yield Rejection(str(path), "read", "no such file or folder; check the path")
    finally:
        if fetcher is not None:
            fetcher.close()


def _guess_format(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        return "html"
    return "text"


def _from_file(path: Path, csv_columns: Mapping[str, str] | None = None) -> Iterator[Document | Rejection]:
    origin = str(path)
    suffix = _suffix(path)
    if suffix in WARC_SUFFIXES:  # streamed record by record: no size limit
        from .warc import iter_warc

        yield from iter_warc(path)
        return
    if suffix in CSV_SUFFIXES and path.suffix.lower() != ".gz":  # streamed row by row
        from .csvfile import iter_csv

        yield from iter_csv(path, columns=csv_columns)
        return
    if suffix in {".jsonl", ".ndjson"}:  # streamed line by line: no size limit for the whole file
        try:
            opener = gzip.open if path.suffix.lower() == ".gz" else open
            with opener(path, "rb") as fh:
                yield from read_records(fh, origin=origin)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield Rejection(origin, "read", f"the file could not be read: {exc}")
        return
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Rejection(origin, "read", f"the file is {size / 1e6:.0f} MB, over the {MAX_BYTES // 2**20} MB limit; "
                                            "split it or raise rasid.ingest.files.MAX_BYTES")
            return
        data = path.read_bytes()
        if path.suffix.lower() == ".gz":
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Rejection(origin, "read", f"the file could not be read: {exc}")
        return
    suffix = _suffix(path)
    if suffix in RECORD_SUFFIXES:
        fmt = "jsonl"
    elif suffix in HTML_SUFFIXES:
        fmt = "html"
    else:
        fmt = _guess_format(data) if suffix not in TEXT_SUFFIXES else "text"
    yield from _from_bytes(origin, data, fmt)


def _from_bytes(origin: str, data: bytes, fmt: str) -> Iterator[Document | Rejection]:
    if fmt == "jsonl":
        yield from read_records(io.BytesIO(data), origin=origin)
    else:
        yield Document(origin=origin, content=data, format="html" if fmt == "html" else "text")


MAX_LINE_BYTES = 50 * 1024 * 1024


def read_records(stream: IO[bytes], *, origin: str) -> Iterator[Document | Rejection]:
    """JSON Lines, streamed: one article a line with ``text`` or ``html``; a JSON object or array also works.

    A line that is not UTF-8, not JSON or not an article is rejected on its own (``origin:line``);
    the other lines go on. Only a JSON array is read whole.
    """
    head = stream.read(4096)
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if first == b"[":
        data = head + stream.read()
        try:
            items = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            yield Rejection(origin, "read", f"the records file is not valid UTF-8 (byte {exc.start}); "
                                            "JSON must be UTF-8: re-encode it (iconv -f CP1256 -t UTF-8)")
            return
        except json.JSONDecodeError as exc:
            yield Rejection(origin, "read", f"invalid JSON array: {exc.msg} at line {exc.lineno}")
            return
        for i, obj in enumerate(items if isinstance(items, list) else [items], 1):
            yield _record(obj, f"{origin}:{i}")
        return
    lineno = 0
    for raw in _lines(head, stream):
        lineno += 1
        if not raw.strip():
            continue
        where = f"{origin}:{lineno}"
        if len(raw) > MAX_LINE_BYTES:
            yield Rejection(where, "read", f"the line is {len(raw) / 1e6:.0f} MB, over the "
                                           f"{MAX_LINE_BYTES // 2**20} MB limit for one record")
            continue
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Rejection(where, "read", f"line is not valid UTF-8 (byte {exc.start}); JSON Lines must be UTF-8: "
                                           "re-encode the file (iconv -f CP1256 -t UTF-8)")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, "read", f"line is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _record(obj, where)


def _lines(head: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    """Lines split on b"\\n" only (U+2028 and friends inside JSON strings are not line ends)."""
    buffer = head
    while True:
        chunk = stream.read(1 << 20)
        if not chunk:
            break
        buffer += chunk
        *complete, buffer = buffer.split(b"\n")
        yield from complete
    yield from buffer.split(b"\n")


def _record(obj: object, where: str) -> Document | Rejection:
    if not isinstance(obj, dict):
        return Rejection(where, "read", f"a record must be a JSON object, got {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return Rejection(where, "read", "the record has no 'text' or 'html' field with content")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    if isinstance(text, str) and text.strip():
        return Document(origin=where, content=text, format="record", url=url, fields=obj)
    return Document(origin=where, content=html, format="html", url=url, fields=obj)


def decode_bytes(data: bytes, origin: str) -> str:
    """Bytes -> text: strict UTF-8, else the HTML decoder's detection; binary is refused."""
    try:
        from .decode import decode  # charset detection, binary sniffing
    except ImportError:  # pragma: no cover - decode ships with rasid
        decode = None
    if decode is not None:
        return decode(data, origin=origin)
    if b"\x00" in data[:4096]:
        raise InputError("the file is binary, not text", origin=origin, hint="give UTF-8 text, HTML or JSON Lines")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"the file is not valid UTF-8 (byte {exc.start})", origin=origin,
                         hint="re-encode it as UTF-8") from exc
