"""HTML news page -> clean :class:`~rasid.model.Article`.

Two passes:

1. An Arabic-aware clean-up in selectolax (lexbor). It reads the metadata first
   (Open Graph / ``article:*`` meta tags, JSON-LD, RDFa/microdata, ``<time>``,
   bylines, visible dates), then
   removes what is not the story: "related" boxes (اقرأ أيضًا، مقالات متعلقة، ذات صلة...,
   whose headlines are kept in ``Article.related``), "most read" lists, share bars,
   comments, navigation, footers, sidebars, link-only paragraphs and lists. Figure
   captions and photo credits are taken out of the body into ``Article.captions``
   and ``Article.credits``.
2. trafilatura extracts the main text from the cleaned page. Its own metadata
   pass is only run when the page gave no title: it costs about a third of an
   extraction, and its date guesses (htmldate) lose the time zone and are often
   off on Arabic pages (copyright years, sidebar dates).

The body is the extracted paragraphs joined with blank lines. ``Article.offsets``
stays empty: offsets into an HTML page are not meaningful for a cleaned text.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..errors import ExtractionError, InputError
from ..model import Article, OffsetMap

__all__ = ["MAX_HTML_CHARS", "extract_html"]

MAX_HTML_CHARS = 20_000_000  # about 20 MB of markup; bigger pages are refused

# Labels of boxes whose links are other articles. Matched on their _key() form
# (see below), so hamza and tanween variants match too.
_RELATED_LABELS = (
    "اقرأ أيضًا",  # read also
    "اقرأ أيضا",  # read also (no tanween)
    "إقرأ أيضا",  # read also (hamza under alef, a common misspelling)
    "اقرأ كذلك",  # read as well
    "مقالات متعلقة",  # related articles
    "مقالات ذات صلة",  # related articles
    "أخبار ذات صلة",  # related news
    "مواضيع ذات صلة",  # related topics
    "ذات صلة",  # related
    "المزيد من",  # more from ...
    "شاهد أيضا",  # watch also
    "طالع أيضا",  # see also
    "قد يهمك أيضا",  # you may also like
    "قد يعجبك أيضا",  # you may also like
    "أخبار أخرى",  # other news
    "اقرأ المزيد",  # read more
    "قصص ذات صلة",  # related stories
)
# Labels of boxes that are removed without keeping their headlines.
_DROP_LABELS = (
    "الأكثر قراءة",  # most read
    "الأكثر مشاهدة",  # most viewed
    "الأكثر تداولا",  # most shared
    "الأكثر تعليقا",  # most commented
    "آخر الأخبار",  # latest news
    "شارك الخبر",  # share the story
    "شارك المقال",  # share the article
    "شارك",  # share
    "تابعونا",  # follow us
)
_MAX_LABEL_CHARS = 40

# Cues of a comment-policy notice next to a comments widget.
_COMMENT_NOTICE = re.compile(r"تعليق|التعليقات|الآراء الواردة|مشاركاتك|comment", re.IGNORECASE)

# never content
_NON_CONTENT = "script, style, noscript, template, iframe, svg, canvas, object, embed, button, select, textarea, input"
# usually not content, but some sites wrap the whole page in one (ASP.NET <form>): guarded
_STRUCTURAL = (
    "form, nav, footer, aside, [role=navigation], [role=contentinfo], [role=complementary], [role=search]"
)
# class/id words of boilerplate blocks (whole words between "-", "_" and spaces)
_COMMENT_WORDS = frozenset({"comment", "comments", "commentlist", "disqus", "respond"})
_RELATED_WORDS = frozenset({"related", "relatedposts", "recommended"})
_JUNK_WORDS = frozenset({
    "share", "shares", "sharing", "sharer", "sharethis", "addthis", "shareaholic", "social", "socials",
    "breadcrumb", "breadcrumbs", "newsletter", "subscribe", "advert", "advertisement", "ads", "ad", "adv",
    "banner", "sponsor", "sponsored", "promo", "outbrain", "taboola", "popular", "mostread", "most",
    "trending", "sidebar", "widget", "cookie", "cookies", "tags", "tagcloud", "keywords", "pagination",
    "pager", "rating", "print", *_COMMENT_WORDS, *_RELATED_WORDS,
})
_NAME_SPLIT = re.compile(r"[\s_-]+")


def _names(node: LexborNode) -> frozenset[str]:
    """The words of a node's class and id attributes, lower-cased."""
    attrs = node.attributes
    return frozenset(_NAME_SPLIT.split(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()))
