"""Raw scraped text -> Article.

A "scrape" is what a reader gets by copying a news page as plain text: a title line,
bullet lines with the date and time, photo captions (often twice, with a credit in
parentheses), body paragraphs with subheadings, "related" headlines interleaved in
the body, a related-articles list under a heading, and a category footer.

Each line is classified by its *shape*, never by the site it came from:

* ``date``/``time``: a short line holding only a date (``2024/11/30``) or a time
  (``12:15 م``), possibly behind a bullet;
* ``caption``: a line before the first body paragraph that ends in a parenthesised
  credit, or that repeats another caption;
* ``related-list``: a heading such as مقالات متعلقة / اقرأ أيضًا, then the list items;
* ``category``: a footer ``المزيد من X`` (and a bare ``X`` line right before it);
* ``headline``: a body line of 5 to 18 words with no sentence-final punctuation, i.e.
  a link to another story (kept in ``Article.related``);
* ``subheading``: a body line of at most 4 words without final punctuation (kept in the
  text as its own paragraph: it gives context but no statements);
* everything else is body text.
"""

from __future__ import annotations

import re
from datetime import datetime, time

from ..arabic.normalize import fold
from ..errors import ExtractionError
from ..model import Article, Document, OffsetMap

_BULLET = re.compile(r"^[\s•·▪●◦\-–*]+")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DATE_LINE = re.compile(r"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$|^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$")
_TIME_LINE = re.compile(r"^(\d{1,2}):(\d{2})\s*(ص|م|AM|PM|am|pm)?$")
_CREDIT = re.compile(r"\(([^()]{2,80})\)\s*$")
_RELATED_HEADINGS = ("مقالات متعلقة", "مقالات ذات صلة", "اخبار ذات صلة", "ذات صلة", "اقرا ايضا", "اقرا المزيد",
                     "قد يهمك", "شاهد ايضا", "الاكثر قراءه", "مواضيع ذات صله", "مقالات ذات صله", "اخبار ذات صله")
_MORE_FROM = re.compile(r"^المزيد من\s+(.{2,40})$")
_LIST_ITEM = re.compile(r"^\s*(\d+|[•·▪●◦\-–*])[.)\-]?\s+")
_FINAL_PUNCT = (".", "!", "؟", "?", ":", "…")
_CLOSERS = "»”\"')]"


def _clean(line: str) -> str:
    return _BULLET.sub("", line).strip()


_RELATED_FOLDED = tuple(fold(h) for h in _RELATED_HEADINGS)


def _is_related_heading(line: str) -> bool:
    f = fold(line).rstrip(":").strip()
    return any(f == h or (f.startswith(h) and len(f) <= len(h) + 3) for h in _RELATED_FOLDED)


def _parse_date(line: str) -> tuple[int, int, int] | None:
    m = _DATE_LINE.match(line.translate(_DIGITS))
    if not m:
        return None
    if m.group(1):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        d, mo, y = int(m.group(4)), int(m.group(5)), int(m.group(6))
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return y, mo, d
    return None


def _parse_time(line: str) -> time | None:
    m = _TIME_LINE.match(line.translate(_DIGITS))
    if not m:
        return None
    h, mi, ampm = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
    if ampm in ("م", "pm") and h < 12:
        h += 12
    if ampm in ("ص", "am") and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return None
    return time(h, mi)


def _words(line: str) -> int:
    return len(line.split())


def _ends_sentence(line: str) -> bool:
    return line.rstrip().rstrip(_CLOSERS).rstrip().endswith(_FINAL_PUNCT)


def _caption_key(line: str) -> str:
    return re.sub(r"[^\w]", "", fold(_CREDIT.sub("", line)))


def extract_scrape(document: Document) -> Article:
    """Turn a raw scrape (see the module docstring) into an Article with an offset map."""
    raw = document.content if isinstance(document.content, str) else document.content.decode("utf-8")
    lines: list[tuple[int, str]] = []  # (raw offset of the stripped line, stripped line)
    pos = 0
    for line in raw.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lines.append((pos + line.index(stripped[0]), stripped))
        pos += len(line)
    if not lines:
        raise ExtractionError("the document is empty", origin=document.origin,
                              hint="give a file with a title line and body text")

    title = _clean(lines[0][1])
    day: tuple[int, int, int] | None = None
    at: time | None = None
    captions: list[str] = []
    credits: list[str] = []
    related: list[str] = []
    category: str | None = None
    body: list[tuple[int, str]] = []
    in_related_list = False
    seen_body = False

    rest = lines[1:]
    for idx, (offset, line) in enumerate(rest):
        cleaned = _clean(line)
        if not cleaned:
            continue
        if day is None and _parse_date(cleaned):
            day = _parse_date(cleaned)
            continue
        if at is None and _parse_time(cleaned):
            at = _parse_time(cleaned)
            continue
        more = _MORE_FROM.match(cleaned)
        if more:
            category = more.group(1).strip()
            # a bare category line right before the footer is part of it
            if body and fold(body[-1][1]) == fold(category):
                body.pop()
            if related and fold(related[-1]) == fold(category):
                related.pop()
            in_related_list = False
            continue
        if _is_related_heading(cleaned):
            in_related_list = True
            continue
        if in_related_list:
            if _LIST_ITEM.match(line) or (not _ends_sentence(cleaned) and _words(cleaned) <= 18):
                related.append(_LIST_ITEM.sub("", line).strip())
                continue
            in_related_list = False
        credit = _CREDIT.search(cleaned)
        if not seen_body and (credit or any(_caption_key(cleaned) == _caption_key(c) for c in captions)):
            if not any(_caption_key(cleaned) == _caption_key(c) for c in captions):
                captions.append(cleaned)
            if credit:
                text = credit.group(1).strip()
                if not any(fold(text).replace("\\", "") == fold(c).replace("\\", "") or
                           _caption_key(text) == _caption_key(c) for c in credits):
                    credits.append(text)
            continue
        if not _ends_sentence(cleaned):
            n = _words(cleaned)
            if 5 <= n <= 18:
                related.append(cleaned)
                continue
        seen_body = True
        body.append((offset, line))

    if not body:
        raise ExtractionError("no body text was found", origin=document.origin,
                              hint="a scrape needs at least one paragraph after the title and date lines")
    # a trailing bare line equal to a known category or a short label is footer, not body
    while body and not _ends_sentence(body[-1][1]) and _words(body[-1][1]) <= 2 and len(body) > 1:
        if category is None:
            category = body[-1][1]
        body.pop()

    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    cursor = 0
    for offset, line in body:
        if parts:
            parts.append("\n\n")
            cursor += 2
        segments.append((cursor, offset, len(line)))
        parts.append(line)
        cursor += len(line)
    text = "".join(parts)
    published = None
    if day:
        try:
            published = datetime(day[0], day[1], day[2], at.hour if at else 0, at.minute if at else 0)
        except ValueError:
            published = None
    fields = dict(document.fields)
    return Article(
        id=Article.make_id(text, title, document.url),
        text=text,
        title=title,
        published=published,
        url=document.url,
        external_id=fields.get("id"),
        source=document.origin,
        category=category,
        captions=tuple(captions),
        credits=tuple(credits),
        related=tuple(related),
        offsets=OffsetMap(tuple(segments)),
        metadata={"format": "scrape", "time_known": at is not None},
    )
