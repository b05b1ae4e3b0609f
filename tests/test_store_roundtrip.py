"""Articles written to the store come back equal, once."""

from __future__ import annotations

from store_samples import hts_article, salvation_article, undated_article

from rasid.store import open_store


def test_get_article_round_trips_every_layer(tmp_path):
    article = salvation_article()
    with open_store(tmp_path / "r.db") as store:
        assert store.save(article) is True
        back = store.get_article(article.id)
    assert back is not None
    assert back == article  # dataclass equality: every compared field and layer
    assert back.statements == article.statements
    assert back.statements[1].speaker.parent == article.statements[1].speaker.parent
    assert back.statements[0].date == article.statements[0].date
    assert back.published == article.published and back.published.utcoffset() == article.published.utcoffset()
    assert dict(back.metadata) == {"feed": "sample"}
    assert back.offsets == article.offsets


def test_unknown_article_is_none(tmp_path):
    with open_store(tmp_path / "r.db") as store:
        assert store.get_article("missing") is None


def test_articles_streams_every_article_in_full(tmp_path):
    originals = [salvation_article(), hts_article(), undated_article()]
    with open_store(tmp_path / "r.db") as store:
        assert store.save_many(originals) == [True, True, True]
        back = {a.id: a for a in store.articles()}
    assert back == {a.id: a for a in originals}


def test_same_article_twice_keeps_one(tmp_path):
    article = salvation_article()
    with open_store(tmp_path / "r.db") as store:
        assert store.save(article) is True
        assert store.save(article) is False
        assert store.save_many([hts_article(), article, hts_article()]) == [True, False, False]
        counts = store.counts()
    assert counts == {"articles": 2, "statements": 3, "targets": 3, "rejections": 0}


def test_replace_rewrites_layers(tmp_path):
    from dataclasses import replace

    article = salvation_article()
    with open_store(tmp_path / "r.db") as store:
        store.save(article)
        fewer = replace(article, statements=article.statements[:1])
        store.replace(fewer)
        assert store.get_article(article.id) == fewer
        assert store.counts()["statements"] == 1
        assert store.counts()["targets"] == 1


def test_delete_removes_layers(tmp_path):
    with open_store(tmp_path / "r.db") as store:
        store.save(salvation_article())
        assert store.delete("art-salvation") is True
        assert store.delete("art-salvation") is False
        assert store.counts() == {"articles": 0, "statements": 0, "targets": 0, "rejections": 0}