_KEEP_TAGS = frozenset({"html", "body", "main", "article", "head"})

_CAPTIONS = (
    "figcaption, .caption, .wp-caption-text, .image-caption, .img-caption, .photo-caption, "
    ".caption-text, .media-caption, [itemprop=caption]"
)
_CREDITS = ".credit, .photo-credit, .image-credit, .img-credit, .media-credit, [itemprop=copyrightHolder]"

# photo credit markers inside a caption: تصوير (photo by), عدسة (lens of), المصدر (source), ©
_CREDIT_MARKER = re.compile(r"(?:©|\(c\)|تصوير|عدسة|المصدر|مصدر الصورة|الصورة|Photo|Credit)\s*[:：/-]?\s*", re.IGNORECASE)
_TRAILING_PAREN = re.compile(r"\s*[\(（]([^()（）]{2,60})[\)）]\s*[.،]?\s*$")

# bylines that sites put as the first body line: حوار (interview by), بقلم (written by), كتب/كتبت (wrote)...
_AUTHOR_NODES = (
    "[itemprop=author] [itemprop=name], [rel=author], [itemprop=author], .author-name, .author, .byline, "
    ".writer, .post-author, .article-author"
)
_BYLINE_PREFIX = re.compile(
    r"^(?:by|حوار|بقلم|كتب|كتبت|إعداد|اعداد|تقرير|متابعة|تحرير|الكاتب|المحرر)\s*[:：]?\s*", re.IGNORECASE
)
_BYLINE = re.compile(
    r"^(?:حوار|بقلم|كتب|كتبت|إعداد|اعداد|تقرير|متابعة|تحرير|حاوره|حاورته)\s*[:：]\s*(\S.{1,48})$"
)

_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "blogposting", "backgroundnewsarticle", "reviewnewsarticle", "report", "liveblogposting", "webpage",
})
_DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "published_time",
    "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
)
_DATE_HINT_WORDS = re.compile(r"date|time|tmstmp|timestamp|publish|posted|byline|meta|info|tarikh", re.IGNORECASE)
# " | ", " - ", " :: " ... between a headline and the site name (not «» : they quote in Arabic)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•]|::)\s+")
_SEPARATOR_CHARS = " |-–—:·•"
_SPACE = re.compile(r"\s+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
# RDFa / microdata publication dates on any element: <span property="dc:date" content="...">
_DATE_ATTRS = (
    "[itemprop=datePublished], [property~='dc:date'], [property~='dc:created'], "
    "[property~='schema:datePublished'], [property~='article:published_time']"
)

# A fast matching key (str.translate, no offset map): the subset of
# rasid.arabic.normalize.fold that matters for comparing labels, titles and lines.
_KEY_TABLE: dict[int, str | None] = {c: None for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670,
                                                      0x0640, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF]}
_KEY_TABLE.update({ord(c): "ا" for c in "أإآٱ"})
_KEY_TABLE.update({ord("ى"): "ي", ord("ئ"): "ي", ord("ؤ"): "و", ord("ة"): "ه"})
_KEY_TABLE.update({ord(c): '"' for c in "«»“”„″"})
_KEY_TABLE.update({0x0660 + i: str(i) for i in range(10)})
_KEY_TABLE.update({0x06F0 + i: str(i) for i in range(10)})


