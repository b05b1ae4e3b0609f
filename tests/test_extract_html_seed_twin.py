"""The reference article as a news page: the HTML path extracts the same article as the raw-text path.

The page is built at test time from ../shared's reference scrape, wrapped in news-site markup
written here (navigation, share bar, figure with caption and credit, an inline related box,
a related list, a category footer, comments); nothing of the article is committed.
"""

import html

import pytest

from rasid.extract.scrape import extract_scrape
from rasid.model import Document
from rasid.pipeline import run

from conftest import shared_path

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} | عنب بلدي</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
<meta property="article:section" content="{category}"></head>
<body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/syria">سوريا</a></li><li><a href="/economy">اقتصاد</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">الرئيسية</a> / <a href="/syria">{category}</a></div>
<main><article>
<h1>{title}</h1>
<div class="meta"><time datetime="{published}">{day} {time}</time></div>
<div class="share-bar"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
<figure><img src="/photo.jpg" alt=""><figcaption>{caption} ({credit})</figcaption></figure>
<div class="entry-content">
{body}
</div>
<section class="related-posts"><h3>مقالات متعلقة</h3><ul>{related}</ul></section>
</article></main>
<div class="more-category"><a href="/syria">المزيد من {category}</a></div>
<section id="comments"><h3>التعليقات</h3><p>لا توجد تعليقات بعد، كن أول من يعلق على هذا الخبر.</p></section>
<footer><p>جميع الحقوق محفوظة</p></footer>
</body></html>"""


def _twin():
    raw = shared_path("data", "seed", "enab_baladi_2024-11-30.txt").read_text(encoding="utf-8")
    scraped = extract_scrape(Document(origin="seed.txt", content=raw))
    paragraphs = [p for p in scraped.text.split("\n\n") if p.strip()]
    parts = []
    for i, p in enumerate(paragraphs):
        if len(p.split()) <= 4:
            parts.append(f"<h2>{html.escape(p)}</h2>")
        else:
            parts.append(f"<p>{html.escape(p)}</p>")
        if i == 6:  # an inline "read also" box between paragraphs
            parts.append('<div class="read-also"><strong>اقرأ أيضًا</strong> '
                         f'<a href="/r1">{html.escape(scraped.related[0])}</a></div>')
    caption_text = scraped.captions[0].rsplit("(", 1)[0].strip()
    page = PAGE.format(title=html.escape(scraped.title), published=scraped.published.isoformat() + "+03:00",
                       category=scraped.category, day=scraped.published.date().isoformat(),
                       time=scraped.published.strftime("%H:%M"), caption=html.escape(caption_text),
                       credit=html.escape(scraped.credits[0]), body="\n".join(parts),
                       related="".join(f'<li><a href="/r{i}">{html.escape(r)}</a></li>'
                                       for i, r in enumerate(scraped.related[2:], 2)))
    return raw, page


def _summary(article):
    return [(article.slice(s.cue), s.speaker.name, article.slice(s.content), s.date.value if s.date else None,
             sorted((t.target.key, str(t.stance)) for t in s.targets)) for s in article.statements]


def test_extract_html_seed_twin_gives_the_same_article_and_statements(kb):
    raw, page = _twin()
    from_text = run(Document(origin="seed.txt", content=raw), kb)
    from_html = run(Document(origin="seed.html", content=page, format="html"), kb)
    assert from_html.title == from_text.title
    assert from_html.published.replace(tzinfo=None) == from_text.published
    assert "مقالات متعلقة" not in from_html.text and "التعليقات" not in from_html.text
    assert any("ديان جنباز" in c for c in from_html.credits)
    assert "ديان جنباز" not in from_html.text
    assert _summary(from_html) == _summary(from_text)
