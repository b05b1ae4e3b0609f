"""Bytes -> text for scraped pages and files, with Arabic legacy encodings in mind.

The order of evidence follows what browsers do, with one bias for Arabic news:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) wins outright;
2. the charset the HTTP server declared (``Content-Type: ...; charset=``);
3. ``<meta charset>`` or ``<meta http-equiv="Content-Type">`` in the first 4 KB;
4. strict UTF-8;
5. statistical detection with ``charset-normalizer``.

A declared charset is only used when the bytes decode under it without error:
old Arabic sites often declare UTF-8 (or Latin-1) and serve windows-1256. A
declared Western single-byte charset (Latin-1, windows-1252, ASCII) never fails
to decode, so it is ignored when the bytes are valid UTF-8 or look like an
Arabic code page.

Binary input (PDF, images, archives, anything with NUL bytes or many control
characters) is refused with :class:`~rasid.errors.InputError`.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

__all__ = ["decode", "looks_binary", "sniff_binary"]

_SAMPLE = 8192  # bytes inspected by the binary sniffer
_META_WINDOW = 4096  # bytes searched for a <meta> charset declaration
_CONTROL_RATIO = 0.05  # more control characters than this in the sample means binary

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # must precede UTF-16 LE (same first two bytes)
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# (magic prefix, offset, human name, how to get text out of it)
_MAGIC: tuple[tuple[bytes, int, str, str], ...] = (
    (b"%PDF-", 0, "a PDF document", "convert it to text first, e.g. with `pdftotext`"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image", "images hold no text; run OCR first if it is a scan"),
    (b"\xff\xd8\xff", 0, "a JPEG image", "images hold no text; run OCR first if it is a scan"),
    (b"GIF87a", 0, "a GIF image", "images hold no text"),
    (b"GIF89a", 0, "a GIF image", "images hold no text"),
    (b"RIFF", 0, "a RIFF (WebP/WAV/AVI) file", "media files hold no text"),
    (b"PK\x03\x04", 0, "a ZIP archive (or DOCX/XLSX/EPUB)", "unzip it, or export the document as text/HTML"),
    (b"PK\x05\x06", 0, "an empty ZIP archive", "unzip it, or export the document as text/HTML"),
    (b"\x1f\x8b", 0, "a GZIP-compressed file", "decompress it first (`gunzip`), or read .warc.gz files as WARC"),
    (b"BZh", 0, "a BZIP2-compressed file", "decompress it first (`bunzip2`)"),
    (b"\xfd7zXZ\x00", 0, "an XZ-compressed file", "decompress it first (`unxz`)"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive", "extract it first"),
    (b"Rar!\x1a\x07", 0, "a RAR archive", "extract it first"),
    (b"\x28\xb5\x2f\xfd", 0, "a Zstandard-compressed file", "decompress it first (`unzstd`)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "a legacy Office document (DOC/XLS)", "save it as text or HTML first"),
    (b"SQLite format 3\x00", 0, "an SQLite database", "export the articles to JSONL or CSV first"),
    (b"\x7fELF", 0, "an executable (ELF)", "this is not a document"),
    (b"MZ\x90\x00", 0, "an executable (PE)", "this is not a document"),
    (b"OggS", 0, "an Ogg media file", "media files hold no text"),
    (b"ID3", 0, "an MP3 audio file", "media files hold no text"),
    (b"ftyp", 4, "an MP4/MOV media file", "media files hold no text"),
)

_WEAK_LABELS = {"ascii", "latin_1", "cp1252", "iso8859_15"}  # never fail, often wrong
_ARABIC_CODECS = ("cp1256", "iso8859_6")
_META_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)""",
    re.IGNORECASE,
)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_DECODE_HINT = (
    "convert the file to UTF-8 (e.g. `iconv -f windows-1256 -t utf-8`) "
    "or pass the right charset explicitly"
)


