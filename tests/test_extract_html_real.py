"""HTML extraction on three real Arabic news pages from /work/shared (skipped when absent).

The pages and their expected text/metadata are evaluation data: they are read at test
time and never copied into the repository.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rasid.arabic.normalize import fold
from rasid.extract.html import extract_html
from rasid.model import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "html"

pytestmark = pytest.mark.skipif(
    not DATA.is_dir(), reason=f"evaluation pages not found at {DATA} (the shared data folder is absent)"
)


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", fold(text)))


def token_f1(found: str, expected: str) -> float:
    """Bag-of-words F1 between two texts, on folded word tokens."""
    a, b = _tokens(found), _tokens(expected)
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _extract(folder: str) -> Article:
    path = DATA / folder / "page.html"
    return extract_html(path.read_text(encoding="utf-8"), origin=str(path))


def test_cnn_arabic_2013() -> None:
    folder = DATA / "cnn_arabic_2013_syria"
    expected_meta = json.loads((folder / "expected_metadata.newspaper4k.json").read_text(encoding="utf-8"))
    expected_text = (folder / "expected_text.newspaper4k.txt").read_text(encoding="utf-8")
    article = _extract("cnn_arabic_2013_syria")
    assert article.title == expected_meta["title"]
    assert token_f1(article.text, expected_text) >= 0.9
    assert "ترحب شبكة CNN" not in article.text  # the comment-policy notice ("CNN welcomes discussion")


def test_assabah_2019() -> None:
    expected = json.loads((DATA / "assabah_tn_2019" / "expected.json").read_text(encoding="utf-8"))
    article = _extract("assabah_tn_2019")
    assert _space(article.title) == _space(expected["title"])
    for snippet in expected["with"]:
        assert snippet in article.text
    for snippet in expected["without"]:
        assert snippet not in article.text
    assert not article.text.startswith(article.title[:20])  # the headline is not repeated in the body


def test_lbc_2026() -> None:
    expected = json.loads((DATA / "lbcgroup_2026" / "expected.json").read_text(encoding="utf-8"))["V1"]
    article = _extract("lbcgroup_2026")
    assert article.title == expected["title"]
    assert article.published == datetime.fromisoformat(expected["publishing_date"])
    assert article.published.tzinfo is not None and article.published.utcoffset() == UTC.utcoffset(None)
    paragraphs = [p for section in expected["body"]["sections"] for p in section["paragraphs"]]
    assert article.text.split("\n\n") == paragraphs


def _space(text: str) -> str:
    return " ".join(text.split())