def _key(text: str) -> str:
    """The matching form of a short text: no diacritics or tatweel, unified alef/ya/ta marbuta."""
    return " ".join(text.translate(_KEY_TABLE).split()).lower()


_HOME_WORDS = {_key("الرئيسية"), _key("الصفحة الرئيسية"), "home"}


@dataclass
class _Meta:
    """Metadata read from the page before it is cleaned."""

    title: str = ""
    og_title: str = ""
    h1: str = ""
    html_title: str = ""
    ld_headline: str = ""
    site_name: str = ""
    author: str = ""
    category: str = ""
    tags: list[str] = field(default_factory=list)
    description: str = ""
    image: str = ""
    canonical: str = ""
    language: str = ""
    published: datetime | None = None
    date_source: str = ""


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", html_lib.unescape(text or "")).strip()


def _text(node: LexborNode) -> str:
    return _SPACE.sub(" ", node.text(deep=True, separator=" ")).strip()


# ---------------------------------------------------------------- metadata


def _parse_iso(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00").replace(" +", "+"))
    except ValueError:
        pass
    parsed = _simple_date(value)
    return datetime(parsed.year, parsed.month, parsed.day) if parsed else None


_ISO_DAY = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY_DAY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")


def _simple_date(text: str) -> date | None:
    """``YYYY-MM-DD``, ``YYYY/MM/DD`` or ``DD/MM/YYYY`` (Arabic-Indic digits allowed); a year of
    the Hijri calendar (1436/10/25 هـ) is converted, never read as a Gregorian year."""
    text = _key(text)
    for pattern, order in ((_ISO_DAY, (0, 1, 2)), (_DMY_DAY, (2, 1, 0))):
        for m in pattern.finditer(text):
            parts = m.groups()
            year, month, day = int(parts[order[0]]), int(parts[order[1]]), int(parts[order[2]])
            try:
                if 1300 <= year <= 1600:
                    from ..when import _hijri_to_gregorian

                    converted = _hijri_to_gregorian(year, month, day)
                    if converted is not None:
                        return converted
                    continue
                if year < 1900:
                    continue
                return date(year, month, day)
            except ValueError:
                continue
    return None


def _visible_date(text: str) -> date | None:
    """A publication date written in the page (Arabic month names need :mod:`rasid.when`)."""
    try:
        from ..when import publication_date_from_text
    except ImportError:
        return _simple_date(text)
    return publication_date_from_text(text) or _simple_date(text)


def _ld_objects(tree: LexborHTMLParser) -> Iterator[dict[str, Any]]:
    for script in tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True).strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # control characters inside strings are common in hand-made JSON-LD
                data = json.loads(re.sub(r"[\x00-\x1f]+", " ", raw))
            except ValueError:
                continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                yield item