def sniff_binary(data: bytes) -> str | None:
    """Say why ``data`` looks binary (a human-readable reason), or ``None`` if it looks like text."""
    if not data:
        return None
    for bom, _ in _BOMS:
        if data.startswith(bom):
            return None  # UTF-16/32 text legitimately holds NUL bytes
    for magic, offset, name, _ in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return f"looks like {name}"
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return f"contains NUL bytes (first at byte {sample.index(0)})"
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B)) + sample.count(0x7F)
    if controls / len(sample) > _CONTROL_RATIO:
        return f"{controls} of its first {len(sample)} bytes are control characters"
    return None


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is a known binary format or does not look like text at all."""
    return sniff_binary(data) is not None


def _binary_hint(data: bytes) -> str:
    for magic, offset, _, hint in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return hint
    return "rasid reads text, HTML, JSONL/CSV and WARC; if this is UTF-16 text without a BOM, convert it to UTF-8"


def _codec_name(label: str | None) -> str | None:
    """The Python codec name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    # WHATWG: these labels mean windows-1252 / windows-1256 in practice
    aliases = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
               "x-user-defined": "cp1252", "arabic": "iso8859_6", "iso-8859-6-i": "iso8859_6",
               "iso-8859-6-e": "iso8859_6", "x-mac-arabic": "mac_arabic"}
    label = aliases.get(label, label)
    try:
        return codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None


def _arabic_share(text: str) -> float:
    """Share of Arabic letters among the non-ASCII characters of ``text``."""
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    if not non_ascii:
        return 0.0
    return len(_ARABIC_LETTER.findall(text)) / non_ascii


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared(data: bytes, codec: str | None) -> str | None:
    """Decode with a declared charset if the bytes agree with the declaration."""
    if codec is None:
        return None
    if codec == "utf_8" or codec == "utf_8_sig":
        return _strict(data, "utf-8-sig")
    if not data.isascii() and _strict(data, "utf-8") is not None:
        # Non-ASCII bytes that form valid UTF-8 are UTF-8: a long text in a
        # legacy code page practically never is, and servers often mislabel.
        return None
    if codec in _WEAK_LABELS and not data.isascii() and _detect_arabic(data) is not None:
        # A Western single-byte label decodes anything; do not trust it over
        # bytes that read cleanly as Arabic.
        return None
    return _strict(data, codec)


def _meta_charset(data: bytes) -> str | None:
    match = _META_RE.search(data[:_META_WINDOW])
    return _codec_name(match.group(1).decode("ascii", "ignore")) if match else None


def _detect_arabic(data: bytes) -> str | None:
    """Decode as an Arabic code page when that clearly yields Arabic text."""
    best: tuple[float, str] | None = None
    for codec in _ARABIC_CODECS:
        text = _strict(data, codec)
        if text is None:
            continue
        share = _arabic_share(text)
        if share >= 0.8 and (best is None or share > best[0]):
            best = (share, text)
    return best[1] if best else None


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is not None:
        text = str(match)
        # On short samples the detector may pick a Cyrillic or Thai code page
        # for Arabic bytes; prefer an Arabic reading that is clearly Arabic.
        if _arabic_share(text) < 0.5:
            arabic = _detect_arabic(data)
            if arabic is not None:
                return arabic
        return text
    return _detect_arabic(data)


def decode(data: bytes, *, origin: str, http_charset: str | None = None) -> str:
    """Decode a page or file to text.

    ``origin`` names the document in errors. ``http_charset`` is the charset the
    server declared, if any. Raises :class:`InputError` for empty or binary data
    and for bytes no known encoding can read.
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not data:
        raise InputError("the document is empty (0 bytes)", origin=origin,
                         hint="check that the download or file copy succeeded")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    reason = sniff_binary(data)
    if reason is not None:
        raise InputError(f"not a text document: it {reason}", origin=origin, hint=_binary_hint(data))

    for codec in (_codec_name(http_charset), _meta_charset(data)):
        text = _declared(data, codec)
        if text is not None:
            return text
    text = _strict(data, "utf-8")
    if text is not None:
        return text
    text = _detect(data)
    if text is not None:
        return text
    raise InputError("cannot decode the document: it is not UTF-8 and no encoding could be detected",
                     origin=origin, hint=_DECODE_HINT)
