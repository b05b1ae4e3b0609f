"""Articles rebuilt from a token-per-line NER corpus (ANERcorp's format) for training annotations.

The corpus below is written for the test in that format (one token and its tag per line, a blank
line between sentences): a wire story with a dateline, its follow-up sentences, then a second
story with another dateline.
"""

import json

from rasid.learn.anercorp import articles, detokenise

CORPUS = """\
عمان O
( O
بترا B-ORG
) O
قال O
وزير O
الخارجية O
إن O
" O
الحوار O
مستمر O
" O
، O
مؤكدا O
أهمية O
العلاقات O
. O

وأضاف O
أن O
بلاده O
ترحب O
بالاتفاق O
. O

بيروت B-LOC
- O
سامر O
خليل O
- O
أعلن O
رئيس O
الحكومة O
أمس O
انتهاء O
الأزمة O
. O

وقال O
إن O
الوضع O
مستقر O
. O
"""


def test_detokenise_puts_punctuation_and_quotation_marks_back_on_their_words():
    tokens = ["قال", "الوزير", "إن", '"', "الحوار", "مستمر", '"', "،", "مؤكدا", "(", "بترا", ")", "."]
    # "the minister said that 'the dialogue goes on', affirming (Petra)."
    assert detokenise(tokens) == 'قال الوزير إن "الحوار مستمر"، مؤكدا (بترا).'


def test_articles_start_at_datelines_and_keep_the_corpus_order(tmp_path):
    (tmp_path / "train.txt").write_text(CORPUS, encoding="utf-8")
    built = articles(tmp_path)
    assert [a["id"] for a in built] == ["anercorp-0001", "anercorp-0002"]
    first, second = (a["text"].splitlines() for a in built)
    assert first == ['عمان (بترا) قال وزير الخارجية إن "الحوار مستمر"، مؤكدا أهمية العلاقات.',
                     "وأضاف أن بلاده ترحب بالاتفاق."]
    assert second[0].startswith("بيروت - سامر خليل - أعلن")
    assert {a["outlet"] for a in built} == {"ANERcorp"}
    assert articles(tmp_path) == built  # deterministic: annotations refer to these ids


def test_the_annotations_of_rebuilt_articles_match_their_texts(shared):
    # every quote and cue of the committed ANERcorp annotations is found in the article rebuilt today
    from rasid.learn.train import ANNOTATIONS

    folder = shared("data", "ner", "anercorp")
    texts = {a["id"]: a["text"] for a in articles(folder)}
    files = sorted(ANNOTATIONS.glob("anercorp_*.gold.jsonl"))
    rows = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        for st in row["statements"]:
            assert st["quote"] in texts[row["id"]], (row["id"], st["quote"])