def _ld_type(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _ld_name(value: Any) -> str:
    if isinstance(value, list):
        names = [_ld_name(v) for v in value]
        return "، ".join(n for n in names if n)
    if isinstance(value, dict):
        return _clean(str(value.get("name") or ""))
    return _clean(str(value)) if value else ""


def _read_meta(tree: LexborHTMLParser) -> _Meta:
    meta = _Meta()
    values: dict[str, str] = {}
    tags: list[str] = []
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        content = _clean(attrs.get("content"))
        if not key or not content:
            continue
        if key in ("article:tag", "og:article:tag"):
            tags.append(content)
        values.setdefault(key, content)

    meta.og_title = values.get("og:title") or values.get("twitter:title") or ""
    meta.site_name = values.get("og:site_name") or values.get("application-name") or ""
    meta.description = values.get("og:description") or values.get("description") or ""
    meta.image = values.get("og:image") or ""
    meta.category = values.get("article:section") or values.get("og:article:section") or ""
    author = values.get("author") or values.get("article:author") or values.get("dc.creator") or ""
    if author and not author.startswith(("http://", "https://")):
        meta.author = author
    for key in _DATE_META:
        if key in values and meta.published is None:
            meta.published = _parse_iso(values[key])
            meta.date_source = f"meta:{key}" if meta.published else ""

    for obj in _ld_objects(tree):
        if not _ld_type(obj) & _ARTICLE_TYPES:
            continue
        meta.ld_headline = meta.ld_headline or _clean(str(obj.get("headline") or ""))
        if meta.published is None and isinstance(obj.get("datePublished"), str):
            meta.published = _parse_iso(obj["datePublished"])
            meta.date_source = "json-ld" if meta.published else ""
        meta.author = meta.author or _ld_name(obj.get("author"))
        section = obj.get("articleSection")
        if not meta.category and section:
            meta.category = _clean(section[0] if isinstance(section, list) and section else str(section))
        keywords = obj.get("keywords")
        if keywords and not tags:
            items = keywords if isinstance(keywords, list) else str(keywords).split(",")
            tags.extend(_clean(str(k)) for k in items)

    for node in tree.css("a[rel=tag]"):
        tags.append(_text(node))
    seen: set[str] = set()
    meta.tags = [t for t in tags if t and not (_key(t) in seen or seen.add(_key(t)))]

    title_node = tree.css_first("title")
    meta.html_title = _text(title_node) if title_node else ""
    h1 = tree.css_first("article h1") or tree.css_first("h1")
    meta.h1 = _text(h1) if h1 else ""
    canonical = tree.css_first('link[rel="canonical"]')
    meta.canonical = (canonical.attributes.get("href") or "").strip() if canonical else ""
    meta.canonical = meta.canonical or values.get("og:url", "")
    root = tree.css_first("html")
    lang = (root.attributes.get("lang") or "") if root else ""
    meta.language = lang.split("-")[0].strip().lower() if lang else ""
    meta.title = _choose_title(meta)

    if not meta.author:
        meta.author = _byline_author(tree)
    if not meta.category:
        crumbs = [_text(a) for a in tree.css("[class*=breadcrumb] a, [id*=breadcrumb] a")]
        crumbs = [c for c in crumbs if c and _key(c) not in _HOME_WORDS]
        meta.category = crumbs[-1] if crumbs else ""
    if not meta.category:
        meta.category = _trafilatura_category(tree.html or "")
    if meta.published is None:
        meta.published, meta.date_source = _page_date(tree, h1)
    return meta


def _byline_author(tree: LexborHTMLParser) -> str:
    """An author name from a visible byline element (``.author``, ``[rel=author]`` ...)."""
    for node in tree.css(_AUTHOR_NODES):
        text = _text(node)
        if not text or len(text) > 60:
            continue
        text = _BYLINE_PREFIX.sub("", text).strip(" :：-–—|")
        if text and len(text.split()) <= 5:
            return text
    return ""


def _strip_site_name(title: str, site_name: str, reference: str, *, guess: bool) -> str:
    """``title`` without a "- Site name" part (leading or trailing).

    The part is dropped when it matches the site name; with ``guess`` (for the
    ``<title>`` element, which nearly always carries the site name) also when the
    rest equals ``reference`` (the ``<h1>``) or the tail is a short name.
    """
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site = _key(site_name)
    first, last = parts[0], parts[-1]
    head = title[: title.rfind(last)].rstrip(_SEPARATOR_CHARS).strip()
    if site and (_key(last) in site or site in _key(last)):
        return head
    if site and (_key(first) in site or site in _key(first)):
        return title[len(first) :].lstrip(_SEPARATOR_CHARS).strip()
    if not guess:
        return title
    if reference and _key(head) == _key(reference):
        return head
    if len(last.split()) <= 3 and len(head.split()) >= 3:  # "Story title - Lebanon News"
        return head
    return title


def _choose_title(meta: _Meta) -> str:
    """og:title, else the <h1>, else the JSON-LD headline, else <title>; minus the site name."""
    for candidate, guess in ((meta.og_title, False), (meta.h1, False), (meta.ld_headline, False),
                             (meta.html_title, True)):
        candidate = _clean(candidate)
        if candidate:
            return _strip_site_name(candidate, meta.site_name, meta.h1, guess=guess)
    return ""


def _page_date(tree: LexborHTMLParser, h1: LexborNode | None) -> tuple[datetime | None, str]:
    """A date from RDFa/microdata, ``<time>`` elements or visible dates near the headline."""
    for node in tree.css(_DATE_ATTRS):
        value = (node.attributes.get("content") or node.attributes.get("datetime") or "").strip()
        parsed = _parse_iso(value) if value else None
        if parsed:
            return parsed, "rdfa"
    times = tree.css("article time, time[itemprop=datePublished], time[pubdate], time")
    for node in times:
        value = (node.attributes.get("datetime") or "").strip()
        parsed = _parse_iso(value) if value else None
        if parsed:
            return parsed, "time"
    texts: list[str] = [_text(node) for node in times]
    if h1 is not None:  # the dateline usually sits right after the headline
        sibling, steps = h1.next, 0
        while sibling is not None and steps < 4:
            if sibling.is_element_node:
                texts.append(_text(sibling)[:200])
                steps += 1
            sibling = sibling.next
    for node in tree.css("[class], [id]"):
        attrs = node.attributes
        if _DATE_HINT_WORDS.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            text = _text(node)
            if text and len(text) <= 120 and any(ch.isdigit() for ch in text):
                texts.append(text)
        if len(texts) > 40:
            break
    for text in texts:
        if text:
            found = _visible_date(text)
            if found:
                return datetime(found.year, found.month, found.day), "visible"
    return None, ""


# ---------------------------------------------------------------- cleaning


@dataclass
class _Cleaned:
    related: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)


