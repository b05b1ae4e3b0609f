"""Raw scraped text -> Article: title, date lines, captions, related headlines, category footer."""

from datetime import datetime

import pytest

from rasid.errors import ExtractionError
from rasid.extract.scrape import extract_scrape
from rasid.model import Document

from conftest import FIXTURES


@pytest.fixture
def article():
    raw = (FIXTURES / "scrape_council.txt").read_text(encoding="utf-8")
    return extract_scrape(Document(origin="scrape_council.txt", content=raw)), raw


def test_extract_scrape_title_and_datetime(article):
    a, _ = article
    assert a.title == "بلدية الوادي تطالب الأمم المتحدة بإغاثة عاجلة"  # "Wadi municipality asks the UN for relief"
    assert a.published == datetime(2023, 5, 14, 9, 40)  # ص = a.m.


def test_extract_scrape_caption_once_with_credit(article):
    a, _ = article
    assert len(a.captions) == 1 and a.captions[0].startswith("طفل يحمل مياهًا")  # "a child carrying water"
    assert a.credits == ("راصد \\ سلمى حداد",)
    assert "سلمى حداد" not in a.text


def test_extract_scrape_related_and_category_out_of_body(article):
    a, _ = article
    # an interleaved related headline and the "related articles" list leave the body
    assert "ارتفاع أسعار المحروقات" not in a.text
    assert "مقالات متعلقة" not in a.text and "كيف يعيش سكان المخيمات" not in a.text
    assert "ارتفاع أسعار المحروقات يهدد عمل محطات الضخ في الريف" in a.related
    assert "كيف يعيش سكان المخيمات في الصيف" in a.related  # list numbering removed
    assert a.category == "محليات" and "المزيد من" not in a.text


def test_extract_scrape_keeps_subheading_and_body(article):
    a, _ = article
    assert "نقص المياه" in a.text  # a short subheading stays as context
    assert a.text.startswith("طالبت بلدية الوادي")
    assert a.text.rstrip().endswith("دون رد.")


def test_extract_scrape_offsets_map_back_to_raw(article):
    a, raw = article
    start = a.text.index("وقال رئيس البلدية")
    raw_start = a.offsets.to_raw(start)
    assert raw[raw_start : raw_start + 17] == a.text[start : start + 17]


def test_extract_scrape_empty_is_an_error():
    with pytest.raises(ExtractionError, match="empty"):
        extract_scrape(Document(origin="empty.txt", content="   \n\n"))
