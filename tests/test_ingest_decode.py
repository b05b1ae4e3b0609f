"""Bytes -> text: BOMs, declared charsets, Arabic legacy code pages, binary refusal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rasid.errors import InputError
from rasid.ingest.decode import decode, looks_binary

FIXTURE = Path(__file__).parent / "fixtures" / "html" / "news_water_plan.html"

# "The minister of water resources said the government will launch a plan to rationalise consumption."
SENTENCE = "قال وزير الموارد المائية إن الحكومة ستطلق خطة لترشيد الاستهلاك في المدن الكبرى."


def _page(charset: str | None) -> str:
    """The fixture page without its comment gloss, declaring ``charset`` (or nothing)."""
    page = re.sub(r"<!--.*?-->", "", FIXTURE.read_text(encoding="utf-8"), flags=re.DOTALL)
    page = page.replace("©", "(c)")  # ISO-8859-6 has no copyright sign
    meta = f'<meta charset="{charset}">' if charset else ""
    return page.replace('<meta charset="utf-8">', meta)


def test_utf8_page() -> None:
    page = _page("utf-8")
    assert decode(page.encode("utf-8"), origin="p.html") == page


@pytest.mark.parametrize("codec, label", [("cp1256", "windows-1256"), ("iso-8859-6", "iso-8859-6")])
def test_arabic_code_page_declared_in_meta(codec: str, label: str) -> None:
    page = _page(label)
    assert decode(page.encode(codec), origin="p.html") == page


@pytest.mark.parametrize("codec", ["cp1256", "iso-8859-6"])
def test_arabic_code_page_detected_without_declaration(codec: str) -> None:
    page = _page(None)
    assert decode(page.encode(codec), origin="p.html") == page


@pytest.mark.parametrize("codec", ["cp1256", "iso-8859-6"])
def test_short_arabic_sentence_detected(codec: str) -> None:
    assert decode(SENTENCE.encode(codec), origin="s.txt") == SENTENCE


def test_http_charset_is_used() -> None:
    page = _page(None)
    assert decode(page.encode("cp1256"), origin="u", http_charset="windows-1256") == page


def test_wrong_declarations_are_overruled_by_the_bytes() -> None:
    page = _page(None)
    # server says UTF-8 but sends windows-1256
    assert decode(page.encode("cp1256"), origin="u", http_charset="utf-8") == page
    # server says Latin-1 (which decodes anything) but sends windows-1256
    assert decode(page.encode("cp1256"), origin="u", http_charset="iso-8859-1") == page
    # page says windows-1256 but is valid UTF-8
    declared = _page("windows-1256")
    assert decode(declared.encode("utf-8"), origin="u") == declared


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_mark_wins(codec: str) -> None:
    data = SENTENCE.encode(codec)  # these codecs write a BOM
    assert decode(data, origin="bom.txt", http_charset="windows-1256") == SENTENCE


@pytest.mark.parametrize("data, word", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "GZIP"),
    (b"<html>\x00\x00\x00 text", "NUL"),
    (bytes([1, 2, 3, 4, 5, 6, 0x41]) * 50, "control characters"),
])
def test_binary_data_is_refused(data: bytes, word: str) -> None:
    assert looks_binary(data)
    with pytest.raises(InputError) as info:
        decode(data, origin="upload.bin")
    message = str(info.value)
    assert "upload.bin" in message and word in message
    assert info.value.hint  # says how to fix it


def test_text_is_not_binary() -> None:
    assert not looks_binary(SENTENCE.encode("utf-8"))
    assert not looks_binary(SENTENCE.encode("cp1256"))
    assert not looks_binary(SENTENCE.encode("utf-16"))  # NUL bytes, but a BOM
    assert not looks_binary(b"line one\r\n\tline two\n")


def test_empty_data_is_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        decode(b"", origin="empty.html")


def test_undecodable_data_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasid.ingest.decode as module

    monkeypatch.setattr(module, "_detect", lambda data: None)
    with pytest.raises(InputError) as info:
        decode(b"\xd8\xa7\xff\xfe\x81 abc", origin="odd.txt")
    assert "odd.txt" in str(info.value) and "decode" in str(info.value)
    assert "UTF-8" in (info.value.hint or "")


def test_bytearray_is_accepted() -> None:
    assert decode(bytearray(SENTENCE.encode()), origin="b") == SENTENCE