_RELATED_FOLDED = tuple(_key(label) for label in _RELATED_LABELS)
_DROP_FOLDED = tuple(_key(label) for label in _DROP_LABELS)
_LABEL_INITIALS = frozenset(label[0] for label in (*_RELATED_FOLDED, *_DROP_FOLDED))


def _label_kind(text: str) -> str | None:
    """"related" or "drop" when ``text`` is a box label such as اقرأ أيضًا."""
    stripped = text.strip(" \t\r\n:：-–—|»«>•·")
    if not stripped or len(stripped) > _MAX_LABEL_CHARS:
        return None
    folded = _key(stripped)
    if not folded or folded[0] not in _LABEL_INITIALS:
        return None
    for label in _RELATED_FOLDED:
        if folded == label or folded.startswith((label + " ", label + ":")):
            return "related"
    for label in _DROP_FOLDED:
        if folded == label or folded.startswith(label + " "):
            return "drop"
    return None


def _chars(text: str) -> int:
    """Number of non-space characters."""
    return len("".join(text.split()))


def _sizes(node: LexborNode) -> tuple[int, int]:
    """(characters of text, characters of text inside links), whitespace ignored."""
    total = _chars(node.text(deep=True))
    linked = sum(_chars(a.text(deep=True)) for a in node.css("a"))
    return total, min(linked, total)


def _link_block(node: LexborNode, label_chars: int) -> bool:
    """True when ``node`` is links plus (at most) the label and a little glue text."""
    total, linked = _sizes(node)
    if linked == 0:
        return False
    loose = total - linked - label_chars
    # (a related list often dates each headline: 02 نوفمبر 2015 beside every link)
    return loose <= max(12, 0.35 * (total - label_chars))


