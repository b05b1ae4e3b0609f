"""Files, folders and standard input -> Documents."""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
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
MAX_BYTES = 50 * 1024 * 1024  # one document, after decompression
MAX_LINE_BYTES = 50 * 1024 * 1024  # one JSON Lines record or CSV row
CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    """How much one input may hold, counted while streaming and after decompression: a document
    (a file, a page) and one line of a records file (a JSON Lines record, a CSV row). Over a limit,
    the document or line is rejected, naming the limit and the ``rasid ingest`` flag that raises it;
    memory never holds more than the limit."""

    document_bytes: int = MAX_BYTES
    line_bytes: int = MAX_LINE_BYTES

    def document_reason(self, what: str = "the file") -> str:
        return (f"{what} is over the {self.document_bytes // 2**20} MB limit for one document once decompressed "
                "(--max-document-mb raises it); split it into smaller files")

    def line_reason(self) -> str:
        return (f"the line is over the {self.line_bytes // 2**20} MB limit for one record "
                "(--max-line-mb raises it)")


def read_limited(fh: IO[bytes], limit: int) -> bytes | None:
    """At most ``limit`` bytes of ``fh``, read in chunks; None (having read ``limit + 1``) when there are more."""
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = fh.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            return None


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def iter_documents(paths: Iterable[str | Path], *, stdin: IO[bytes] | None = None,
                   csv_columns: Mapping[str, str] | None = None, allow_private: bool = False,
                   seen: Callable[[str], bool] | None = None, client: Any = None,
                   fetch_options: Mapping[str, Any] | None = None,
                   limits: Limits | None = None) -> Iterator[Document | Rejection]:
    """Documents from files, folders (recursively, sorted), ``-`` (standard input) and web pages.

    By suffix: ``.warc``/``.warc.gz`` are read record by record (:mod:`.warc`),
    ``.csv``/``.tsv`` row by row with ``csv_columns`` as the column mapping
    (:mod:`.csvfile`). An argument starting with ``http://`` or ``https://`` is
    fetched (:mod:`.web`); ``allow_private``, ``seen``, ``client`` and
    ``fetch_options`` (timeout, max_bytes, retries, host_delay...) go to the fetcher.
    """
    fetcher = None
    limits = limits or Limits()
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
                stream = stdin or sys.stdin.buffer
                head = stream.read(4096)
                if _guess_format(head) == "jsonl":  # records are streamed line by line
                    yield from read_records(_Prefixed(head, stream), origin="<stdin>", limits=limits)
                    continue
                rest = read_limited(stream, max(0, limits.document_bytes - len(head)))
                if rest is None:
                    yield Rejection("<stdin>", "read", limits.document_reason("standard input"))
                    continue
                data = head + rest
                yield from _from_bytes("<stdin>", data, _guess_format(data), limits)
                continue
            path = Path(item)
            if path.is_dir():
                for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                    yield from _from_file(child, csv_columns, limits)
            elif path.is_file():
                yield from _from_file(path, csv_columns, limits)
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


def _from_file(path: Path, csv_columns: Mapping[str, str] | None = None,
               limits: Limits | None = None) -> Iterator[Document | Rejection]:
    limits = limits or Limits()
    origin = str(path)
    suffix = _suffix(path)
    gz = path.suffix.lower() == ".gz"
    if suffix in WARC_SUFFIXES:  # streamed record by record, each record bounded
        from .warc import iter_warc

        yield from iter_warc(path)
        return
    if suffix in CSV_SUFFIXES:  # streamed row by row, each row bounded
        from .csvfile import iter_csv

        yield from iter_csv(path, columns=csv_columns, max_line_bytes=limits.line_bytes)
        return
    if suffix in {".jsonl", ".ndjson"}:  # streamed line by line: no limit on the whole file, each line bounded
        try:
            opener = gzip.open if gz else open
            with opener(path, "rb") as fh:
                yield from read_records(fh, origin=origin, limits=limits)
        except (OSError, EOFError, gzip.BadGzipFile, ValueError) as exc:
            yield Rejection(origin, "read", f"the file could not be read: {exc}")
        return
    try:
        if not gz and path.stat().st_size > limits.document_bytes:
            yield Rejection(origin, "read", limits.document_reason())
            return
        with (gzip.open(path, "rb") if gz else open(path, "rb")) as fh:
            data = read_limited(fh, limits.document_bytes)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Rejection(origin, "read", f"the file could not be read: {exc}")
        return
    if data is None:  # (decompression stops at the limit: a small .gz never inflates in memory)
        yield Rejection(origin, "read", limits.document_reason())
        return
    if suffix in RECORD_SUFFIXES:
        fmt = "jsonl"
    elif suffix in HTML_SUFFIXES:
        fmt = "html"
    else:
        fmt = _guess_format(data) if suffix not in TEXT_SUFFIXES else "text"
    yield from _from_bytes(origin, data, fmt, limits)


