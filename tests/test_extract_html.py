"""HTML page -> Article on a hand-written Arabic news page and on broken or empty pages."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from rasid.errors import ExtractionError, InputError
from rasid.extract.html import MAX_HTML_CHARS, extract_html
from rasid.ingest.decode import decode
from rasid.model import Article, OffsetMap

FIXTURE = Path(__file__).parent / "fixtures" / "html" / "news_water_plan.html"

# The five body paragraphs of the fixture (glossed in the fixture's HTML comment).
PARAGRAPHS = [
    ("قال وزير الموارد المائية سامر الحداد، اليوم الثلاثاء، إن الحكومة ستطلق الأسبوع المقبل خطة وطنية "
    "لترشيد استهلاك المياه في المدن الكبرى، مؤكدًا أن مخزون السدود تراجع إلى أدنى مستوى منذ عشر سنوات."),
    ("وأوضح الحداد في مؤتمر صحفي عقده في مقر الوزارة أن الخطة تتضمن جدولًا لتوزيع المياه على الأحياء "
    "بالتناوب، وحملة لإصلاح الشبكات القديمة التي يضيع فيها نحو ثلث الكميات المضخوخة."),
    ("وانتقد الوزير ما وصفه بـ\"التعديات المتكررة\" على خطوط المياه الرئيسية، محذرًا من أن الوزارة ستحيل "
    "المخالفين إلى القضاء دون استثناء."),
    ("في المقابل، رحبت جمعية حماية المستهلك بالخطة، لكنها طالبت الحكومة بنشر جداول التوزيع مسبقًا حتى "
    "تتمكن الأسر من الاستعداد."),
    "ومن المتوقع أن يعرض الوزير تفاصيل الخطة على مجلس النواب في جلسته المقبلة.",
]
TITLE = "وزير المياه: خطة وطنية لترشيد الاستهلاك خلال الصيف"  # Water minister: a national plan ...
RELATED = (
    "الحكومة تبحث رفع تعرفة المياه للاستخدام التجاري",  # inline "read also" box
    "انخفاض منسوب السدود يثير قلق المزارعين",  # "related articles" list
    "بلديات تعلن صيانة عاجلة لشبكات المياه",
    "خبراء: تغير المناخ يهدد الأمن المائي في المنطقة",
)


@pytest.fixture(scope="module")
def page() -> str:
    return FIXTURE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article(page: str) -> Article:
    return extract_html(page, origin="fixtures/news_water_plan.html", url="https://example.org/news/2210")


def test_body_is_exactly_the_story_paragraphs(article: Article) -> None:
    assert article.text.split("\n\n") == PARAGRAPHS


def test_boilerplate_is_gone(article: Article) -> None:
    for junk in (
        "اقرأ أيضًا",  # read also
        "حمّلوا تطبيق",  # link-only promo paragraph ("download the app")
        "الخطة جيدة لكن",  # reader comment
        "الأكثر قراءة",  # most read
        "ارتفاع أسعار الخضار",  # a most-read headline
        "جميع الحقوق محفوظة",  # footer: all rights reserved
        "شارك الخبر",  # share bar
        "كتبت",  # byline
        "الطقس اليوم",  # weather widget
    ):
        assert junk not in article.text


def test_captions_and_credits_are_kept_apart(article: Article) -> None:
    assert article.captions == (
        "منسوب المياه في أحد السدود الرئيسية مطلع الشهر الجاري",  # the dam level this month
        "الوزير سامر الحداد خلال المؤتمر الصحفي",  # the minister at the press conference
    )
    assert article.credits == ("خالد يوسف", "وكالة الأنباء الوطنية")  # photographer; news agency
    for piece in (*article.captions, *article.credits):
        assert piece not in article.text


def test_related_headlines(article: Article) -> None:
    assert article.related == RELATED
    for headline in RELATED:
        assert headline not in article.text


def test_metadata(article: Article) -> None:
    assert article.title == TITLE
    assert article.published == datetime(2024, 5, 14, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    assert article.author == "ليلى منصور"  # Layla Mansour
    assert article.category == "محليات"  # local news
    assert article.metadata["tags"] == ("المياه", "الصيف")  # water, summer
    assert article.metadata["sitename"] == "شبكة الأفق الإخبارية"
    assert article.language == "ar"
    assert article.source == "fixtures/news_water_plan.html"
    assert article.url == "https://example.org/news/2210"
    assert article.offsets == OffsetMap()
    assert article.id == Article.make_id(article.text, article.title, article.url)


def test_same_page_same_id(page: str, article: Article) -> None:
    again = extract_html(page, origin="elsewhere.html")
    assert again.id == article.id


def _without_gloss(page: str) -> str:
    return re.sub(r"<!--.*?-->", "", page, flags=re.DOTALL)


def test_windows_1256_page(page: str, article: Article) -> None:
    legacy = _without_gloss(page).replace('<meta charset="utf-8">', '<meta charset="windows-1256">')
    text = decode(legacy.encode("cp1256"), origin="legacy.html")
    result = extract_html(text, origin="legacy.html")
    assert result.text == article.text and result.title == article.title
    assert result.related == article.related and result.credits == article.credits


def test_iso_8859_6_page_without_declaration(page: str, article: Article) -> None:
    legacy = _without_gloss(page).replace('<meta charset="utf-8">', "").replace("©", "")
    text = decode(legacy.encode("iso-8859-6"), origin="legacy.html")
    result = extract_html(text, origin="legacy.html")
    assert result.text == article.text


def test_bom_page(page: str, article: Article) -> None:
    text = decode(page.encode("utf-8-sig"), origin="bom.html")
    assert not text.startswith("\ufeff")
    assert extract_html(text, origin="bom.html").text == article.text


def test_binary_file_is_refused_before_extraction() -> None:
    with pytest.raises(InputError, match="PNG"):
        decode(b"\x89PNG\r\n\x1a\n" + bytes(200), origin="photo.html")


@pytest.mark.parametrize("marker", [
    "يضيع فيها نحو",  # inside the second paragraph
    "<li><a href=\"/news/2185\">",  # inside the related list
    "<textarea",  # inside the comment form
    "</footer>",  # just before the end
])
def test_truncated_html_does_not_crash(page: str, marker: str) -> None:
    truncated = page[: page.index(marker) + 7]
    result = extract_html(truncated, origin="cut.html")
    assert result.text.startswith(PARAGRAPHS[0])


def test_page_cut_before_the_story_has_no_article(page: str) -> None:
    with pytest.raises(ExtractionError):
        extract_html(page[: page.index("<figure")], origin="cut.html")


def test_malformed_markup(page: str) -> None:
    broken = page.replace("</p>", "").replace("</div>", "</span>").replace("<body", "<body <<")
    result = extract_html(broken, origin="broken.html")
    assert PARAGRAPHS[0] in result.text


NAV_ONLY = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>الأقسام | شبكة الأفق</title></head>
<body><header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/local">محليات</a></li>
<li><a href="/world">عربي ودولي</a></li></ul></nav></header>
<main><ul class="list"><li><a href="/n/1">انخفاض منسوب السدود يثير قلق المزارعين</a></li>
<li><a href="/n/2">بلديات تعلن صيانة عاجلة لشبكات المياه</a></li></ul></main>
<footer><p>جميع الحقوق محفوظة</p></footer></body></html>"""