def _related_block(label: LexborNode, label_chars: int) -> list[LexborNode] | None:
    """The nodes that make up the box labelled by ``label`` (or None if it is not a box)."""
    block: LexborNode | None = label if _link_block(label, label_chars) else None
    node = label
    while node.parent is not None and node.parent.tag not in _KEEP_TAGS:
        parent = node.parent
        if _link_block(parent, label_chars):
            block = parent
            node = parent
            continue
        total, _ = _sizes(node)
        if node is label or total <= label_chars + 2:
            # the label alone so far: keep climbing only through wrappers that hold nothing else
            parent_total, _ = _sizes(parent)
            if parent_total <= label_chars + 2:
                node = parent
                continue
        break
    if block is not None:
        return [block]
    # A bare heading followed by a list of links: take the heading and those siblings.
    head_total, _ = _sizes(node)
    if head_total > label_chars + 2:
        return None
    nodes = [node]
    sibling = node.next
    while sibling is not None:
        if sibling.is_element_node:
            if not _link_block(sibling, 0):
                break
            nodes.append(sibling)
        elif sibling.is_text_node and sibling.text(deep=False).strip():
            break
        sibling = sibling.next
    return nodes if len(nodes) > 1 else None


def _headlines(nodes: Iterable[LexborNode]) -> list[str]:
    out: list[str] = []
    for node in nodes:
        for a in node.css("a"):
            text = _text(a)
            if len(text) >= 8 and _label_kind(text) is None and (
                    _ARABIC_LETTER.search(text) or len(text.split()) >= 3):
                out.append(text)
    return out


def _removable(node: LexborNode, page_chars: int) -> bool:
    if node.tag in _KEEP_TAGS or node.css_first("h1, article, main") is not None:
        return False
    total, _ = _sizes(node)
    return total <= 0.6 * page_chars or page_chars == 0


def _inside(node: LexborNode, removed: set[int]) -> bool:
    current: LexborNode | None = node
    while current is not None:
        if current.mem_id in removed:
            return True
        current = current.parent
    return False


def _remove_related(tree: LexborHTMLParser, body: LexborNode, out: _Cleaned) -> None:
    """Remove labelled boxes (اقرأ أيضًا ... / الأكثر قراءة ...) and class="related" blocks."""
    boxes: list[tuple[list[LexborNode], str]] = []
    removed: set[int] = set()
    for text_node in body.traverse(include_text=True):
        if not text_node.is_text_node:
            continue
        raw = text_node.text(deep=False)
        if len(raw) > 200:
            continue
        kind = _label_kind(raw)
        label = text_node.parent
        if kind is None or label is None or label.tag in ("script", "style", "title"):
            continue
        if _inside(label, removed):
            continue
        nodes = _related_block(label, _chars(raw))
        if nodes:
            boxes.append((nodes, kind))
            removed.update(n.mem_id for n in nodes)
    page_chars = _chars(body.text(deep=True))
    for node in body.css("[class], [id]"):
        if not _names(node).isdisjoint(_RELATED_WORDS) and not _inside(node, removed) \
                and _removable(node, page_chars):
            total, linked = _sizes(node)
            if total and linked >= 0.5 * total:
                boxes.append(([node], "related"))
                removed.add(node.mem_id)
    for nodes, kind in boxes:
        if kind == "related":
            out.related.extend(_headlines(nodes))
        for node in nodes:
            node.remove()


# class/id words by which trafilatura discards a block, whatever it holds
_DISCARDED_WORDS = frozenset({"related", "relatedposts", "recommended", "similar", "also", "more"})
PROSE_CHARS = 80  # a block with this much unlinked text is prose
PROSE_LINKED = 0.15  # … when at most this share of its text is links


def _protect_prose(body: LexborNode) -> None:
    """A block named like boilerplate (class="related") that holds the article's own prose — a CMS
    putting the lead paragraph in the wrong box — loses the name, so that neither the pre-pass nor
    trafilatura removes it for its name: a block with the article's paragraphs is never let go."""
    for node in body.css("[class], [id]"):
        if _names(node).isdisjoint(_DISCARDED_WORDS):
            continue
        total, linked = _sizes(node)
        if total - linked >= PROSE_CHARS and linked <= PROSE_LINKED * total:
            for attr in ("class", "id"):
                if attr in node.attributes:
                    del node.attrs[attr]


def _previous_element(node: LexborNode) -> LexborNode | None:
    sibling = node.prev
    while sibling is not None:
        if sibling.is_element_node and sibling.text(deep=True).strip():
            return sibling
        sibling = sibling.prev
    return None


