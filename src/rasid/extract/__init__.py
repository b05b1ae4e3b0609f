"""Raw documents -> clean Articles.

``extract(document)`` picks the extractor by the document's format: raw scraped text
(:mod:`.scrape`), HTML pages (:mod:`.html`, trafilatura with an Arabic-aware pre-pass)
or structured records (JSONL/CSV fields with a ``text`` body).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from ..arabic.normalize import is_arabic
from ..errors import ExtractionError, InputError, LanguageSkipped
from ..ingest.files import decode_bytes
from ..ingest.unicode import repair, valid_text
from ..model import Article, Document
from .scrape import extract_scrape

__all__ = ["extract", "extract_scrape", "parse_published", "record_category"]

MIN_CHARS = 20
# letters of Persian, Urdu, Kurdish and Pashto that Arabic does not write (پ چ ژ گ ک ی ٹ ڈ ڑ ں ے ھ ێ ۆ ڵ ڕ ە ...)
_NON_ARABIC_LETTERS = re.compile("[\u067E\u0686\u0698\u06AF\u06A9\u06CC\u0679\u0688\u0691\u06BA\u06D2"
                                 "\u06BE\u06CE\u06C6\u06B5\u0695\u06D5\u0681\u0685\u0689\u0693\u0696\u069A\u06BC]")


def parse_published(value: object, origin: str) -> datetime | None:
    """An ISO 8601 date or datetime (``2024-11-30``, ``2024-11-30T12:15:00+03:00``, trailing ``Z``)."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"'published' must be an ISO 8601 string, got {type(value).__name__}", origin=origin)
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError(f"'published' is not an ISO 8601 date: {value!r}", origin=origin,
                         hint="write it as 2024-11-30 or 2024-11-30T12:15:00+03:00") from exc


# the fields a record (JSON Lines, CSV, or a feed entry's) names its category by, first found first
CATEGORY_FIELDS = ("category", "section", "categories", "feed_category")


def record_category(fields: Mapping[str, Any], names: tuple[str, ...] = CATEGORY_FIELDS) -> str | None:
    """The category a record gives (``category``, else ``section``, ``categories``, a feed's
    ``feed_category``): a string, or the first string of a list; None when it gives none."""
    for name in names:
        value = fields.get(name)
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str) and v.strip()), None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _record_article(document: Document, text: str) -> Article:
    fields = dict(document.fields)
    body = "\n".join(line.strip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    title = str(fields.get("title") or "").strip()
    return Article(
        id=Article.make_id(body, title, document.url),
        text=body,
        title=title,
        published=parse_published(fields.get("published"), document.origin),
        url=document.url,
        external_id=str(fields["id"]) if fields.get("id") is not None else None,
        source=document.origin,
        author=fields.get("author") if isinstance(fields.get("author"), str) else None,
        category=record_category(fields),
        metadata={k: v for k, v in fields.items() if k not in {"text", "html"}},
    )


def _valid(document: Document) -> tuple[Document, int]:
    """The document with valid Unicode in every text field (lone surrogates replaced), and the count."""
    fixed = 0
    content = document.content
    if isinstance(content, str):
        content, fixed = valid_text(content)
    origin, n_origin = valid_text(document.origin)
    url, n_url = valid_text(document.url) if document.url is not None else (None, 0)
    fields, n_fields = repair(dict(document.fields)) if document.fields else ({}, 0)
    fixed += n_origin + n_url + n_fields
    if not fixed:
        return document, 0
    return replace(document, origin=origin, content=content, url=url, fields=fields), fixed


def extract(document: Document) -> Article:
    document, repaired = _valid(document)
    article = _extract(document)
    if repaired:
        # flagged, not hidden: the article says that its input carried invalid text
        article = replace(article, metadata={**dict(article.metadata), "unicode_repairs": repaired})
    return article


def _extract(document: Document) -> Article:
    content = document.content
    if isinstance(content, bytes):
        if not content.strip():
            raise InputError("the file is empty", origin=document.origin, hint="nothing to ingest")
        content = decode_bytes(content, document.origin)
    if not content.strip():
        raise InputError("the document is empty", origin=document.origin, hint="nothing to ingest")
    fmt = document.format
    if fmt == "text" and content.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        fmt = "html"
    if fmt == "record":
        article = _record_article(document, content)
    elif fmt == "html":
        from .html import extract_html

        article = extract_html(content, origin=document.origin, url=document.url)
        fields = dict(document.fields)
        if fields:
            article = replace(
                article,
                title=str(fields.get("title") or article.title),
                published=parse_published(fields.get("published"), document.origin) or article.published,
                external_id=str(fields["id"]) if fields.get("id") is not None else article.external_id,
                # the record's own category first, then the page's, then the feed entry's
                category=(record_category(fields, CATEGORY_FIELDS[:3]) or article.category
                          or record_category(fields, ("feed_category",))),
                metadata={**dict(article.metadata), **{k: v for k, v in fields.items() if k not in {"text", "html"}}},
            )
    else:
        article = extract_scrape(replace(document, content=content))
    if len(article.text.strip()) < MIN_CHARS:
        raise ExtractionError(f"the article body is too short ({len(article.text.strip())} characters)",
                              origin=document.origin, hint="is this a page with no article?")
    if not is_arabic(article.text):
        raise LanguageSkipped("skipped: the article is not in Arabic script", origin=document.origin,
                              hint="rasid analyses Arabic news; other languages are skipped")
    # Arabic script is not the Arabic language (Persian, Urdu, Kurdish): when letters that Arabic
    # does not use appear, ask the bundled language model
    if _NON_ARABIC_LETTERS.search(article.text[:4000]):
        from ..ingest.language import language_rejection

        rejection = language_rejection(article.title + "\n" + article.text, document.origin)
        if rejection is not None:
            raise LanguageSkipped(rejection.reason, origin=document.origin)
    return replace(article, language=article.language or "ar")
