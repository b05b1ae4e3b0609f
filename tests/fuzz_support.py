"""Strategies and property checks shared by the short fuzz tests and the long run in ``fuzz/run_fuzz.py``.

Every ``check_*`` function takes one generated input, runs the code under test and asserts the
property; it returns a short label of the outcome (``"ok"``, or ``"rejected:<stage>:<reason>"``)
so the long run can count rejections by reason. A check raises only when a property is broken or
the code under test let an exception escape.

The Arabic words below are written for these tests (common news vocabulary, facts of the language).
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import strategies as st

from rasid.model import Article, Document, Rejection, Span

# ----------------------------------------------------------------------------- vocabulary

# reporting verbs, speakers, targets and function words: "said", "confirmed", "the minister", "Russia"...
WORDS = (
    "قال", "أكد", "أكدت", "وذكر", "أن", "إن", "وزير", "الخارجية", "الحكومة", "روسيا", "موسكو", "تركيا",
    "المعارضة", "الرئيس", "بيان", "في", "من", "على", "عن", "إلى", "وفق", "بحسب", "نقلًا", "المتحدث", "باسم",
    "الجيش", "الشعب", "ضد", "يدعم", "يرفض", "أدان", "رحب", "هيئة", "تحرير", "الشام", "حكومة", "الإنقاذ",
    "إدارة", "الشؤون", "السياسية", "الأمم", "المتحدة", "مؤتمر", "صحفي", "لوكالة", "الأنباء", "هو", "هي",
)
# date vocabulary: "yesterday", "today", "Friday", months (Levantine, Egyptian, Maghrebi, Hijri), "ago", "weeks"...
DATE_WORDS = (
    "أمس", "اليوم", "البارحة", "الجمعة", "السبت", "الأحد", "الاثنين", "يوم", "قبل", "منذ", "بعد", "أسبوعين",
    "أيام", "شهر", "الماضي", "المقبل", "الجاري", "عام", "سنة", "كانون الثاني", "تشرين الثاني", "نوفمبر",
    "يناير", "جانفي", "ماي", "آب", "مارس", "رمضان", "شوال", "صفر", "محرم", "هـ", "م", "مطلع", "أواخر",
    "منتصف", "مساء", "صباح", "الحادي", "عشر", "ثلاثة", "2024", "1445", "29", "٢٩", "2099", "1900", "31",
    "0", "12/11/2024", "2024-02-30", "من", "في",
)
ODD = ("\u0640", "\u064b", "\u064e", "\u0651", "\u0670", "\u200c", "\u200f", "\ufeff", "ﻻ", "ﺍ", "ﷲ", "«", "»",
       "“", "”", "،", "؛", "؟", ".", "!", "…", ":", "(", ")", "\\", "\t", "\r", "\u2028", "\x0b", "\x00", "🙂",
       "x", "A", "١", "۴", "\u061c", "ـــ", "  ")

arabic_char = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
any_char = st.characters(codec="utf-8")  # no lone surrogates: text a file could hold
token = st.one_of(st.sampled_from(WORDS), st.sampled_from(DATE_WORDS), st.sampled_from(ODD),
                  st.text(arabic_char, min_size=1, max_size=6), st.text(any_char, min_size=1, max_size=3))


@st.composite
def arabic_text(draw, min_tokens: int = 0, max_tokens: int = 60) -> str:
    """Arabic-ish text: words, date expressions, marks and noise joined by spaces and line breaks."""
    tokens = draw(st.lists(token, min_size=min_tokens, max_size=max_tokens))
    seps = draw(st.lists(st.sampled_from((" ", " ", " ", "\n", "\n\n", "", ". ", "، ")),
                         min_size=len(tokens), max_size=len(tokens)))
    return "".join(t + s for t, s in zip(tokens, seps))


@st.composite
def sentence(draw) -> str:
    """A plausible reported-speech sentence with some noise."""
    speaker = draw(st.sampled_from(("وزير الخارجية", "الحكومة", "المتحدث باسم الجيش", "هيئة تحرير الشام", "الرئيس")))
    cue = draw(st.sampled_from(("قال", "أكد", "أكدت", "وذكر", "أدان", "رحب", "بحسب", "وفق")))
    body = draw(arabic_text(max_tokens=15))
    end = draw(st.sampled_from((".", "؟", "!", "", ".»", ":")))
    if draw(st.booleans()):
        return f"{cue} {speaker} أن {body}{end}"
    return f"{speaker} «{body}»{end}"


# ----------------------------------------------------------------------------- scrapes and HTML

@st.composite
def scrape(draw) -> str:
    """A raw scrape: title, date/time bullets, captions with credits, body, related lists, footer."""
    lines = [draw(arabic_text(max_tokens=10))]
    kinds = st.sampled_from(("date", "time", "caption", "body", "body", "body", "related", "more", "noise", "blank"))
    for kind in draw(st.lists(kinds, max_size=14)):
        if kind == "date":
            y, m, d = draw(st.integers(0, 9999)), draw(st.integers(0, 13)), draw(st.integers(0, 32))
            lines.append(draw(st.sampled_from((f"• {y}/{m}/{d}", f"{d}-{m}-{y}", f"• {y}.{m:02d}.{d:02d}"))))
        elif kind == "time":
            lines.append(f"• {draw(st.integers(0, 30))}:{draw(st.integers(0, 99)):02d} "
                         f"{draw(st.sampled_from(('م', 'ص', 'PM', 'am', '')))}")
        elif kind == "caption":
            lines.append(f"{draw(arabic_text(max_tokens=8))} ({draw(arabic_text(max_tokens=4))} \\ وكالة)")
        elif kind == "body":
            lines.append(" ".join(draw(st.lists(sentence(), min_size=1, max_size=4))))
        elif kind == "related":
            lines.append(draw(st.sampled_from(("مقالات متعلقة", "اقرأ أيضًا:", "ذات صلة"))))
            lines.extend(f"{i}. {draw(arabic_text(max_tokens=8))}" for i in range(draw(st.integers(0, 3))))
        elif kind == "more":
            lines.append(f"المزيد من {draw(arabic_text(min_tokens=1, max_tokens=3))}")
        elif kind == "noise":
            lines.append(draw(st.text(any_char, max_size=40)))
        else:
            lines.append(draw(st.sampled_from(("", "   ", "\t"))))
    newline = draw(st.sampled_from(("\n", "\r\n", "\r", "\n\n")))
    return newline.join(lines)


TAGS = ("p", "div", "span", "a", "h1", "h2", "article", "section", "figure", "figcaption", "ul", "li", "time",
        "script", "style", "aside", "nav", "footer", "header", "main", "br", "img", "table", "td", "blockquote")
ATTRS = ('class="related"', 'class="article-body"', 'id="main"', 'dir="rtl"', 'class="caption"',
         'itemprop="articleBody"', 'datetime="2024-11-30T12:15:00+03:00"', 'href="/x"', 'class="share"',
         'property="og:title" content="عنوان"', 'data-x="<>"')


@st.composite
def tag_soup(draw, depth: int = 0) -> str:
    """Random, often unbalanced HTML with Arabic text, related boxes, captions and junk."""
    parts = []
    for _ in range(draw(st.integers(0, 6 if depth < 3 else 1))):
        choice = draw(st.integers(0, 9))
        if choice <= 3 or depth >= 3:
            parts.append(draw(st.one_of(sentence(), arabic_text(max_tokens=20))))
        elif choice <= 7:
            tag = draw(st.sampled_from(TAGS))
            attrs = " ".join(draw(st.lists(st.sampled_from(ATTRS), max_size=2)))
            close = draw(st.sampled_from((f"</{tag}>", f"</{tag}>", "", "</div>")))
            parts.append(f"<{tag} {attrs}>{draw(tag_soup(depth + 1))}{close}")
        elif choice == 8:
            parts.append(draw(st.sampled_from(("<!-- تعليق -->", "&amp;", "&#1575;", "&nbsp;", "<", ">", "<br/>",
                                               "<p>اقرأ أيضا</p>", "<![CDATA[x]]>", "&bogus;", "<?php ?>"))))
        else:
            parts.append(draw(st.text(any_char, max_size=20)))
    return "".join(parts)


@st.composite
def html_page(draw) -> str:
    head = draw(st.sampled_from(("", "<!DOCTYPE html>", "<html lang=\"ar\" dir=\"rtl\">", "<?xml version=\"1.0\"?>")))
    title = draw(arabic_text(max_tokens=8))
    meta = draw(st.sampled_from(("", '<meta charset="utf-8">', '<meta charset="windows-1256">',
                                 '<meta property="article:published_time" content="2024-11-30T10:00:00Z">',
                                 '<script type="application/ld+json">{"datePublished": "2024-13-45"}</script>',
                                 '<script type="application/ld+json">{broken</script>')))
    return f"{head}<head><title>{title}</title>{meta}</head><body>{draw(tag_soup())}</body>"


# ----------------------------------------------------------------------------- documents and records

# publication dates, with the calendar's ends over-represented (a CMS writes 0001-01-01 for "unknown")
publication_date = st.one_of(st.none(), st.dates(), st.sampled_from((date(1, 1, 1), date(1, 1, 7), date(2, 1, 1),
                                                                      date(9999, 12, 31), date(9999, 12, 25))))

published_value = st.one_of(
    st.none(), st.just(""), st.dates().map(str), st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(("2024-11-30T12:15:00+03:00", "2024-11-30Z", "2024-02-30", "yesterday", "0001-01-01",
                     "9999-12-31T23:59:59", "2024-11-30T12:15:00+25:00")),
    st.integers(), st.floats(allow_nan=True), st.lists(st.integers(), max_size=2), st.booleans(),
)
json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
json_value = st.recursive(json_scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                                st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                          max_leaves=8)


@st.composite
def record(draw) -> dict:
    """A JSONL record: the known fields with good, bad and missing values, plus extra fields."""
    rec: dict = {}
    body = draw(st.one_of(scrape(), st.lists(sentence(), max_size=5).map(" ".join), json_value))
    if draw(st.booleans()):
        rec["text"] = body
    if draw(st.integers(0, 3)) == 0:
        rec["html"] = draw(st.one_of(html_page(), json_value))
    for key, value in (("title", st.one_of(arabic_text(max_tokens=6), json_value)), ("published", published_value),
                       ("id", json_value), ("url", st.one_of(st.just("https://news.example/a"), json_value)),
                       ("author", json_value), ("category", json_value)):
        if draw(st.booleans()):
            rec[key] = draw(value)
    rec.update(draw(st.dictionaries(st.text(max_size=6), json_value, max_size=2)))
    return rec


@st.composite
def document(draw) -> Document:
    """One pipeline input of any format, as str or bytes, well-formed or not."""
    kind = draw(st.sampled_from(("scrape", "scrape-bytes", "record", "html", "html-bytes", "text", "bytes")))
    origin = f"fuzz-{draw(st.integers(0, 10**6))}"
    if kind == "scrape":
        return Document(origin=origin, content=draw(scrape()))
    if kind == "scrape-bytes":
        enc = draw(st.sampled_from(("utf-8", "utf-8-sig", "cp1256", "utf-16")))
        return Document(origin=origin, content=draw(scrape()).encode(enc, errors="replace"))
    if kind == "record":
        rec = draw(record())
        text = rec.get("text") if isinstance(rec.get("text"), str) else draw(scrape())
        return Document(origin=origin, content=text, format="record", fields=rec,
                        url=rec["url"] if isinstance(rec.get("url"), str) else None)
    if kind == "html":
        return Document(origin=origin, content=draw(html_page()), format="html")
    if kind == "html-bytes":
        return Document(origin=origin, content=draw(html_page()).encode("utf-8"), format="html")
    if kind == "text":
        return Document(origin=origin, content=draw(arabic_text(max_tokens=80)))
    return Document(origin=origin, content=draw(st.binary(max_size=300)))


# ----------------------------------------------------------------------------- checks

_NUMBERS = re.compile(r"\d+")


def outcome(item: Article | Rejection) -> str:
    """A label for counting: ``ok`` or ``rejected:<stage>:<reason with numbers and quotes elided>``."""
    if isinstance(item, Article):
        return "ok"
    return f"rejected:{item.stage}:{_reason_key(item.reason)}"


def _reason_key(reason: str) -> str:
    """The general part of a reason: before details (``: ``, `` (``, ``; ``), numbers as N."""
    for sep in (" (", ": ", "; "):
        reason = reason.split(sep)[0]
    return _NUMBERS.sub("N", reason)[:70]


def check_rejection(rej: Rejection) -> None:
    assert isinstance(rej, Rejection), rej
    assert rej.reason and rej.reason.strip(), f"empty reason: {rej!r}"
    assert rej.origin and rej.origin.strip(), f"empty origin: {rej!r}"
    assert rej.stage and rej.stage.strip(), f"empty stage: {rej!r}"


def _span_in(span: Span | None, n: int, what: str) -> None:
    if span is None:
        return
    assert 0 <= span.start <= span.end <= n, f"{what} {span} outside text of length {n}"


def check_article_spans(article: Article, raw_length: int | None = None) -> None:
    """Every span lies within ``article.text``; offsets map into the raw input."""
    n = len(article.text)
    for s in article.sentences:
        _span_in(s.span, n, "sentence")
    for p in article.paragraphs:
        _span_in(p, n, "paragraph")
    for m in article.mentions:
        _span_in(m.span, n, "mention")
        if m.parent is not None:
            _span_in(m.parent.span, n, "mention parent")
    for d in article.dates:
        _span_in(d.span, n, "date")
        if d.span is not None:
            assert article.text[d.span.start:d.span.end] == d.text, (d, article.text[d.span.start:d.span.end])
    for stmt in article.statements:
        for span, what in ((stmt.cue, "cue"), (stmt.content, "content"), (stmt.sentence, "statement sentence"),
                           (stmt.speaker.span, "speaker")):
            _span_in(span, n, what)
        if stmt.speaker.parent is not None:
            _span_in(stmt.speaker.parent.span, n, "speaker parent")
        if stmt.date is not None:
            _span_in(stmt.date.span, n, "statement date")
        for t in stmt.targets:
            _span_in(t.target.span, n, "target")
    if raw_length is not None:
        previous = -1
        for offset in range(0, n + 1, max(1, n // 50)):
            raw = article.offsets.to_raw(offset)
            assert 0 <= raw <= raw_length, f"offset {offset} maps to {raw}, outside raw input of {raw_length}"
            assert raw >= previous, f"offsets not monotonic at {offset}"
            previous = raw
        assert 0 <= article.offsets.to_raw(n) <= raw_length


def raw_text(doc: Document) -> str | None:
    """The text the extractor reads (the raw input offsets refer to), or None if it cannot be decoded."""
    if isinstance(doc.content, str):
        return doc.content
    from rasid.errors import RasidError
    from rasid.ingest.files import decode_bytes

    try:
        return decode_bytes(doc.content, doc.origin)
    except RasidError:
        return None


def check_pipeline(docs: list[Document], kb) -> list[str]:
    """``run_many``: one Article or Rejection per input, in order; rejections explained; spans in range."""
    from rasid.pipeline import run_many

    out = list(run_many(docs, kb))
    assert len(out) == len(docs), f"{len(docs)} documents gave {len(out)} results"
    labels = []
    for doc, item in zip(docs, out):
        if isinstance(item, Rejection):
            check_rejection(item)
            assert item.origin == doc.origin, (item.origin, doc.origin)
        else:
            assert isinstance(item, Article), type(item)
            raw = raw_text(doc)
            check_article_spans(item, len(raw) if raw is not None and doc.format == "text" else None)
        labels.append(outcome(item))
    return labels


def check_extract(doc: Document) -> str:
    """``extract``: an Article with spans in range, or a RasidError (never another exception)."""
    from rasid.errors import RasidError
    from rasid.extract import extract

    try:
        article = extract(doc)
    except RasidError as exc:
        assert exc.reason and exc.reason.strip()
        return f"rejected:{exc.stage}:{_reason_key(exc.reason)}"
    raw = raw_text(doc)
    # only the scrape extractor maps the text back into the raw input; a text document that opens as a web page
    # (<html …) is read as HTML, whose offsets refer to the extracted text alone
    scraped = article.metadata.get("format") == "scrape"
    check_article_spans(article, len(raw) if raw is not None and doc.format == "text" and scraped else None)
    assert article.text.strip()
    return "ok"


def check_records(data: bytes) -> list[str]:
    """``read_records`` on any bytes: only Documents and explained Rejections, never an exception."""
    from rasid.ingest.files import read_records

    labels = []
    for item in read_records(io.BytesIO(data), origin="fuzz.jsonl"):
        if isinstance(item, Rejection):
            check_rejection(item)
            labels.append(outcome(item))
        else:
            assert isinstance(item, Document) and item.origin.startswith("fuzz.jsonl")
            assert isinstance(item.content, str) and item.content.strip()
            labels.append("document")
    return labels


def check_csv(data: bytes, suffix: str = ".csv", columns: dict | None = None) -> list[str]:
    """``iter_csv`` on a file holding any bytes."""
    from rasid.ingest.csvfile import iter_csv

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        labels = []
        for item in iter_csv(path, columns=columns):
            if isinstance(item, Rejection):
                check_rejection(item)
                labels.append(outcome(item))
            else:
                assert isinstance(item, Document) and item.format == "record"
                assert isinstance(item.content, str) and item.content
                labels.append("document")
        return labels


def csv_bytes(rows: list[list[str]], header: list[str], encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode(encoding, errors="replace")


def warc_bytes(pages: list[tuple[str, bytes, str, str]], gz: bool) -> bytes:
    """A valid WARC (gzipped per record when ``gz``) with one response record per (url, body, type, status)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, body, ctype, status in pages:
        headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return out.getvalue()


def corrupt(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Apply (position, delete-count, insert) edits; positions wrap around the data."""
    buf = bytearray(data)
    for pos, delete, insert in edits:
        if not buf:
            buf.extend(insert)
            continue
        pos %= len(buf) + 1
        buf[pos:pos + delete] = insert
    return bytes(buf)


def check_warc(data: bytes, gz: bool) -> list[str]:
    """``iter_warc`` on (possibly damaged) archive bytes: Documents and explained Rejections only."""
    from rasid.ingest.warc import iter_warc

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("fuzz.warc.gz" if gz else "fuzz.warc")
        path.write_bytes(data)
        labels = []
        for item in iter_warc(path):
            if isinstance(item, Rejection):
                check_rejection(item)
                labels.append(outcome(item))
            else:
                assert isinstance(item, Document) and item.format == "html" and isinstance(item.content, str)
                labels.append("document")
        return labels


def check_feed(data: bytes) -> str:
    """``parse_feed``: a list of entries with absolute-looking URLs, or an explained Rejection."""
    from rasid.ingest.feeds import FeedEntry, parse_feed

    result = parse_feed(data, origin="https://news.example/feed.xml")
    if isinstance(result, Rejection):
        check_rejection(result)
        return outcome(result)
    assert isinstance(result, list)
    for entry in result:
        assert isinstance(entry, FeedEntry) and isinstance(entry.url, str)
        if entry.published is not None:
            from datetime import datetime

            datetime.fromisoformat(entry.published)
    return f"entries:{min(len(result), 3)}"


FEED_LINKS = ("https://news.example/a", "/relative/1", "", "javascript:x", " https://x.y/ ", "http://[::1", "%%%",
              "https://news.example/ar/مقال")


@st.composite
def feed_xml(draw, links: tuple[str, ...] = FEED_LINKS) -> bytes:
    """RSS 2.0, Atom or a (news) sitemap with random items, sometimes broken."""
    kind = draw(st.sampled_from(("rss", "atom", "sitemap", "index")))
    items = []
    for _ in range(draw(st.integers(0, 4))):
        title = draw(arabic_text(max_tokens=6)).replace("<", "&lt;").replace("&", "&amp;")
        link = draw(st.sampled_from(links))
        date_text = draw(st.sampled_from(("Sat, 30 Nov 2024 12:15:00 +0300", "2024-11-30T12:15:00Z", "", "garbage",
                                          "Mon, 31 Feb 2024 25:61:00 GMT", "9999-12-31", "0000-00-00",
                                          "2024-11-30T12:15:00+03:00")))
        if kind == "rss":
            items.append(f"<item><title>{title}</title><link>{link}</link><pubDate>{date_text}</pubDate></item>")
        elif kind == "atom":
            items.append(f'<entry><title>{title}</title><link href="{link}"/><updated>{date_text}</updated></entry>')
        elif kind == "sitemap":
            items.append(f"<url><loc>{link}</loc><lastmod>{date_text}</lastmod><news:news><news:title>{title}"
                         f"</news:title><news:publication_date>{date_text}</news:publication_date></news:news></url>")
        else:
            items.append(f"<sitemap><loc>{link}</loc></sitemap>")
    body = "".join(items)
    if kind == "rss":
        text = f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>ت</title>{body}</channel></rss>'
    elif kind == "atom":
        text = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>ت</title>{body}</feed>'
    elif kind == "sitemap":
        text = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{body}</urlset>')
    else:
        text = f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>'
    data = text.encode("utf-8")
    if draw(st.integers(0, 3)) == 0:
        data = corrupt(data, draw(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 8),
                                                     st.binary(max_size=6)), max_size=3)))
    if draw(st.integers(0, 4)) == 0:
        data = gzip.compress(data)
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]
    return data


def check_dates(text: str, published: date | None) -> str:
    """``find_dates``: refs in text order, spans in range, ``text`` equal to the span, values well-formed."""
    from rasid.model import Granularity
    from rasid.when import find_dates

    refs = find_dates(text, published)
    previous_end = 0
    for ref in refs:
        assert ref.span is not None
        _span_in(ref.span, len(text), "date")
        assert ref.span.start >= previous_end, f"overlapping or unordered date refs: {refs}"
        previous_end = ref.span.end
        assert text[ref.span.start:ref.span.end] == ref.text
        parts = ref.value.split("-")
        assert len(parts) == {Granularity.YEAR: 1, Granularity.MONTH: 2, Granularity.DAY: 3}[ref.granularity], ref
        ref.start  # a real calendar date  # noqa: B018
    offset_refs = find_dates(text, published, offset=7)
    assert [(r.span.start + 7, r.span.end + 7) for r in refs] == [(r.span.start, r.span.end) for r in offset_refs]
    return f"dates:{min(len(refs), 3)}"


def check_normalize(text: str) -> str:
    """``fold`` is idempotent and equals ``normalize().text``; the index maps back monotonically."""
    from rasid.arabic.normalize import _TABLE, fold, normalize

    folded = fold(text)
    assert fold(folded) == folded, "fold is not idempotent"
    norm = normalize(text)
    assert norm.text == folded, (norm.text, folded)
    assert len(norm.index) == len(norm.text)
    assert norm.original_length == len(text)
    previous = -1
    for i, (ch, orig) in enumerate(zip(norm.text, norm.index)):
        assert 0 <= orig < len(text)
        assert orig >= previous, f"index not monotonic at {i}"
        previous = orig
        assert ch in text[orig].translate(_TABLE), (
            f"folded char {ch!r} at {i} does not come from {text[orig]!r} at {orig}")
    if norm.text:
        span = norm.to_original(0, len(norm.text))
        assert 0 <= span.start <= span.end <= len(text)
    return "ok"