def _remove_boilerplate(tree: LexborHTMLParser, body: LexborNode) -> None:
    """Navigation, footers, sidebars, forms, share bars, comments, ads."""
    for node in tree.css(_NON_CONTENT):
        node.remove()
    page_chars = _chars(body.text(deep=True))
    doomed: list[LexborNode] = []
    removed: set[int] = set()
    for node in body.css(_STRUCTURAL):
        if not _inside(node, removed) and _removable(node, page_chars):
            doomed.append(node)
            removed.add(node.mem_id)
    for node in body.css("header"):
        if node.css_first("h1") is None and not _inside(node, removed) and _removable(node, page_chars):
            doomed.append(node)
            removed.add(node.mem_id)
    for node in body.css("[class], [id]"):
        names = _names(node)
        if names.isdisjoint(_JUNK_WORDS) or _inside(node, removed) or not _removable(node, page_chars):
            continue
        doomed.append(node)
        removed.add(node.mem_id)
        if not names.isdisjoint(_COMMENT_WORDS):
            notice = _previous_element(node)  # "we welcome comments... opinions below are the readers' own"
            if notice is not None and len(notice.text(deep=True)) < 800 \
                    and _COMMENT_NOTICE.search(notice.text(deep=True)) and _removable(notice, page_chars):
                doomed.append(notice)
                removed.add(notice.mem_id)
    for node in doomed:
        node.remove()


def _split_credit(text: str) -> tuple[str, str]:
    """Split a caption into (caption, credit); either may be empty."""
    paren = _TRAILING_PAREN.search(text)
    if paren:
        inner = paren.group(1).strip()
        credit = _CREDIT_MARKER.sub("", inner, count=1).strip() if _CREDIT_MARKER.match(inner) else inner
        if len(inner.split()) <= 6:
            return text[: paren.start()].strip(" -–—|،,"), credit
    marker = _CREDIT_MARKER.search(text)
    if marker:
        return text[: marker.start()].strip(" -–—|،,"), text[marker.end() :].strip(" -–—|،,.()")
    return text, ""


def _take_captions(body: LexborNode, out: _Cleaned) -> None:
    removed: set[int] = set()
    for node in body.css(_CREDITS):
        text = _text(node)
        if text:
            out.credits.append(_CREDIT_MARKER.sub("", text, count=1).strip(" -–—|،,.()"))
        removed.add(node.mem_id)
        node.remove()
    for node in body.css(_CAPTIONS):
        if _inside(node, removed):
            continue
        text = _text(node)
        removed.add(node.mem_id)
        node.remove()
        if not text:
            continue
        caption, credit = _split_credit(text)
        if caption:
            out.captions.append(caption)
        if credit:
            out.credits.append(credit)


def _remove_link_lists(body: LexborNode) -> None:
    """Paragraphs and lists whose text is (nearly) all links."""
    doomed: list[LexborNode] = []
    removed: set[int] = set()
    for node in body.css("p, ul, ol, dl"):
        if _inside(node, removed):
            continue
        total, linked = _sizes(node)
        if total and linked >= 0.8 * total:
            doomed.append(node)
            removed.add(node.mem_id)
    for node in doomed:
        node.remove()


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = _clean(item)
        key = _key(item)
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)


# ---------------------------------------------------------------- extraction


def _paragraphs(text: str, title: str, skip: set[str]) -> tuple[list[str], str]:
    """Body paragraphs from trafilatura's text, and a byline author if one led the text."""
    paragraphs: list[str] = []
    author = ""
    folded_title = _key(title)
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line or (paragraphs and paragraphs[-1] == line):
            continue
        if (skip or not paragraphs) and len(line) < 400:  # captions and headlines are short
            key = _key(line)
            if key in skip or (not paragraphs and folded_title and key == folded_title):
                continue  # a caption left in the text, or the headline repeated as the first line
        if len(paragraphs) < 2 and not author:
            byline = _BYLINE.match(line)
            if byline and len(byline.group(1).split()) <= 5:
                author = byline.group(1).strip()
                continue
        paragraphs.append(line)
    return paragraphs, author