def _from_bytes(origin: str, data: bytes, fmt: str, limits: Limits | None = None) -> Iterator[Document | Rejection]:
    if fmt == "jsonl":
        yield from read_records(io.BytesIO(data), origin=origin, limits=limits)
    else:
        yield Document(origin=origin, content=data, format="html" if fmt == "html" else "text")


class _Prefixed(io.RawIOBase):
    """A stream that first gives back bytes already read from it (the sniffed head of stdin)."""

    def __init__(self, head: bytes, stream: IO[bytes]):
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        size = -1 if size is None else size
        if self._head:
            if size < 0 or size >= len(self._head):
                out, self._head = self._head, b""
            else:
                out, self._head = self._head[:size], self._head[size:]
            return out
        return self._stream.read(size)

    def readline(self, size: int | None = -1) -> bytes:
        size = -1 if size is None else size
        if self._head:
            cut = self._head.find(b"\n")
            if cut >= 0 and (size < 0 or cut < size):
                out, self._head = self._head[: cut + 1], self._head[cut + 1 :]
                return out
            if 0 <= size <= len(self._head):
                out, self._head = self._head[:size], self._head[size:]
                return out
            out, self._head = self._head, b""
            return out + self._stream.readline(-1 if size < 0 else size - len(out))
        return self._stream.readline(size)


def read_records(stream: IO[bytes], *, origin: str, limits: Limits | None = None) -> Iterator[Document | Rejection]:
    """JSON Lines, streamed: one article a line with ``text`` or ``html``; a JSON object or array also works.

    A line that is not UTF-8, not JSON, not an article or over the line limit is rejected on its
    own (``origin:line``); the other lines go on. A line over the limit is skipped while it is read,
    never held whole. Only a JSON array is read whole (up to the document limit).
    """
    limits = limits or Limits()
    lead = b""
    while True:
        ch = stream.read(1)
        if not ch or ch not in b" \t\r\n\xef\xbb\xbf":
            break
        lead += ch
    if not ch:
        return
    if ch == b"[":
        rest = read_limited(stream, limits.document_bytes)
        if rest is None:
            yield Rejection(origin, "read", limits.document_reason("the JSON array"))
            return
        try:
            items = json.loads((lead + ch + rest).decode("utf-8-sig"))
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
    for lineno, raw in enumerate(_bounded_lines(lead + ch, stream, limits.line_bytes), 1):
        where = f"{origin}:{lineno}"
        if raw is None:
            yield Rejection(where, "read", limits.line_reason())
            continue
        if not raw.strip():
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


def _bounded_lines(first: bytes, stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Lines split on newline bytes only (U+2028 and friends inside JSON strings are not line ends),
    each read with ``readline(limit)``: a longer line is read on to its end in chunks, never held
    whole, and given as None."""
    pending = first
    while True:
        if b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            yield line
            continue
        line = pending + stream.readline(max(1, limit + 1 - len(pending)))
        pending = b""
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the line, a chunk at a time
                rest = stream.readline(CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line[:-1] if line.endswith(b"\n") else line


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
