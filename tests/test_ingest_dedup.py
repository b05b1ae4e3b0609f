"""Exact and near duplicates (wire copies), the duplicate_of link in the store, rebuilding from the store."""

from __future__ import annotations

import sqlite3

import pytest

from rasid.errors import ConfigError
from rasid.ingest.dedup import DUPLICATE, NEAR_DUPLICATE, NEW, Deduplicator, text_hash
from rasid.model import Article
from rasid.store import open_store

# A wire story written for these tests. Gloss: "The foreign minister said on Tuesday that his country rejects
# the new sanctions imposed by the European Union, calling for a comprehensive dialogue between all parties
# to end the crisis. He added in a press conference in the capital that the government will present a new
# initiative next week that includes releasing detainees and opening the crossings for humanitarian aid.
# The opposition spokesman, for his part, warned that the economic situation will deteriorate further if
# the negotiations are delayed, stressing that the people can no longer bear more suffering."
WIRE = ("قال وزير الخارجية يوم الثلاثاء إن بلاده ترفض العقوبات الجديدة التي فرضها الاتحاد الأوروبي، "
        "داعيا إلى حوار شامل بين جميع الأطراف لإنهاء الأزمة. وأضاف في مؤتمر صحفي عقده في العاصمة أن "
        "الحكومة ستقدم مبادرة جديدة الأسبوع المقبل تتضمن الإفراج عن المعتقلين وفتح المعابر أمام المساعدات "
        "الإنسانية. من جهته، حذر المتحدث باسم المعارضة من أن الوضع الاقتصادي سيزداد سوءا إذا تأخرت "
        "المفاوضات، مؤكدا أن الشعب لم يعد يحتمل مزيدا من المعاناة.")
# The same story republished with diacritics, other punctuation and spacing (an exact duplicate once folded).
WIRE_RESPACED = WIRE.replace("قال", "قَالَ").replace("،", " ,").replace(". ", ".\n\n")
# A syndicated copy: a dateline in front ("Damascus - agencies:") and a sign-off ("(Reuters)").
WIRE_COPY = "دمشق - وكالات: " + WIRE.replace("يوم الثلاثاء", "الثلاثاء") + " (رويترز)"
# A different story on the same event. Gloss: "The European Union announced on Monday new sanctions on
# officials accused of obstructing the political solution, and its spokeswoman said the measures target
# individuals and companies, not the people, and that the door of dialogue remains open if the government
# shows seriousness in the negotiations."
OTHER = ("أعلن الاتحاد الأوروبي يوم الاثنين فرض عقوبات جديدة على مسؤولين متهمين بعرقلة الحل السياسي، "
         "وقالت المتحدثة باسمه إن الإجراءات تستهدف أفرادا وشركات وليس الشعب، وإن باب الحوار يبقى مفتوحا "
         "إذا أبدت الحكومة جدية في المفاوضات الجارية برعاية الأمم المتحدة.")


def _article(text: str, title: str = "") -> Article:
    return Article(id=Article.make_id(text, title), text=text, title=title)


def test_new_then_exact_then_near_duplicate() -> None:
    dedup = Deduplicator()
    first = _article(WIRE, "عنوان أول")  # "first headline"
    assert dedup.check(first) == (NEW, None)
    respaced = _article(WIRE_RESPACED, "عنوان آخر")  # "another headline": other id, same folded text
    assert respaced.id != first.id
    assert dedup.check(respaced) == (DUPLICATE, first.id)
    assert dedup.check(_article(WIRE_COPY)) == (NEAR_DUPLICATE, first.id)
    assert dedup.check(_article(OTHER)) == (NEW, None)


def test_same_article_twice_gets_the_same_verdict() -> None:
    dedup = Deduplicator()
    first, copy = _article(WIRE), _article(WIRE_COPY)
    dedup.check(first)
    assert dedup.check(copy) == dedup.check(copy) == (NEAR_DUPLICATE, first.id)
    assert dedup.check(first) == (NEW, None)
    assert len(dedup) == 2


def test_copies_of_a_copy_point_to_the_first_original() -> None:
    dedup = Deduplicator()
    first = _article(WIRE)
    dedup.check(first)
    dedup.check(_article(WIRE_COPY))
    second_copy = _article(WIRE_COPY + " تحديث")  # "update"
    assert dedup.check(second_copy) == (NEAR_DUPLICATE, first.id)


def test_check_without_add_does_not_remember() -> None:
    dedup = Deduplicator()
    article = _article(WIRE)
    assert dedup.check(article, add=False) == (NEW, None)
    assert dedup.check(_article(WIRE_COPY)) == (NEW, None)


def test_similarity_separates_copies_from_other_stories() -> None:
    dedup = Deduplicator()
    assert dedup.similarity(WIRE, WIRE_COPY) >= 0.7
    assert dedup.similarity(WIRE, OTHER) < 0.2
    assert text_hash(WIRE) == text_hash(WIRE_RESPACED)


def test_short_texts_only_get_the_exact_check() -> None:
    dedup = Deduplicator()
    short = _article("عاجل: انفجار في العاصمة")  # "breaking: explosion in the capital"
    assert dedup.check(short) == (NEW, None)
    assert dedup.check(_article("عاجل: انفجار قوي في العاصمة")) == (NEW, None)  # "...a strong explosion..."


def test_bad_threshold_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        Deduplicator(threshold=1.5)


def test_store_marks_duplicates_and_rebuilds_the_index(tmp_path) -> None:
    first, copy, other = _article(WIRE), _article(WIRE_COPY), _article(OTHER)
    with open_store(tmp_path / "d.db") as store:
        dedup = Deduplicator.from_store(store)
        for article in (first, copy, other):
            _, original = dedup.check(article)
            store.save(article)
            if original is not None:
                assert store.mark_duplicate(article.id, original)
        assert store.duplicate_of(copy.id) == first.id
        assert store.duplicate_of(first.id) is None
        assert not store.mark_duplicate("no-such-id", first.id)
        rebuilt = Deduplicator.from_store(store)
    assert rebuilt.check(copy) == (NEAR_DUPLICATE, first.id)
    assert rebuilt.check(_article(WIRE_RESPACED, "x")) == (DUPLICATE, first.id)
    assert rebuilt.check(_article(WIRE_COPY + " (أ ف ب)")) == (NEAR_DUPLICATE, first.id)  # "(AFP)"
    assert len(rebuilt) == 5


def test_store_remembers_seen_urls(tmp_path) -> None:
    url = "https://news.example/ar/2024/11/30/story"
    with open_store(tmp_path / "s.db") as store:
        assert not store.has_url(url)
        store.remember_url(url, "document")
        store.remember_url(url, "fetch")  # a second record is ignored
        assert store.has_url(url)
        article = Article(id="a1", text=WIRE, url="https://news.example/stored")
        store.save(article)
        assert store.has_url("https://news.example/stored")  # stored articles count as seen


@pytest.mark.sqlite_only
def test_a_0001_database_is_upgraded_in_place(tmp_path) -> None:
    from alembic import command

    from rasid.store.db import _alembic_config, head_revision, make_engine, resolve_url

    path = tmp_path / "old.db"
    engine = make_engine(resolve_url(path))
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO articles (id, title, text, ingested_at) VALUES ('old', '', ?, '2024-01-01')", (WIRE,))
    con.commit()
    con.close()
    with open_store(path) as store:
        assert store.duplicate_of("old") is None
        assert [row[0] for row in store.article_texts()] == ["old"]
        assert store.mark_duplicate("old", "other")
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    assert con.execute("SELECT duplicate_of FROM articles WHERE id = 'old'").fetchone() == ("other",)
    con.close()