def _run_trafilatura(html: str, url: str | None) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=False,  # rasid reads the metadata itself (faster, and keeps timezones)
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
    )


def _trafilatura_category(html: str) -> str:
    """The first of trafilatura's categories: the text of a link to a ``/category/`` (``/categories/``)
    page in the places a page shows its section, or a ``<meta name=subject>``; "" when there is none."""
    from trafilatura.metadata import extract_catstags
    from trafilatura.utils import load_html

    tree = load_html(html) if html else None
    if tree is None:
        return ""
    found = extract_catstags("category", tree)
    return _clean(found[0]) if found else ""


def _trafilatura_title(html: str, url: str | None) -> str:
    from trafilatura.metadata import extract_metadata

    return _clean(extract_metadata(html, default_url=url, extensive=False).title)


def _field(result: Any, name: str) -> Any:
    if result is None:
        return None
    if isinstance(result, dict):
        return result.get(name)
    return getattr(result, name, None)


def extract_html(html: str, *, origin: str, url: str | None = None) -> Article:
    """Extract the article of an HTML page.

    Raises :class:`InputError` for pages over :data:`MAX_HTML_CHARS` and
    :class:`ExtractionError` when the page holds no article (empty body,
    navigation only).
    """
    if len(html) > MAX_HTML_CHARS:
        raise InputError(
            f"the HTML page is too large to extract ({len(html) / 1e6:.1f} million characters, "
            f"limit {MAX_HTML_CHARS / 1e6:.0f} million)",
            origin=origin,
            hint="this is probably not a single article; split it or pass the article's own page",
        )
    if not html.strip():
        raise ExtractionError("the HTML page holds no article: it is empty", origin=origin,
                              hint="check that the download succeeded")

    tree = LexborHTMLParser(html)
    meta = _read_meta(tree)
    body = tree.body
    cleaned = _Cleaned()
    if body is not None:
        _protect_prose(body)  # first: a block of the article's prose is never removed for its name
        _remove_related(tree, body, cleaned)
        _remove_boilerplate(tree, body)
        _take_captions(body, cleaned)
        _remove_link_lists(body)

    result = _run_trafilatura(tree.html or "", url or meta.canonical or None)
    raw_text = _field(result, "text") or ""
    skip = {_key(c) for c in (*cleaned.captions, *cleaned.credits)}
    title = meta.title or _trafilatura_title(html, url)
    paragraphs, byline = _paragraphs(raw_text, title, skip)
    words = sum(len(p.split()) for p in paragraphs)
    longest = max((len(p.split()) for p in paragraphs), default=0)
    if not paragraphs or (longest < 8 and words < 25):
        reason = "no article text was found" if not paragraphs else \
            f"only {words} words of short lines were found (navigation or a list page)"
        raise ExtractionError(f"the HTML page holds no article: {reason}", origin=origin,
                              hint="pass the page of a single article, not a section or home page")

    text = "\n\n".join(paragraphs)
    tags = meta.tags  # trafilatura's tags come from <meta name=keywords>: site-wide SEO words
    metadata: dict[str, Any] = {
        "sitename": meta.site_name,
        "description": meta.description,
        "image": meta.image,
        "tags": _dedupe(tags),
        "date_source": meta.date_source,
        "canonical_url": meta.canonical,
    }
    return Article(
        id=Article.make_id(text, title, url),
        text=text,
        title=title,
        published=meta.published,
        url=url or meta.canonical or None,
        source=origin,
        category=meta.category or None,
        author=meta.author or byline or None,
        captions=_dedupe(cleaned.captions),
        credits=_dedupe(cleaned.credits),
        related=_dedupe(cleaned.related),
        language=meta.language or None,
        metadata={k: v for k, v in metadata.items() if v},
        offsets=OffsetMap(),
    )
