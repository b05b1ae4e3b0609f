"""Store.statements filters by speaker, target, dates and article."""

from __future__ import annotations

from datetime import date

import pytest
from store_samples import hts_article, salvation_article, undated_article

from rasid.store import open_store


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "f.db") as s:
        s.save_many([salvation_article(), hts_article(), undated_article()])
        yield s


def ids(pairs) -> list[str]:
    return [st.id for _, st in pairs]


def test_no_filter_returns_all_dated_first(store):
    # salv-1 is dated 2024-03-10 (its own date), salv-2 falls back to 2024-03-11, hts-1 to 2024-05-02
    assert ids(store.statements()) == ["salv-1", "salv-2", "hts-1", "tur-1"]


def test_speaker_substring_on_folded_name(store):
    # الإنقاذ "the Salvation": the government and its ministry (whose name contains it)
    assert ids(store.statements(speaker="الإنقاذ")) == ["salv-1", "salv-2"]
    # written without hamza: folding makes it match
    assert ids(store.statements(speaker="الانقاذ")) == ["salv-1", "salv-2"]
    # تحرير الشام "Tahrir al-Sham"
    assert ids(store.statements(speaker="تحرير الشام")) == ["hts-1"]


def test_speaker_by_actor_id_and_surface(store):
    assert ids(store.statements(speaker="salvation_gov")) == ["salv-1"]
    # وزارة الاقتصاد "Ministry of Economy" is the surface form of salv-2's speaker
    assert ids(store.statements(speaker="وزارة الاقتصاد")) == ["salv-2"]
    assert ids(store.statements(speaker="nobody")) == []


def test_speaker_wildcards_are_literal(store):
    assert ids(store.statements(speaker="%")) == []
    assert ids(store.statements(speaker="_")) == []


def test_target_filter(store):
    assert ids(store.statements(target="rus")) == ["salv-1"]
    # روسيا "Russia"; النظام "the regime" matches the target name النظام السوري "the Syrian regime"
    assert ids(store.statements(target="روسيا")) == ["salv-1"]
    assert ids(store.statements(target="النظام")) == ["hts-1"]
    assert ids(store.statements(speaker="الإنقاذ", target="إدلب")) == ["salv-2"]


def test_date_filters_use_statement_date_then_publication(store):
    assert ids(store.statements(since=date(2024, 3, 11))) == ["salv-2", "hts-1"]
    assert ids(store.statements(until=date(2024, 3, 10))) == ["salv-1"]
    assert ids(store.statements(since=date(2024, 3, 10), until=date(2024, 3, 11))) == ["salv-1", "salv-2"]
    assert ids(store.statements(since=date(2025, 1, 1))) == []


def test_article_filter_and_light_article(store):
    pairs = list(store.statements(article="art-hts"))
    assert ids(pairs) == ["hts-1"]
    article, st = pairs[0]
    assert article.id == "art-hts" and article.url == "https://news.example/a/2"
    assert article.title == "تحرير الشام تدين القصف"
    assert article.published is not None and article.published.isoformat() == "2024-05-02T14:00:00+03:00"
    # the text is there so the statement's spans can be read
    assert article.slice(st.content) == "ندين قصف النظام للقرى"
    assert st == hts_article().statements[0]


def test_small_pages_give_the_same_results(store, monkeypatch):
    import rasid.store.store as module

    everything = ids(store.statements())
    monkeypatch.setattr(module, "_BATCH", 1)
    assert ids(store.statements()) == everything
    assert sorted(a.id for a in store.articles()) == ["art-hts", "art-salvation", "art-undated"]


def test_an_actor_id_matches_that_actor_only(tmp_path):
    # a speaker whose name contains the letters of an id ("Brussels Signal" holds "rus") is not Russia
    from dataclasses import replace

    from rasid.model import Mention

    article = salvation_article()
    first = article.statements[0]
    brussels = Mention(first.speaker.span, "Brussels Signal", "Brussels Signal", None, "media", "ner")
    other = replace(first, id="bs-1", speaker=brussels)
    russia = replace(article.statements[1], id="ru-1", speaker=Mention(first.speaker.span, "روسيا", "روسيا", "rus",
                                                                         "country", "kb"))
    with open_store(tmp_path / "ids.db") as s:
        s.save(replace(article, statements=(other, russia)))
        assert ids(s.statements(speaker="rus")) == ["ru-1"]
        assert ids(s.statements(speaker="brussels")) == ["bs-1"]  # not an id: a part of a name
