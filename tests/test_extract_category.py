"""The article's category, from every input form that gives one (issue 13): record fields, CSV columns,
HTML metadata, trafilatura's category links, and a feed entry's <category>."""

from __future__ import annotations

import json

import pytest
from ingest_support import SENTENCE_1, SENTENCE_2, SENTENCE_3, LocalServer, Route, article_page

from rasid.extract import extract, record_category
from rasid.ingest import iter_documents
from rasid.ingest.feeds import fetch_feeds, parse_feed
from rasid.model import Document

BODY = "قالت وزارة الخارجية التركية إن الحدود ستبقى مفتوحة أمام المساعدات الإنسانية خلال الأسابيع المقبلة."
# "The Turkish foreign ministry said the border will stay open to humanitarian aid in the coming weeks."
POLITICS = "سياسة"  # politics
ECONOMY = "اقتصاد"  # economy


def _one(paths) -> object:
    (doc,) = list(iter_documents([str(p) for p in paths]))
    return extract(doc)


@pytest.mark.parametrize("fields,expected", [
    ({"category": POLITICS}, POLITICS),
    ({"section": POLITICS}, POLITICS),
    ({"categories": ["", POLITICS, ECONOMY]}, POLITICS),
    ({"category": "  ", "section": ECONOMY}, ECONOMY),
    ({"category": 7}, None),
    ({}, None),
])
def test_record_category_fields(fields, expected):
    assert record_category(fields) == expected


@pytest.mark.parametrize("field", ["category", "section"])
def test_jsonl_record_category(tmp_path, field):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"title": "خبر", "text": BODY, field: POLITICS}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    article = _one([path])
    assert article.category == POLITICS and article.metadata[field] == POLITICS


def test_jsonl_html_record_prefers_its_own_category(tmp_path):
    page = article_page().replace("</head>", f'<meta property="article:section" content="{ECONOMY}"></head>')
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"url": "https://example.org/1", "html": page, "section": POLITICS},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    assert _one([path]).category == POLITICS
    path.write_text(json.dumps({"url": "https://example.org/1", "html": page}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    assert _one([path]).category == ECONOMY  # the page's own, when the record gives none


@pytest.mark.parametrize("column", ["category", "section"])
def test_csv_category_column(tmp_path, column):
    path = tmp_path / "s.csv"
    path.write_text(f"title,text,{column}\nخبر,{BODY},{POLITICS}\n", encoding="utf-8")
    assert _one([path]).category == POLITICS


def test_csv_category_column_mapped(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(f"title,text,القسم\nخبر,{BODY},{POLITICS}\n", encoding="utf-8")  # "the section"
    (doc,) = list(iter_documents([str(path)], csv_columns={"category": "القسم"}))
    assert extract(doc).category == POLITICS


def _html(head: str = "", body_extra: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in (SENTENCE_1, SENTENCE_2, SENTENCE_3))
    return (f'<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خبر</title>{head}</head>'
            f"<body>{body_extra}<article><h1>خبر</h1>{paragraphs}</article></body></html>")


@pytest.mark.parametrize("head,body_extra", [
    (f'<meta property="article:section" content="{POLITICS}">', ""),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "articleSection": "%s"}</script>' % POLITICS, ""),
    # no metadata: trafilatura's category links (a /category/ page linked where a page shows its section)
    ("", f'<header class="entry-header"><span class="cat-links"><a href="/category/politics/">{POLITICS}</a></span></header>'),
    ("", f'<div class="entry-meta"><a href="/category/politics/" rel="category tag">{POLITICS}</a></div>'),
])
def test_html_category(head, body_extra):
    article = extract(Document(origin="p.html", content=_html(head, body_extra), format="html"))
    assert article.category == POLITICS


def test_html_without_category_has_none():
    assert extract(Document(origin="p.html", content=_html(), format="html")).category is None


RSS = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>'
       "<link>https://news.example/</link>"
       f"<item><title>خبر</title><link>{{link}}</link><category>{POLITICS}</category>"
       f"<category>{ECONOMY}</category></item></channel></rss>")


def test_rss_category_is_the_entry_first_category():
    (entry,) = parse_feed(RSS.format(link="https://news.example/a").encode(), origin="https://news.example/rss")
    assert entry.category == POLITICS and entry.fields()["feed_category"] == POLITICS


def test_atom_category_term():
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            f'<entry><title>خبر</title><link href="/p/1"/><category term="{POLITICS}"/><id>urn:x:1</id></entry></feed>')
    (entry,) = parse_feed(atom.encode(), origin="https://news.example/atom.xml")
    assert entry.category == POLITICS


def test_feed_category_fills_a_page_without_one():
    fast = {"allow_private": True, "host_delay": 0, "backoff": 0, "retries": 0, "timeout": 5}
    xml = {"Content-Type": "application/rss+xml; charset=utf-8"}
    with LocalServer({"/a": Route(200, article_page().encode()), "/b": Route(200, b"", xml)}) as srv:
        with_section = article_page().replace("</head>", f'<meta property="article:section" content="{ECONOMY}"></head>')
        srv.routes["/rss"] = Route(200, RSS.format(link=srv.url("/a")).encode(), xml)
        srv.routes["/rss2"] = Route(200, RSS.format(link=srv.url("/b")).encode(), xml)
        srv.routes["/b"] = Route(200, with_section.encode())
        (plain,) = list(fetch_feeds([srv.url("/rss")], **fast))
        (own,) = list(fetch_feeds([srv.url("/rss2")], **fast))
    assert extract(plain).category == POLITICS  # the page gives none: the feed's
    assert extract(own).category == ECONOMY  # the page's own wins
