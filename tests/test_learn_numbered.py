"""Training annotations of a corpus whose records carry no id name its articles by line number."""

from __future__ import annotations

import gzip
import json

from rasid.learn.train import NUMBERED, numbered_articles


def test_an_article_is_named_by_its_line_number(tmp_path):
    path = tmp_path / NUMBERED["almayadeen-"]
    path.parent.mkdir(parents=True)
    texts = ["قال الوزير إن الحل قريب.", "أكدت الحركة أن المقاومة مستمرة.", "نفت الوزارة الخبر."]  # three short reports
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for text in texts:
            fh.write(json.dumps({"text": text, "published": "2024-01-01"}, ensure_ascii=False) + "\n")
    found = numbered_articles(tmp_path, {"almayadeen-00001", "almayadeen-00007", "pool-0001", "almayadeen-x"})
    assert list(found) == ["almayadeen-00001"]
    assert found["almayadeen-00001"]["text"] == texts[1] and found["almayadeen-00001"]["id"] == "almayadeen-00001"


def test_no_corpus_no_articles(tmp_path):
    assert numbered_articles(tmp_path, {"almayadeen-00001"}) == {}