@pytest.mark.parametrize("html", [NAV_ONLY, "<html><body></body></html>", "   ", "<p>نعم</p>"])
def test_page_without_article(html: str) -> None:
    with pytest.raises(ExtractionError) as info:
        extract_html(html, origin="section.html")
    assert "section.html" in str(info.value) and "article" in str(info.value)


def test_huge_page_is_refused() -> None:
    with pytest.raises(InputError) as info:
        extract_html("<p>" + "ا" * MAX_HTML_CHARS + "</p>", origin="huge.html")
    assert "huge.html" in str(info.value) and "20" in str(info.value)


# A body paragraph that starts like a box label ("more of ...") and holds a link is still body text.
LABEL_LIKE = """<html lang="ar"><head><title>خبر</title></head><body><article><h1>ارتفاع الطلب على المياه</h1>
<p>المزيد من الأسر باتت تشتري <a href="/t">المياه المعبأة</a> بعد انقطاع الضخ عن أحياء واسعة في المدينة خلال الأسبوع الماضي.</p>
<p>وقال مسؤول في البلدية إن فرق الصيانة تعمل على إصلاح الأعطال في المحطة الرئيسية وإن الضخ سيعود تدريجيًا خلال يومين.</p>
</article></body></html>"""


def test_body_paragraph_that_looks_like_a_label_is_kept() -> None:
    # gloss: "More families now buy bottled water after pumping stopped ..." / "A municipal official said ..."
    result = extract_html(LABEL_LIKE, origin="label.html")
    assert result.text.startswith("المزيد من الأسر باتت تشتري المياه المعبأة")
    assert result.related == ()
    assert result.title == "ارتفاع الطلب على المياه"  # rising demand for water (from <h1>)


