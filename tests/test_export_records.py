"""statement_record / article_record / shift_record follow the documented contract."""

from __future__ import annotations

from store_samples import hts_article, make_shift, salvation_article, small_kb, undated_article

from rasid.export import article_record, shift_record, statement_record


def test_statement_record_exact_shape():
    article = salvation_article()
    record = statement_record(article, article.statements[0], small_kb())
    assert record == {
        "id": "salv-1",
        "article": {"id": "art-salvation", "external_id": "n-1", "url": "https://news.example/a/1",
                    "title": "الإنقاذ ترفض الاتفاق", "published": "2024-03-11T09:30:00+03:00"},
        "speaker": {"name": "حكومة الإنقاذ", "surface": "حكومة الإنقاذ",
                    "aliases": ["الإنقاذ", "Salvation Government"], "actor_id": "salvation_gov",
                    "type": "government", "parent": None},
        "cue": "قالت",  # "said"
        "content": "إنها ترفض الاتفاق مع روسيا",  # "that it rejects the agreement with Russia"
        "sentence": "قالت حكومة الإنقاذ يوم الأحد إنها ترفض الاتفاق مع روسيا.",
        "span": [article.statements[0].content.start, article.statements[0].content.end],
        "direct": False,
        "date": {"value": "2024-03-10", "text": "يوم الأحد", "source": "relative"},  # "on Sunday"
        "targets": [{"name": "روسيا", "surface": "روسيا", "aliases": ["روسيا الاتحادية", "Russia"],
                     "actor_id": "rus", "stance": "against", "confidence": 0.8, "basis": "evidence"}],
        "kind": "reject",
        "places": [],  # the hand-built article names no place
    }
    start, end = record["span"]
    assert article.text[start:end] == record["content"]


def test_parent_and_publication_date_fallback():
    article = salvation_article()
    record = statement_record(article, article.statements[1], None)
    assert record["speaker"]["parent"] == {"name": "حكومة الإنقاذ", "actor_id": "salvation_gov"}
    assert record["speaker"]["aliases"] == []
    assert record["date"] == {"value": "2024-03-11", "text": None, "source": "publication"}
    assert record["targets"][0]["stance"] == "favor"
    assert record["targets"][0]["actor_id"] is None


def test_no_date_at_all_is_null():
    article = undated_article()
    record = statement_record(article, article.statements[0], small_kb())
    assert record["date"] is None
    assert record["article"]["published"] is None
    assert record["targets"] == []
    assert record["kind"] == "announce"


def test_direct_quote():
    article = hts_article()
    record = statement_record(article, article.statements[0], small_kb())
    assert record["direct"] is True
    assert record["content"] == "ندين قصف النظام للقرى"  # "we condemn the regime's shelling of the villages"
    assert record["speaker"]["aliases"] == ["تحرير الشام"]


def test_article_record():
    record = article_record(salvation_article())
    assert list(record) == ["id", "external_id", "url", "source", "title", "published", "text", "captions",
                            "credits", "category", "related", "author", "language", "places"]
    assert record["published"] == "2024-03-11T09:30:00+03:00"
    assert record["captions"] == ["صورة من إدلب"]  # "a picture from Idlib"
    assert record["language"] == "ar"


def test_shift_record_with_kb_and_articles():
    shift = make_shift()
    articles = {"art-salvation": salvation_article()}
    record = shift_record(shift, small_kb(), articles)
    assert record["actor"] == {"name": "هيئة تحرير الشام", "actor_id": "hts"}
    assert record["target"] == {"name": "روسيا", "actor_id": "rus"}
    assert (record["from"], record["to"], record["score"]) == ("against", "favor", 0.75)
    assert record["via"] == ["حكومة الإنقاذ"]
    assert record["before"] == {"statement": "salv-1", "article": "art-salvation", "date": "2024-03-10",
                                "quote": "إنها ترفض الاتفاق مع روسيا", "speaker": "حكومة الإنقاذ"}
    # the second article is not at hand: no quote, the statement's own date
    assert record["after"]["quote"] is None
    assert record["after"]["date"] == "2024-03-10"


def test_shift_record_without_kb_uses_mentions():
    record = shift_record(make_shift(via=()), None)
    assert record["target"] == {"name": "روسيا", "actor_id": "rus"}
    assert record["actor"] == {"name": "hts", "actor_id": None}
    assert record["via"] == []