def _titled(head: str, h1: str = "") -> str:
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return f"""<html lang="ar"><head>{head}</head><body><article>{heading}
<p>وقال مسؤول في البلدية إن فرق الصيانة تعمل على إصلاح الأعطال في المحطة الرئيسية وإن الضخ سيعود تدريجيًا.</p>
</article></body></html>"""


@pytest.mark.parametrize("head, h1, expected", [
    # <title> with the site name after " | " (og:site_name given)
    ('<title>عودة الضخ خلال يومين | شبكة الأفق</title><meta property="og:site_name" content="شبكة الأفق">',
     "", "عودة الضخ خلال يومين"),
    # <title> with a short site tag and no og:site_name
    ("<title>عودة الضخ خلال يومين - Afaq News</title>", "", "عودة الضخ خلال يومين"),
    # og:title wins over <title>; its own " - " is part of the headline
    ('<meta property="og:title" content="الحداد - وزير المياه: لا تقنين"><title>x | y</title>', "",
     "الحداد - وزير المياه: لا تقنين"),
    # no metadata: the <h1>
    ("", "عودة الضخ خلال يومين", "عودة الضخ خلال يومين"),
])
def test_title_sources(head: str, h1: str, expected: str) -> None:
    # glosses: "pumping returns within two days"; "Haddad - water minister: no rationing"
    assert extract_html(_titled(head, h1), origin="t.html").title == expected


@pytest.mark.parametrize("head, body_extra, expected", [
    (('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
     '"datePublished": "2024-05-14T06:30:00Z", "author": {"@type": "Person", "name": "ليلى منصور"}}</script>'),
     "", datetime(2024, 5, 14, 6, 30, tzinfo=UTC)),
    ("", '<span property="dc:date" content="2024-05-14T00:00:00+01:00">14 ماي 2024</span>',
     datetime(2024, 5, 14, tzinfo=timezone(timedelta(hours=1)))),
    ("", '<time datetime="2024-05-14T09:30:00+03:00">الثلاثاء</time>',
     datetime(2024, 5, 14, 9, 30, tzinfo=timezone(timedelta(hours=3)))),
    ("", '<div class="post-date">نشر في 2024/05/14</div>', datetime(2024, 5, 14)),  # "published on"
])
def test_publication_date_sources(head: str, body_extra: str, expected: datetime) -> None:
    page = _titled(head + "<title>عودة الضخ خلال يومين</title>").replace("<article>", "<article>" + body_extra)
    assert extract_html(page, origin="d.html").published == expected


def test_json_ld_author() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "عودة الضخ", '
            '"author": [{"@type": "Person", "name": "ليلى منصور"}]}</script>')
    article = extract_html(_titled(head), origin="a.html")
    assert article.author == "ليلى منصور"  # Layla Mansour
    assert article.title == "عودة الضخ"  # "pumping returns" (JSON-LD headline)
